#!/usr/bin/env bash
# Builds the browser app, build/web/xsector.html: the C libraries for emscripten (cached, see
# build_web_deps.sh), the npm packages web/package-lock.json pins, then the library and the
# page (web/CMakeLists.txt, configured with emcmake in build/web-build/).
# Usage: bash scripts/build_web.sh [JOBS]    (Debian 12, as root)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-2}
bash scripts/build_web_deps.sh "$jobs"
if [ ! -f web/node_modules/@viz-js/viz/dist/viz-global.js ] || [ ! -d web/node_modules/puppeteer-core ]; then
  npm ci --prefix web --no-audit --no-fund
fi
export NODE_PATH=/usr/share/nodejs
if [ ! -f build/web-build/CMakeCache.txt ]; then
  emcmake cmake -S web -B build/web-build -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR="/usr/bin/node;--no-experimental-fetch" >/dev/null
fi
cmake --build build/web-build -j"$jobs"
echo "The browser app: $PWD/build/web/xsector.html" >&2
