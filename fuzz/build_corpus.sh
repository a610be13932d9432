#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the repository's own files:
#   fuzz_coalition       networks/*.yaml and tests/data/**/*.yaml
#   fuzz_taxonomy        networks/taxonomies/*.yaml and the test taxonomies
#   fuzz_graphml_import  every valid coalition exported to GraphML by the built xsector
#   fuzz_kumu_import     the same exported to Kumu sheets, packed as the target reads them
#                        (an options byte, elements.csv, a NUL byte, connections.csv)
#   fuzz_xlsx_import     examples/partners.xlsx, every valid coalition exported to xlsx, and
#                        workbooks made here in the shapes of past attacks: one shared string
#                        shown by many cells, the 1904 date system, rich and phonetic runs
#   fuzz_coalition       also coalitions made here in the shapes of DOT labels: names of
#                        many short words, long words, quotes, backslashes, `<`, `&`, lines
#   fuzz_survey_import   the example survey exports (long layout, Google Forms), each after an
#                        options byte (0: no options), as the target reads them; the regression
#                        folder holds each form tool's layout
# Usage: fuzz/build_corpus.sh XSECTOR_BINARY OUT_DIR
set -euo pipefail
xsector=$(realpath "$1")
out=$2
cd "$(dirname "$0")/.."
rm -rf "$out"
mkdir -p "$out"/{fuzz_coalition,fuzz_taxonomy,fuzz_graphml_import,fuzz_kumu_import,fuzz_xlsx_import,fuzz_survey_import}
for f in examples/survey-responses.csv examples/survey-google-forms.csv; do
  { printf '\0'; cat "$f"; } > "$out/fuzz_survey_import/$(basename "$f")"
done
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

# Workbooks in the shapes of past attacks, small: the reader's limits and the shared-string
# copies are what the fuzzer should mutate (python3's zipfile writes them).
python3 - "$out/fuzz_xlsx_import" <<'PY'
import os, sys, zipfile
out = sys.argv[1]
def book(name, rows, shared=None, date1904=False, styles=None, sheets=1):
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as z:
        pr = '<workbookPr date1904="1"/>' if date1904 else ""
        entries = "".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i in range(sheets))
        z.writestr("xl/workbook.xml", f'<workbook xmlns:r="r">{pr}<sheets>{entries}</sheets></workbook>')
        rels = "".join(f'<Relationship Id="rId{i + 1}" Target="worksheets/s1.xml"/>' for i in range(sheets))
        z.writestr("xl/_rels/workbook.xml.rels", f"<Relationships>{rels}</Relationships>")
        z.writestr("xl/worksheets/s1.xml", f"<worksheet><sheetData>{rows}</sheetData></worksheet>")
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", f"<sst>{shared}</sst>")
        if styles is not None:
            z.writestr("xl/styles.xml", styles)
header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
def many(n):  # n rows showing the same two shared strings, and a date
    return "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>3</v></c><c r="B{r}" t="s"><v>4</v></c>'
                   f'<c r="C{r}" s="1"><v>{r * 14000}</v></c></row>' for r in range(2, n + 2))
shared = ("<si><t>Name</t></si><si><t>Sector</t></si><si><t>Joined</t></si>"
          "<si><r><t>" + "x" * 2000 + "</t></r><r><t>y</t></r><rPh><t>z</t></rPh></si><si><t>housing</t></si>")
styles = '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'
book("shape-shared-string-many-cells.xlsx", header + many(200), shared, styles=styles)
book("shape-1904-dates.xlsx", header + many(20), shared, date1904=True, styles=styles)
book("shape-many-sheets.xlsx", header, shared, sheets=300)
PY

# Coalitions in the shapes of DOT labels (what xsector hands Graphviz).
label_seed() {
  printf 'coalition:\n  name: %s\nmembers:\n  - {id: a, name: %s, sector: housing}\n  - {id: b, sector: education}\nties:\n  - [a, b]\n' \
    "$2" "$3" >"$out/fuzz_coalition/shape-dot-label-$1.yaml"
}
label_seed many-words "Words" "\"$(printf 'ab %.0s' $(seq 1 3000))\""
label_seed long-word "Long" "\"$(printf 'x%.0s' $(seq 1 5000))\""
label_seed escapes "'Esc \\\\N \\l'" "\"a \\\\ b \\\" c <b>&amp; {x|y} \\n end\""
label_seed html "\"<<table>>\"" "\"</td> &#9; <font color=\\\"red\\\">x</font>\""
label_seed lines "Lines" "\"one\\ntwo\\n\\nthree\""

if [ "$exported" -eq 0 ]; then
  echo "build_corpus.sh: no coalition file could be exported with $xsector" >&2
  exit 1
fi
for d in "$out"/*; do echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"; done
