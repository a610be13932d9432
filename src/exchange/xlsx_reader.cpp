#include "exchange/xlsx_reader.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <unordered_set>

#include "common/text.hpp"
#include "exchange/xml_reader.hpp"
#include "xsector/error.hpp"

namespace xsector::detail {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

}  // namespace

struct XlsxWorkbook::Impl {
  std::string file;
  XlsxLimits limits;
  std::string bytes;
  zip_t* zip = nullptr;
  mutable std::uint64_t total = 0;
  bool date1904 = false;
  std::vector<std::pair<std::string, std::string>> sheets;  // name, part path
  std::vector<std::string> shared;
  std::vector<bool> date_styles;

  ~Impl() {
    if (zip != nullptr) zip_discard(zip);
  }

  [[noreturn]] void fail(std::string message) const {
    throw InputError({Diagnostic{file, {1, 1}, std::move(message)}});
  }

  /// The uncompressed bytes of a part, or nullopt if the zip has no such entry.
  std::optional<std::string> part(const std::string& name) const {
    const zip_int64_t index = zip_name_locate(zip, name.c_str(), 0);
    if (index < 0) return std::nullopt;
    zip_file_t* f = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
    if (f == nullptr)
      fail(fmt::format("cannot read '{}' in the workbook: {}", name, zip_error_strerror(zip_get_error(zip))));
    std::string out;
    char buffer[65536];
    while (true) {
      const zip_int64_t n = zip_fread(f, buffer, sizeof buffer);
      if (n < 0) {
        zip_fclose(f);
        fail(fmt::format("'{}' in the workbook is damaged (the zip data does not decompress)", name));
      }
      if (n == 0) break;
      out.append(buffer, static_cast<std::size_t>(n));
      if (out.size() > limits.max_part_bytes) {
        zip_fclose(f);
        fail(
            fmt::format("'{}' in the workbook unpacks to more than {} MiB: refused (a zip bomb, or a sheet too "
                        "large to import)",
                        name, limits.max_part_bytes >> 20U));
      }
      if (!count(static_cast<std::uint64_t>(n))) {
        zip_fclose(f);
        over_total();
      }
    }
    zip_fclose(f);
    return out;
  }

  /// Adds `bytes` to what the workbook has unpacked; false when that is over the limit.
  bool count(std::uint64_t bytes) const {
    total += bytes;
    return total <= limits.max_total_bytes;
  }
  [[noreturn]] void over_total() const {
    fail(
        fmt::format("the workbook unpacks to more than {} MiB in all (its XML parts, and the text of its cells with "
                    "a shared string counted at every cell that shows it): refused (a zip bomb, or a workbook too "
                    "large to import)",
                    limits.max_total_bytes >> 20U));
  }

  std::string where(const std::string& part_name) const { return file + ":" + part_name; }

  /// Two entries of one name are refused: libzip would read the first, other programs the last.
  void check_entries() const {
    const zip_int64_t n = zip_get_num_entries(zip, 0);
    std::unordered_set<std::string_view> names;
    for (zip_int64_t k = 0; k < n; ++k) {
      const char* name = zip_get_name(zip, static_cast<zip_uint64_t>(k), ZIP_FL_ENC_RAW);
      if (name == nullptr) continue;
      if (!names.insert(name).second) {
        fail(
            fmt::format("the workbook holds two entries named '{}': programs differ in which one they read, so it "
                        "is refused (a damaged or altered file: save it again from the spreadsheet program)",
                        name));
      }
    }
  }

  void read_workbook() {
    const auto workbook = part("xl/workbook.xml");
    if (!workbook) fail("not an Excel workbook: it has no xl/workbook.xml (save it as .xlsx)");
    std::vector<std::pair<std::string, std::string>> named;  // name, relationship id
    XmlStream w(where("xl/workbook.xml"), XmlStream::Mode::namespaces);
    w.on_start = [&](std::string_view name, const XmlAttributes& a) {
      if (name == "workbookPr") {
        const std::string on = lower(a.find("date1904") ? a.find("date1904") : "");
        date1904 = on == "1" || on == "true" || on == "on";
      } else if (name == "sheet") {
        const char* n = a.find("name");
        const char* id = a.find("id");
        if (n == nullptr || id == nullptr)
          w.fail("a <sheet> without a name or r:id");
        else
          named.emplace_back(n, id);
      }
    };
    w.parse(*workbook);
    std::map<std::string, std::string> targets;
    if (const auto rels = part("xl/_rels/workbook.xml.rels")) {
      XmlStream r(where("xl/_rels/workbook.xml.rels"), XmlStream::Mode::namespaces);
      r.on_start = [&](std::string_view name, const XmlAttributes& a) {
        if (name != "Relationship") return;
        const char* id = a.find("Id");
        const char* target = a.find("Target");
        if (id != nullptr && target != nullptr) targets[id] = target;
      };
      r.parse(*rels);
    }
    for (const auto& [name, id] : named) {
      const auto it = targets.find(id);
      if (it == targets.end())
        fail(fmt::format("sheet '{}' has no part in the workbook (relationship {} is missing)", name, id));
      std::string target = it->second;
      if (target.starts_with('/'))
        target.erase(0, 1);
      else
        target.insert(0, "xl/");
      sheets.emplace_back(name, target);
    }
    if (sheets.empty()) fail("the workbook has no sheet");
  }

