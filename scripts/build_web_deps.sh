#!/usr/bin/env bash
# Builds the libraries the browser app links (fmt, yaml-cpp, zlib, expat, libzip, libxlsxwriter,
# and Graphviz's cgraph and cdt, which build the diagrams' DOT text) with Debian's emscripten, from Debian's own source packages, into a cached prefix:
#   build/web-deps/prefix     (lib/*.a, include/)
#   build/web-deps/headers    (symlinks to the header-only Boost, Eigen and nlohmann, never
#                              all of /usr/include: the host's libc headers must not mix in)
# A library already built (its stamp file exists) is skipped. Nothing is vendored into the
# repository. Usage: bash scripts/build_web_deps.sh [JOBS]   (Debian 12, as root)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-2}
root=${XSECTOR_WEB_DEPS_DIR:-$PWD/build/web-deps}  # another folder: XSECTOR_WEB_DEPS_DIR
prefix=$root/prefix
src=$root/src
mkdir -p "$prefix/lib" "$prefix/include" "$src" "$root/headers"
export NODE_PATH=/usr/share/nodejs  # emscripten's tools need Debian's acorn etc.
emulator="/usr/bin/node;--no-experimental-fetch"  # node 20's fetch breaks emscripten's loader
# C++ exceptions as WebAssembly exceptions (web/CMakeLists.txt compiles and links the same
# way): the JavaScript-based default sends every call that may unwind through a JavaScript
# wrapper. Debian's emscripten cache holds the system libraries for it (libc++-except.a,
# libc++abi-except.a, libunwind-except.a). Every C++ object of the page must use one model.
eh=-fwasm-exceptions

if ! command -v emcc >/dev/null || ! command -v dpkg-source >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends emscripten dpkg-dev
fi
if ! command -v bison >/dev/null || ! command -v flex >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bison flex
fi

# apt-get source needs a deb-src entry beside the deb one.
if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
    >/etc/apt/sources.list.d/debian-src.sources
  apt-get update
fi

for h in boost eigen3 nlohmann; do ln -sfn "/usr/include/$h" "$root/headers/$h"; done

# fetch PACKAGE DIRGLOB: unpacks Debian's source package once (names the release, since the
# newest version of some is a security update that `apt-get source` also accepts).
fetch() {
  local dir
  dir=$(find "$src" -maxdepth 1 -type d -name "$2" | head -1)
  if [ -z "$dir" ]; then
    (cd "$src" && apt-get source -qq "$1" >/dev/null)
    dir=$(find "$src" -maxdepth 1 -type d -name "$2" | head -1)
  fi
  echo "$dir"
}
stamp() { [ -f "$prefix/.$1.done" ]; }
done_() { touch "$prefix/.$1.done"; echo "web deps: $1 built" >&2; }
cmake_flags=(-DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_SHARED_LIBS=OFF
  -DCMAKE_CROSSCOMPILING_EMULATOR="$emulator" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_ROOT_PATH="$prefix")

# fmt: compiled once (header-only would compile its formatting core into every file).
if ! stamp fmt-wasm-eh; then
  d=$(fetch fmtlib/bookworm 'fmtlib-*')
  mkdir -p "$root/b-fmt"
  for f in format os; do
    em++ -O2 "$eh" -std=c++20 -I"$d/include" -c "$d/src/$f.cc" -o "$root/b-fmt/$f.o"
  done
  emar rcs "$prefix/lib/libfmt.a" "$root/b-fmt/format.o" "$root/b-fmt/os.o"
  rm -rf "$prefix/include/fmt"
  cp -r "$d/include/fmt" "$prefix/include/fmt"
  done_ fmt-wasm-eh
fi

if ! stamp zlib; then
  d=$(fetch zlib/bookworm 'zlib-*')
  (cd "$d" && emconfigure ./configure --static --prefix="$prefix" >/dev/null &&
    emmake make -j"$jobs" libz.a >/dev/null && emmake make install >/dev/null)
  done_ zlib
fi

if ! stamp expat; then
  d=$(fetch expat/bookworm 'expat-*')
  emcmake cmake -S "$d/expat" -B "$root/b-expat" "${cmake_flags[@]}" -DEXPAT_BUILD_TOOLS=OFF \
    -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_SHARED_LIBS=OFF >/dev/null
  # Debian's security patch tests `#if XML_DTD == 1`; CMake writes an empty define.
  sed -i 's/^#define XML_DTD$/#define XML_DTD 1/; s/^#define XML_NS$/#define XML_NS 1/' "$root/b-expat/expat_config.h"
  cmake --build "$root/b-expat" -j"$jobs" >/dev/null
  cmake --install "$root/b-expat" >/dev/null
  done_ expat
