"""Review workflow: screenings, alerts, decisions and suppression (and its
end when the list entry changes), cases, batches, and audit tamper detection."""
import os
import shutil
import sqlite3
import time
import unittest

from harness import DATA, Server, ServerTestCase, person, vigil


class WorkflowTest(ServerTestCase):
    def test_screening_records_alerts_with_explanations(self):
        s = self.screen(person("CHAN Tai Man", id="app-100", birthDate="1970-01-02"),
                        reference="APP-100", requested_by="intake")
        self.assertEqual(s["reference"], "APP-100")
        self.assertEqual(s["requested_by"], "intake")
        self.assertEqual(s["subject"]["key"], "id:app-100")
        ids = [a["entity_id"] for a in s["alerts"]]
        self.assertIn("wl-chan-tai-man", ids)
        a = s["alerts"][ids.index("wl-chan-tai-man")]
        self.assertEqual(a["status"], "open")
        self.assertTrue(a["new"])
        self.assertGreaterEqual(a["score"], 0.7)
        self.assertEqual(a["dataset"], "test_wanted")
        self.assertIn("name_score", a["explanation"])
        full = self.server.get("/alerts/%d" % a["id"], self.viewer).json
        self.assertEqual(full["subject"]["properties"]["name"], ["CHAN Tai Man"])
        self.assertEqual(full["entity"]["id"], "wl-chan-tai-man")
        self.assertEqual(full["history"][0]["action"], "created")
        self.assertEqual(full["reference"], "APP-100")
        # Nobody on the lists: a screening with no alerts.
        s = self.screen(person("Zebulon Quackenbush"))
        self.assertEqual(s["alerts"], [])
        self.assertTrue(s["subject"]["key"].startswith("sha256:"))

    def test_alert_listing_filters(self):
        self.screen(person("Ivan Petrov", id="filt-1"))
        j = self.server.get("/alerts?dataset=test_sanctions&status=open&min_score=0.5",
                            self.viewer).json
        self.assertGreaterEqual(j["total"], 1)
        for a in j["alerts"]:
            self.assertEqual((a["dataset"], a["status"]), ("test_sanctions", "open"))
            self.assertGreaterEqual(a["score"], 0.5)
        j = self.server.get("/alerts?page_size=1&page=1", self.viewer).json
        self.assertEqual(len(j["alerts"]), 1)
        self.assertEqual(j["page_size"], 1)
        self.assertError(self.server.get("/alerts?status=bogus", self.viewer), 400)
        # The console's work queue: several statuses, score bands, dates, sorting.
        a = self.screen(person("Xi Jinping", id="filt-2"))["alerts"][0]
        self.server.post("/alerts/%d/decision" % a["id"], self.analyst, {"decision": "escalate"})
        for q in ("status=open,escalated", "status=open&status=escalated"):
            j = self.server.get("/alerts?page_size=500&" + q, self.viewer).json
            self.assertEqual({x["status"] for x in j["alerts"]}, {"open", "escalated"}, q)
        j = self.server.get("/alerts?page_size=500&min_score=0.8&max_score=0.9", self.viewer).json
        self.assertTrue(all(0.8 <= x["score"] < 0.9 for x in j["alerts"]), j)
        j = self.server.get("/alerts?page_size=500&sort=-score", self.viewer).json
        scores = [x["score"] for x in j["alerts"]]
        self.assertEqual(scores, sorted(scores, reverse=True))
        j = self.server.get("/alerts?page_size=500&sort=score", self.viewer).json
        self.assertEqual([x["score"] for x in j["alerts"]], sorted(scores))
        j = self.server.get("/alerts?sort=created_at", self.viewer).json
        ids = [x["id"] for x in j["alerts"]]
        self.assertEqual(ids, sorted(ids))
        self.assertEqual(self.server.get("/alerts?since=2999-01-01", self.viewer).json["total"], 0)
        self.assertEqual(self.server.get("/alerts?until=2000-01-01", self.viewer).json["total"], 0)
        everything = self.server.get("/alerts", self.viewer).json["total"]
        self.assertEqual(self.server.get("/alerts?since=2000-01-01&until=2999-01-01T00:00:00Z",
                                         self.viewer).json["total"], everything)
        self.assertError(self.server.get("/alerts?sort=id;DROP", self.viewer), 400)
        self.assertError(self.server.get("/alerts?since=yesterday", self.viewer), 400)
        self.assertError(self.server.get("/alerts?min_score=2", self.viewer), 400)
        self.assertError(self.server.get("/alerts/999999", self.viewer), 404, "not_found")

    def test_decisions_are_recorded_with_key_and_time(self):
        a = self.screen(person("Mohammed Ali Hassan", id="dec-1"))["alerts"][0]
        r = self.server.post("/alerts/%d/decision" % a["id"], self.analyst,
                             {"decision": "escalate", "comment": "needs a second look"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["alert"]["status"], "escalated")
        r = self.server.post("/alerts/%d/decision" % a["id"], self.analyst,
                             {"decision": "match", "comment": "passport matches"})
        self.assertEqual(r.json["alert"]["status"], "match")
        h = self.server.get("/alerts/%d" % a["id"], self.viewer).json["history"]
        self.assertEqual([x["action"] for x in h], ["created", "decision", "decision"])
        self.assertEqual(h[2]["comment"], "passport matches")
        self.assertIn("alice", h[2]["actor"])
        self.assertRegex(h[2]["at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
        self.assertError(self.server.post("/alerts/%d/decision" % a["id"], self.analyst,
                                          {"decision": "maybe"}), 400, "invalid_argument")
        self.assertError(self.server.post("/alerts/%d/decision" % a["id"], self.viewer,
                                          {"decision": "match"}), 403)
        self.assertError(self.server.post("/alerts/424242/decision", self.analyst,
                                          {"decision": "match"}), 404)

    def test_case_lifecycle(self):
        a = self.screen(person("Xi Jinping", id="case-1"))["alerts"][0]
        r = self.server.post("/cases", self.analyst,
                             {"title": "Xi Jinping: confirmed", "description": "from APP-7",
                              "alert_ids": [a["id"]], "entity_ids": ["wl-xi-jinping"]})
        self.assertEqual(r.status, 201, r)
        c = r.json
        self.assertEqual(c["status"], "open")
        self.assertEqual(c["alert_ids"], [a["id"]])
        cid = c["id"]
        patch = lambda body: self.server.request("PATCH", "/cases/%d" % cid, self.analyst,
                                                 body=body)
        self.assertError(patch({"status": "referred", "counterpart": "X", "reference": "Y"}),
                         409, "failed_precondition", "open to referred")
        self.assertEqual(patch({"status": "investigating"}).status, 200)
        n = self.server.post("/cases/%d/notes" % cid, self.analyst, {"text": "called HKPF"})
        self.assertEqual(n.status, 201, n)
        self.assertError(patch({"status": "referred"}), 400, "invalid_argument", "counterpart")
        r = patch({"status": "referred", "counterpart": "Hong Kong Police NB",
                   "reference": "NB-2024-77", "comment": "handed over"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["counterpart"], r.json["reference"]),
                         ("Hong Kong Police NB", "NB-2024-77"))
        b = self.screen(person("Vladimir Putin", id="case-2"))["alerts"][0]
        r = self.server.post("/cases/%d/links" % cid, self.analyst, {"alert_ids": [b["id"]]})
        self.assertEqual(r.json["alert_ids"], [a["id"], b["id"]])
        self.assertEqual(patch({"status": "closed", "comment": "arrested"}).status, 200)
        self.assertError(patch({"status": "investigating"}), 409)
        c = self.server.get("/cases/%d" % cid, self.viewer).json
        self.assertEqual(c["status"], "closed")
        self.assertEqual(c["notes"][0]["text"], "called HKPF")
        kinds = [(t["kind"], t["detail"].get("to")) for t in c["timeline"]]
        self.assertEqual(kinds, [("created", None), ("status", "investigating"), ("note", None),
                                 ("status", "referred"), ("link", None), ("status", "closed")])
        self.assertEqual(c["timeline"][3]["detail"]["reference"], "NB-2024-77")
        listed = self.server.get("/cases?status=closed", self.viewer).json
        self.assertIn(cid, [x["id"] for x in listed["cases"]])
        self.assertNotIn("timeline", listed["cases"][0])
        self.assertError(self.server.post("/cases", self.analyst,
                                          {"title": "x", "alert_ids": [999999]}), 404)
        self.assertError(self.server.post("/cases", self.analyst, {"title": ""}), 400)
        self.assertError(self.server.get("/cases/999999", self.viewer), 404)

    def test_batch_csv_and_ndjson(self):
        csv = ("id,name,birthDate,reference\n"
               "b-1,Vladimir Putin,1952-10-07,REF-1\n"
               "b-2,\"Petrov, Ivan\",,REF-2\n"
               "b-3,Zebulon Quackenbush,,REF-3\n"
               "b-4,too,many,fields,here\n")
        r = self.server.request("POST", "/screenings/batch", self.analyst, raw=csv,
                                headers={"Content-Type": "text/csv"})
        self.assertEqual(r.status, 202, r)
        self.assertEqual(r.json["total"], 4)
        b = self.wait_batch(r.json["id"])
        self.assertEqual(b["status"], "done", b)
        self.assertEqual((b["done"], b["failed"]), (4, 1))
        by_line = {x["line"]: x for x in b["results"]}
        self.assertTrue(by_line[2]["alert_ids"])
        self.assertEqual(by_line[4]["alert_ids"], [])
        self.assertIn("line 5", by_line[5]["error"])
        csv_out = self.server.get("/batches/%s/results.csv" % b["id"], self.viewer)
        self.assertEqual(csv_out.status, 200)
        self.assertTrue(csv_out.headers["Content-Type"].startswith("text/csv"))
        lines = csv_out.text.strip().split("\n")
        self.assertTrue(lines[0].startswith("line,reference,subject_id"))
        self.assertTrue(any("wl-putin" in l and "REF-1" in l for l in lines))
        rows = self.server.get("/batches/%s/results" % b["id"], self.viewer).json["rows"]
        self.assertEqual(len(rows), len(lines) - 1)
        putin = next(x for x in rows if x["entity_id"] == "wl-putin")
        self.assertEqual((putin["line"], putin["reference"], putin["alert_status"]),
                         (2, "REF-1", "open"))
        self.assertIsInstance(putin["score"], float)
        self.assertIn("line 5", next(x for x in rows if x["line"] == 5)["error"])

        nd = ('{"subject": {"schema": "Person", "properties": {"name": ["Xi Jinping"]}}, '
              '"reference": "N-1"}\n'
              '{"schema": "Company", "properties": {"name": ["Rosneft"]}}\n'
              '{"schema": "Persn", "properties": {"name": ["x"]}}\n'
              'not json\n')
        r = self.server.request("POST", "/screenings/batch?reference=DEF", self.analyst, raw=nd,
                                headers={"Content-Type": "application/x-ndjson"})
        self.assertEqual(r.status, 202, r)
        b = self.wait_batch(r.json["id"])
        self.assertEqual((b["total"], b["done"], b["failed"]), (4, 4, 2))
        self.assertEqual(b["results"][0]["reference"], "N-1")
        self.assertEqual(b["results"][1]["reference"], "DEF")
        self.assertIn("unknown schema", b["results"][2]["error"])
        self.assertError(self.server.request("POST", "/screenings/batch", self.analyst,
                                             raw="x", headers={"Content-Type": "text/plain"}),
                         400, "invalid_argument", "Content-Type")
        self.assertError(self.server.get("/batches/b_99999", self.viewer), 404)
        self.assertError(self.server.get("/batches/xyz", self.viewer), 404)

    def wait_batch(self, bid, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            b = self.server.get("/batches/" + bid, self.viewer).json
            if b["status"] != "running":
                return b
            time.sleep(0.1)
        self.fail("batch %s did not finish" % bid)


class SuppressionTest(ServerTestCase):
    """no_match suppresses the same alert on later screenings, visibly, until
    the list entry itself changes (reloaded with a modified list)."""

    def test_no_match_suppresses_until_list_entry_changes(self):
        subject = person("Chan Tai Man", id="app-7")
        first = self.screen(subject, reference="APP-7")
        alert = next(a for a in first["alerts"] if a["entity_id"] == "wl-chan-tai-man")
        # Re-screening while open returns the same alert, not a duplicate.
        again = self.screen(subject)
        same = next(a for a in again["alerts"] if a["entity_id"] == "wl-chan-tai-man")
        self.assertEqual((same["id"], same["new"]), (alert["id"], False))

        d = self.server.post("/alerts/%d/decision" % alert["id"], self.analyst,
                             {"decision": "no_match", "comment": "born 1982, not 1970"}).json
        third = self.screen(subject)
        sup = next(a for a in third["alerts"] if a["entity_id"] == "wl-chan-tai-man")
        self.assertEqual(sup["status"], "suppressed")
        self.assertEqual(sup["suppressed_by"]["decision_id"], d["decision_id"])
        self.assertEqual(sup["suppressed_by"]["alert_id"], alert["id"])
        self.assertEqual(sup["suppressed_by"]["comment"], "born 1982, not 1970")
        self.assertGreaterEqual(third["suppressed"], 1)
        listed = self.server.get("/alerts?status=suppressed", self.viewer).json
        self.assertIn(sup["id"], [a["id"] for a in listed["alerts"]])
        # Another subject hitting the same entry is not suppressed.
        other = self.screen(person("Chan Tai Man", id="app-8"))
        self.assertEqual(next(a for a in other["alerts"]
                              if a["entity_id"] == "wl-chan-tai-man")["status"], "open")

        # The list entry changes (new alias); reload; the alert comes back open.
        shutil.copy(os.path.join(DATA, "watchlist_updated.ftm.json"), self.list_paths[0])
        r = self.server.post("/admin/reload", self.admin)
        self.assertEqual(r.status, 200, r)
        after = self.screen(subject)
        back = next(a for a in after["alerts"] if a["entity_id"] == "wl-chan-tai-man")
        self.assertEqual(back["status"], "open")
        self.assertTrue(back["new"])
        self.assertNotEqual(back["fingerprint"], alert["fingerprint"])
        self.assertIsNone(back["suppressed_by"])
        # ...while entries that did not change stay as they were.
        shutil.copy(os.path.join(DATA, "watchlist.ftm.json"), self.list_paths[0])
        self.server.post("/admin/reload", self.admin)


class AuditTamperTest(ServerTestCase):
    def test_edit_and_delete_are_detected(self):
        a = self.screen(person("Vladimir Putin", id="t-1"))["alerts"][0]
        self.server.post("/alerts/%d/decision" % a["id"], self.analyst,
                         {"decision": "no_match", "comment": "original"})
        self.server.post("/cases", self.analyst, {"title": "t"})
        ok = vigil("audit", "verify", "--db", self.db)
        self.assertIn("audit chain ok", ok.stdout)
        self.assertEqual(self.server.stop(), 0)

        recs = self.audit_rows()
        target = next(seq for seq, action in recs if action == "alert.decision")
        con = sqlite3.connect(self.db)
        # The append-only triggers refuse a plain edit...
        with self.assertRaises(sqlite3.DatabaseError):
            con.execute("UPDATE audit SET after_json = '{}' WHERE seq = ?", (target,))
        # ...so an intruder drops them first.
        con.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
        con.execute("UPDATE audit SET after_json = replace(after_json, 'no_match', 'match')"
                    " WHERE seq = ?", (target,))
        con.commit()
        con.close()
        bad = vigil("audit", "verify", "--db", self.db, check=False)
        self.assertEqual(bad.returncode, 1, bad.stdout + bad.stderr)
        self.assertIn("record %d " % target, bad.stdout)
        self.assertIn("edited", bad.stdout)

        # Restore, then delete a record in the middle: also named.
        con = sqlite3.connect(self.db)
        con.execute("UPDATE audit SET after_json = replace(after_json, '\"match\"', "
                    "'\"no_match\"') WHERE seq = ?", (target,))
        con.commit()
        self.assertEqual(vigil("audit", "verify", "--db", self.db, check=False).returncode, 0)
        con.execute("DELETE FROM audit WHERE seq = 2")
        con.commit()
        con.close()
        bad = vigil("audit", "verify", "--db", self.db, check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("record 2 is missing", bad.stdout)

        # The server reports the same through GET /audit/verify.
        type(self).server = Server(self.tmp, self.db, lists=self.list_paths).start()
        v = self.server.get("/audit/verify", self.viewer).json
        self.assertFalse(v["ok"])
        self.assertEqual(v["first_bad"]["seq"], 3)

    def audit_rows(self):
        con = sqlite3.connect(self.db)
        rows = con.execute("SELECT seq, action FROM audit ORDER BY seq").fetchall()
        con.close()
        return rows


if __name__ == "__main__":
    unittest.main()
