"""Every route, yente-compatible shapes, auth and roles, the request log."""
import json
import os
import re
import unittest

from harness import DATA, ServerTestCase, person


class RoutesTest(ServerTestCase):
    def test_health_is_open(self):
        r = self.server.get("/healthz")
        self.assertEqual((r.status, r.json), (200, {"status": "ok"}))
        r = self.server.get("/readyz")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["entities"], 8)

    def test_whoami(self):
        r = self.server.get("/whoami", self.analyst)
        self.assertEqual(r.json["role"], "analyst")
        self.assertEqual(r.json["name"], "alice")
        self.assertTrue(self.analyst.startswith(r.json["key_id"] + "_"))

    def test_catalog(self):
        c = self.server.get("/catalog", self.viewer).json
        names = sorted(d["name"] for d in c["datasets"])
        self.assertEqual(names, ["test_sanctions", "test_wanted"])
        self.assertEqual(c["entities"], 8)
        for d in c["datasets"]:
            for f in ("name", "title", "version", "source", "entities", "load", "children"):
                self.assertIn(f, d)

    def test_match_yente_shape(self):
        body = {"queries": {
            "q1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"],
                                                      "birthDate": ["1952"]}},
            "q2": {"schema": "Company", "properties": {"name": "Rosneft Oil Company"}},
            "q3": {"schema": "Person", "properties": {"name": ["Zebulon Quackenbush"]}},
        }}
        r = self.server.post("/match/default?limit=3", self.analyst, body)
        self.assertEqual(r.status, 200, r)
        j = r.json
        self.assertEqual(j["limit"], 3)
        self.assertIn("matcher", j)
        self.assertEqual(set(j["responses"]), {"q1", "q2", "q3"})
        q1 = j["responses"]["q1"]
        self.assertEqual(q1["status"], 200)
        self.assertEqual(q1["query"]["schema"], "Person")
        self.assertEqual(q1["query"]["properties"]["name"], ["Vladimir Putin"])
        self.assertEqual(q1["total"]["relation"], "eq")
        self.assertEqual(q1["total"]["value"], len(q1["results"]))
        top = q1["results"][0]
        self.assertEqual(top["id"], "wl-putin")
        for f in ("id", "schema", "caption", "properties", "datasets", "score", "match",
                  "features", "explanation"):
            self.assertIn(f, top)
        self.assertTrue(top["match"])
        self.assertGreaterEqual(top["score"], 0.7)
        self.assertEqual(top["datasets"], ["test_wanted"])
        self.assertIsInstance(top["features"], dict)
        self.assertIn("name_score", top["explanation"])
        self.assertEqual(j["responses"]["q2"]["results"][0]["id"], "wl-rosneft")
        self.assertLessEqual(len(q1["results"]), 3)
        for res in j["responses"]["q3"]["results"]:
            self.assertFalse(res["match"], res)

    def test_match_dataset_scope_and_exclusions(self):
        body = {"queries": {"q": person("Vladimir Putin")}}
        r = self.server.post("/match/test_sanctions", self.analyst, body)
        self.assertEqual(r.status, 200, r)
        for res in r.json["responses"]["q"]["results"]:
            self.assertEqual(res["datasets"], ["test_sanctions"])
        r = self.server.post("/match/default?exclude_entity_ids=wl-putin", self.analyst, body)
        ids = [x["id"] for x in r.json["responses"]["q"]["results"]]
        self.assertNotIn("wl-putin", ids)
        r = self.server.post("/match/default?exclude_dataset=test_wanted", self.analyst, body)
        ids = [x["id"] for x in r.json["responses"]["q"]["results"]]
        self.assertNotIn("wl-putin", ids)
        r = self.server.post("/match/default?threshold=1.0", self.analyst, body)
        self.assertTrue(all(not x["match"] or x["score"] >= 1.0
                            for x in r.json["responses"]["q"]["results"]))
        self.assertError(self.server.post("/match/nope", self.analyst, body), 404, "not_found")

    def test_cross_script_match(self):
        body = {"queries": {"q": person("陳大文")}}
        r = self.server.post("/match/default", self.analyst, body)
        ids = [x["id"] for x in r.json["responses"]["q"]["results"] if x["match"]]
        self.assertIn("wl-chan-tai-man", ids)

    def test_search_and_entities(self):
        r = self.server.get("/search/default?q=putin&schema=Person", self.viewer)
        self.assertEqual(r.status, 200, r)
        j = r.json
        for f in ("results", "total", "limit", "offset", "facets"):
            self.assertIn(f, j)
        self.assertEqual(j["results"][0]["id"], "wl-putin")
        r = self.server.get("/search/default?q=putin&countries=mx", self.viewer)
        self.assertNotIn("wl-putin", [x["id"] for x in r.json["results"]])
        r = self.server.get("/search/default?q=putin&countries=ru", self.viewer)
        self.assertIn("wl-putin", [x["id"] for x in r.json["results"]])
        self.assertError(self.server.get("/search/default", self.viewer), 400,
                         "invalid_argument", "q")
        e = self.server.get("/entities/wl-putin", self.viewer)
        self.assertEqual(e.status, 200, e)
        self.assertEqual(e.json["caption"] and e.json["id"], "wl-putin")
        self.assertIn("Vladimir Putin", e.json["properties"]["name"])
        self.assertError(self.server.get("/entities/nope", self.viewer), 404, "not_found")

    def test_metrics(self):
        self.server.get("/healthz")
        r = self.server.get("/metrics")
        self.assertEqual(r.status, 200)
        t = r.text
        self.assertRegex(t, r'vigil_requests_total\{route="/healthz",method="GET",status="200"\} \d+')
        self.assertIn('vigil_request_duration_seconds_bucket{le="+Inf"}', t)
        self.assertIn('vigil_index_entities{dataset="test_wanted"} 6', t)
        self.assertRegex(t, r"vigil_alerts_open \d+")
        self.assertIn('vigil_decisions_total{decision="no_match"}', t)

    def test_stats(self):
        s = self.screen(person("Xi Jinping", id="stats-1"))
        self.server.post("/alerts/%d/decision" % s["alerts"][0]["id"], self.analyst,
                         {"decision": "match"})
        j = self.server.get("/stats?days=7", self.viewer).json
        for f in ("alerts_by_day", "alerts_by_status", "score_histogram",
                  "decisions_by_outcome", "decisions_by_analyst", "cases_by_status"):
            self.assertIn(f, j)
        self.assertEqual(len(j["score_histogram"]), 10)
        self.assertGreaterEqual(j["decisions_by_outcome"]["match"], 1)
        self.assertIn("alice", [a["name"] for a in j["decisions_by_analyst"]])

    def test_keys_routes(self):
        r = self.server.post("/keys", self.admin, {"name": "bob", "role": "viewer"})
        self.assertEqual(r.status, 201, r)
        k = r.json
        self.assertTrue(k["key"].startswith(k["id"] + "_"))
        self.assertEqual(self.server.get("/whoami", k["key"]).json["name"], "bob")
        listed = self.server.get("/keys", self.admin).json["keys"]
        self.assertIn(k["id"], [x["id"] for x in listed])
        self.assertNotIn("key", listed[0])
        self.assertNotIn(k["key"], json.dumps(listed))
        r = self.server.request("DELETE", "/keys/" + k["id"], self.admin)
        self.assertEqual(r.status, 200, r)
        self.assertIsNotNone(r.json["revoked_at"])
        self.assertError(self.server.get("/whoami", k["key"]), 401, "unauthenticated", "revoked")
        self.assertError(self.server.request("DELETE", "/keys/vk_nope", self.admin), 404)
        self.assertError(self.server.post("/keys", self.admin, {"name": "x", "role": "root"}),
                         400, "invalid_argument", "role")

    def test_audit_routes(self):
        self.screen(person("Maria Gonzalez Ramirez", id="audit-1"))
        j = self.server.get("/audit?limit=2", self.viewer).json
        self.assertEqual(len(j["records"]), 2)
        rec = j["records"][0]
        for f in ("seq", "at", "actor", "action", "object_type", "object_id", "before",
                  "after", "prev_hash", "hash"):
            self.assertIn(f, rec)
        self.assertEqual(rec["seq"], 1)
        self.assertEqual(rec["prev_hash"], "0" * 64)
        nxt = self.server.get("/audit?since=%d" % j["next"], self.viewer).json
        self.assertEqual(nxt["records"][0]["seq"], j["next"] + 1)
        by_time = self.server.get("/audit?since=2000-01-01T00:00:00Z", self.viewer).json
        self.assertEqual(by_time["records"][0]["seq"], 1)
        v = self.server.get("/audit/verify", self.viewer).json
        self.assertEqual(v["ok"], True, v)
        self.assertIsNone(v["first_bad"])
        actions = {r["action"] for r in self.server.get("/audit?limit=1000", self.viewer)
                   .json["records"]}
        self.assertTrue({"key.create", "screening.create", "alert.create"} <= actions, actions)

    def test_openapi_documents_every_route_and_each_answers(self):
        r = self.server.get("/openapi.json")
        self.assertEqual(r.status, 200)
        doc = r.json
        self.assertTrue(doc["openapi"].startswith("3."))
        s = self.screen(person("Xi Jinping", id="openapi-1"))
        alert = s["alerts"][0]["id"]
        case = self.server.post("/cases", self.analyst, {"title": "t"}).json["id"]
        batch = self.server.request("POST", "/screenings/batch", self.analyst,
                                    raw="name\nIvan Petrov\n",
                                    headers={"Content-Type": "text/csv"}).json["id"]
        key_id = self.server.post("/keys", self.admin, {"name": "tmp", "role": "viewer"}).json["id"]
        params = {"dataset": "default", "id": None}
        seen = 0
        # The mutating calls get minimal valid bodies; what matters is that
        # the route exists with that method (not 404/405).
        bodies = {
            ("post", "/match/{dataset}"): {"queries": {}},
            ("post", "/screenings"): {"subject": person("Nobody Atall")},
            ("post", "/alerts/{id}/decision"): {"decision": "escalate"},
            ("post", "/cases"): {"title": "t2"},
            ("patch", "/cases/{id}"): {"title": "t3"},
            ("post", "/cases/{id}/notes"): {"text": "n"},
            ("post", "/cases/{id}/links"): {"alert_ids": [alert]},
            ("post", "/keys"): {"name": "tmp2", "role": "viewer"},
        }
        for path, ops in doc["paths"].items():
            for method in ops:
                if "/alerts/" in path:
                    concrete = path.replace("{id}", str(alert))
                elif "/cases/" in path:
                    concrete = path.replace("{id}", str(case))
                elif "/batches/" in path:
                    concrete = path.replace("{id}", batch)
                elif "/keys/" in path:
                    concrete = path.replace("{id}", key_id)
                elif "/entities/" in path:
                    concrete = path.replace("{id}", "wl-putin")
                else:
                    concrete = path.replace("{dataset}", "default")
                if path.startswith("/search"):
                    concrete += "?q=putin"
                raw = None
                body = bodies.get((method, path))
                headers = None
                if path == "/screenings/batch":
                    raw, headers = "name\nIvan Petrov\n", {"Content-Type": "text/csv"}
                r = self.server.request(method.upper(), concrete, self.admin, body=body,
                                        raw=raw, headers=headers)
                self.assertNotIn(r.status, (404, 405), "%s %s -> %r" % (method, concrete, r))
                self.assertLess(r.status, 500, "%s %s -> %r" % (method, concrete, r))
                seen += 1
        self.assertGreaterEqual(seen, 29)

    def test_unknown_route_and_method(self):
        self.assertError(self.server.get("/nope", self.admin), 404, "not_found")
        r = self.server.request("DELETE", "/alerts", self.admin)
        self.assertError(r, 405, "method_not_allowed")


