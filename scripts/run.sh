#!/usr/bin/env bash
# Set-up, build, then the main job: analyze a coalition shipped in networks/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
./build/xsector validate networks/*.yaml
./build/xsector analyze "${1:-networks/healthy-in-the-hills.yaml}"
