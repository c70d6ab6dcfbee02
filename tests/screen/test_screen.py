"""`vigil screen`, `vigil match` and `vigil index` end to end on the bundled
lists and the bundled example (data/examples/): CSV and JSON-lines input, the
same output for 1 and N threads, snapshots, the planted listed persons of
expected.tsv found in every script, malformed input named by file:line.

Run from the repository root: VIGIL_BIN=build/vigil python3 tests/screen/test_screen.py -v
"""
import csv
import json
import os
import subprocess
import tempfile
import unittest

VIGIL = os.environ.get("VIGIL_BIN", "build/vigil")
LISTS = ["data/lists/ofac-sdn", "data/lists/un-sc/UN_consolidated.xml",
         "data/examples/wanted_persons.ftm.json"]
APPLICANTS = "data/examples/applicants.csv"
EXPECTED = "data/examples/expected.tsv"


def run(args, stdin=None):
    return subprocess.run([VIGIL] + args, input=stdin, capture_output=True, text=True,
                          timeout=600)


class ScreenTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.index = os.path.join(cls.tmp.name, "bundled.vidx")
        args = ["index", "build", "--output", cls.index]
        for l in LISTS:
            args += ["--list", l]
        r = run(args)
        if r.returncode != 0:
            raise RuntimeError("index build failed: " + r.stderr)
        # The example screened once from the snapshot, two threads.
        cls.results = os.path.join(cls.tmp.name, "results.jsonl")
        r = run(["screen", "--index", cls.index, "--input", APPLICANTS, "--output",
                 cls.results, "--threads", "2", "--limit", "3"])
        if r.returncode != 0:
            raise RuntimeError("screen failed: " + r.stderr)
        cls.summary = r.stderr
        with open(cls.results, encoding="utf-8") as f:
            cls.lines = [json.loads(l) for l in f]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def test_one_line_per_query_in_input_order(self):
        with open(APPLICANTS, encoding="utf-8") as f:
            ids = [r["id"] for r in csv.DictReader(f)]
        self.assertEqual([l["query_id"] for l in self.lines], ids)
        for l in self.lines:
            scores = [h["score"] for h in l["results"]]
            self.assertEqual(scores, sorted(scores, reverse=True))
            for h in l["results"]:
                self.assertTrue(h["match"])  # without --all, only matches
                for key in ("id", "schema", "caption", "datasets", "score", "explanation"):
                    self.assertIn(key, h)
        self.assertIn("%d queries" % len(ids), self.summary)
        self.assertIn("with a match", self.summary)

    def test_planted_persons_found_in_every_script(self):
        by_id = {l["query_id"]: l for l in self.lines}
        found, missed, scripts, negatives = 0, [], {}, []
        with open(EXPECTED, encoding="utf-8") as f:
            rows = [r.rstrip("\n").split("\t") for r in f if not r.startswith("#")]
        for applicant, ids, script, disguise, name in rows:
            hits = [h["id"] for h in by_id[applicant]["results"] if h["match"]]
            if ids == "-":
                negatives += [(applicant, name, hits)] if hits else []
                continue
            ok = any(i in hits for i in ids.split(";"))
            scripts.setdefault(script, [0, 0])
            scripts[script][1] += 1
            if ok:
                found += 1
                scripts[script][0] += 1
            else:
                missed.append((applicant, name, disguise, ids))
        total = sum(t for _, t in scripts.values())
        print("\nplanted listed persons found: %d of %d; by script: %s" %
              (found, total, ", ".join("%s %d/%d" % (s, f, t) for s, (f, t) in
                                       sorted(scripts.items()))))
        print("missed: %s" % missed)
        print("hard negatives flagged: %d %s" % (len(negatives), negatives))
        for script in ("han", "cyrillic", "arabic", "hangul", "latin"):
            self.assertGreater(scripts.get(script, [0, 0])[0], 0, "none found in " + script)
        self.assertGreaterEqual(found, 0.9 * total, missed)

    def test_same_output_for_one_and_many_threads_and_from_lists(self):
        one = self.path("one.jsonl")
        r = run(["screen", "--index", self.index, "--input", APPLICANTS, "--output", one,
                 "--threads", "1", "--limit", "3"])
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(one, encoding="utf-8") as a, open(self.results, encoding="utf-8") as b:
            self.assertEqual(a.read(), b.read())
        # Built in memory from the list files: the same answers as the snapshot.
        mem = self.path("mem.jsonl")
        args = ["screen", "--input", APPLICANTS, "--output", mem, "--threads", "3",
                "--limit", "3"]
        for l in LISTS:
            args += ["--list", l]
        r = run(args)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(mem, encoding="utf-8") as a, open(self.results, encoding="utf-8") as b:
            self.assertEqual(a.read(), b.read())

    def test_json_lines_input_and_csv_output_on_stdout(self):
        with open(APPLICANTS, encoding="utf-8") as f:
            rows = list(csv.DictReader(f))[:60]
        src = self.path("q.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for r in rows:
                props = {"name": [r["full_name"]], "nationality": [r["nationality"]]}
                if r["date_of_birth"]:
                    props["birthDate"] = [r["date_of_birth"]]
                if r["gender"]:
                    props["gender"] = [r["gender"]]
                f.write(json.dumps({"id": r["id"], "schema": "Person", "properties": props},
                                   ensure_ascii=False) + "\n")
        out = self.path("q.out.jsonl")
        r = run(["screen", "--index", self.index, "--input", src, "--output", out,
                 "--limit", "3"])
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out, encoding="utf-8") as f:
            got = [json.loads(l) for l in f]
        by_id = {l["query_id"]: l for l in self.lines}
        self.assertEqual(len(got), 60)
        for g in got:
            self.assertEqual([h["id"] for h in g["results"]],
                             [h["id"] for h in by_id[g["query_id"]]["results"]], g["query_id"])
        # CSV input from stdin, CSV output to stdout.
        with open(APPLICANTS, encoding="utf-8") as f:
            text = f.read()
        r = run(["screen", "--index", self.index, "--input", "-", "--output", "-",
                 "--format", "csv", "--limit", "1"], stdin=text)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = list(csv.DictReader(r.stdout.splitlines()))
        self.assertEqual(len(rows), sum(1 for l in self.lines if l["results"]))
        self.assertEqual(set(rows[0]), {"query_id", "query_name", "rank", "id", "schema",
                                         "caption", "datasets", "score", "match", "why"})

    def test_malformed_input_names_file_and_line(self):
        bad = self.path("bad.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("id,full_name,date_of_birth\nA1,Wang Wei,1961\nA2,Li Na,sometime\n"
                    "A3,Chen Yu,1970\n")
        out = self.path("bad.out")
        r = run(["screen", "--index", self.index, "--input", bad, "--output", out])
        self.assertEqual(r.returncode, 1)
        self.assertIn(bad + ":3", r.stderr)
        self.assertIn("date_of_birth", r.stderr)
        r = run(["screen", "--index", self.index, "--input", bad, "--output", out,
                 "--skip-invalid"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("2 queries", r.stderr)
        self.assertIn("1 skipped", r.stderr)
        badj = self.path("bad.jsonl")
        with open(badj, "w", encoding="utf-8") as f:
            f.write('{"id": "1", "schema": "Person", "properties": {"name": ["A B"]}}\n'
                    '{"id": "2", "schema": "Person", "properties": {"name": ["C D"]\n')
        r = run(["screen", "--index", self.index, "--input", badj, "--output", out])
        self.assertEqual(r.returncode, 1)
        self.assertIn(badj + ":2", r.stderr)
        r = run(["screen", "--index", self.index, "--input", self.path("missing.csv"),
                 "--output", out])
        self.assertEqual(r.returncode, 1)

    def test_corrupt_or_foreign_index_is_an_error(self):
        with open(self.index, "rb") as f:
            data = f.read()
        with open(APPLICANTS, "rb") as f:
            foreign = f.read()
        cases = {"empty.vidx": b"", "truncated.vidx": data[: len(data) // 3],
                 "foreign.vidx": foreign}
        flipped = bytearray(data)
        flipped[len(data) // 2] ^= 0x40
        cases["flipped.vidx"] = bytes(flipped)
        for name, content in cases.items():
            p = self.path(name)
            with open(p, "wb") as f:
                f.write(content)
            r = run(["screen", "--index", p, "--input", APPLICANTS, "--output",
                     self.path("x.out")])
            self.assertEqual(r.returncode, 1, name)
            self.assertIn(p, r.stderr, name)
        r = run(["index", "info", self.index])
        self.assertEqual(r.returncode, 0, r.stderr)
        info = json.loads(r.stdout)
        self.assertEqual(info["format"], "vigil-index")
        self.assertGreater(info["entities"], 15000)

    def test_match_prints_a_table_with_explanations(self):
        r = run(["match", "--index", self.index, "--birth-date", "1968", "--limit", "3",
                 "陳志強"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("wp-001", r.stdout)
        self.assertIn("MATCH", r.stdout)
        self.assertIn("birth_date", r.stdout)
        self.assertIn("similarity", r.stdout)
        r = run(["match", "--index", self.index, "--schema", "Spaceship", "X"])
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    unittest.main()
