#!/usr/bin/env bash
# Style and static checks, run by scripts/test.sh after the build (needs build/compile_commands.json):
#   1. every C++ file is formatted with the project's .clang-format (clang-format 14);
#   2. no writer in src/outputs/ includes a metric header;
#   3. includes run down the layers, and files and functions stay short (scripts/check_layers.py);
#   4. clang-tidy 14 with the project's .clang-tidy finds nothing in src/ (warnings are errors).
# Fix formatting with: clang-format-14 -i $(git ls-files '*.cpp' '*.hpp')
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t files < <(git ls-files '*.cpp' '*.hpp' | grep -v '^tests/browser/')
clang-format-14 --dry-run --Werror "${files[@]}"
echo "lint: ${#files[@]} files formatted as .clang-format says"

# Writers only write: no file in src/outputs/ includes a header that declares metric functions
# (they read an Analysis, the figure table and a Comparison).
metric_headers='xsector/(brokerage|centrality|structure|sectors|power|resilience|people|survey|findings|graph|network|crosswalk)\.hpp'
if grep -nE "#include \"${metric_headers}\"" src/outputs/*.cpp src/outputs/*.hpp; then
  echo "lint: a writer in src/outputs/ includes a metric header (above)" >&2
  exit 1
fi
echo "lint: src/outputs/ includes no metric header"

python3 scripts/check_layers.py

build=${1:-build}
mapfile -t sources < <(git ls-files 'src/*.cpp')
run-clang-tidy-14 -p "$build" -j "$(nproc)" -quiet "${sources[@]/#/$PWD/}" > "$build/clang-tidy.log" 2>&1 || {
  grep -E "(warning|error):" "$build/clang-tidy.log" | grep -v "warnings generated" >&2 || cat "$build/clang-tidy.log" >&2
  echo "lint: clang-tidy found problems (whole log: $build/clang-tidy.log)" >&2
  exit 1
}
echo "lint: clang-tidy clean on ${#sources[@]} files"