class AuthTest(ServerTestCase):
    def test_missing_bad_and_malformed_keys_are_401(self):
        self.assertError(self.server.get("/alerts"), 401, "unauthenticated")
        self.assertError(self.server.get("/alerts", "vk_00000000_" + "0" * 32), 401)
        self.assertError(self.server.get("/alerts", headers={"Authorization": "Basic Zm9v"}),
                         401, "unauthenticated")
        self.assertError(self.server.get("/alerts", headers={"Authorization": "Bearer"}), 401)
        # Open routes stay open with or without a key, even a bad one.
        self.assertEqual(self.server.get("/healthz", "garbage").status, 200)
        self.assertEqual(self.server.get("/readyz").status, 200)

    def test_roles(self):
        match = {"queries": {"q": person("Ivan Petrov")}}
        cases = [
            # (method, path, body, lowest role allowed)
            ("GET", "/alerts", None, "viewer"),
            ("GET", "/cases", None, "viewer"),
            ("GET", "/audit", None, "viewer"),
            ("GET", "/catalog", None, "viewer"),
            ("GET", "/stats", None, "viewer"),
            ("POST", "/match/default", match, "analyst"),
            ("POST", "/screenings", {"subject": person("Ivan Petrov")}, "analyst"),
            ("POST", "/cases", {"title": "x"}, "analyst"),
            ("GET", "/keys", None, "admin"),
            ("POST", "/keys", {"name": "k", "role": "viewer"}, "admin"),
            ("GET", "/admin/reload", None, "admin"),
        ]
        order = ["viewer", "analyst", "admin"]
        keys = {"viewer": self.viewer, "analyst": self.analyst, "admin": self.admin}
        for method, path, body, lowest in cases:
            for role in order:
                r = self.server.request(method, path, keys[role], body=body)
                if order.index(role) < order.index(lowest):
                    self.assertError(r, 403, "permission_denied", lowest)
                else:
                    self.assertLess(r.status, 300, "%s %s as %s: %r" % (method, path, role, r))

    def test_log_lines_never_contain_the_key(self):
        self.server.get("/whoami", self.analyst)
        self.server.get("/whoami", "vk_deadbeef_" + "1" * 32)
        lines = [l for l in self.server.log_lines() if "method" in l]
        self.assertTrue(lines)
        for l in lines:
            for f in ("method", "path", "status", "latency_ms", "key_id"):
                self.assertIn(f, l)
        log = self.server.read_log()
        for k in (self.analyst, self.viewer, self.admin, "1" * 32):
            self.assertNotIn(k, log)
        who = [l for l in lines if l["path"] == "/whoami" and l["status"] == 200]
        self.assertEqual(who[-1]["key_id"], self.analyst.rsplit("_", 1)[0])