  void read_shared_strings() {
    const auto text = part("xl/sharedStrings.xml");
    if (!text) return;
    XmlStream s(where("xl/sharedStrings.xml"), XmlStream::Mode::namespaces);
    int in_si = 0, in_t = 0, in_phonetic = 0;
    std::string current;
    s.on_start = [&](std::string_view name, const XmlAttributes&) {
      if (name == "si") {
        in_si = 1;
        current.clear();
      } else if (name == "t") {
        in_t = 1;
      } else if (name == "rPh") {
        in_phonetic = 1;
      }
    };
    s.on_end = [&](std::string_view name) {
      if (name == "si") {
        shared.push_back(current);
        in_si = 0;
      } else if (name == "t") {
        in_t = 0;
      } else if (name == "rPh") {
        in_phonetic = 0;
      }
    };
    s.on_text = [&](std::string_view t) {
      if (in_si != 0 && in_t != 0 && in_phonetic == 0) current += t;
    };
    s.parse(*text);
  }

  void read_styles() {
    const auto text = part("xl/styles.xml");
    if (!text) return;
    XmlStream s(where("xl/styles.xml"), XmlStream::Mode::namespaces);
    std::map<int, bool> formats;  // numFmtId -> is a date
    bool in_cell_xfs = false;
    auto number = [](const XmlAttributes& a, const char* key) {
      int v = 0;
      const std::string_view text = a.find(key) ? a.find(key) : "";
      std::from_chars(text.data(), text.data() + text.size(), v);
      return v;
    };
    s.on_start = [&](std::string_view name, const XmlAttributes& a) {
      if (name == "numFmt") {
        const char* code = a.find("formatCode");
        formats[number(a, "numFmtId")] = code != nullptr && date_format(code);
      } else if (name == "cellXfs") {
        in_cell_xfs = true;
      } else if (name == "xf" && in_cell_xfs) {
        const int id = number(a, "numFmtId");
        const auto it = formats.find(id);
        date_styles.push_back(it != formats.end() ? it->second : builtin_date_format(id));
      }
    };
    s.on_end = [&](std::string_view name) {
      if (name == "cellXfs") in_cell_xfs = false;
    };
    s.parse(*text);
  }
};

XlsxWorkbook::XlsxWorkbook(std::string_view bytes, std::string file, XlsxLimits limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->file = std::move(file);
  impl_->limits = limits;
  impl_->bytes = std::string(bytes);
  if (!impl_->bytes.starts_with("PK")) impl_->fail("not an Excel workbook (.xlsx is a zip file; this file is not one)");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(impl_->bytes.data(), impl_->bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    impl_->fail("cannot read the workbook");
  }
  impl_->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (impl_->zip == nullptr) {
    zip_source_free(source);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    impl_->fail(fmt::format("not a readable Excel workbook: the zip is damaged ({})", message));
  }
  zip_error_fini(&error);
  impl_->check_entries();
  impl_->read_workbook();
  impl_->read_shared_strings();
  impl_->read_styles();
}

XlsxWorkbook::XlsxWorkbook(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook& XlsxWorkbook::operator=(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook::~XlsxWorkbook() = default;

const std::string& XlsxWorkbook::file() const { return impl_->file; }

std::vector<std::string> XlsxWorkbook::sheet_names() const {
  std::vector<std::string> out;
  for (const auto& [name, part] : impl_->sheets) out.push_back(name);
  return out;
}

std::string XlsxWorkbook::find_sheet(std::string_view name) const {
  for (const auto& [n, part] : impl_->sheets) {
    if (lower(n) == lower(std::string(name))) return n;
  }
  return {};
}

std::vector<SheetRow> XlsxWorkbook::rows(std::string_view sheet) const {
  const auto it =
      std::find_if(impl_->sheets.begin(), impl_->sheets.end(), [&](const auto& s) { return s.first == sheet; });
  if (it == impl_->sheets.end()) {
    impl_->fail(fmt::format("the workbook has no sheet '{}' (its sheets: {})", sheet, sheet_list(sheet_names())));
  }
  const auto text = impl_->part(it->second);
  if (!text) impl_->fail(fmt::format("sheet '{}' is missing from the workbook ('{}')", sheet, it->second));
  return read_sheet(
      *text, impl_->where(it->second),
      {impl_->shared, impl_->date_styles, impl_->date1904, impl_->limits.max_cells, [this](std::size_t bytes) {
         if (!impl_->count(bytes)) impl_->over_total();
       }});
}

}  // namespace xsector::detail
