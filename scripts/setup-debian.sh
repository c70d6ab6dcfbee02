#!/usr/bin/env bash
# Installs every Debian package vigil needs to build, test, demo and benchmark.
# Idempotent: packages already present are not fetched again.
set -euo pipefail
pkgs=(build-essential cmake ninja-build ccache pkg-config
      libicu-dev libsqlite3-dev sqlite3 libpugixml-dev nlohmann-json3-dev libcli11-dev
      libcpp-httplib-dev libssl-dev libgtest-dev libgmock-dev libbenchmark-dev
      unicode-data python3 curl ca-certificates)
if [ "${VIGIL_WITH_BROWSER:-0}" = 1 ]; then pkgs+=(chromium fonts-wqy-microhei nodejs npm); fi
if [ "${VIGIL_WITH_BENCH:-0}" = 1 ]; then pkgs+=(postgresql postgresql-contrib libpq-dev); fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs/npm may come from outside Debian's packages on a developer machine.
if [ "${VIGIL_WITH_BROWSER:-0}" = 1 ] && command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
clean=(); for p in "${missing[@]}"; do [ -n "$p" ] && clean+=("$p"); done
if [ ${#clean[@]} -gt 0 ]; then
  echo "setup: installing ${clean[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${clean[@]}"
fi
