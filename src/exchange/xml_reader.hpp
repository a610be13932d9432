// XML read with expat: a stream of start, end and text events with their positions (the
// .xlsx parts are read this way), and on top of it a flat tree of the elements an importer
// asks for (GraphML). Internal.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/error.hpp"

namespace xsector::detail {

/// Elements nested deeper than this are refused at their position (GraphML needs four
/// levels, a workbook part six).
constexpr std::size_t kMaxXmlDepth = 64;

/// The attributes of one start tag as expat gives them: a view, valid inside on_start only.
class XmlAttributes {
 public:
  explicit XmlAttributes(const char** atts);
  [[nodiscard]] std::size_t size() const { return size_; }
  /// The local name of the i-th attribute (a prefix or namespace dropped).
  [[nodiscard]] std::string_view name(std::size_t i) const;
  [[nodiscard]] std::string_view value(std::size_t i) const { return atts_[2 * i + 1]; }
  /// The value of the first attribute whose local name is `local`, or nullptr. O(attributes).
  [[nodiscard]] const char* find(std::string_view local) const;

 private:
  const char** atts_;
  std::size_t size_ = 0;
};

/// One XML text parsed by expat into events; element and attribute names come without
/// their prefix. A DOCTYPE is refused (so no entity can be declared, let alone expand), and
/// so are elements nested deeper than kMaxXmlDepth. Every problem is an InputError
/// `where:line:column: error: not valid XML: ...` (columns count characters), and a handler
/// may stop the parse with fail(). Time: O(size of the text); memory: expat's, at most a
/// small multiple of one start tag, plus what the handlers keep.
class XmlStream {
 public:
  enum class Mode {
    /// The text must be UTF-8 (UTF-16 and bad bytes are refused before parsing, at their
    /// place); no namespace processing; attribute positions are known. For import files.
    utf8,
    /// Any encoding expat reads; namespaces resolved. For workbook parts.
    namespaces,
  };
  std::function<void(std::string_view, const XmlAttributes&)> on_start;
  std::function<void(std::string_view)> on_end;
  std::function<void(std::string_view)> on_text;

  XmlStream(std::string where, Mode mode);
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;
  ~XmlStream();

  /// Parses the whole text, calling the handlers; throws InputError (or what a handler threw).
  void parse(std::string_view text);
  /// Stops the parse with `message` (said as it is) at the current position; the first
  /// call wins.
  void fail(std::string message);
  /// The current position: in on_start, the start tag's `<`.
  [[nodiscard]] SourcePos here() const;
  /// In Mode::utf8 inside on_start: the position of each attribute's name, in the order of
  /// the XmlAttributes. O(length of the start tag).
  [[nodiscard]] std::vector<SourcePos> attribute_positions() const;
  /// Elements open around the current event (the root is 1 inside its own start tag).
  [[nodiscard]] std::size_t depth() const;
  [[nodiscard]] const std::string& where() const { return where_; }

  struct Impl;

 private:
  std::string where_;
  std::unique_ptr<Impl> impl_;
};

/// An element of a tree read by read_xml.
struct XmlElement {
  struct Attribute {
    std::string name;
    std::string value;
    SourcePos pos;
  };
  std::string name;  ///< the local name: a namespace prefix is dropped
  SourcePos pos;
  std::vector<Attribute> attributes;
  std::string text;                   ///< its own character data, not its children's
  std::vector<std::size_t> children;  ///< kept children, in file order
  std::size_t depth = 0;              ///< elements around it (the root has 0), kept or not
  /// The attribute whose local name is `n`, or nullptr. O(attributes).
  [[nodiscard]] const Attribute* attribute(std::string_view n) const;
  /// The value of attribute `n`, or empty.
  [[nodiscard]] std::string get(std::string_view n) const;
};

/// Reads an import file's XML (Mode::utf8) into one flat vector of elements, element 0 the
/// root. Only elements whose local name is in `keep` (and the root) are stored, with only
/// the attributes in `keep_attributes`, and an element's text is its own character data;
/// every element counts for the nesting limit and for well-formedness. Throws InputError
/// at the first problem. Time: O(size of the text); memory: O(what is kept).
std::vector<XmlElement> read_xml(std::string_view text, const std::string& file,
                                 std::initializer_list<std::string_view> keep,
                                 std::initializer_list<std::string_view> keep_attributes);

}  // namespace xsector::detail
