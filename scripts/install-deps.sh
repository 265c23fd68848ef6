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
  libgmime-3.0-dev
  # fuzzing (libFuzzer with ASan+UBSan)
  clang-14 libclang-rt-14-dev
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

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
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
