#!/usr/bin/env bash
# Builds the web console and runs its browser tests against a real `vigil serve`.
#
#   scripts/web-test.sh            # from the repository root, after building vigil
#
# Environment:
#   VIGIL_BIN          the vigil binary (default build/vigil)
#   VIGIL_LISTS        list files to serve, space-separated (default: the bundled lists in
#                      data/lists/ plus the browser tests' own fixture list web/e2e/fixtures/*.jsonl)
#   VIGIL_SCREENSHOTS  where the tests save their screenshots (default docs/screenshots)
#   VIGIL_SKIP_SETUP=1 skip the Debian package check (chromium, node, npm)
#
# Steps: check Chromium, Node and npm are installed (scripts/setup-debian.sh with
# VIGIL_WITH_BROWSER=1), `npm ci`, the console's unit tests (web/test/) and
# `npm run build` in web/, create a temporary
# database with an admin, an analyst and a viewer key, start `vigil serve` on a free
# loopback port, run the tests (node --test web/e2e/), stop the server. Exits non-zero
# on any failure, and then prints the end of the server's log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

vigil="${VIGIL_BIN:-build/vigil}"
case "$vigil" in /*) ;; *) vigil="$root/$vigil" ;; esac
if [ ! -x "$vigil" ]; then
  echo "web-test: no vigil binary at $vigil (build it first, or set VIGIL_BIN)" >&2
  exit 1
fi

if ! "$vigil" serve --help >/dev/null 2>&1; then
  echo "web-test: $vigil has no 'serve' command (was it built with the screening and server layers?)" >&2
  exit 1
fi

if [ "${VIGIL_SKIP_SETUP:-0}" != 1 ]; then
  VIGIL_WITH_BROWSER=1 bash scripts/setup-debian.sh
fi
for tool in node npm /usr/bin/chromium; do
  command -v "$tool" >/dev/null || { echo "web-test: $tool is not installed" >&2; exit 1; }
done

echo "web-test: building the console (npm ci, unit tests, npm run build)"
(cd web && npm ci --no-audit --no-fund --loglevel=error && node --test test/ && npm run build --silent)
[ -f web/dist/index.html ] || { echo "web-test: web/dist/index.html was not built" >&2; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/vigil-web-test.XXXXXX")"
pidfile="$tmp/serve.pid"
log="$tmp/serve.log"
cleanup() {
  local rc=$?
  if [ -f "$pidfile" ]; then
    local pid
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  if [ "$rc" -ne 0 ] && [ -f "$log" ]; then
    echo "web-test: failed; last lines of the server log ($log):" >&2
    tail -n 40 "$log" >&2 || true
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db="$tmp/vigil.db"
newkey() { # role name -> prints the key
  local out
  out="$("$vigil" keys create --db "$db" --role "$1" --name "$2")"
  grep -o 'vk_[A-Za-z0-9_]*' <<<"$out" | awk 'length > 20' | head -n 1
}
admin_key="$(newkey admin e2e-admin)"
analyst_key="$(newkey analyst e2e-analyst)"
viewer_key="$(newkey viewer e2e-viewer)"
for k in "$admin_key" "$analyst_key" "$viewer_key"; do
  [ -n "$k" ] || { echo "web-test: could not read a key printed by 'vigil keys create'" >&2; exit 1; }
done

if [ -n "${VIGIL_LISTS:-}" ]; then
  read -r -a lists <<<"$VIGIL_LISTS"
else
  lists=()
  shopt -s nullglob
  # An OFAC file set is passed as its directory; any other list as its files.
  for f in data/lists/* data/lists/*/*; do
    case "$(basename "$f")" in *.md | LICENSE* | PROVENANCE* | NOTICE*) continue ;; esac
    if [ -d "$f" ]; then
      if [ -f "$f/sdn.csv" ] || [ -f "$f/cons_prim.csv" ]; then lists+=("$f"); fi
    elif [ ! -f "$(dirname "$f")/sdn.csv" ] && [ ! -f "$(dirname "$f")/cons_prim.csv" ]; then
      lists+=("$f")
    fi
  done
  for f in web/e2e/fixtures/*.jsonl; do lists+=("$f"); done
  shopt -u nullglob
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

# Paths relative to the repository root (the server's working directory, also
# after the tests restart it): that is how they show in the console.
argv=("$vigil" serve --db "$db" --listen "127.0.0.1:$port" --web web/dist)
for l in "${lists[@]}"; do argv+=(--list "$l"); done

echo "web-test: starting ${argv[*]}"
"${argv[@]}" >"$log" 2>&1 &
echo $! >"$pidfile"
url="http://127.0.0.1:$port"
for i in $(seq 1 240); do
  if curl -fsS "$url/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "web-test: vigil serve exited" >&2; exit 1; fi
  [ "$i" = 240 ] && { echo "web-test: vigil serve not ready after 120 s" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$url/" | grep -q '<div id="root">' || {
  echo "web-test: $url/ does not serve the console (web/dist/index.html)" >&2
  exit 1
}

argv_json="$(python3 -c 'import json, sys; print(json.dumps(sys.argv[1:]))' "${argv[@]}")"
echo "web-test: running the browser tests against $url"
(cd web && VIGIL_URL="$url" VIGIL_ADMIN_KEY="$admin_key" VIGIL_ANALYST_KEY="$analyst_key" \
  VIGIL_VIEWER_KEY="$viewer_key" VIGIL_SERVE_PIDFILE="$pidfile" VIGIL_SERVE_LOG="$log" \
  VIGIL_SERVE_ARGV="$argv_json" VIGIL_SERVE_CWD="$root" VIGIL_SCREENSHOTS="${VIGIL_SCREENSHOTS:-$root/docs/screenshots}" \
  node --test --test-concurrency=1 e2e/)
