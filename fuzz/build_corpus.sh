#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the repository's own files:
#   fuzz_coalition       networks/*.yaml and tests/data/**/*.yaml
#   fuzz_taxonomy        networks/taxonomies/*.yaml and the test taxonomies
#   fuzz_graphml_import  every valid coalition exported to GraphML by the built xsector
#   fuzz_kumu_import     the same exported to Kumu sheets, packed as the target reads them
#                        (an options byte, elements.csv, a NUL byte, connections.csv)
#   fuzz_xlsx_import     examples/partners.xlsx and every valid coalition exported to xlsx
# Usage: fuzz/build_corpus.sh XSECTOR_BINARY OUT_DIR
set -euo pipefail
xsector=$(realpath "$1")
out=$2
cd "$(dirname "$0")/.."
rm -rf "$out"
mkdir -p "$out"/{fuzz_coalition,fuzz_taxonomy,fuzz_graphml_import,fuzz_kumu_import,fuzz_xlsx_import}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Files are named after their path, so seeds from different folders never collide.
seed_name() { echo "$1" | tr '/' '_'; }

while IFS= read -r f; do
  cp "$f" "$out/fuzz_coalition/$(seed_name "$f")"
done < <(find networks tests/data -maxdepth 3 -name '*.yaml' -not -path '*/taxonomies/*' | sort)

while IFS= read -r f; do
  cp "$f" "$out/fuzz_taxonomy/$(seed_name "$f")"
done < <( (ls networks/taxonomies/*.yaml; ls tests/data/gaps/tiny-taxonomy.yaml) | sort)

# The Kumu target's first byte: bit 0 skip_bad_rows, bits 1-2 the taxonomy.
taxonomy_bits() {
  case "$(sed -n 's/^ *taxonomy: *\([a-z-]*\).*/\1/p' "$1" | head -n 1)" in
    rhihub) echo 2 ;; dfc) echo 4 ;; dash) echo 6 ;; *) echo 0 ;;
  esac
}

exported=0
while IFS= read -r f; do
  name=$(seed_name "$f")
  # Only files the tool accepts export; refusals are expected for tests/data/bad.
  if "$xsector" export "$f" --to graphml -o "$tmp/$name.graphml" >/dev/null 2>&1; then
    cp "$tmp/$name.graphml" "$out/fuzz_graphml_import/${name%.yaml}.graphml"
    exported=$((exported + 1))
  fi
  if "$xsector" export "$f" --to csv -o "$tmp/$name.kumu" >/dev/null 2>&1; then
    bits=$(taxonomy_bits "$f")
    for skip in 0 1; do
      {
        printf "\\x$(printf %02x $((bits | skip)))"
        cat "$tmp/$name.kumu/elements.csv"
        printf '\0'
        cat "$tmp/$name.kumu/connections.csv"
      } > "$out/fuzz_kumu_import/${name%.yaml}-$skip.kumu"
    done
  fi
done < <(find networks tests/data -maxdepth 3 -name '*.yaml' -not -path '*/taxonomies/*' | sort)

cp examples/partners.xlsx "$out/fuzz_xlsx_import/examples_partners.xlsx"
while IFS= read -r f; do
  "$xsector" export "$f" --to xlsx -o "$out/fuzz_xlsx_import/$(seed_name "$f").xlsx" >/dev/null 2>&1 || true
done < <(find networks -maxdepth 1 -name '*.yaml' | sort)

if [ "$exported" -eq 0 ]; then
  echo "build_corpus.sh: no coalition file could be exported with $xsector" >&2
  exit 1
fi
for d in "$out"/*; do echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"; done
