#!/usr/bin/env bash
# The package as a user gets it: install the build into a scratch prefix and build a
# consumer with find_package(xsector); then build the .deb with CPack, unpack it into a
# scratch root and run the tool and the man page from there.
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
