#!/usr/bin/env bash
# Installs what is missing (Debian 12, as root) and builds xsector into build/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make pkg-config
  libboost-graph-dev libeigen3-dev libyaml-cpp-dev libgraphviz-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-networkx python3-yaml python3-igraph python3-scipy python3-numpy python3-jsonschema
  chromium dpkg-dev file man-db cmark-gfm
  clang-14 libclang-rt-14-dev libexpat1-dev
  pybind11-dev python3-dev python3-pytest python3-pandas
  nodejs poppler-utils
  libzip-dev libxlsxwriter-dev python3-openpyxl
  clang-format-14 clang-tidy-14 universal-ctags)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm: Debian's package, unless a node install that bundles its own npm (NodeSource's, which
# conflicts with Debian's npm package) already provides the command.
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The report's browser test drives Debian's chromium with puppeteer-core (npm registry),
# installed into tests/browser/ at the version its package-lock.json pins.
if [ ! -d tests/browser/node_modules/puppeteer-core ]; then
  npm ci --prefix tests/browser --no-audit --no-fund
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DXSECTOR_WERROR=ON -DXSECTOR_BUILD_PYTHON=ON \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
cmake --build build -j"$(nproc)"
