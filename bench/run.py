#!/usr/bin/python3
"""vigil's benchmark against its peers, side by side in one run.

  bench/run.py --build build-bench --sets bundled,100k,1m      (make bench)
  bench/run.py --build build-bench --sets bundled,100k,1m,10m  (make bench-large)

For every data set (the bundled OFAC + UN lists, and synthetic lists of 100k,
1M, 10M entities from bench/gen_data.py) it runs, on the same list and the
same queries:
  vigil     build_index, load_snapshot, screen_batch (1 thread cold, 1 thread
            warm, all cores), and compare_pairs once (bench/vigil_bench.cc)
  pg_trgm   PostgreSQL 15 + pg_trgm in a private cluster on loopback
            (bench/pg_peer.cc, a libpq client)
  jw_scan   brute-force Jaro-Winkler over every name, on a sample of queries
  match_http  a bounded load against `vigil serve` on loopback (largest set
            of the standard run), when the CLI has `serve`
and computes, from the result files and the answer keys, recall@1 / recall@5
of the intended target among hits at or above each system's match threshold,
and the share of negatives with such a hit.

Writes bench/out/report.json, bench/out/report.md (the table), and
bench/out/chart.svg; prints the table. Exits non-zero when a correctness
check fails (wrong counts, vigil's recall under the floor), after writing the
report, so vigil cannot get fast by being wrong.
"""
import argparse
import http.client
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = {"100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
# Each system's match threshold: a hit at or above it is what an analyst sees.
THRESHOLDS = {
    "vigil": 0.70,        # MatchOptions default (docs/MATCHING.md)
    "pg_trgm": 0.30,      # pg_trgm.similarity_threshold, what `%` uses
    "pg_trgm@0.5": 0.50,  # the same results cut at a stricter similarity
    "jw_scan": 0.85,      # a common Jaro-Winkler screening cut (Watchman-style)
}
# Floors that make the run fail: vigil must find the listed people.
RECALL5_FLOOR = 0.80
PG_BIN = "/usr/lib/postgresql/15/bin"


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(cmd, **kw):
    """Runs a command, returns (its JSON stdout lines, peak RSS MB of the child)."""
    log(" ".join(cmd))
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, **kw)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"bench: {cmd[0]} {cmd[1] if len(cmd) > 1 else ''} failed (exit {p.returncode})")
    docs = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return docs, ru.ru_maxrss / 1024.0, time.monotonic() - t0


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# ---------------------------------------------------------------- data


def prepare_data(args, name, exe):
    d = os.path.join(args.out, "data", name)
    meta = os.path.join(d, "meta.json")
    if os.path.exists(meta) and os.path.exists(os.path.join(d, "list.jsonl")) and not args.regen:
        log(f"data {name}: reusing {d}")
        return d
    os.makedirs(d, exist_ok=True)
    gen = [sys.executable, os.path.join(ROOT, "bench/gen_data.py")]
    q = ["--positives", str(args.positives), "--negatives", str(args.negatives)]
    if name == "bundled":
        docs, _, _ = run([exe, "export", "--out", os.path.join(d, "list.jsonl")])
        run(gen + ["queries", "--list", os.path.join(d, "list.jsonl"), "--out", d] + q)
    else:
        fallback = os.path.join(args.out, "data", "bundled", "list.jsonl")
        extra = ["--fallback-list", fallback] if os.path.exists(fallback) else []
        run(gen + ["synth", "--entities", str(SIZES[name]), "--dataset", f"bench_{name}",
                   "--out", d] + q + extra)
    return d


