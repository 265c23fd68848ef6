#!/usr/bin/env bash
# Runs nanni's benchmarks (not tests). Usage: bench/run.sh [SIZES...]  (default: 1000000 10000000)
# Needs a release build (./dev bench builds it). Writes scratch files to bench/out/ (about
# 25 GB for 10M events) and prints markdown tables for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/ledger_bench.py "$@"
