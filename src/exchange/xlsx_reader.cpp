#include "exchange/xlsx_reader.hpp"

#include <expat.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <optional>

#include "common/text.hpp"
#include "xsector/error.hpp"

namespace xsector::detail {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

/// One XML part parsed with expat: start, end and text callbacks get local names (a
/// namespace prefix is dropped). A DOCTYPE is refused, so no entity can be declared.
class XmlPart {
 public:
  using Attributes = std::map<std::string, std::string>;
  std::function<void(const std::string&, const Attributes&)> on_start;
  std::function<void(const std::string&)> on_end;
  std::function<void(std::string_view)> on_text;

  XmlPart(std::string where) : where_(std::move(where)) {}

  void parse(const std::string& text) {
    XML_Parser p = XML_ParserCreateNS(nullptr, '|');
    if (p == nullptr) throw InputError({Diagnostic{where_, {1, 1}, "cannot create an XML parser"}});
    parser_ = p;
    XML_SetUserData(p, this);
    XML_SetElementHandler(p, &XmlPart::start, &XmlPart::end);
    XML_SetCharacterDataHandler(p, &XmlPart::chars);
    XML_SetStartDoctypeDeclHandler(p, &XmlPart::doctype);
    const bool ok = XML_Parse(p, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_OK;
    const SourcePos at{static_cast<int>(XML_GetCurrentLineNumber(p)),
                       static_cast<int>(XML_GetCurrentColumnNumber(p)) + 1};
    const std::string message = ok ? std::string() : error_.empty() ? XML_ErrorString(XML_GetErrorCode(p)) : error_;
    XML_ParserFree(p);
    parser_ = nullptr;
    if (pending_) std::rethrow_exception(pending_);
    if (!ok) throw InputError({Diagnostic{where_, error_.empty() ? at : error_at_, "not valid XML: " + message}});
  }

  /// Stops the parse with an error at the current position.
  void fail(std::string message) {
    if (error_.empty()) {
      error_ = std::move(message);
      error_at_ = {static_cast<int>(XML_GetCurrentLineNumber(parser_)),
                   static_cast<int>(XML_GetCurrentColumnNumber(parser_)) + 1};
    }
    XML_StopParser(parser_, XML_FALSE);
  }
  [[nodiscard]] SourcePos here() const {
    return {static_cast<int>(XML_GetCurrentLineNumber(parser_)),
            static_cast<int>(XML_GetCurrentColumnNumber(parser_)) + 1};
  }
  [[nodiscard]] const std::string& where() const { return where_; }

 private:
  static std::string local(const char* name) {
    const char* bar = std::strrchr(name, '|');
    return bar != nullptr ? std::string(bar + 1) : std::string(name);
  }
  template <typename F>
  void guarded(F&& f) {
    if (!error_.empty() || pending_) return;
    try {
      f();
    } catch (...) {
      pending_ = std::current_exception();
      XML_StopParser(parser_, XML_FALSE);
    }
  }
  static void start(void* self, const XML_Char* name, const XML_Char** atts) {
    auto* part = static_cast<XmlPart*>(self);
    part->guarded([&] {
      Attributes a;
      for (std::size_t i = 0; atts[i] != nullptr && atts[i + 1] != nullptr; i += 2) a[local(atts[i])] = atts[i + 1];
      if (part->on_start) part->on_start(local(name), a);
    });
  }
  static void end(void* self, const XML_Char* name) {
    auto* part = static_cast<XmlPart*>(self);
    part->guarded([&] {
      if (part->on_end) part->on_end(local(name));
    });
  }
  static void chars(void* self, const XML_Char* s, int len) {
    auto* part = static_cast<XmlPart*>(self);
    part->guarded([&] {
      if (part->on_text) part->on_text(std::string_view(s, static_cast<std::size_t>(len)));
    });
  }
  static void doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<XmlPart*>(self)->fail("a DOCTYPE is not allowed in a workbook (its entities could expand)");
  }