def sample_lines(path, count, out):
    """Every k-th line of `path` (at most `count`), written to `out`."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    step = max(1, len(lines) // max(1, count))
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(lines[::step][:count])
    return out


# ---------------------------------------------------------------- quality


def quality(results_path, answers, threshold):
    """recall@1/@5 of the intended target among hits >= threshold, and the
    share of negatives with a hit >= threshold, over the queries answered."""
    res = read_jsonl(results_path)
    pos = neg = r1 = r5 = r5_any = neg_hit = 0
    by_script, by_kind = {}, {}
    for r in res:
        a = answers[r["id"]]
        hits = [h for h in r["hits"] if h[1] >= threshold]
        if a["target"] is None:
            neg += 1
            neg_hit += bool(hits)
            continue
        pos += 1
        ids = [h[0] for h in hits]
        ok1 = bool(ids) and ids[0] == a["target"]
        ok5 = a["target"] in ids[:5]
        r1 += ok1
        r5 += ok5
        r5_any += a["target"] in [h[0] for h in r["hits"][:5]]
        for key, tab in ((a["script"], by_script), (a["kind"], by_kind)):
            t = tab.setdefault(key, [0, 0])
            t[0] += ok5
            t[1] += 1
    f = lambda x, n: round(x / n, 4) if n else None  # noqa: E731
    return {
        "answered": len(res), "positives": pos, "negatives": neg,
        "recall_at_1": f(r1, pos), "recall_at_5": f(r5, pos),
        "recall_at_5_any_score": f(r5_any, pos),
        "negatives_with_hit": f(neg_hit, neg), "threshold": threshold,
        "recall_at_5_by_script": {k: f(v[0], v[1]) for k, v in sorted(by_script.items())},
        "recall_at_5_by_kind": {k: f(v[0], v[1]) for k, v in sorted(by_kind.items())},
    }


# ---------------------------------------------------------------- postgres


class PgCluster:
    """A private PostgreSQL cluster in a temp dir, on loopback, for one run."""

    def __init__(self, port):
        self.port = port
        self.dir = tempfile.mkdtemp(prefix="vigil-bench-pg-")
        shutil.chown(self.dir, "postgres", "postgres")
        self.data = os.path.join(self.dir, "data")
        self.started = False

    def as_postgres(self, cmd):
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)

    def start(self):
        log(f"postgres: initdb in {self.data}, port {self.port}")
        self.as_postgres([f"{PG_BIN}/initdb", "-D", self.data, "--encoding=UTF8",
                          "--locale=C.UTF-8", "--auth=trust", "-U", "postgres"])
        opts = (f"-k {self.dir} -p {self.port} -c listen_addresses=127.0.0.1 "
                f"-c shared_buffers=512MB -c maintenance_work_mem=1GB -c work_mem=64MB "
                f"-c fsync=off -c synchronous_commit=off -c max_parallel_workers_per_gather=0 "
                f"-c max_parallel_maintenance_workers=0")
        self.as_postgres([f"{PG_BIN}/pg_ctl", "-D", self.data, "-l",
                          os.path.join(self.dir, "log"), "-o", opts, "-w", "start"])
        self.started = True

    def conninfo(self):
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"

    def peak_rss_mb(self):
        """The largest peak RSS (VmHWM) among the cluster's processes."""
        try:
            with open(os.path.join(self.data, "postmaster.pid")) as f:
                master = int(f.readline())
        except OSError:
            return None
        best = 0
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                if int(pid) != master and ppid != master:
                    continue
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            best = max(best, int(line.split()[1]) / 1024.0)
            except (OSError, ValueError, IndexError):
                continue
        return best

    def stop(self):
        if self.started:
            self.as_postgres([f"{PG_BIN}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


# ---------------------------------------------------------------- http


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def match_http(args, vigil, snapshot, queries, clients, max_requests, max_seconds):
    """Bounded load on `vigil serve`: `clients` keep-alive connections, one
    query per request, at most max_requests requests or max_seconds."""
    tmp = tempfile.mkdtemp(prefix="vigil-bench-http-")
    db = os.path.join(tmp, "vigil.db")
    try:
        out = subprocess.run([vigil, "keys", "create", "--db", db, "--role", "analyst", "--name",
                              "bench"], capture_output=True, text=True, check=True).stdout
        key = next(t for t in out.replace('"', " ").split() if t.startswith("vk_"))
    except (subprocess.CalledProcessError, StopIteration, FileNotFoundError) as e:
        shutil.rmtree(tmp, ignore_errors=True)
        return {"skipped": f"vigil keys create failed: {e}"}
    port = free_port()
    srv = subprocess.Popen([vigil, "serve", "--index", snapshot, "--db", db, "--listen",
                            f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                           stderr=open(os.path.join(tmp, "serve.log"), "w"))
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            if srv.poll() is not None:
                return {"skipped": "vigil serve exited: " + open(os.path.join(tmp, "serve.log")).read()[-300:]}
            time.sleep(0.2)
        else:
            return {"skipped": "vigil serve not ready in 120 s"}
        bodies = [json.dumps({"queries": {"q": {"schema": q["schema"], "properties": q["properties"]}}})
                  for q in queries]
        lat, errors = [], [0]
        lock = threading.Lock()
        counter = [0]
        stop_at = time.monotonic() + max_seconds

        def client():
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            hdr = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
            while True:
                with lock:
                    i = counter[0]
                    counter[0] += 1
                if i >= max_requests or time.monotonic() > stop_at:
                    return
                t = time.monotonic()
                try:
                    c.request("POST", "/match/default?limit=5", body=bodies[i % len(bodies)],
                              headers=hdr)
                    r = c.getresponse()
                    r.read()
                    ok = r.status == 200
                except OSError:
                    ok = False
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    if ok:
                        lat.append((time.monotonic() - t) * 1000)
                    else:
                        errors[0] += 1

        t0 = time.monotonic()
        ts = [threading.Thread(target=client) for _ in range(clients)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        wall = time.monotonic() - t0
        lat.sort()
        pct = lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))], 3) if lat else None  # noqa
        return {"clients": clients, "requests": len(lat), "errors": errors[0],
                "wall_seconds": round(wall, 3), "qps": round(len(lat) / wall, 1),
                "qps_per_core": round(len(lat) / wall / (os.cpu_count() or 1), 1),
                "latency": {"p50_ms": pct(0.5), "p99_ms": pct(0.99)}}
    finally:
        srv.terminate()
        try:
            srv.wait(10)
        except subprocess.TimeoutExpired:
            srv.kill()
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------- report


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) // 1024
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mb": mem, "kernel": platform.release(),
            "python": platform.python_version()}


