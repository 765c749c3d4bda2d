#!/usr/bin/env bash
# Builds the result-table fuzzer with clang and runs it for a bounded time
# (CI): tests/fuzz/run.sh [SECONDS] (default 60). Seeds come from examples/.
set -eu
seconds=${1:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$src/build-fuzz}
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMICTL_FUZZ=ON -DIMICTL_TESTS=OFF >/dev/null
ninja -C "$build" fuzz_result_table
corpus=$build/fuzz-corpus
mkdir -p "$corpus"
for f in "$src"/examples/*.csv; do
  { printf '\0'; cat "$f"; } >"$corpus/seed-$(basename "$f")"
done
"$build/tests/fuzz/fuzz_result_table" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=512 "$corpus"
