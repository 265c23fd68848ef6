#!/usr/bin/env bash
# Installs what nanni needs to build, test and benchmark, from Debian's packages only.
# Idempotent: a package already present is left alone, and apt is not touched when nothing
# is missing. Runs as root, or through sudo when that is available.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config make time python3
  # libraries (see README "Dependencies")
  libsqlite3-dev sqlite3 libssl-dev libfmt-dev libspdlog-dev nlohmann-json3-dev
  libsimdjson-dev libhowardhinnant-date-dev libcli11-dev libtomlplusplus-dev tzdata
  libgmime-3.0-dev libsodium-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  # fuzzing (scripts/fuzz.sh): clang-14 with libFuzzer and the sanitizers
  clang-14 libclang-rt-14-dev
  # headless browser for the HTML report tests (tests/cli/case_hostile_test.cc)
  chromium
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# Node.js runs the benchmarks' DuckDB peer (bench/peers). A Node that is already installed,
# from Debian or elsewhere, is used as it is.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

# The benchmark peers come from npm at the versions bench/peers/package-lock.json pins. They
# are not needed to build or test, so a registry that cannot be reached is a warning.
install_peers() {
  local peers
  peers="$(cd "$(dirname "$0")/.." && pwd)/bench/peers"
  if [ -d "$peers/node_modules/@duckdb/node-api" ] && [ -d "$peers/node_modules/vader-sentiment" ] &&
     [ -d "$peers/node_modules/cuss" ]; then
    return 0
  fi
  echo "install-deps: installing the benchmark peers (npm ci in bench/peers)"
  if ! npm ci --prefix "$peers" --no-audit --no-fund --loglevel=error; then
    echo "install-deps: warning: npm ci failed; bench/portfolio_bench.py and tone-eval --peers need it" >&2
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  install_peers
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then as_root=(sudo); else
    echo "install-deps: missing ${missing[*]}; run this script as root" >&2; exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_peers