def fmt(v, nd=1):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    return str(v)


def table(rows):
    cols = ["set", "system", "workload", "q/s/core", "q/s wall", "p50 ms", "p99 ms", "build s", "peak MB",
            "R@1", "R@5", "neg hit"]
    lines = []
    for r in rows:
        q = r.get("quality") or {}
        lat = r.get("latency") or {}
        lines.append([r["set"], r["system"], r["workload"], fmt(r.get("qps_per_core")),
                      fmt(r.get("qps")),
                      fmt(lat.get("p50_ms"), 2), fmt(lat.get("p99_ms"), 2),
                      fmt(r.get("build_seconds")), fmt(r.get("peak_rss_mb"), 0),
                      fmt(q.get("recall_at_1"), 3), fmt(q.get("recall_at_5"), 3),
                      fmt(q.get("negatives_with_hit"), 3)])
    w = [max(len(c), *(len(x[i]) for x in lines)) if lines else len(c) for i, c in enumerate(cols)]
    md = ["| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(cols)) + " |",
          "|" + "|".join("-" * (x + 2) for x in w) + "|"]
    for x in lines:
        md.append("| " + " | ".join(v.ljust(w[i]) for i, v in enumerate(x)) + " |")
    return "\n".join(md)


def chart(rows, path):
    """Two panels: queries/s per core (log scale) and recall@5, per set and
    system, written as SVG by hand."""
    import math
    series = [r for r in rows if r["workload"] in ("screen_batch_1t", "pg_query", "jw_scan")
              or (r["system"] == "pg_trgm@0.5")]
    sets = []
    for r in series:
        if r["set"] not in sets:
            sets.append(r["set"])
    systems = ["vigil", "pg_trgm", "pg_trgm@0.5", "jw_scan"]
    colors = {"vigil": "#1f77b4", "pg_trgm": "#d62728", "pg_trgm@0.5": "#ff9896",
              "jw_scan": "#2ca02c"}
    W, H, pad = 980, 420, 60
    pw = (W - 3 * pad) / 2
    ph = H - 2 * pad - 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>']

    def panel(x0, title, value, log_scale, vmax):
        out.append(f'<text x="{x0 + pw / 2}" y="{pad - 25}" text-anchor="middle" '
                   f'font-size="14">{title}</text>')
        out.append(f'<line x1="{x0}" y1="{pad + ph}" x2="{x0 + pw}" y2="{pad + ph}" stroke="black"/>')
        out.append(f'<line x1="{x0}" y1="{pad}" x2="{x0}" y2="{pad + ph}" stroke="black"/>')

        def y_of(v):
            if log_scale:
                v = max(v, 0.1)
                return pad + ph - ph * (math.log10(v) + 1) / (math.log10(vmax) + 1)
            return pad + ph - ph * v / vmax

        ticks = [10 ** k for k in range(-1, int(math.log10(vmax)) + 1)] if log_scale else \
            [0, 0.25, 0.5, 0.75, 1.0]
        for t in ticks:
            y = y_of(t)
            out.append(f'<line x1="{x0 - 4}" y1="{y}" x2="{x0 + pw}" y2="{y}" stroke="#ddd"/>')
            out.append(f'<text x="{x0 - 6}" y="{y + 4}" text-anchor="end">{t:g}</text>')
        gw = pw / max(1, len(sets))
        bw = gw / (len(systems) + 1)
        for si, s in enumerate(sets):
            out.append(f'<text x="{x0 + gw * si + gw / 2}" y="{pad + ph + 16}" '
                       f'text-anchor="middle">{s}</text>')
            for k, sysname in enumerate(systems):
                r = next((r for r in series if r["set"] == s and r["system"] == sysname), None)
                v = value(r) if r else None
                if v is None:
                    continue
                x = x0 + gw * si + bw * (k + 0.5)
                y = y_of(v)
                out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw * 0.9:.1f}" '
                           f'height="{pad + ph - y:.1f}" fill="{colors[sysname]}"/>')
                label = f"{v:,.0f}" if log_scale else f"{v:.2f}"
                out.append(f'<text x="{x + bw * 0.45:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                           f'font-size="9">{label}</text>')

    qmax = max([r.get("qps_per_core") or 1 for r in series] + [10])
    panel(pad, "queries/s per core (log scale)", lambda r: r.get("qps_per_core"), True,
          10 ** math.ceil(math.log10(qmax)))
    panel(2 * pad + pw, "recall@5 of the intended target (hits at the match threshold)",
          lambda r: (r.get("quality") or {}).get("recall_at_5"), False, 1.0)
    for k, s in enumerate(systems):
        x = pad + k * 170
        out.append(f'<rect x="{x}" y="{H - 22}" width="12" height="12" fill="{colors[s]}"/>')
        out.append(f'<text x="{x + 16}" y="{H - 12}">{s}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


# ---------------------------------------------------------------- main


def write_report(args, sets, rows, notes, failures, t_start):
    """Writes report.json, report.md and chart.svg from the rows so far (after
    every set, so an interrupted run keeps what it measured)."""
    report = {"machine": machine(), "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "run_seconds": round(time.monotonic() - t_start, 1), "sets": sets,
              "thresholds": THRESHOLDS, "recall5_floor": RECALL5_FLOOR, "rows": rows,
              "notes": notes, "failures": failures}
    with open(os.path.join(args.out, "report.json"), "w") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)
    md = table(rows)
    with open(os.path.join(args.out, "report.md"), "w") as f:
        f.write(md + "\n")
    chart(rows, os.path.join(args.out, "chart.svg"))
    return report, md


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build-bench")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench/out"))
    ap.add_argument("--sets", default="bundled,100k,1m")
    ap.add_argument("--positives", type=int, default=400)
    ap.add_argument("--negatives", type=int, default=200)
    ap.add_argument("--jw-sample", type=int, default=0, help="0: by list size")
    ap.add_argument("--pg-sample", type=int, default=0, help="0: by list size")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--no-http", action="store_true")
    ap.add_argument("--regen", action="store_true", help="regenerate data even if present")
    ap.add_argument("--http-clients", type=int, default=4)
    ap.add_argument("--http-requests", type=int, default=3000)
    ap.add_argument("--http-seconds", type=float, default=60)
    args = ap.parse_args()
    args.out = os.path.abspath(args.out)
    os.makedirs(args.out, exist_ok=True)
    build = os.path.join(ROOT, args.build) if not os.path.isabs(args.build) else args.build
    exe = os.path.join(build, "bench/vigil_bench")
    pg_peer = os.path.join(build, "bench/pg_peer")
    vigil = os.path.join(build, "vigil")
    if not os.path.exists(exe):
        sys.exit(f"bench: {exe} not built")
    if not os.path.isdir(os.environ.get("VIGIL_SHARED_DATA", "/work/shared/data")):
        log("note: /work/shared/data not found: synthetic name parts come from the bundled lists")
    t_start = time.monotonic()
    sets = args.sets.split(",")
    rows, failures, notes = [], [], []
    pg = None
    if not args.no_pg:
        if os.path.exists(pg_peer) and os.path.exists(f"{PG_BIN}/initdb"):
            pg = PgCluster(free_port())
        else:
            notes.append("pg_trgm peer skipped: PostgreSQL 15 or pg_peer (libpq-dev) missing")
    try:
        if pg:
            pg.start()
        compared = False
        for name in sets:
            d = prepare_data(args, name, exe)
            meta = json.load(open(os.path.join(d, "meta.json")))
            answers = {a["query"]: a for a in read_jsonl(os.path.join(d, "answers.jsonl"))}
            lst, queries = os.path.join(d, "list.jsonl"), os.path.join(d, "queries.jsonl")
            n_queries = meta["queries"]
            snap = os.path.join(args.out, f"{name}.vidx")
            res = os.path.join(args.out, "results", name)
            os.makedirs(os.path.dirname(res), exist_ok=True)
            # vigil: build_index, then load_snapshot + screen_batch.
            docs, rss, _ = run([exe, "build_index", "--list", lst, "--snapshot", snap])
            b = docs[0]
            if "entities" in meta and b["entities"] != meta["entities"]:
                failures.append(f"{name}: vigil indexed {b['entities']} entities, list has "
                                f"{meta['entities']}")
            rows.append({"set": name, "system": "vigil", "workload": "build_index",
                         "build_seconds": b["build_seconds"] + b["write_seconds"],
                         "build_cpu_seconds": b["cpu_seconds"],
                         "peak_rss_mb": rss, "snapshot_mb": b["snapshot_bytes"] / 2 ** 20,
                         "entities": b["entities"], "keys": b["keys"], "postings": b["postings"]})
            docs, rss, _ = run([exe, "screen_batch", "--snapshot", snap, "--queries", queries,
                                "--out", res + ".vigil"])
            s = docs[0]
            rows.append({"set": name, "system": "vigil", "workload": "load_snapshot",
                         "build_seconds": s["load_snapshot_seconds"]})
            for p in s["passes"]:
                q = quality(p["results"], answers, THRESHOLDS["vigil"])
                if q["answered"] != n_queries:
                    failures.append(f"{name}: vigil answered {q['answered']} of {n_queries}")
                if p["pass"] == "1t" and (q["recall_at_5"] or 0) < RECALL5_FLOOR:
                    failures.append(f"{name}: vigil recall@5 {q['recall_at_5']} under the floor "
                                    f"{RECALL5_FLOOR}")
                rows.append({"set": name, "system": "vigil", "workload": "screen_batch_" + p["pass"],
                             "threads": p["threads"], "qps": p["qps"],
                             "qps_per_core": p["qps_per_core"], "latency": p["latency"],
                             "cpu_latency": p["cpu_latency"],
                             "peak_rss_mb": rss, "quality": q})
            if not compared and name != "bundled":
                docs, _, _ = run([exe, "compare_pairs", "--list", lst, "--queries", queries,
                                  "--answers", os.path.join(d, "answers.jsonl")])
                c = docs[0]
                rows.append({"set": name, "system": "vigil", "workload": "compare_pairs",
                             "qps": c["pairs_per_second"], "qps_per_core": c["pairs_per_cpu_second"],
                             "pairs": c["pairs"],
                             "true_pairs_matched": c["true_pairs_matched"],
                             "random_pairs_matched": c["random_pairs_matched"]})
                if c["pairs_per_cpu_second"] < 200_000:
                    notes.append(f"compare_pairs: {c['pairs_per_cpu_second']:,.0f} pairs/s, under the "
                                 f"200,000 target")
                compared = True
            # pg_trgm peer.
            if pg:
                docs, _, _ = run([pg_peer, "load", "--conninfo", pg.conninfo(), "--list", lst])
                ld = docs[0]
                # pg_trgm answers a few queries a second on big lists: a sample
                # (every k-th query, keeping the mix) bounds the run.
                n = meta.get("entities", 0)
                pg_n = args.pg_sample or (n_queries if n <= 200_000 else 500 if n <= 2_000_000
                                          else 100)
                pg_queries = sample_lines(queries, pg_n, os.path.join(args.out, "results",
                                                                      f"{name}.pg-queries.jsonl"))
                n_queries_pg = min(pg_n, n_queries)
                docs, _, _ = run([pg_peer, "query", "--conninfo", pg.conninfo(), "--queries",
                                  pg_queries, "--out", res + ".pg.jsonl"])
                pq = docs[0]
                peak = pg.peak_rss_mb()
                for sysname in ("pg_trgm", "pg_trgm@0.5"):
                    q = quality(res + ".pg.jsonl", answers, THRESHOLDS[sysname])
                    if q["answered"] != n_queries_pg:
                        failures.append(f"{name}: pg answered {q['answered']} of {n_queries}")
                    rows.append({"set": name, "system": sysname, "workload": "pg_query",
                                 "qps": pq["qps"], "qps_per_core": pq["qps_per_core"],
                                 "latency": pq["latency"],
                                 "build_seconds": ld["build_seconds"], "peak_rss_mb": peak,
                                 "size_mb": ld["table_and_index_bytes"] / 2 ** 20, "quality": q})
            # Brute-force Jaro-Winkler on a sample.
            n = meta.get("entities", 0)
            sample = args.jw_sample or (100 if n <= 200_000 else 20 if n <= 2_000_000 else 5)
            docs, rss, _ = run([exe, "jw_scan", "--list", lst, "--queries", queries, "--sample",
                                str(sample), "--out", res + ".jw.jsonl"])
            j = docs[0]
            rows.append({"set": name, "system": "jw_scan", "workload": "jw_scan",
                         "qps": j["qps"], "qps_per_core": j["qps_per_core"],
                         "latency": j["latency"], "cpu_latency": j["cpu_latency"],
                         "build_seconds": j["build_seconds"], "peak_rss_mb": rss,
                         "quality": quality(res + ".jw.jsonl", answers, THRESHOLDS["jw_scan"])})
            write_report(args, sets, rows, notes, failures, t_start)
        # match_http on the largest set of the run.
        if not args.no_http:
            big = sets[-1]
            probe = subprocess.run([vigil, "serve", "--help"], capture_output=True)
            if os.path.exists(vigil) and probe.returncode == 0:
                qs = read_jsonl(os.path.join(args.out, "data", big, "queries.jsonl"))
                try:
                    h = match_http(args, vigil, os.path.join(args.out, f"{big}.vidx"), qs,
                                   args.http_clients, args.http_requests, args.http_seconds)
                except Exception as e:  # noqa: BLE001 - reported, the rest of the report stands
                    h = {"skipped": f"{type(e).__name__}: {e}"}
                row = {"set": big, "system": "vigil", "workload": "match_http"}
                row.update(h)
                rows.append(row)
                if "skipped" in h:
                    notes.append("match_http skipped: " + h["skipped"])
                elif h["errors"]:
                    failures.append(f"match_http: {h['errors']} failed requests")
            else:
                notes.append("match_http skipped: this vigil has no `serve` command")
    finally:
        if pg:
            pg.stop()
    report, md = write_report(args, sets, rows, notes, failures, t_start)
    print(md)
    for n in notes:
        print("note: " + n)
    print(f"bench: report in {args.out}/report.json, chart.svg, report.md "
          f"({report['run_seconds']} s)")
    if failures:
        for f_ in failures:
            print("FAILED: " + f_, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
