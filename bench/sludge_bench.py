#!/usr/bin/env python3
"""The sludge audit's benchmark for BENCHMARKS.md (issue 13).

For each size N (call events; default 1,000,000 and 10,000,000): write an NDJSON ledger input
of N calls with a realistic mix (below), import it into a fresh ledger (`nanni init`, `nanni
import`), and then, in the same run:

  - `nanni --json sludge` (the whole process, start to exit, reading the index from the ledger
    file), median of --runs, and its peak resident memory;
  - the peer: the same NDJSON loaded into one DuckDB table (@duckdb/node-api, outside the
    timing), then the same call figures in SQL, timed warm, median of --runs
    (bench/peers/duckdb_sludge.mjs): totals, service level, by hour, by queue, per-agent
    service-time quantiles, repeat calls within 24 h / 7 days (a window LEAD over the customer);
  - a check that both found the same figures: totals, each hour and queue, each agent's
    quantiles, the repeats (nanni's shares to the 6 decimals its JSON has).

The mix: 365 days from 2025-01-06 (fewer calls at weekends, a daytime peak), 6 queues, 200
agents (some busier than others), about 400,000 identified customers (a few call often, most
rarely) and 35% unidentified calls, lognormal waits, IVR and handle times, ~20% abandoned,
~1.5% dropped (some with no agent), ~3% transferred, 2% outbound and 8% without a direction,
and one agent (agent-077) who ends 70% of the calls that would run past 600 s just below it.

Prints a Markdown table. The issue's target: `nanni sludge` over 10M call events <= 3 s and
<= 1 GB peak. Scratch files go to bench/out/ (about 3 GB of NDJSON and 8 GB of ledger at 10M).
"""
import argparse, json, math, multiprocessing, os, random, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from portfolio_bench import env, timed_rss, rm, peers_ready, machine  # noqa: E402  (the same timing)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NANNI = os.path.join(ROOT, "build/release/src/nanni")
OUT = os.path.join(ROOT, "bench/out")
PEERS = os.path.join(ROOT, "bench/peers")

DAYS = 365
FIRST_DAY = (2025, 1, 6)  # a Monday
OFFSET = "+02:00"
CUSTOMERS = 400_000
UNIDENTIFIED = 0.35
AGENTS = 200
CUTTER = "agent-077"
CUT_AT = 600
QUEUES = [("retail", 40), ("premium", 15), ("business", 12), ("tech", 18), ("loans", 9), ("new", 6)]
HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 3, 7, 10, 11, 11, 10, 10, 11, 11, 10, 8, 6, 5, 4, 3, 2, 1.5]
CHUNK_DAYS = 5

# ---- the writer ----


def day_strings():
    """ISO dates of the DAYS days and their weekday weights."""
    import datetime
    d0 = datetime.date(*FIRST_DAY)
    days, weights = [], []
    for i in range(DAYS):
        d = d0 + datetime.timedelta(days=i)
        days.append(d.isoformat())
        weights.append({5: 0.35, 6: 0.25}.get(d.weekday(), 1.0))
    return days, weights


def calls_per_day(n):
    """N calls spread over the days by weight, exactly (largest remainder)."""
    _, w = day_strings()
    total = sum(w)
    raw = [n * x / total for x in w]
    counts = [int(r) for r in raw]
    for i in sorted(range(DAYS), key=lambda i: raw[i] - counts[i], reverse=True)[: n - sum(counts)]:
        counts[i] += 1
    return counts


CLOCK = [f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}" for s in range(86400)]


