# Writes a C++ source holding each built-in taxonomy file as a string.
string(REPLACE "," ";" NAMES "${NAMES}")
set(body "// Generated from networks/taxonomies/*.yaml; do not edit.\n#include \"load/taxonomy_reader.hpp\"\n#include <string_view>\n#include <utility>\n#include <vector>\nnamespace xsector::detail {\nconst std::vector<std::pair<std::string_view, std::string_view>>& builtin_taxonomy_texts() {\n  static const std::vector<std::pair<std::string_view, std::string_view>> texts = {\n")
foreach(name IN LISTS NAMES)
  file(READ ${DIR}/${name}.yaml text)
  string(APPEND body "    {\"${name}\", R\"xsector_taxonomy(${text})xsector_taxonomy\"},\n")
endforeach()
string(APPEND body "  };\n  return texts;\n}\n}  // namespace xsector::detail\n")
file(WRITE ${OUT} "${body}")
