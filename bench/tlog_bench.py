#!/usr/bin/env python3
"""The verifiable log's benchmarks for BENCHMARKS.md (issue 14), each measure beside its peer
in the same run, with the ratio printed (only ratios travel between machines).

  ndjson   `nanni import` of N generated NDJSON events (`nanni generate`: 2,000 accounts, 24
           months, seed 11, as bench/portfolio_bench.py makes them) into a fresh ledger
           (`nanni init` untimed, then the import as a whole process, start to exit), against
           DuckDB loading the same file into a table of a persistent database file
           (bench/peers/duckdb_load.mjs: CREATE TABLE t AS SELECT * FROM read_json(FILE,
           format = 'newline_delimited'), a CHECKPOINT, close; `node` timed start to exit).
           Target: nanni/DuckDB <= 0.5.
  csv      `nanni import --profile tickets` of the ~1 GB helpdesk export bench/csv_gen.py
           makes, against DuckDB's read_csv of the same file into a persistent table, the
           same way. Target: nanni/DuckDB <= 1.5.
  verify   `nanni verify` (whole process) of the ledgers made here, events/s (target >= 2M
           events/s), beside VerifyLedger alone (the entries and the tree, without the
           analytic index's check: bench/tlog_proof_bench --verify) and, as the peer, the
           sqlite3 shell reading every body once (SELECT sum(length(CAST(body AS TEXT)))).
  upgrade  with --format1 LEDGER: a COPY of that format-1 (hash chain) ledger, upgraded with
           `nanni --db COPY upgrade`; the original is only read. Beside it, the `cp` itself.
  proofs   bench/tlog_proof_bench on the largest ledger (the upgraded one, with --format1):
           inclusion and consistency proofs at random seqs and sizes, each from a fresh
           LedgerTree (cold tile cache), each verified; median and p99 ms (target <= 5 ms),
           beside the read of one stored entry (the leaf hash) as the peer.

Each import pair runs --runs times, nanni then the peer, with a `sync` before each run; the
medians and their ratio are reported, and each pair's own ratio. Usage:

  python3 bench/tlog_bench.py [--events N] [--csv-mb MB] [--runs R] [--format1 LEDGER]
                              [--only ndjson,csv,verify,upgrade,proofs] [--keep]

Scratch files go to bench/out/ (1M NDJSON 0.6 GB + ledger 1 GB; the CSV 1 GB + ledger 3 GB;
a 10M format-1 copy 5.6 GB): deleted at the end unless --keep.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NANNI = os.path.join(ROOT, "build/release/src/nanni")
PROOF_BENCH = os.path.join(ROOT, "build/release/bench/tlog_proof_bench")
OUT = os.path.join(ROOT, "bench/out")
PEERS = os.path.join(ROOT, "bench/peers")


def env():
    return dict(os.environ, NANNI_NO_PROGRESS="1")


CPU = {}  # the CPU seconds (user + system) of the last timed_rss run


def timed_rss(args, stdout=subprocess.DEVNULL):
    """Runs a command after a sync; returns (wall seconds, peak RSS MB, stdout text or None)
    and leaves its CPU seconds in CPU["last"]."""
    subprocess.run(["sync"], check=True)
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + args, check=True, stdout=stdout,
                       stderr=subprocess.PIPE, text=True, env=env())
    wall = time.perf_counter() - t0
    rss_kb, user, system = r.stderr.strip().splitlines()[-1].split()
    CPU["last"] = float(user) + float(system)
    return wall, int(rss_kb) / 1024, r.stdout


def rm(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


def machine():
    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                         capture_output=True, text=True).stdout.strip()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    return f"{cpu}, nproc {os.cpu_count()}, {mem:.0f} GiB RAM, sqlite3 {sqlite}, load average {os.getloadavg()[0]:.2f}"


def load():
    return round(os.getloadavg()[0], 2)


def peers_ready():
    if not os.path.isdir(os.path.join(PEERS, "node_modules", "@duckdb", "node-api")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEERS, check=True)


def warm(path):
    """Reads a file once, so that neither side of a pair pays for the disk alone."""
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def import_pairs(name, src, nanni_args, peer_format, runs, keep_db):
    """nanni import then the DuckDB load, `runs` times; returns a row of medians and ratios."""
    db = os.path.join(OUT, f"tlog-{name}.db")
    duck = os.path.join(OUT, f"tlog-{name}.duckdb")
    warm(src)
    row = {"measure": name, "file_mb": os.path.getsize(src) / 1e6, "nanni": [], "peer": [], "load": [],
           "nanni_cpu": [], "peer_cpu": []}
    for i in range(runs):
        rm(db)
        subprocess.run([NANNI, "--db", db, "init"], check=True, stdout=subprocess.DEVNULL)
        s, mb, out = timed_rss([NANNI, "--db", db, "--json", "import", "--no-progress"] + nanni_args + [src],
                               stdout=subprocess.PIPE)
        summary = json.loads(out)
        row["events"] = summary["added"]
        row["nanni"].append((s, mb))
        row["nanni_cpu"].append(CPU["last"])
        rm(duck)
        rm(duck + ".wal")
        s2, mb2, out2 = timed_rss(["node", os.path.join(PEERS, "duckdb_load.mjs"), peer_format, src, duck],
                                  stdout=subprocess.PIPE)
        peer = json.loads(out2.strip().splitlines()[-1])
        row["peer"].append((s2, mb2))
        row["peer_cpu"].append(CPU["last"])
        row["peer_rows"], row["duckdb"] = peer["rows"], f"{peer['version']}, {peer['threads']} threads"
        row["peer_db_mb"] = peer["db_bytes"] / 1e6
        row["peer_load_s"] = peer["load_s"]
        row["ledger_mb"] = os.path.getsize(db) / 1e6
        row["load"].append(load())
        print(f"  {name} run {i + 1}: nanni {s:.2f} s ({mb:.0f} MB, CPU {row['nanni_cpu'][-1]:.1f} s), DuckDB "
              f"{s2:.2f} s ({mb2:.0f} MB, CPU {row['peer_cpu'][-1]:.1f} s; its load alone {peer['load_s']:.2f} s) "
              f"-> {s / s2:.2f}; load average {row['load'][-1]}", file=sys.stderr, flush=True)
        rm(duck)
        rm(duck + ".wal")
    if not keep_db:
        rm(db)
    row["nanni_s"] = statistics.median(s for s, _ in row["nanni"])
    row["peer_s"] = statistics.median(s for s, _ in row["peer"])
    row["nanni_mb"] = max(m for _, m in row["nanni"])
    row["peer_mb"] = max(m for _, m in row["peer"])
    row["pair_ratios"] = [round(a[0] / b[0], 3) for a, b in zip(row["nanni"], row["peer"])]
    # The headline: the median of the pairs' own ratios (each pair ran back to back, under the
    # same load), beside the ratio of the medians and that of the CPU seconds.
    row["ratio"] = statistics.median(row["pair_ratios"])
    row["ratio_of_medians"] = row["nanni_s"] / row["peer_s"]
    row["nanni_cpu_s"] = statistics.median(row["nanni_cpu"])
    row["peer_cpu_s"] = statistics.median(row["peer_cpu"])
    row["db"] = db
    return row


def ndjson_source(n):
    src = os.path.join(OUT, f"portfolio-{n}.ndjson")
    if not os.path.exists(src):
        t0 = time.perf_counter()
        subprocess.run([NANNI, "generate", "--seed", "11", "--accounts", "2000", "--months", "24",
                        "--events", str(n), "--out", src], check=True, stdout=subprocess.DEVNULL, env=env())
        print(f"  generated {src} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return src


def csv_source(mb):
    src = os.path.join(OUT, "csv", f"tickets-{mb}.csv")
    if not os.path.exists(src):
        os.makedirs(os.path.dirname(src), exist_ok=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/csv_gen.py"), src, str(mb)], check=True,
                       stdout=sys.stderr)
    return src


def verify_row(db, events, label):
    row = {"ledger": label, "events": events}
    s, mb, out = timed_rss([NANNI, "--db", db, "--json", "verify"], stdout=subprocess.PIPE)
    v = json.loads(out)
    assert v["ok"], v
    row["verify_s"], row["verify_mb"], row["verify_inner_s"] = s, mb, v["seconds"]
    s2, _, out2 = timed_rss([PROOF_BENCH, "--verify", db], stdout=subprocess.PIPE)
    row["tree_s"], row["tree_inner_s"] = s2, json.loads(out2.strip().splitlines()[-1])["verify_s"]
    s3, _, out3 = timed_rss(["sqlite3", "-readonly", db, "SELECT sum(length(CAST(body AS TEXT))) FROM events"],
                            stdout=subprocess.PIPE)
    row["scan_s"], row["body_mb"] = s3, int(out3.strip()) / 1e6
    row["ratio"] = row["verify_s"] / row["scan_s"]
    row["load"] = load()
    print(f"  verify {label}: nanni verify {s:.2f} s ({events / s:,.0f} events/s), tree alone {s2:.2f} s "
          f"({events / s2:,.0f}/s), sqlite3 body scan {s3:.2f} s", file=sys.stderr, flush=True)
    return row


def upgrade_row(format1, keep):
    copy = os.path.join(OUT, "tlog-upgraded.db")
    rm(copy)
    subprocess.run(["sync"], check=True)
    t0 = time.perf_counter()
    shutil.copyfile(format1, copy)  # the original is only read
    subprocess.run(["sync"], check=True)
    cp_s = time.perf_counter() - t0
    s, mb, out = timed_rss([NANNI, "--db", copy, "--json", "upgrade"], stdout=subprocess.PIPE)
    u = json.loads(out)
    assert u["upgraded"], u
    row = {"events": u["events"], "upgrade_s": s, "upgrade_mb": mb, "copy_s": cp_s,
           "file_gb": os.path.getsize(format1) / 1e9, "after_gb": os.path.getsize(copy) / 1e9,
           "ratio": s / cp_s, "db": copy, "load": load()}
    print(f"  upgrade of {u['events']:,} events: {s:.1f} s ({mb:.0f} MB); cp + sync {cp_s:.1f} s",
          file=sys.stderr, flush=True)
    return row


def proofs_row(db, samples):
    out = subprocess.run([PROOF_BENCH, db, str(samples)], check=True, capture_output=True, text=True).stdout
    print("  " + out.replace("\n", "\n  "), file=sys.stderr, flush=True)
    row = json.loads(out.strip().splitlines()[-1])
    row["load"] = load()
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--csv-mb", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--csv-runs", type=int, default=2)
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--format1", help="a format-1 ledger to copy and upgrade (10M: the proofs' ledger)")
    ap.add_argument("--only", default="ndjson,csv,verify,upgrade,proofs")
    ap.add_argument("--keep", action="store_true", help="keep the ledgers made here")
    args = ap.parse_args()
    only = set(args.only.split(","))
    for binary in (NANNI, PROOF_BENCH):
        if not os.path.exists(binary):
            sys.exit("build first: cmake --preset release && cmake --build --preset release -j2")
    peers_ready()
    os.makedirs(OUT, exist_ok=True)
    print(f"machine: {machine()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", flush=True)
    rows, verifies = [], []
    if "ndjson" in only:
        r = import_pairs(f"ndjson-{args.events}", ndjson_source(args.events), [], "ndjson", args.runs, True)
        rows.append(r)
        print(json.dumps(r), flush=True)
    if "csv" in only:
        r = import_pairs(f"csv-{args.csv_mb}", csv_source(args.csv_mb), ["--profile", "tickets"], "csv",
                         args.csv_runs, "verify" in only)
        rows.append(r)
        print(json.dumps(r), flush=True)
    up = None
    if "upgrade" in only and args.format1:
        up = upgrade_row(args.format1, args.keep)
        print(json.dumps(up), flush=True)
    if "verify" in only:
        for r in rows:
            verifies.append(verify_row(r["db"], r["events"], r["measure"]))
            print(json.dumps(verifies[-1]), flush=True)
        if up:
            verifies.append(verify_row(up["db"], up["events"], "upgraded format-1"))
            print(json.dumps(verifies[-1]), flush=True)
    proofs = []
    if "proofs" in only:
        targets = [(r["db"], r["measure"]) for r in rows if os.path.exists(r["db"])]
        if up:
            targets.append((up["db"], "upgraded format-1"))
        for db, label in targets:
            p = proofs_row(db, args.samples)
            p["ledger"] = label
            proofs.append(p)
            print(json.dumps(p), flush=True)

    print("\n| import | file MB | events | nanni s (median) | CPU s | peak MB | DuckDB s (median) | CPU s | peak MB | "
          "ratio nanni/DuckDB (median of pairs) | each pair | target | met |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        target = 0.5 if r["measure"].startswith("ndjson") else 1.5
        print(f"| {r['measure']} | {r['file_mb']:.0f} | {r['events']:,} | {r['nanni_s']:.2f} | {r['nanni_cpu_s']:.1f} | "
              f"{r['nanni_mb']:.0f} | {r['peer_s']:.2f} | {r['peer_cpu_s']:.1f} | {r['peer_mb']:.0f} | **{r['ratio']:.2f}** | "
              f"{', '.join(f'{x:.2f}' for x in r['pair_ratios'])} | <= {target} | "
              f"{'yes' if r['ratio'] <= target else 'no'} |")
    if verifies:
        print("\n| verify | events | nanni verify s | events/s | peak MB | tree alone s | events/s | "
              "sqlite3 body scan s | ratio verify/scan | target >= 2M/s |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for v in verifies:
            rate = v["events"] / v["verify_s"]
            print(f"| {v['ledger']} | {v['events']:,} | {v['verify_s']:.2f} | {rate:,.0f} | {v['verify_mb']:.0f} | "
                  f"{v['tree_s']:.2f} | {v['events'] / v['tree_s']:,.0f} | {v['scan_s']:.2f} | "
                  f"**{v['ratio']:.2f}** | {'met' if rate >= 2e6 else 'missed'} |")
    if up:
        print(f"\nupgrade: {up['events']:,} events, {up['file_gb']:.1f} GB -> {up['after_gb']:.1f} GB, "
              f"{up['upgrade_s']:.1f} s ({up['events'] / up['upgrade_s']:,.0f} events/s), peak {up['upgrade_mb']:.0f} MB; "
              f"cp + sync of the file {up['copy_s']:.1f} s (ratio {up['ratio']:.1f})")
    if proofs:
        print("\n| proofs | events | inclusion median ms | p99 ms | consistency median ms | p99 ms | "
              "cold store incl. p99 ms | cons. p99 ms | one entry read median ms | target <= 5 ms |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for p in proofs:
            ok = max(p["inclusion_p99_ms"], p["consistency_p99_ms"]) <= 5
            print(f"| {p['ledger']} | {p['events']:,} | {p['inclusion_median_ms']:.3f} | {p['inclusion_p99_ms']:.3f} | "
                  f"{p['consistency_median_ms']:.3f} | {p['consistency_p99_ms']:.3f} | "
                  f"{p['inclusion_cold_p99_ms']:.3f} | {p['consistency_cold_p99_ms']:.3f} | "
                  f"{p['leaf_median_ms']:.3f} | {'met' if ok else 'missed'} |")
    if not args.keep:
        for r in rows:
            rm(r["db"])
        if up:
            rm(up["db"])


if __name__ == "__main__":
    main()