class IndexSnapshotTest(unittest.TestCase):
    """vigil serve --index FILE serves a snapshot from `vigil index build`, and
    reloads it when the file is replaced."""

    def test_serve_from_index_and_reload(self):
        import shutil
        import tempfile
        from harness import Server, create_key, vigil
        tmp = tempfile.mkdtemp(prefix="vigil_index_test_")
        try:
            idx = os.path.join(tmp, "lists.vidx")
            vigil("index", "build", "--list", os.path.join(DATA, "watchlist.ftm.json"),
                  "--output", idx)
            db = os.path.join(tmp, "vigil.db")
            key = create_key(db, "admin", "root")
            srv = Server(tmp, db, index=idx).start()
            try:
                body = {"queries": {"q": person("Ivan Petrov")}}
                r = srv.post("/match/default", key, body).json
                self.assertNotIn("sx-ivan-petrov",
                                 [x["id"] for x in r["responses"]["q"]["results"]])
                self.assertEqual(srv.get("/catalog", key).json["entities"], 6)
                vigil("index", "build", "--list", os.path.join(DATA, "watchlist.ftm.json"),
                      "--list", os.path.join(DATA, "sanctions.ftm.json"),
                      "--output", idx + ".new")
                os.replace(idx + ".new", idx)
                self.assertEqual(srv.post("/admin/reload", key).status, 200)
                self.assertEqual(srv.get("/catalog", key).json["entities"], 8)
                r = srv.post("/match/default", key, body).json
                self.assertEqual(r["responses"]["q"]["results"][0]["id"], "sx-ivan-petrov")
                # A bad snapshot (replaced by rename, as snapshots must be: the
                # serving one is memory-mapped) is refused; the old one serves.
                with open(idx + ".bad", "wb") as f:
                    f.write(b"not an index")
                os.replace(idx + ".bad", idx)
                r = srv.post("/admin/reload", key)
                self.assertEqual(r.status, 409, r)
                self.assertEqual(srv.get("/catalog", key).json["entities"], 8)
                r = srv.post("/match/default", key, body).json
                self.assertEqual(r["responses"]["q"]["results"][0]["id"], "sx-ivan-petrov")
            finally:
                self.assertEqual(srv.stop(), 0)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


