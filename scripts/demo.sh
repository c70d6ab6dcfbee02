#!/usr/bin/env bash
# `make demo`: screens the bundled investor-visa applicants
# (data/examples/applicants.csv) against the bundled OFAC SDN and UN lists and
# the example wanted-persons list, and prints what vigil found.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
VIGIL=${VIGIL:-$BUILD/vigil}
if [ ! -x "$VIGIL" ]; then
  echo "demo: $VIGIL not found; run 'make build' first" >&2
  exit 1
fi
results=$(mktemp -t vigil-demo.XXXXXX.csv)
trap 'rm -f "$results"' EXIT

echo "Screening data/examples/applicants.csv against OFAC SDN, UN Security Council and"
echo "the example wanted-persons list ..."
"$VIGIL" screen \
  --list data/lists/ofac-sdn \
  --list data/lists/un-sc/UN_consolidated.xml \
  --list data/examples/wanted_persons.ftm.json \
  --input data/examples/applicants.csv \
  --output "$results" --format csv --limit 1
echo

/usr/bin/python3 - "$results" data/examples/applicants.csv <<'PY'
import csv, sys, unicodedata

def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

def pad(s, n):
    return s + " " * max(0, n - width(s))

def cut(s, n):
    if width(s) <= n:
        return s
    out = ""
    for c in s:
        if width(out + c) > n - 1:
            break
        out += c
    return out + "…"

applicants = {r["id"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
hits = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
hits.sort(key=lambda h: -float(h["score"]))
cols = [("applicant", 30), ("born", 10), ("listed person", 30), ("dataset", 16),
        ("score", 5), ("why", 70)]
print("  ".join(pad(c, w) for c, w in cols))
print("  ".join("-" * w for _, w in cols))
for h in hits:
    a = applicants.get(h["query_id"], {})
    row = [f'{h["query_id"]} {a.get("full_name", h["query_name"])}', a.get("date_of_birth", ""),
           h["caption"], h["datasets"], f'{float(h["score"]):.2f}', h["why"]]
    print("  ".join(pad(cut(v, w), w) for v, (_, w) in zip(row, cols)).rstrip())
print(f"\n{len(hits)} of {len(applicants)} applicants match a listed person "
      f"(full explanations: vigil match --list ... \"NAME\").")
PY