def write_chunk(task):
    """The NDJSON lines of the calls of days [d0, d1), as bytes; deterministic per chunk."""
    d0, d1, counts, first_id, seed = task
    days, _ = day_strings()
    rng = random.Random(seed * 1_000_003 + d0)
    lognorm, rand, randint = rng.lognormvariate, rng.random, rng.randint
    hours = list(range(24))
    hour_cum = []
    acc = 0.0
    for w in HOUR_WEIGHTS:
        acc += w
        hour_cum.append(acc)
    queue_names = [q for q, _ in QUEUES]
    queue_cum = []
    acc = 0.0
    for _, w in QUEUES:
        acc += w
        queue_cum.append(acc)
    agent_names = [f"agent-{i:03d}" for i in range(AGENTS)]
    agent_cum = []
    acc = 0.0
    for i in range(AGENTS):
        acc += 0.5 + (i * 7919 % 100) / 100  # 0.5 .. 1.5: some agents take three times the calls of others
        agent_cum.append(acc)
    mu_wait, mu_aband, mu_handle = math.log(35), math.log(55), math.log(170)
    mu_ivr, mu_drop = math.log(22), math.log(50)
    out = []
    call_id = first_id
    for day in range(d0, d1):
        n = counts[day]
        date = days[day]
        secs = [h * 3600 + rng.randrange(3600) for h in rng.choices(hours, cum_weights=hour_cum, k=n)]
        secs.sort()
        queues = rng.choices(queue_names, cum_weights=queue_cum, k=n)
        agents = rng.choices(agent_names, cum_weights=agent_cum, k=n)
        for k in range(n):
            call_id += 1
            u = rand()
            agent = agents[k]
            if u < 0.20:
                outcome, agent, handle = "abandoned", "", 0
                wait = 0 if rand() < 0.08 else int(lognorm(mu_aband, 1.0))
            else:
                wait = 0 if rand() < 0.15 else int(lognorm(mu_wait, 1.1))
                if u < 0.215:
                    outcome = "dropped"
                    if rand() < 0.4:
                        agent, handle = "", 0  # the line dropped before anyone answered
                    else:
                        handle = 1 + int(lognorm(mu_drop, 1.0))
                else:
                    outcome = "transferred" if u < 0.245 else "answered"
                    handle = 1 + int(lognorm(mu_handle, 0.75))
                    if agent == CUTTER and handle >= CUT_AT and rand() < 0.7:
                        handle = randint(CUT_AT - 40, CUT_AT - 1)
            ivr = int(lognorm(mu_ivr, 0.6))
            r = rand()
            if r < UNIDENTIFIED:
                account, who = "bank:unidentified", ""
            else:
                c = 1 + int(CUSTOMERS * ((r - UNIDENTIFIED) / (1 - UNIDENTIFIED)) ** 1.7)
                account, who = f"bank:{c}", f',"from":{{"id":"{c}","side":"theirs"}}'
            d = rand()
            direction = ',"direction":"inbound"' if d < 0.90 else ("" if d < 0.98 else ',"direction":"outbound"')
            extra = f',"agent":"{agent}"' if agent else ""
            if outcome == "transferred":
                extra += ',"transfer_to":"second-line"'
            out.append(f'{{"id":"call-{call_id}","account":"{account}","time":"{date}T{CLOCK[secs[k]]}{OFFSET}",'
                       f'"kind":"call","channel":"phone","outcome":"{outcome}","queue_wait_s":{wait},'
                       f'"handle_s":{handle},"ivr_s":{ivr}{extra},"queue":"{queues[k]}"{direction}{who}}}\n')
    return "".join(out).encode()


