#!/usr/bin/env bash
# Runs nanni's benchmarks (not tests), each beside its peer, and prints Markdown tables for
# BENCHMARKS.md. Usage: bench/run.sh [SIZES...]  (default: 1000000 10000000)
#   bench/ledger_bench.py     import, per-account reads, verify      (peer: the sqlite3 shell)
#   bench/portfolio_bench.py  portfolio and tone --all from the index (peer: DuckDB, bench/peers)
#   bench/triage_bench.py     triage, economics, escalations         (peer: nanni portfolio)
#   bench/sludge_bench.py     the sludge audit over call events      (peer: DuckDB, bench/peers)
#   bench/tlog_bench.py       the verifiable log: NDJSON and CSV import, verify, proofs
#                             (peer: DuckDB loading the same files; sizes are its own: 1M
#                             events and a 1 GB CSV; add --format1 LEDGER for a 10M upgrade)
# Needs a release build (./dev bench builds it) and the peers scripts/install-deps.sh installs.
# Writes scratch files to bench/out/ (about 50 GB for 10M events).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 bench/ledger_bench.py "$@"
python3 bench/portfolio_bench.py "$@"
python3 bench/triage_bench.py "$@"
python3 bench/sludge_bench.py "$@"
python3 bench/tlog_bench.py
