#!/usr/bin/env bash
# Set-up, build with warnings as errors (and the browser app), run every test; then again under ASan and UBSan;
# then a short fuzzing smoke run. Formatting and clang-tidy (scripts/lint.sh) run after the
# first build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build_web.sh  # the browser app, tested in chromium by the suite (docs/web.md)
(cd build && ctest --output-on-failure -j2)
bash scripts/lint.sh build

cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DXSECTOR_WERROR=ON -DXSECTOR_SANITIZE=ON \
  -DXSECTOR_BUILD_BENCH=OFF
cmake --build build-sanitize -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
(cd build-sanitize && ctest --output-on-failure -j2)

# A short fuzzing smoke run of every reader (docs/fuzzing.md says how to run it longer).
XSECTOR_FUZZ_SEED=1 bash scripts/fuzz.sh 20