def write_calls(path, n, seed=13):
    counts = calls_per_day(n)
    tasks, first = [], 0
    for d0 in range(0, DAYS, CHUNK_DAYS):
        d1 = min(DAYS, d0 + CHUNK_DAYS)
        tasks.append((d0, d1, counts, first, seed))
        first += sum(counts[d0:d1])
    tmp = path + ".part"
    t0 = time.perf_counter()
    with open(tmp, "wb") as f, multiprocessing.Pool(os.cpu_count() or 2) as pool:
        for block in pool.imap(write_chunk, tasks):
            f.write(block)
    os.replace(tmp, path)
    print(f"  wrote {n:,} calls to {path} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


# ---- the run ----


def same_figures(nanni, duck):
    """The figures both computed that differ: [] when they agree. Every one is compared: the
    totals, each hour and queue, each agent's quantiles, the repeats."""
    diffs = []

    def stats(where, a, b):
        if a["answered"] != b["served"]:
            diffs.append(f"{where} served: nanni {a['answered']}, DuckDB {b['served']}")
        for key in ("calls", "abandoned", "dropped", "transferred", "median_wait_s", "p90_wait_s", "wait_s"):
            if a[key] != b[key]:
                diffs.append(f"{where} {key}: nanni {a[key]}, DuckDB {b[key]}")
        for key in ("service_level_20", "service_level_60", "abandon_rate", "asa_s"):  # nanni: 6 decimals
            if (a[key] is None) != (b[key] is None) or (a[key] is not None and abs(a[key] - b[key]) > 5e-7):
                diffs.append(f"{where} {key}: nanni {a[key]}, DuckDB {b[key]}")

    stats("calls", nanni["calls"], duck["calls"])
    hours = {h["hour"]: h["stats"] for h in duck["hours"]}
    for h in nanni["hours"]:
        if h["stats"]["calls"] or h["hour"] in hours:
            stats(f"hour {h['hour']}", h["stats"], hours.get(h["hour"], {}))
    queues = {q["queue"]: q["stats"] for q in duck["queues"]}
    repeat_7d = {q["queue"]: q["repeat_7d"] for q in duck["repeats"]["queues"]}
    if sorted(queues) != sorted(q["queue"] for q in nanni["queues"]):
        diffs.append(f"queues: nanni {sorted(q['queue'] for q in nanni['queues'])}, DuckDB {sorted(queues)}")
    for q in nanni["queues"]:
        if q["queue"] in queues:
            stats(f"queue {q['queue']}", q["stats"], queues[q["queue"]])
            theirs = repeat_7d.get(q["queue"])
            if q["repeat_7d"] != theirs:
                diffs.append(f"queue {q['queue']} repeat_7d: nanni {q['repeat_7d']}, DuckDB {theirs}")
    for key in ("customers", "calls", "within_24h", "within_7d", "customers_24h", "customers_7d"):
        if nanni["repeats"][key] != duck["repeats"][key]:
            diffs.append(f"repeats.{key}: nanni {nanni['repeats'][key]}, DuckDB {duck['repeats'][key]}")
    agents = {a["agent"]: a for a in nanni["agents"]}
    if sorted(agents) != sorted(a["agent"] for a in duck["agents"]):
        diffs.append(f"agents: nanni {len(agents)}, DuckDB {len(duck['agents'])}")
    for a in duck["agents"]:
        mine = agents.get(a["agent"], {})
        for key in ("served", "p10_s", "p25_s", "median_s", "p75_s", "p90_s", "short_calls"):
            if mine.get(key) != a[key]:
                diffs.append(f"agent {a['agent']} {key}: nanni {mine.get(key)}, DuckDB {a[key]}")
        if mine and abs(mine["mean_s"] - a["mean_s"]) > 5e-7:
            diffs.append(f"agent {a['agent']} mean_s: nanni {mine['mean_s']}, DuckDB {a['mean_s']}")
    return diffs


def bench(size, runs, keep):
    os.makedirs(OUT, exist_ok=True)
    ndjson = os.path.join(OUT, f"sludge-{size}.ndjson")
    db = os.path.join(OUT, f"sludge-{size}.db")
    if not os.path.exists(ndjson):
        write_calls(ndjson, size)
    row = {"events": size, "ndjson_mb": os.path.getsize(ndjson) / 1e6}
    if keep and os.path.exists(db):
        row["import_s"] = row["import_mb"] = float("nan")
        # An index left stale by an older build would be rebuilt in memory by every run: store it.
        subprocess.run([NANNI, "--db", db, "reindex"], check=True, stdout=subprocess.DEVNULL, env=env())
    else:
        rm(db)
        subprocess.run([NANNI, "--db", db, "init"], check=True, stdout=subprocess.DEVNULL)
        row["import_s"], row["import_mb"] = timed_rss([NANNI, "--db", db, "import", "--no-progress", ndjson])
        print(f"  imported in {row['import_s']:.1f} s, peak {row['import_mb']:.0f} MB", file=sys.stderr)
    out = os.path.join(OUT, f"sludge-{size}.json")
    args = [NANNI, "--db", db, "--json", "sludge", "--out", out]
    timed_rss(args)  # warm the page cache
    results = [timed_rss(args) for _ in range(runs)]
    row["nanni_s"] = statistics.median(w for w, _ in results)
    row["nanni_mb"] = max(m for _, m in results)
    row["nanni_runs"] = [round(w, 3) for w, _ in results]
    nanni = json.load(open(out))
    figures = os.path.join(OUT, f"sludge-{size}-duckdb.json")
    peer_s, peer_mb = timed_rss(["node", os.path.join(PEERS, "duckdb_sludge.mjs"), ndjson, str(runs), figures])
    peer = json.load(open(figures))
    row["duckdb_load_s"] = peer["load_s"]
    row["duckdb_s"] = statistics.median(peer["run_s"])
    row["duckdb_runs"] = [round(x, 3) for x in peer["run_s"]]
    row["duckdb_mb"] = peer_mb
    row["duckdb_version"], row["duckdb_threads"] = peer["version"], peer["threads"]
    row["ratio"] = row["nanni_s"] / row["duckdb_s"]
    row["ratio_with_load"] = row["nanni_s"] / (row["duckdb_s"] + row["duckdb_load_s"])
    row["differences"] = same_figures(nanni, peer["figures"])
    row["flagged"] = [(f["agent"], f["pattern"], (f.get("bunching") or {}).get("threshold_s"))
                      for f in nanni["flagged_agents"]]
    return row


def main():
    global NANNI
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=int, help="call events (default: 1000000 10000000)")
    ap.add_argument("--sizes", dest="sizes_flag", help="comma-separated sizes, e.g. --sizes 100000,1000000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", action="store_true", help="reuse a ledger already in bench/out (skip the import)")
    ap.add_argument("--nanni", help="the nanni binary to time (default: the release build)")
    args = ap.parse_args()
    sizes = args.sizes or ([int(s) for s in args.sizes_flag.split(",")] if args.sizes_flag else
                           [1_000_000, 10_000_000])
    NANNI = args.nanni or NANNI
    if not os.path.exists(NANNI):
        sys.exit("build first: ./dev build release")
    peers_ready()
    print(f"machine: {machine()}")
    rows = []
    for size in sizes:
        row = bench(size, args.runs, args.keep)
        rows.append(row)
        print(json.dumps(row), flush=True)
    print("\n| call events | NDJSON MB | import s | peak MB | nanni sludge s | peak MB | DuckDB query s (warm) | "
          "ratio nanni/DuckDB | DuckDB load s | DuckDB peak MB | same figures |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        same = "yes" if not r["differences"] else f"no ({len(r['differences'])})"
        print(f"| {r['events']:,} | {r['ndjson_mb']:.0f} | {r['import_s']:.1f} | {r['import_mb']:.0f} | "
              f"{r['nanni_s']:.3f} | {r['nanni_mb']:.0f} | {r['duckdb_s']:.3f} | **{r['ratio']:.2f}** | "
              f"{r['duckdb_load_s']:.1f} | {r['duckdb_mb']:.0f} | {same} |")
    for r in rows:
        for d in r["differences"]:
            print(f"  {r['events']:,}: {d}")
    big = [r for r in rows if r["events"] >= 10_000_000]
    for r in big:
        ok = r["nanni_s"] <= 3 and r["nanni_mb"] <= 1024
        print(f"\ntarget (10M call events: <= 3 s, <= 1 GB): {r['nanni_s']:.2f} s, {r['nanni_mb']:.0f} MB: "
              f"{'met' if ok else 'missed'}")


if __name__ == "__main__":
    main()
