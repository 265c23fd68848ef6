#!/usr/bin/env bash
# Makes docs/tone-evaluation.md: every labelled text of the tone sets is written out, scored by
# the peers (VADER and a profanity-list count, bench/peers/tone_peers.mjs, installed by
# scripts/install-deps.sh), and the report is written with their scores beside nanni's.
#
#   scripts/tone-eval.sh [OUT]      OUT defaults to docs/tone-evaluation.md
#
# NANNI names the binary (default build/release/src/nanni); DATA the labelled sets (default
# ../shared/data/tone). The test suite runs this script and compares its output with the docs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
nanni="${NANNI:-$root/build/release/src/nanni}"
data="${DATA:-$root/../shared/data/tone}"
out="${1:-$root/docs/tone-evaluation.md}"
if [ ! -x "$nanni" ]; then
  echo "tone-eval.sh: no nanni binary at $nanni (./dev build, or set NANNI)" >&2
  exit 3
fi
if [ ! -d "$root/bench/peers/node_modules/vader-sentiment" ]; then
  echo "tone-eval.sh: the peers are not installed (scripts/install-deps.sh)" >&2
  exit 3
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$nanni" tone-eval --data "$data" --dump-texts "$work/texts.tsv"
node "$root/bench/peers/tone_peers.mjs" "$work/texts.tsv" "$work/peers.tsv"
"$nanni" tone-eval --data "$data" --peers "$work/peers.tsv" --out "$out"
