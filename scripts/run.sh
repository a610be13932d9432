#!/usr/bin/env bash
# Set-up, build (the tool and the browser app), then the main job: analyze a coalition shipped in networks/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
bash scripts/build_web.sh >&2  # the same analyzer as one offline web page (docs/web.md)
echo "The browser app: open $PWD/build/web/xsector.html (a double-click; it works offline)" >&2
./build/xsector validate networks/*.yaml
./build/xsector analyze "${1:-networks/healthy-in-the-hills.yaml}"