fi

if ! stamp yaml-cpp-wasm-eh; then
  d=$(fetch yaml-cpp/bookworm 'yaml-cpp-*')
  emcmake cmake -S "$d" -B "$root/b-yaml" "${cmake_flags[@]}" -DYAML_CPP_BUILD_TESTS=OFF \
    -DYAML_CPP_BUILD_TOOLS=OFF -DYAML_CPP_BUILD_CONTRIB=OFF -DYAML_BUILD_SHARED_LIBS=OFF \
    -DCMAKE_CXX_FLAGS="$eh" >/dev/null
  cmake --build "$root/b-yaml" -j"$jobs" >/dev/null
  cmake --install "$root/b-yaml" >/dev/null
  done_ yaml-cpp-wasm-eh
fi

if ! stamp libzip; then
  d=$(fetch libzip/bookworm 'libzip-*')
  emcmake cmake -S "$d" -B "$root/b-zip" "${cmake_flags[@]}" -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF \
    -DENABLE_ZSTD=OFF -DENABLE_OPENSSL=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF \
    -DENABLE_COMMONCRYPTO=OFF -DENABLE_WINDOWS_CRYPTO=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF \
    -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF \
    -DZLIB_INCLUDE_DIR="$prefix/include" -DZLIB_LIBRARY="$prefix/lib/libz.a" >/dev/null
  cmake --build "$root/b-zip" -j"$jobs" >/dev/null
  cmake --install "$root/b-zip" >/dev/null
  done_ libzip
fi

if ! stamp xlsxwriter; then
  d=$(fetch libxlsxwriter/bookworm 'libxlsxwriter-*')
  emcmake cmake -S "$d" -B "$root/b-xlsx" "${cmake_flags[@]}" -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF \
    -DUSE_SYSTEM_MINIZIP=OFF -DZLIB_INCLUDE_DIR="$prefix/include" -DZLIB_LIBRARY="$prefix/lib/libz.a" >/dev/null
  cmake --build "$root/b-xlsx" -j"$jobs" >/dev/null
  cmake --install "$root/b-xlsx" >/dev/null
  done_ xlsxwriter
fi
# Graphviz: only cgraph (graphs and their DOT text) and cdt under it; layout happens in the
# page (@viz-js/viz). Built as its own Makefile.am does: the grammar's yy prefix becomes aag.
if ! stamp cgraph; then
  d=$(fetch graphviz/bookworm 'graphviz-*')
  b=$root/b-cgraph
  mkdir -p "$b" "$prefix/include/graphviz"
  bison -d -o "$b/y.tab.c" "$d/lib/cgraph/grammar.y"
  sed 's/yy/aag/g' "$b/y.tab.c" >"$b/grammar.c"
  sed 's/yy/aag/g' "$b/y.tab.h" >"$b/grammar.h"
  flex -o "$b/lex.c" "$d/lib/cgraph/scan.l"
  sed 's/yy/aag/g' "$b/lex.c" | sed '/extern.*isatty/d' >"$b/scan.c"
  version=$(basename "$d" | sed 's/^graphviz-//')
  printf '#define HAVE_UNISTD_H 1\n#define HAVE_STRCASECMP 1\n#define PACKAGE_VERSION "%s"\n' "$version" >"$b/config.h"
  objs=()
  for f in "$d"/lib/cdt/dt*.c; do
    emcc -O2 -c "$f" -I"$b" -I"$d/lib/cdt" -o "$b/cdt-$(basename "$f" .c).o"
    objs+=("$b/cdt-$(basename "$f" .c).o")
  done
  emar rcs "$prefix/lib/libcdt.a" "${objs[@]}"
  objs=()
  for f in agerror agxbuf apply attr edge flatten graph id imap io mem node obj pend rec refstr subg utils write \
    "$b/grammar" "$b/scan"; do
    case $f in /*) c=$f.c ;; *) c=$d/lib/cgraph/$f.c ;; esac
    emcc -O2 -c "$c" -DYY_NO_UNISTD_H -I"$b" -I"$d/lib/cgraph" -I"$d/lib/cdt" -o "$b/cg-$(basename "$f").o"
    objs+=("$b/cg-$(basename "$f").o")
  done
  emar rcs "$prefix/lib/libcgraph.a" "${objs[@]}"
  cp "$d/lib/cgraph/cgraph.h" "$d/lib/cdt/cdt.h" "$prefix/include/graphviz/"
  done_ cgraph
fi
echo "web deps ready in $prefix" >&2
