"""Test harness for `vigil serve`: starts the real binary on a free loopback
port with a temporary database and small list fixtures, and talks to it over
real HTTP. Python 3 standard library only.

The binary is $VIGIL_BIN (set by CTest), else build/vigil.
"""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
REPO = os.path.dirname(os.path.dirname(HERE))
VIGIL = os.environ.get("VIGIL_BIN", os.path.join(REPO, "build", "vigil"))


def vigil(*args, check=True):
    """Runs the vigil CLI; returns CompletedProcess."""
    p = subprocess.run([VIGIL, *args], capture_output=True, text=True, timeout=120)
    if check and p.returncode != 0:
        raise AssertionError("vigil %s failed (%d): %s" % (" ".join(args), p.returncode,
                                                            p.stderr + p.stdout))
    return p


def create_key(db, role, name):
    return vigil("keys", "create", "--db", db, "--role", role, "--name", name).stdout.strip()


class Response:
    def __init__(self, status, body, headers):
        self.status = status
        self.body = body
        self.headers = headers

    @property
    def json(self):
        return json.loads(self.body.decode("utf-8"))

    @property
    def text(self):
        return self.body.decode("utf-8")

    def __repr__(self):
        return "<%d %s>" % (self.status, self.body[:300])


class Server:
    """One `vigil serve` process. Stderr (the request log) goes to a file."""

    def __init__(self, workdir, db, lists=None, index=None, extra=()):
        self.workdir = workdir
        self.db = db
        self.lists = lists or []
        self.index = index
        self.extra = list(extra)
        self.proc = None
        self.port = None
        self.log_path = None

    def start(self, timeout=60):
        n = len([f for f in os.listdir(self.workdir) if f.startswith("serve")])
        self.log_path = os.path.join(self.workdir, "serve%d.log" % n)
        args = [VIGIL, "serve", "--db", self.db, "--listen", "127.0.0.1:0"] + self.extra
        if self.index:
            args += ["--index", self.index]
        for l in self.lists:
            args += ["--list", l]
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError("vigil serve exited %d: %s" %
                                     (self.proc.returncode, self.read_log()))
            for line in self.read_log().splitlines():
                if '"event":"listening"' in line:
                    self.port = json.loads(line)["port"]
                    return self
            time.sleep(0.05)
        raise AssertionError("vigil serve did not start: " + self.read_log())

    def read_log(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def log_lines(self):
        out = []
        for line in self.read_log().splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
        return out

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("vigil serve did not stop on signal %d" % sig)
        if self.proc:
            self.log.close()
        return self.proc.returncode if self.proc else None

    def kill9(self):
        self.proc.kill()  # SIGKILL
        self.proc.wait()
        self.log.close()

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.port

    def request(self, method, path, key=None, body=None, raw=None, headers=None, timeout=60):
        data = None
        h = dict(headers or {})
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            h.setdefault("Content-Type", "application/json")
        elif raw is not None:
            data = raw if isinstance(raw, bytes) else raw.encode("utf-8")
        if key:
            h["Authorization"] = "Bearer " + key
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return Response(r.status, r.read(), dict(r.headers))
        except urllib.error.HTTPError as e:
            return Response(e.code, e.read(), dict(e.headers))

    def get(self, path, key=None, **kw):
        return self.request("GET", path, key=key, **kw)

    def post(self, path, key=None, body=None, **kw):
        return self.request("POST", path, key=key, body=body, **kw)


def person(name, id=None, **props):
    e = {"schema": "Person", "properties": {"name": [name]}}
    for k, v in props.items():
        e["properties"][k] = v if isinstance(v, list) else [v]
    if id:
        e["id"] = id
    return e


class ServerTestCase(unittest.TestCase):
    """A temp dir with a db, three keys (viewer, analyst, admin) and a copy
    of the list fixtures; `self.server` serving them for the whole class."""

    LISTS = ("watchlist.ftm.json", "sanctions.ftm.json")
    EXTRA = ()

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vigil_server_test_")
        cls.db = os.path.join(cls.tmp, "vigil.db")
        cls.list_paths = []
        for name in cls.LISTS:
            dst = os.path.join(cls.tmp, name)
            shutil.copy(os.path.join(DATA, name), dst)
            cls.list_paths.append(dst)
        cls.viewer = create_key(cls.db, "viewer", "vera")
        cls.analyst = create_key(cls.db, "analyst", "alice")
        cls.admin = create_key(cls.db, "admin", "adam")
        cls.server = Server(cls.tmp, cls.db, lists=cls.list_paths, extra=cls.EXTRA).start()

    @classmethod
    def tearDownClass(cls):
        try:
            cls.server.stop()
        finally:
            if os.environ.get("VIGIL_KEEP_TMP"):
                print("kept", cls.tmp)
            else:
                shutil.rmtree(cls.tmp, ignore_errors=True)

    def screen(self, subject, key=None, **kw):
        body = {"subject": subject}
        body.update(kw)
        r = self.server.post("/screenings", key or self.analyst, body)
        self.assertEqual(r.status, 201, r)
        return r.json

    def assertError(self, r, status, code=None, contains=None):
        self.assertEqual(r.status, status, r)
        j = r.json
        self.assertIn("error", j, r)
        self.assertIsInstance(j["error"].get("message"), str)
        if code:
            self.assertEqual(j["error"]["code"], code, r)
        if contains:
            self.assertIn(contains, j["error"]["message"], r)
