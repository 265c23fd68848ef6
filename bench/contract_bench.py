#!/usr/bin/env python3
"""Contracts and disputes benchmarks for BENCHMARKS.md (issue 15).

For each size N (events; default 10,000,000): the generated portfolio of bench/triage_bench.py
(2,000 accounts over 24 months, seed 11: every account's contract event carries its terms),
imported into a fresh ledger unless one is there, then, in the same run, as whole processes:

  - `nanni --json portfolio`                 the peer: the engine's plainest read of every account
  - `nanni --json contract check --all`      every rule of every contract over the whole term

with their ratio; then a claim on the account with the most events (its resolution targets
over the whole term) is ruled on, and `nanni dispute check` of that ruling, with no ledger, is
timed against `nanni verify-proof` of one of its proofs (the floor: one process that checks one
signature and one path). Prints the figures; scratch files go to bench/out/.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from portfolio_bench import env, timed_rss  # noqa: E402
from triage_bench import ledger, AS_OF, NANNI, OUT  # noqa: E402


def median_run(args, runs):
    timed_rss(args)  # warm the page cache
    results = [timed_rss(args) for _ in range(runs)]
    return statistics.median(w for w, _ in results), max(m for _, m in results), [round(w, 3) for w, _ in results]


def biggest_account(db):
    out = subprocess.run([NANNI, "--db", db, "--json", "accounts", "--sort", "events"], check=True,
                         capture_output=True, text=True, env=env()).stdout
    accounts = json.loads(out)["accounts"]
    return accounts[0]["account"]


def dispute(db, runs):
    key_file = db + ".key"  # one per ledger: a key signs only its own ledger's checkpoints
    if not os.path.exists(key_file):
        subprocess.run([NANNI, "--db", db, "key", "init", "--key-file", key_file], check=True, stdout=subprocess.DEVNULL)
    key = json.loads(subprocess.run([NANNI, "--db", db, "--json", "key", "show", "--key-file", key_file], check=True,
                                    capture_output=True, text=True).stdout)["public_key"]
    account = biggest_account(db)
    claim = {"claim": "nanni-claim/1", "claimant": "customer", "account": account,
             "asks": [{"rule": "response.resolution"}, {"rule": "response.first_reply"}, {"rule": "uptime.credit"}]}
    claim_file, ruling_file = os.path.join(OUT, "contract-bench.claim.json"), os.path.join(OUT, "contract-bench.ruling.json")
    with open(claim_file, "w") as f:
        json.dump(claim, f)
    subprocess.run([NANNI, "--db", db, "dispute", "rule", claim_file, "--as-of", AS_OF, "--key-file", key_file,
                    "--out", ruling_file], check=True, stderr=subprocess.DEVNULL, env=env())
    ruling = json.load(open(ruling_file))
    evidence = len(ruling["evidence"])
    proof_file = os.path.join(OUT, "contract-bench.tlog-proof")
    with open(proof_file, "w") as f:
        f.write(ruling["evidence"][0]["proof"])
    check = median_run([NANNI, "--db", "/nonexistent.db", "dispute", "check", ruling_file, "--key", key], runs)
    one = median_run([NANNI, "--db", "/nonexistent.db", "verify-proof", proof_file, "--key", key], runs)
    return {"account": account, "evidence": evidence, "ruling_bytes": os.path.getsize(ruling_file),
            "dispute_check": check, "verify_proof_one": one}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="10000000")
    p.add_argument("--accounts", type=int, default=2000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--fresh", action="store_true", help="generate and import again")
    a = p.parse_args()
    for size in (int(s) for s in a.sizes.split(",")):
        db, events = ledger(size, a.accounts, a.fresh)
        row = {"events": events}
        for name, args in (("portfolio", ["--json", "portfolio", "--as-of", AS_OF]),
                           ("contract check --all", ["--json", "contract", "check", "--all", "--as-of", AS_OF])):
            row[name] = median_run([NANNI, "--db", db] + args, a.runs)
            print(f"  {events} {name}: {row[name]}", file=sys.stderr)
        row["dispute"] = dispute(db, a.runs)
        p_s, c_s = row["portfolio"][0], row["contract check --all"][0]
        d = row["dispute"]
        print(f"| {events:,} events | portfolio {p_s:.2f} s / {row['portfolio'][1]:.0f} MB | "
              f"contract check --all {c_s:.2f} s / {row['contract check --all'][1]:.0f} MB | ratio {c_s / p_s:.2f} |")
        print(f"| dispute check, {d['evidence']:,} evidence events ({d['ruling_bytes'] / 1e6:.1f} MB ruling, account "
              f"{d['account']}) | {d['dispute_check'][0] * 1000:.0f} ms / {d['dispute_check'][1]:.0f} MB | "
              f"verify-proof of one {d['verify_proof_one'][0] * 1000:.0f} ms | ratio {d['dispute_check'][0] / d['verify_proof_one'][0]:.1f} |")
        print(json.dumps(row), file=sys.stderr)


if __name__ == "__main__":
    main()
