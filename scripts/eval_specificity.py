#!/usr/bin/env python3
"""How often vigil matches two *unrelated* names across scripts.

`vigil eval` measures precision on one hard negative per positive; a screening
query meets hundreds of candidates, so what buries analysts is the rate at
which an unrelated name passes. For each cross-script group in tests/eval this
pairs the Latin side of the first N positives with the native side of every
other one (N * (N - 1) pairs, none of them the same person unless the data has
namesakes) and prints the share that `vigil compare` calls a match.

Usage: python3 scripts/eval_specificity.py [--vigil build/vigil] [--n 150] [--show K] [GROUP ...]
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GROUPS = ["cross_script_chinese", "cross_script_korean", "cross_script_russian",
          "cross_script_arabic", "cross_script_hebrew", "arabic_ar2en"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vigil", default=os.path.join(ROOT, "build", "vigil"))
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--show", type=int, default=0, help="print up to this many matched pairs per group")
    ap.add_argument("groups", nargs="*", default=GROUPS)
    args = ap.parse_args()
    print(f"{'group':30} {'pairs':>7} {'matched':>7} {'rate':>8}")
    for g in args.groups:
        path = os.path.join(ROOT, "tests", "eval", g + ".tsv")
        rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if not l.startswith("#")]
        pos = [r for r in rows if r[0] == "match"][: args.n]
        lines = []
        for i, a in enumerate(pos):
            for j, b in enumerate(pos):
                if i != j:
                    lines.append(json.dumps({
                        "id": f"{i}-{j}",
                        "left": {"schema": a[1], "properties": {"name": [a[2]]}},
                        "right": {"schema": b[1], "properties": {"name": [b[3]]}}}, ensure_ascii=False))
        r = subprocess.run([args.vigil, "compare", "--input", "-", "--output", "-"],
                           input="\n".join(lines) + "\n", capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"vigil compare failed on {g}: {r.stderr.strip()}")
        hits = [json.loads(l) for l in r.stdout.splitlines()]
        hits = [h for h in hits if h["match"]]
        matched = len(hits)
        print(f"{g:30} {len(lines):7} {matched:7} {100.0 * matched / len(lines):7.2f}%")
        for h in sorted(hits, key=lambda h: -h["score"])[: args.show]:
            i, j = (int(x) for x in h["id"].split("-"))
            print(f"    {h['score']:.3f}  {pos[i][2]}  <>  {pos[j][3]}")


if __name__ == "__main__":
    main()