class ConsoleTest(ServerTestCase):
    """vigil serve --web DIR serves the analysts' console without a key."""

    EXTRA = ("--web", os.path.join(DATA, "web"))

    def test_index_assets_and_spa_fallback(self):
        with open(os.path.join(DATA, "web", "index.html"), "rb") as f:
            index = f.read()
        for path in ("/", "/ui", "/ui/alerts/17", "/ui/cases/3?x=1"):
            r = self.server.get(path)
            self.assertEqual(r.status, 200, (path, r))
            self.assertEqual(r.body, index)
            self.assertTrue(r.headers["Content-Type"].startswith("text/html"), r.headers)
            self.assertEqual(r.headers["Cache-Control"], "no-cache")
        r = self.server.get("/assets/app-1234.js")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers["Content-Type"], "text/javascript")
        self.assertIn("immutable", r.headers["Cache-Control"])

    def test_traversal_and_api_404s_stay_json(self):
        for path in ("/assets/../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd",
                     "/assets/..%2f..%2fetc%2fpasswd", "/assets/.hidden", "/assets/nope.js",
                     "/assets/", "/alerts/424242"):
            r = self.server.get(path, self.viewer)
            self.assertEqual(r.status, 404, (path, r))
            self.assertEqual(r.headers["Content-Type"], "application/json")
        self.assertEqual(self.server.get("/alerts").status, 401)


if __name__ == "__main__":
    unittest.main()
