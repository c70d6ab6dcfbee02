"""Hard guarantees: reload under load with zero failed requests, a failed
reload keeps the old lists, SIGKILL durability of acknowledged writes,
graceful SIGTERM, and hostile input that must leave the service and the store
intact."""
import json
import os
import random
import shutil
import signal
import socket
import sys
import sqlite3
import tempfile
import threading
import time
import unittest

from harness import DATA, Server, ServerTestCase, create_key, person, vigil


def integrity(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


class ReloadTest(ServerTestCase):
    def test_reload_under_concurrent_match_load_fails_nothing(self):
        body = {"queries": {"a": person("Vladimir Putin"), "b": person("Xi Jinping"),
                            "c": person("CHAN Tai Man")}}
        stop = threading.Event()
        failures, done = [], [0]
        lock = threading.Lock()

        def client():
            while not stop.is_set():
                try:
                    r = self.server.post("/match/default", self.analyst, body)
                    ok = (r.status == 200 and
                          r.json["responses"]["a"]["results"][0]["id"] == "wl-putin")
                except Exception as e:  # connection refused/reset count as failures
                    r, ok = repr(e), False
                with lock:
                    done[0] += 1
                    if not ok:
                        failures.append(r)

        threads = [threading.Thread(target=client) for _ in range(4)]
        for t in threads:
            t.start()
        reloads = 0
        t_end = time.time() + 4
        while time.time() < t_end:
            # Alternate between the two versions of the list.
            src = "watchlist_updated.ftm.json" if reloads % 2 == 0 else "watchlist.ftm.json"
            shutil.copy(os.path.join(DATA, src), self.list_paths[0] + ".tmp")
            os.replace(self.list_paths[0] + ".tmp", self.list_paths[0])
            r = self.server.post("/admin/reload", self.admin)
            self.assertEqual(r.status, 200, r)
            reloads += 1
        # SIGHUP starts the same reload.
        self.server.proc.send_signal(signal.SIGHUP)
        time.sleep(1.0)
        stop.set()
        for t in threads:
            t.join()
        self.assertEqual(failures, [], "%d of %d requests failed" % (len(failures), done[0]))
        self.assertGreater(done[0], 20)
        print("\nreload under load: %d /match requests, %d reloads + SIGHUP, 0 failed"
              % (done[0], reloads), file=sys.stderr)
        self.assertGreaterEqual(reloads, 2)
        state = self.server.get("/admin/reload", self.admin).json
        self.assertTrue(state["last"]["ok"], state)
        events = [l for l in self.server.log_lines() if l.get("event") == "reload"]
        self.assertGreaterEqual(len(events), reloads + 1)  # + the SIGHUP one
        self.assertIn('vigil_reloads_total{result="ok"}', self.server.get("/metrics").text)

    def test_failed_reload_keeps_old_lists_and_says_why(self):
        before = self.server.get("/catalog", self.viewer).json["entities"]
        os.remove(self.list_paths[1])  # the list file vanished: the reload must fail
        r = self.server.post("/admin/reload", self.admin)
        self.assertError(r, 409, "failed_precondition", "still serving the previous lists")
        self.assertIn("sanctions.ftm.json", r.json["error"]["message"])
        self.assertEqual(self.server.get("/catalog", self.viewer).json["entities"], before)
        m = self.server.post("/match/default", self.analyst,
                             {"queries": {"q": person("Ivan Petrov")}})
        self.assertEqual(m.json["responses"]["q"]["results"][0]["id"], "sx-ivan-petrov")
        state = self.server.get("/admin/reload", self.admin).json
        self.assertFalse(state["last"]["ok"])
        self.assertEqual(self.server.get("/readyz").status, 200)
        shutil.copy(os.path.join(DATA, "sanctions.ftm.json"), self.list_paths[1])
        self.assertEqual(self.server.post("/admin/reload", self.admin).status, 200)


class DurabilityTest(unittest.TestCase):
    """kill -9 repeatedly while clients write decisions; every acknowledged
    write must be there after restart, and the database must be intact."""

    ROUNDS = 5

    def test_sigkill_never_loses_an_acknowledged_write(self):
        tmp = tempfile.mkdtemp(prefix="vigil_kill_test_")
        try:
            self.run_rounds(tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def run_rounds(self, tmp):
        db = os.path.join(tmp, "vigil.db")
        lists = [os.path.join(DATA, "watchlist.ftm.json")]
        key = create_key(db, "analyst", "writer")
        acked = []  # (kind, id, detail)
        lock = threading.Lock()
        alert_ids = []
        for rnd in range(self.ROUNDS):
            srv = Server(tmp, db, lists=lists).start()
            if not alert_ids:
                for i in range(4):
                    s = srv.post("/screenings", key, {"subject": person(
                        "Vladimir Putin", id="k-%d" % i)}).json
                    alert_ids.extend(a["id"] for a in s["alerts"])
            stop = threading.Event()

            def writer(n):
                i = 0
                while not stop.is_set():
                    i += 1
                    comment = "r%d-w%d-%d" % (rnd, n, i)
                    try:
                        if i % 5 == 0:
                            r = srv.post("/cases", key, {"title": comment}, timeout=10)
                            if r.status == 201:
                                with lock:
                                    acked.append(("case", r.json["id"], comment))
                            continue
                        a = random.choice(alert_ids)
                        r = srv.post("/alerts/%d/decision" % a, key,
                                     {"decision": random.choice(["match", "no_match",
                                                                 "escalate"]),
                                      "comment": comment}, timeout=10)
                        if r.status == 200:
                            with lock:
                                acked.append(("decision", r.json["decision_id"], comment))
                    except Exception:
                        pass  # killed mid-request: not acknowledged

            threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
            for t in threads:
                t.start()
            time.sleep(random.uniform(0.4, 1.2))
            srv.kill9()
            stop.set()
            for t in threads:
                t.join()
        self.assertGreater(len(acked), 20, "too few writes to mean anything")
        print("\nSIGKILL durability: %d rounds, %d acknowledged writes" % (self.ROUNDS, len(acked)),
              file=sys.stderr)
        self.assertEqual(integrity(db), "ok")
        con = sqlite3.connect(db)
        decisions = dict(con.execute("SELECT id, comment FROM decisions").fetchall())
        cases = dict(con.execute("SELECT id, title FROM cases").fetchall())
        con.close()
        lost = [a for a in acked
                if (decisions if a[0] == "decision" else cases).get(a[1]) != a[2]]
        self.assertEqual(lost, [], "%d of %d acknowledged writes lost" % (len(lost), len(acked)))
        v = vigil("audit", "verify", "--db", db, check=False)
        self.assertEqual(v.returncode, 0, v.stdout)
        # And the service starts again on the same database.
        srv = Server(tmp, db, lists=lists).start()
        self.assertEqual(srv.get("/readyz").status, 200)
        self.assertEqual(srv.stop(), 0)


class ShutdownTest(ServerTestCase):
    def test_sigterm_finishes_in_flight_requests_and_exits_cleanly(self):
        results = []

        def slow_client():
            body = {"queries": {"q%d" % i: person("Vladimir Putin %d" % i)
                                for i in range(100)}}
            try:
                results.append(self.server.post("/match/default", self.analyst, body).status)
            except Exception as e:
                results.append(repr(e))

        threads = [threading.Thread(target=slow_client) for _ in range(3)]
        for t in threads:
            t.start()
        time.sleep(0.05)
        code = self.server.stop(signal.SIGTERM)
        for t in threads:
            t.join()
        self.assertEqual(code, 0, self.server.read_log()[-2000:])
        self.assertTrue(all(r == 200 or "refused" in str(r) for r in results), results)
        self.assertIn('"event":"stopped"', self.server.read_log())
        self.assertEqual(integrity(self.db), "ok")
        # Restart for tearDownClass.
        type(self).server = Server(self.tmp, self.db, lists=self.list_paths).start()


class BadInputTest(ServerTestCase):
    EXTRA = ("--max-body", "65536", "--max-queries", "10")

    def post_raw(self, path, raw, content_type="application/json", key=None):
        return self.server.request("POST", path, key or self.analyst, raw=raw,
                                   headers={"Content-Type": content_type})

    def test_malformed_json(self):
        for raw in ['{"queries": ', "not json", "", "[]", '"x"', "{\"queries\": {}}}",
                    '{"queries": {"q": {"schema": "Person", "properties": {"name": ["\\ud800"]}}}}']:
            r = self.post_raw("/match/default", raw)
            self.assertError(r, 400, "invalid_argument")
        r = self.post_raw("/screenings", b'{"subject": {"schema": "Person", "properties": '
                                         b'{"name": ["\xff\xfe"]}}}')
        self.assertError(r, 400, "invalid_argument")
        r = self.post_raw("/match/default", '{"queries": ')
        self.assertIn("malformed JSON at byte", r.json["error"]["message"])

    def test_wrong_types_and_unknown_schema_name_the_field(self):
        cases = [
            ({"queries": []}, "queries"),
            ({"queries": {"q1": "Putin"}}, "queries.q1"),
            ({"queries": {"q1": {"schema": "Persn", "properties": {"name": ["x"]}}}},
             'unknown schema "Persn"'),
            ({"queries": {"q1": {"schema": "Person", "properties": {"name": [1]}}}},
             "queries.q1.properties.name[0]: expected a string, found a number"),
            ({"queries": {"q1": {"schema": "Person", "properties": ["x"]}}},
             "queries.q1.properties"),
            ({"queries": {"q1": {"schema": 5, "properties": {"name": ["x"]}}}},
             "queries.q1.schema"),
            ({"queries": {"q1": {"schema": "Person", "properties": {"birthDate": ["1950"]}}}},
             "needs a name"),
            ({"queries": {}, "extra": 1}, "extra: unknown field"),
        ]
        for body, fragment in cases:
            r = self.server.post("/match/default", self.analyst, body)
            self.assertError(r, 400, "invalid_argument", fragment)
        r = self.server.post("/screenings", self.analyst, {"subject": person("x"),
                                                           "threshold": "high"})
        self.assertError(r, 400, "invalid_argument", "threshold: expected a number")
        r = self.server.post("/alerts/1/decision", self.analyst, {"decision": ["match"]})
        self.assertIn(r.status, (400, 404))
        self.assertError(self.server.post("/match/default?limit=abc", self.analyst,
                                          {"queries": {}}), 400, "invalid_argument", "limit")
        self.assertError(self.server.post("/match/default?threshold=7", self.analyst,
                                          {"queries": {}}), 400)
        self.assertError(self.server.post("/match/default?bogus=1", self.analyst,
                                          {"queries": {}}), 400, "invalid_argument", "bogus")

    def test_limits(self):
        too_many = {"queries": {"q%d" % i: person("x") for i in range(11)}}
        self.assertError(self.server.post("/match/default", self.analyst, too_many), 413,
                         "resource_exhausted", "at most 10")
        big = {"queries": {"q": person("x" * 70000)}}
        self.assertError(self.server.post("/match/default", self.analyst, big), 413,
                         "resource_exhausted")
        long_value = {"queries": {"q": person("x" * 2000)}}
        self.assertError(self.server.post("/match/default", self.analyst, long_value), 413,
                         "resource_exhausted", "longer than 1024")
        props = {"queries": {"q": {"schema": "Person", "properties": dict(
            [("name", ["x"])] + [("p%d" % i, ["v"]) for i in range(100)])}}}
        self.assertError(self.server.post("/match/default", self.analyst, props), 413)
        # A body over the server-wide cap is refused before it is read.
        huge = b"{" + b" " * (40 << 20) + b"}"
        try:
            r = self.post_raw("/match/default", huge)
            self.assertEqual(r.status, 413)
        except (ConnectionError, OSError):
            pass  # the server may close the connection while we still send
        self.assertEqual(self.server.get("/healthz").status, 200)

    def test_deeply_nested_json(self):
        raw = '{"queries": ' + "[" * 30000 + "]" * 30000 + "}"
        r = self.post_raw("/match/default", raw)
        self.assertEqual(r.status, 400, r)
        self.assertEqual(self.server.get("/healthz").status, 200)

    def test_hostile_paths_and_params(self):
        for path in ["/../../etc/passwd", "/alerts/../keys", "/alerts/1%00", "/alerts/-1",
                     "/alerts/abc", "/alerts/99999999999999999999999", "/%2e%2e/keys",
                     "/cases/1;DROP TABLE cases", "/entities/" + "a" * 5000,
                     "/batches/b_1'--", "/alerts/1/decision/extra"]:
            r = self.server.get(path.replace(" ", "%20"), self.admin)
            self.assertIn(r.status, (400, 404, 405), "%s -> %r" % (path, r))
            self.assertEqual(r.headers.get("Content-Type"), "application/json")
        r = self.server.get("/alerts?status=open'%20OR%201=1--", self.admin)
        self.assertError(r, 400)
        r = self.server.get("/alerts?dataset=x'%20OR%20'1'='1", self.admin)
        self.assertEqual((r.status, r.json["total"]), (200, 0))
        r = self.server.get("/audit?since=1%20OR%201=1", self.admin)
        self.assertEqual(r.status, 200)

    def test_raw_socket_garbage(self):
        for payload in [b"GARBAGE\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X: y\r\n" * 5000
                        + b"\r\n", b"\x00\x01\x02\xff" * 100, b"POST /screenings HTTP/1.1\r\n"
                        b"Content-Length: 99999999999999999999\r\n\r\n"]:
            s = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
            try:
                s.sendall(payload)
                s.shutdown(socket.SHUT_WR)
                s.recv(4096)
            except OSError:
                pass
            finally:
                s.close()
        self.assertEqual(self.server.get("/healthz").status, 200)

    def test_store_is_intact_after_all_of_it(self):
        # Runs last (alphabetical order): nothing above changed the store.
        self.test_malformed_json()
        self.test_hostile_paths_and_params()
        self.assertEqual(self.server.get("/alerts", self.viewer).json["total"], 0)
        self.assertEqual(self.server.get("/audit/verify", self.viewer).json["ok"], True)
        self.assertEqual(integrity(self.db), "ok")


if __name__ == "__main__":
    unittest.main()
