#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 into build-fuzz/ and runs each for SECONDS
# (default 60), one after the other. Crashes, timeouts and out-of-memory inputs are written
# to $XSECTOR_FUZZ_CRASHES (default build-fuzz/crashes/); exits 1 if any target found one.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#   bash scripts/fuzz.sh --long [TARGET...]     # an hour per target (3600 s), 60 s per input
#
# XSECTOR_FUZZ_SEED=N fixes libFuzzer's random seed (the CI smoke run uses 1).
# XSECTOR_FUZZ_TIMEOUT=S is the seconds one input may take before it counts as a hang
# (default 10; raise it for long runs on a loaded machine, where a normal input can wait
# that long for a core).
# The corpus each run grows is kept in build-fuzz/corpus/TARGET and reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--long" ]; then
  seconds=3600
  export XSECTOR_FUZZ_TIMEOUT=${XSECTOR_FUZZ_TIMEOUT:-60}  # an hour-long run shares the machine
else
  seconds=${1:-60}
fi
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_coalition fuzz_graphml_import fuzz_kumu_import fuzz_taxonomy fuzz_xlsx_import fuzz_survey_import)
fi
crashes=${XSECTOR_FUZZ_CRASHES:-build-fuzz/crashes}
max_len=${XSECTOR_FUZZ_MAX_LEN:-65536}
timeout=${XSECTOR_FUZZ_TIMEOUT:-10}

if [ ! -f build-fuzz/CMakeCache.txt ]; then
  launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DXSECTOR_BUILD_FUZZ=ON -DXSECTOR_BUILD_TESTS=OFF -DXSECTOR_BUILD_BENCH=OFF \
    -DXSECTOR_BUILD_EXAMPLES=OFF -DXSECTOR_WERROR=ON "${launcher[@]}"
fi
cmake --build build-fuzz -j"$(nproc)" --target xsector_cli "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
bash fuzz/build_corpus.sh build-fuzz/xsector build-fuzz/seeds
mkdir -p "$crashes"

dict_of() {
  case "$1" in
    fuzz_graphml_import) echo fuzz/graphml.dict ;;
    fuzz_kumu_import) echo fuzz/csv.dict ;;
    fuzz_xlsx_import) echo fuzz/xlsx.dict ;;
    *) echo fuzz/yaml.dict ;;
  esac
}

failed=()
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t" "fuzz/regressions/$t"
  log="build-fuzz/$t.log"
  echo "== $t: ${seconds} s (log: $log)"
  status=0
  "build-fuzz/fuzz/$t" -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout="$timeout" ${XSECTOR_FUZZ_SEED:+-seed=$XSECTOR_FUZZ_SEED} \
    -dict="$(dict_of "$t")" -artifact_prefix="$crashes/$t-" -print_final_stats=1 \
    "build-fuzz/corpus/$t" "build-fuzz/seeds/$t" "fuzz/regressions/$t" >"$log" 2>&1 || status=$?
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | tr '\n' ' ' || true
  echo
  if [ "$status" -ne 0 ]; then
    echo "$t: FAILED (exit $status); the input is in $crashes/, the report at the end of $log:"
    grep -E 'ERROR|fuzz check failed|Test unit written|SUMMARY|#[0-9] 0x' "$log" | head -n 20 || true
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: crashes in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: no crash in ${#targets[@]} targets, ${seconds} s each"
