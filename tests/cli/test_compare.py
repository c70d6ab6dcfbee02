"""`vigil compare` and `vigil eval` end to end: real files, stdin/stdout, malformed input."""
import json
import os
import subprocess
import tempfile
import unittest

VIGIL = os.environ.get("VIGIL_BIN", "build/vigil")


def person(name, **props):
    p = {"name": [name]}
    for k, v in props.items():
        p[k] = [v]
    return {"schema": "Person", "properties": p}


class CompareTest(unittest.TestCase):
    def run_vigil(self, args, stdin=None):
        return subprocess.run([VIGIL] + args, input=stdin, capture_output=True, text=True, timeout=120)

    def test_files_in_order_with_explanations(self):
        pairs = [
            {"id": "hk", "left": person("陳大文"), "right": person("CHAN Tai-man")},
            {"id": "years", "left": person("Wang Wei", birthDate="1961"),
             "right": person("Wang Wei", birthDate="1984")},
            {"id": "ru", "left": person("Юлия Тимошенко"), "right": person("Yulia Tymoshenko")},
        ]
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, "pairs.jsonl")
            out = os.path.join(d, "scores.jsonl")
            with open(src, "w", encoding="utf-8") as f:
                for p in pairs:
                    f.write(json.dumps(p, ensure_ascii=False) + "\n")
            r = self.run_vigil(["compare", "--input", src, "--output", out])
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out, encoding="utf-8") as f:
                lines = [json.loads(l) for l in f]
        self.assertEqual([l["id"] for l in lines], ["hk", "years", "ru"])
        self.assertTrue(lines[0]["match"])
        self.assertFalse(lines[1]["match"])
        self.assertTrue(lines[2]["match"])
        features = {f["name"] for f in lines[1]["explanation"]["features"]}
        self.assertIn("birth_date", features)
        methods = {p["method"] for p in lines[0]["explanation"]["parts"]}
        self.assertTrue(methods - {"unmatched"}, lines[0])
        for l in lines:
            self.assertGreaterEqual(l["score"], 0)
            self.assertLessEqual(l["score"], 1)

    def test_stdin_stdout_and_threshold(self):
        line = json.dumps({"id": 7, "left": person("Jonathon Smith"), "right": person("Jonathan Smith")})
        r = self.run_vigil(["compare"], stdin=line + "\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        loose = json.loads(r.stdout)
        self.assertEqual(loose["id"], 7)
        self.assertTrue(loose["match"])
        r = self.run_vigil(["compare", "--threshold", "0.99", "-i", "-", "-o", "-"], stdin=line + "\n")
        self.assertFalse(json.loads(r.stdout)["match"])

    def test_malformed_line_is_named(self):
        good = json.dumps({"id": "a", "left": person("A B"), "right": person("A B")})
        text = good + "\n{not json\n" + json.dumps({"id": "c", "left": {"schema": "Martian"}, "right": person("x")}) + "\n" + good + "\n"
        r = self.run_vigil(["compare"], stdin=text)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("<stdin>:2", r.stderr)
        r = self.run_vigil(["compare", "--skip-invalid"], stdin=text)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(r.stdout.strip().splitlines()), 2)
        self.assertIn("<stdin>:3", r.stderr)
        self.assertIn("2 invalid lines skipped", r.stderr)

    def test_missing_input_file(self):
        r = self.run_vigil(["compare", "--input", "/nonexistent/pairs.jsonl"])
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("/nonexistent/pairs.jsonl", r.stderr)


class EvalTest(unittest.TestCase):
    def test_groups_and_floor(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "tiny.tsv"), "w", encoding="utf-8") as f:
                f.write("match\tPerson\t习近平\tXi Jinping\tpinyin\n")
                f.write("no_match\tPerson\tWang Wei | birthDate=1961\tWang Wei | birthDate=1984\tyears\n")
            r = subprocess.run([VIGIL, "eval", "--pairs", d, "--json"], capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            report = json.loads(r.stdout)
            self.assertEqual(report["tiny"]["f1"], 1.0)
            with open(os.path.join(d, "bad.tsv"), "w", encoding="utf-8") as f:
                f.write("perhaps\tPerson\tA\tB\n")
            r = subprocess.run([VIGIL, "eval", "--pairs", d], capture_output=True, text=True)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("bad.tsv:1", r.stderr)

    def test_group_floor_names_the_group(self):
        with tempfile.TemporaryDirectory() as d:
            # One group decided right, one wrong: overall F1 0.67, the bad group 0.
            with open(os.path.join(d, "good.tsv"), "w", encoding="utf-8") as f:
                f.write("match\tPerson\t习近平\tXi Jinping\tpinyin\n")
            with open(os.path.join(d, "poor.tsv"), "w", encoding="utf-8") as f:
                f.write("match\tPerson\tJohn Smith\tMaria Garcia\tmislabelled on purpose\n")
            ok = subprocess.run([VIGIL, "eval", "--pairs", d, "--fail-under", "0.5"],
                                capture_output=True, text=True)
            self.assertEqual(ok.returncode, 0, ok.stderr)
            r = subprocess.run([VIGIL, "eval", "--pairs", d, "--fail-under", "0.5",
                                "--group-fail-under", "0.9"], capture_output=True, text=True)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("poor F1 0.000 is below the group floor", r.stderr)
            self.assertNotIn("good F1", r.stderr)


if __name__ == "__main__":
    unittest.main()
