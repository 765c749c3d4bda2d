#!/usr/bin/env bash
# Builds the result-table fuzzer with clang and runs it for a bounded time
# (CI): tests/fuzz/run.sh [SECONDS] (default 60). Seeds come from examples/.
# Exits non-zero when it cannot build or seed the fuzzer, or the fuzzer finds
# a crash, so a caller never mistakes "did not run" for "found nothing".
set -euo pipefail
seconds=${1:-60}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "usage: tests/fuzz/run.sh [SECONDS]" >&2; exit 2; }
command -v clang++ >/dev/null || { echo "fuzz: clang++ is needed (apt-get install clang)" >&2; exit 1; }
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$src/build-fuzz}
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMICTL_FUZZ=ON -DIMICTL_TESTS=OFF >/dev/null
ninja -C "$build" fuzz_result_table
corpus=$build/fuzz-corpus
mkdir -p "$corpus"
seeds=("$src"/examples/*.csv)
[ -e "${seeds[0]}" ] || { echo "fuzz: no seed files in examples/" >&2; exit 1; }
# The target reads its options from the first byte; 0 is the default set.
for f in "${seeds[@]}"; do
  { printf '\0'; cat "$f"; } >"$corpus/seed-$(basename "$f")"
done
"$build/tests/fuzz/fuzz_result_table" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=512 "$corpus"
