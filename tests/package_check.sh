#!/usr/bin/env bash
# The package as a user gets it: install the build into a scratch prefix and build a
# consumer and the example program of docs/api.md with find_package(xsector); then build
# the .deb with CPack, unpack it into a scratch root and run the tool and the man page
# from there.
# Usage: package_check.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
hills="$source/networks/healthy-in-the-hills.yaml"

cmake --install "$build" --prefix "$scratch/prefix" > "$scratch/install.log"
test -f "$scratch/prefix/lib/cmake/xsector/xsectorConfig.cmake"
test -f "$scratch/prefix/lib/cmake/xsector/xsectorConfigVersion.cmake"
cmake -S "$source/tests/consumer" -B "$scratch/consumer" -DCMAKE_PREFIX_PATH="$scratch/prefix" > "$scratch/configure.log"
cmake --build "$scratch/consumer" > "$scratch/build.log"
out=$("$scratch/consumer/consumer" "$hills")
echo "consumer: $out"
case "$out" in
  "Healthy in the Hills Network: 10 members (xsector "*) ;;
  *) echo "FAIL consumer printed: $out"; exit 1 ;;
esac

# The example program of docs/api.md, with the CMake lines the page shows, built against the
# same installed tree and run on the Hills; its output must begin as the page says and hold
# the one finding the page quotes. Each part is the fenced block right after the line
# "<!-- example: NAME -->" on the page (that line must occur exactly once).
api="$source/docs/api.md"
doc_block() {  # NAME LANG: the block's text on stdout; exits the script when it is not there
  local text
  if ! text=$(awk -v marker="<!-- example: $1 -->" -v fence='```'"$2" '
      $0 == marker { markers++ }
      $0 == marker && state == 0 { state = 1; next }
      state == 1 { if ($0 != fence) exit; state = 2; next }
      state == 2 && $0 == "```" { state = 3; next }
      state == 2 { print }
      END { exit (markers == 1 && state == 3) ? 0 : 1 }' "$api") ||
     [ -z "${text//[[:space:]]/}" ]; then
    echo "FAIL docs/api.md: no single non-empty \`\`\`$2 block right after <!-- example: $1 -->" >&2
    exit 1
  fi
  printf '%s\n' "$text"
}
mkdir "$scratch/api"
{
  echo "cmake_minimum_required(VERSION 3.20)"
  echo "project(summary LANGUAGES CXX)"
  doc_block CMakeLists.txt cmake
} > "$scratch/api/CMakeLists.txt"
doc_block summary.cpp cpp > "$scratch/api/summary.cpp"
doc_block "summary.cpp output" text > "$scratch/api/expected.txt"
doc_block "summary.cpp finding" text > "$scratch/api/finding.txt"
if ! cmake -S "$scratch/api" -B "$scratch/api/build" -DCMAKE_PREFIX_PATH="$scratch/prefix" \
       -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Werror" > "$scratch/api/configure.log" 2>&1 ||
   ! cmake --build "$scratch/api/build" > "$scratch/api/build.log" 2>&1; then
  cat "$scratch/api/configure.log" "$scratch/api/build.log" 2>/dev/null || true
  echo "FAIL the example of docs/api.md (summary.cpp and its CMake lines) does not build" >&2
  exit 1
fi
if ! (cd "$scratch/api" && ./build/summary "$hills" > printed.txt); then
  echo "FAIL the example of docs/api.md failed on $(basename "$hills")" >&2; exit 1
fi
if ! head -n "$(wc -l < "$scratch/api/expected.txt")" "$scratch/api/printed.txt" |
     diff -u --label "docs/api.md (summary.cpp output)" --label "summary printed" "$scratch/api/expected.txt" -; then
  echo "FAIL the example of docs/api.md does not print what the page says it begins with" >&2; exit 1
fi
if ! grep -qxFf "$scratch/api/finding.txt" "$scratch/api/printed.txt"; then
  echo "FAIL the example of docs/api.md does not print the line the page quotes: $(cat "$scratch/api/finding.txt")" >&2
  exit 1
fi
if ! grep -q "Healthy in the Hills Network" "$scratch/api/report.html"; then
  echo "FAIL the example of docs/api.md wrote no report.html naming the coalition" >&2; exit 1
fi
echo "api example: docs/api.md summary.cpp builds, prints what the page says, writes report.html"

# A version the package does not provide must be refused by find_package.
if cmake -S "$source/tests/consumer" -B "$scratch/too-new" -DCMAKE_PREFIX_PATH="$scratch/prefix" \
     -DXSECTOR_WANT=99.0 > "$scratch/too-new.log" 2>&1; then
  echo "FAIL find_package(xsector 99.0) succeeded"; exit 1
fi
grep -q "compatible with requested version" "$scratch/too-new.log"

(cd "$build" && cpack -G DEB -B "$scratch/deb" > "$scratch/cpack.log")
deb=$(ls "$scratch"/deb/xsector_*.deb)
info=$(dpkg-deb --info "$deb")
grep -q "Package: xsector" <<< "$info"
dpkg-deb -x "$deb" "$scratch/root"
version=$("$scratch/root/usr/bin/xsector" --version)
grep -q "^xsector [0-9]" <<< "$version"
validated=$("$scratch/root/usr/bin/xsector" validate "$hills")
grep -q ": ok: 10 members" <<< "$validated"
test -f "$scratch/root/usr/include/xsector/load.hpp"
test -f "$scratch/root/usr/include/xsector/version.hpp"
test -n "$(find "$scratch/root/usr/lib" -name libxsector.a)"
page=$(man -l "$scratch"/root/usr/share/man/man1/xsector.1*)
grep -q "EXIT STATUS" <<< "$page"
echo "package: consumer, version check, .deb and man page ok"