  std::string where_;
  XML_Parser parser_ = nullptr;
  std::string error_;
  SourcePos error_at_;
  std::exception_ptr pending_;
};

/// Column letters of a cell reference (`BC12`) as a 0-based index, or nullopt.
std::optional<std::size_t> column_of(std::string_view ref) {
  std::size_t col = 0;
  std::size_t letters = 0;
  while (letters < ref.size() && std::isalpha(static_cast<unsigned char>(ref[letters]))) {
    col = col * 26 + static_cast<std::size_t>(std::toupper(static_cast<unsigned char>(ref[letters])) - 'A' + 1);
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0) return std::nullopt;
  return col - 1;
}

constexpr std::size_t kMaxColumns = 16384;  // XFD, Excel's last column
constexpr long kMaxRows = 1048576;          // Excel's last row

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
      total += static_cast<std::uint64_t>(n);
      if (out.size() > limits.max_part_bytes || total > limits.max_total_bytes) {
        zip_fclose(f);
        fail(fmt::format(
            "'{}' in the workbook unpacks to more than {} MiB: refused (a zip bomb, or a sheet "
            "too large to import)",
            name, (out.size() > limits.max_part_bytes ? limits.max_part_bytes : limits.max_total_bytes) >> 20U));
      }
    }
    zip_fclose(f);
    return out;
  }

  std::string where(const std::string& part_name) const { return file + ":" + part_name; }

  void read_workbook() {
    const auto workbook = part("xl/workbook.xml");
    if (!workbook) fail("not an Excel workbook: it has no xl/workbook.xml (save it as .xlsx)");
    std::vector<std::pair<std::string, std::string>> named;  // name, relationship id
    XmlPart w(where("xl/workbook.xml"));
    w.on_start = [&](const std::string& name, const XmlPart::Attributes& a) {
      if (name == "workbookPr") {
        const auto it = a.find("date1904");
        date1904 = it != a.end() && (it->second == "1" || it->second == "true");
      } else if (name == "sheet") {
        const auto n = a.find("name");
        const auto id = a.find("id");
        if (n == a.end() || id == a.end())
          w.fail("a <sheet> without a name or r:id");
        else
          named.emplace_back(n->second, id->second);
      }
    };
    w.parse(*workbook);
    std::map<std::string, std::string> targets;
    if (const auto rels = part("xl/_rels/workbook.xml.rels")) {
      XmlPart r(where("xl/_rels/workbook.xml.rels"));
      r.on_start = [&](const std::string& name, const XmlPart::Attributes& a) {
        if (name != "Relationship") return;
        const auto id = a.find("Id");
        const auto target = a.find("Target");
        if (id != a.end() && target != a.end()) targets[id->second] = target->second;
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
    XmlPart s(where("xl/sharedStrings.xml"));
    int in_si = 0, in_t = 0, in_phonetic = 0;
    std::string current;
    s.on_start = [&](const std::string& name, const XmlPart::Attributes&) {
      if (name == "si") {
        in_si = 1;
        current.clear();
      } else if (name == "t") {
        in_t = 1;
      } else if (name == "rPh") {
        in_phonetic = 1;
      }
    };
    s.on_end = [&](const std::string& name) {
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
    XmlPart s(where("xl/styles.xml"));
    std::map<int, bool> formats;  // numFmtId -> is a date
    bool in_cell_xfs = false;
    auto number = [](const XmlPart::Attributes& a, const char* key) {
      int v = 0;
      const auto it = a.find(key);
      if (it == a.end()) return 0;
      std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
      return v;
    };
    s.on_start = [&](const std::string& name, const XmlPart::Attributes& a) {
      if (name == "numFmt") {
        const auto code = a.find("formatCode");
        formats[number(a, "numFmtId")] = code != a.end() && date_format(code->second);
      } else if (name == "cellXfs") {
        in_cell_xfs = true;
      } else if (name == "xf" && in_cell_xfs) {
        const int id = number(a, "numFmtId");
        const auto it = formats.find(id);
        date_styles.push_back(it != formats.end() ? it->second : builtin_date_format(id));
      }
    };
    s.on_end = [&](const std::string& name) {
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
    impl_->fail(fmt::format("the workbook has no sheet '{}' (its sheets: {})", sheet, fmt::join(sheet_names(), ", ")));
  }
  const auto text = impl_->part(it->second);
  if (!text) impl_->fail(fmt::format("sheet '{}' is missing from the workbook ('{}')", sheet, it->second));
  std::vector<SheetRow> rows;
  XmlPart p(impl_->where(it->second));
  std::size_t cells = 0;
  long row_number = 0;
  std::size_t column = 0;
  bool in_cell = false, in_value = false, in_inline = false, in_t = false, in_phonetic = false;
  std::string type;
  std::size_t style = 0;
  std::string value;
  p.on_start = [&](const std::string& name, const XmlPart::Attributes& a) {
    if (name == "row") {
      long r = row_number + 1;
      if (const auto n = a.find("r"); n != a.end()) {
        const auto [ptr, ec] = std::from_chars(n->second.data(), n->second.data() + n->second.size(), r);
        if (ec != std::errc{} || ptr != n->second.data() + n->second.size()) r = 0;
      }
      if (r < 1 || r > kMaxRows) {
        p.fail(fmt::format("row number must be 1 to {}", kMaxRows));
        return;
      }
      row_number = r;
      rows.push_back(SheetRow{static_cast<int>(r), {}});
      column = 0;
    } else if (name == "c") {
      if (rows.empty()) {
        p.fail("a cell outside a row");
        return;
      }
      std::size_t c = rows.back().cells.size();
      if (const auto ref = a.find("r"); ref != a.end()) {
        const auto parsed = column_of(ref->second);
        if (!parsed) {
          p.fail(fmt::format("cell reference '{}' is not a column and row", ref->second));
          return;
        }
        c = *parsed;
      }
      if (c >= kMaxColumns) {
        p.fail(fmt::format("a cell beyond the last column (XFD, {})", kMaxColumns));
        return;
      }
      column = c;
      const auto t = a.find("t");
      type = t == a.end() ? "n" : t->second;
      style = 0;
      if (const auto s = a.find("s"); s != a.end())
        std::from_chars(s->second.data(), s->second.data() + s->second.size(), style);
      value.clear();
      in_cell = true;
    } else if (in_cell && name == "v") {
      in_value = true;
    } else if (in_cell && name == "is") {
      in_inline = true;
    } else if (in_inline && name == "t") {
      in_t = true;
    } else if (in_inline && name == "rPh") {
      in_phonetic = true;
    }
  };
  p.on_text = [&](std::string_view t) {
    if (in_value || (in_t && !in_phonetic)) value += t;
  };
  p.on_end = [&](const std::string& name) {
    if (name == "v") {
      in_value = false;
    } else if (name == "t") {
      in_t = false;
    } else if (name == "rPh") {
      in_phonetic = false;
    } else if (name == "is") {
      in_inline = false;
    } else if (name == "c" && in_cell) {
      in_cell = false;
      std::string text;
      if (type == "s") {
        std::size_t index = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
        if (ec != std::errc{} || ptr != value.data() + value.size() || index >= impl_->shared.size()) {
          p.fail(fmt::format("shared string '{}' does not exist (the workbook has {})", value, impl_->shared.size()));
          return;
        }
        text = impl_->shared[index];
      } else if (type == "b") {
        text = value == "1" ? "true" : value == "0" ? "false" : value;
      } else if (type == "d") {
        text = value.substr(0, 10);
      } else if (type == "n" && !value.empty()) {
        double v = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (ec == std::errc{} && ptr == value.data() + value.size() && std::isfinite(v)) {
          const bool date = style < impl_->date_styles.size() && impl_->date_styles[style];
          const std::string day = date ? excel_date(v, impl_->date1904) : std::string();
          text = day.empty() ? number_text(v) : day;
        } else {
          text = value;
        }
      } else {
        text = value;  // str (a formula's text), inlineStr, e (#N/A), anything else
      }
      if (text.empty()) return;
      auto& row = rows.back().cells;
      if (column >= row.size()) {
        cells += column + 1 - row.size();
        if (cells > impl_->limits.max_cells) {
          p.fail(fmt::format("the sheet has more than {} cells: too large to import", impl_->limits.max_cells));
          return;
        }
        row.resize(column + 1);
      }
      row[column] = std::move(text);
    }
  };
  p.parse(*text);
  std::erase_if(rows, [](const SheetRow& r) { return r.cells.empty(); });
  return rows;
}

}  // namespace xsector::detail
