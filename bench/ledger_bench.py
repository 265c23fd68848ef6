#!/usr/bin/env python3
"""Ledger benchmarks for BENCHMARKS.md (issue: foundation). Usage: ledger_bench.py [--old BINARY] [SIZES...]

For each size N (events): generate a portfolio, import it into a fresh ledger (events/s, peak
memory), load the same events as CSV with the sqlite3 shell's .import into a table with the
same columns and indexes and the same pragmas (the peer, timed in the same run), time
`nanni events ACCOUNT` over many accounts (median, p99), and time `nanni verify`.
"""
import os, random, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NANNI = os.path.join(ROOT, "build/release/src/nanni")
OUT = os.path.join(ROOT, "bench/out")
ACCOUNTS = 1000
QUERY_SAMPLES = 200

SCHEMA = """
PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -262144;
PRAGMA temp_store = MEMORY;
CREATE TABLE events (seq INTEGER PRIMARY KEY, source_id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL, time_utc INTEGER NOT NULL, tz_offset INTEGER NOT NULL,
  kind TEXT NOT NULL, recorded_utc INTEGER NOT NULL, body BLOB NOT NULL, hash BLOB NOT NULL);
CREATE INDEX events_by_account_time ON events (account, time_utc);
CREATE INDEX events_by_time ON events (time_utc);
"""


def run(args, **kw):
    return subprocess.run(args, check=True, **kw)


def timed(args):
    """Runs a command; returns its wall-clock seconds."""
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, NANNI_NO_PROGRESS="1"))
    return time.perf_counter() - t0


def timed_rss(args, stdin=None):
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + args, check=True, stdin=stdin,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                       env=dict(os.environ, NANNI_NO_PROGRESS="1"))
    wall = time.perf_counter() - t0
    rss_mb = int(r.stderr.strip().splitlines()[-1]) / 1024
    return wall, rss_mb


def rm(*paths):
    for p in paths:
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(p + suffix)
            except FileNotFoundError:
                pass


def machine():
    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                         capture_output=True, text=True).stdout.strip()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM; sqlite3 {sqlite}"


def bench_size(n):
    os.makedirs(OUT, exist_ok=True)
    src = os.path.join(OUT, f"events-{n}.ndjson")
    db = os.path.join(OUT, f"ledger-{n}.db")
    csv = os.path.join(OUT, f"events-{n}.csv")
    peer = os.path.join(OUT, f"peer-{n}.db")
    rm(db, peer)
    r = {"n": n}

    t = timed([NANNI, "generate", "--seed", "1", "--accounts", str(ACCOUNTS), "--months", "24",
                  "--events", str(n), "--out", src])
    r["generated"] = sum(1 for _ in open(src, "rb"))
    r["gen_s"] = t
    r["mb"] = os.path.getsize(src) / 1e6
    print(f"[{n}] generated {r['generated']} events ({r['mb']:.0f} MB) in {t:.1f} s", flush=True)

    if OLD:  # an earlier build on the same file, for the cost of what changed since
        old_db = os.path.join(OUT, f"ledger-{n}-old.db")
        rm(old_db)
        run([OLD, "--db", old_db, "init"], stdout=subprocess.DEVNULL)
        t, rss = timed_rss([OLD, "--db", old_db, "import", "--no-progress", src])
        r["old_import_s"], r["old_import_rss"] = t, rss
        print(f"[{n}] earlier nanni import: {t:.1f} s, peak {rss:.0f} MB", flush=True)
        rm(old_db)
    run([NANNI, "--db", db, "init"], stdout=subprocess.DEVNULL)
    t, rss = timed_rss([NANNI, "--db", db, "import", "--no-progress", src])
    r["import_s"], r["import_rss"] = t, rss
    print(f"[{n}] nanni import: {t:.1f} s, {r['generated'] / t:,.0f} events/s, peak {rss:.0f} MB", flush=True)

    # The peer: the same rows, as CSV, loaded by the sqlite3 shell's .import.
    with open(csv, "w") as f:
        run(["sqlite3", "-csv", "-header", db,
             "SELECT seq, source_id, account, time_utc, tz_offset, kind, recorded_utc, "
             "CAST(body AS TEXT) AS body, hex(hash) AS hash FROM events ORDER BY seq"], stdout=f)
    script = SCHEMA + f".import --csv --skip 1 {csv} events\n"
    t, rss = timed_rss(["sqlite3", peer], stdin=open(write_tmp(script)))
    r["peer_s"], r["peer_rss"] = t, rss
    print(f"[{n}] sqlite3 .import: {t:.1f} s, {r['generated'] / t:,.0f} rows/s, peak {rss:.0f} MB "
          f"-> ratio nanni/peer {r['import_s'] / t:.2f}", flush=True)

    accounts = subprocess.run([NANNI, "--db", db, "accounts"], capture_output=True, text=True,
                              check=True).stdout.splitlines()[1:]
    names = [line.split()[0] for line in accounts]
    rng = random.Random(1)
    sample = [rng.choice(names) for _ in range(QUERY_SAMPLES)]
    for a in sample[:20]:  # warm the page cache
        run([NANNI, "--db", db, "--json", "events", a], stdout=subprocess.DEVNULL)
    times = []
    counts = []
    for a in sample:
        t0 = time.perf_counter()
        out = subprocess.run([NANNI, "--db", db, "--json", "events", a], check=True,
                             capture_output=True).stdout
        times.append((time.perf_counter() - t0) * 1000)
        counts.append(out.count(b'"seq":'))
    times.sort()
    r["q_median"] = statistics.median(times)
    r["q_p99"] = times[int(len(times) * 0.99) - 1]
    r["q_events"] = statistics.median(counts)
    print(f"[{n}] events ACCOUNT --json: median {r['q_median']:.1f} ms, p99 {r['q_p99']:.1f} ms "
          f"(median {r['q_events']:.0f} events per account)", flush=True)

    t, rss = timed_rss([NANNI, "--db", db, "verify"])
    r["verify_s"], r["verify_rss"] = t, rss
    print(f"[{n}] verify: {t:.1f} s, {r['generated'] / t:,.0f} events/s, peak {rss:.0f} MB", flush=True)
    if os.environ.get("NANNI_BENCH_KEEP") != "1":
        rm(peer)
        os.remove(csv)
    return r


def write_tmp(text):
    path = os.path.join(OUT, "peer-import.sql")
    with open(path, "w") as f:
        f.write(text)
    return path


OLD = None


def main():
    global OLD
    args = sys.argv[1:]
    if "--old" in args:  # --old BINARY: also import with an earlier build, in the same run
        i = args.index("--old")
        OLD = args[i + 1]
        del args[i:i + 2]
    if not os.path.exists(NANNI):
        sys.exit("build first: ./dev build")
    sizes = [int(a) for a in args] or [1_000_000, 10_000_000]
    results = [bench_size(n) for n in sizes]
    print(f"\nMachine: {machine()}\n")
    print("| events | NDJSON MB | nanni import s | events/s | peak MB | sqlite3 .import s | ratio nanni/peer | "
          "events ACCOUNT median ms | p99 ms | events/account | verify s | verify events/s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        if "old_import_s" in r:
            print(f"<!-- {r['n']}: earlier build's import {r['old_import_s']:.1f} s, ratio "
                  f"{r['old_import_s'] / r['peer_s']:.2f} -->")
    for r in results:
        n = r["generated"]
        print(f"| {n:,} | {r['mb']:.0f} | {r['import_s']:.1f} | {n / r['import_s']:,.0f} | {r['import_rss']:.0f} | "
              f"{r['peer_s']:.1f} | {r['import_s'] / r['peer_s']:.2f} | {r['q_median']:.1f} | {r['q_p99']:.1f} | "
              f"{r['q_events']:.0f} | {r['verify_s']:.1f} | {n / r['verify_s']:,.0f} |")


if __name__ == "__main__":
    main()
