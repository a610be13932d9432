// `xsector survey-kit`: a form for every member to fill in (an Excel workbook with dropdowns,
// or a printable page), written into a folder that appears whole or not at all.
#include "xsector/survey_kit.hpp"

#include <fmt/format.h>
#include <stdlib.h>    // mkdtemp
#include <sys/stat.h>  // umask
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "exchange/survey_forms.hpp"
#include "xsector/io.hpp"

namespace xsector {

const std::vector<KitQuestion>& kit_questions() {
  static const std::vector<std::string_view> rating = {"1", "2", "3", "4", "Don't know"};
  static const std::vector<KitQuestion> questions = {
      {"level", "Level", "Level", {"networking", "coordinating", "cooperating", "collaborating", "Not a partner"}},
      {"frequency",
       "Frequency",
       "Frequency",
       {"never", "yearly", "quarterly", "monthly", "weekly", "daily", "Don't know"}},
      {"trust_reliability", "Reliability",
       "Reliability: how reliable is this partner (does it follow through on commitments)? 1 = not at all, 4 = very",
       rating},
      {"trust_mission", "Mission",
       "Mission: how much does this partner share your organization's mission and goals? 1 = not at all, "
       "4 = completely",
       rating},
      {"trust_openness", "Openness", "Openness: how open is this partner to discussion? 1 = not at all, 4 = very",
       rating},
      {"value_power", "Power and influence",
       "Power and influence: how much power and influence does this partner have in the community? 1 = none, "
       "4 = a great deal",
       rating},
      {"value_involvement", "Involvement",
       "Involvement: how involved is this partner in the coalition's work? 1 = not at all, 4 = very", rating},
      {"value_resources", "Resources",
       "Resources: how much does this partner contribute resources (money, staff, space, information)? 1 = none, "
       "4 = a great deal",
       rating},
  };
  return questions;
}

KitFormat parse_kit_format(std::string_view name) {
  if (name == "xlsx") return KitFormat::xlsx;
  if (name == "html") return KitFormat::html;
  throw UsageError(fmt::format("--format '{}': the kit is xlsx or html", name));
}

namespace {

/// What the level question asks, and what each level means (the Instructions sheet and the
/// printable page say it).
const std::vector<std::string>& instruction_lines() {
  static const std::vector<std::string> lines = {
      "On the sheet Partners, answer one row for each organization yours works with in the coalition.",
      "Choose each answer from the cell's dropdown; leave it blank, or choose Don't know, when you are not sure.",
      "The rest of the row still counts when one answer is missing.",
      "Choose Not a partner as the Level for an organization you do not work with, or leave its row blank.",
      "Level: how would you describe your relationship with this partner?",
      "  networking: aware of each other; informal, occasional exchange of information.",
      "  coordinating: sharing information and adjusting activities so the work fits together.",
      "  cooperating: sharing resources and working on joint activities for common goals.",
      "  collaborating: shared goals, decisions and resources; a formal, lasting commitment.",
      "Frequency: how often does your organization work with this partner (never, yearly, ..., daily)?",
      "The six ratings are on a scale of 1 (low) to 4 (high); each column's heading states its question.",
      "Your answers are shared with the coalition's evaluator; return the file to whoever sent it.",
  };
  return lines;
}

std::string sector_name(const Coalition& c, const Member& m) {
  const Sector* s = c.find_sector(m.sector);
  return s != nullptr && !s->name.empty() ? s->name : m.sector;
}

/// libxlsxwriter's workbook, closed once (an error then throws).
class Book {
 public:
  explicit Book(const std::filesystem::path& path) : path_(path.string()) {
    book_ = workbook_new(path_.c_str());
    if (book_ == nullptr) throw IoError(fmt::format("{}: cannot start the workbook", path_));
  }
  ~Book() {
    if (book_ != nullptr) workbook_close(book_);
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;
  lxw_workbook* get() { return book_; }
  void close() {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR) throw IoError(fmt::format("{}: cannot write the workbook: {}", path_, lxw_strerror(e)));
  }

 private:
  std::string path_;
  lxw_workbook* book_ = nullptr;
};

/// The dropdown of one answer column, over the partners' rows.
void add_validation(lxw_worksheet* ws, const KitQuestion& q, lxw_col_t col, lxw_row_t first, lxw_row_t last) {
  std::vector<std::string> answers(q.answers.begin(), q.answers.end());
  std::vector<char*> list;
  list.reserve(answers.size() + 1);
  for (auto& a : answers) list.push_back(a.data());
  list.push_back(nullptr);
  std::string title(q.label.substr(0, 32));
  std::string message(q.heading.substr(0, 255));
  std::string error = "Choose an answer from the list (or leave the cell blank).";
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = list.data();
  v.ignore_blank = LXW_VALIDATION_ON;
  v.input_title = title.data();
  v.input_message = message.data();
  v.error_title = title.data();
  v.error_message = error.data();
  worksheet_data_validation_range(ws, first, col, last, col, &v);
}

void write_partners(lxw_workbook* book, const Coalition& c, std::size_t member) {
  lxw_worksheet* ws = workbook_add_worksheet(book, std::string(detail::KitLayout::sheet).c_str());
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bottom(header, LXW_BORDER_THIN);
  lxw_format* answer = workbook_add_format(book);
  format_set_unlocked(answer);
  format_set_border(answer, LXW_BORDER_THIN);
  format_set_bg_color(answer, 0xFFF8DC);
  const Member& m = c.members[member];
  const auto id_col = static_cast<lxw_col_t>(detail::KitLayout::id_column);
  worksheet_write_string(ws, 0, 0, "Your organization", bold);
  worksheet_write_string(ws, 0, 1, m.name.c_str(), bold);
  worksheet_write_string(ws, 0, id_col, m.id.c_str(), nullptr);
  worksheet_write_string(ws, 1, 0, "One row per partner: choose answers from the dropdowns (see Instructions).",
                         nullptr);
  const auto head = static_cast<lxw_row_t>(detail::KitLayout::header_row - 1);
  worksheet_write_string(ws, head, 0, "Partner", header);
  worksheet_write_string(ws, head, 1, "Sector", header);
  const auto& questions = kit_questions();
  for (std::size_t q = 0; q < questions.size(); ++q) {
    const auto col = static_cast<lxw_col_t>(detail::KitLayout::first_answer + q);
    worksheet_write_string(ws, head, col, std::string(questions[q].heading).c_str(), header);
  }
  worksheet_write_string(ws, head, id_col, "Partner id", header);
  lxw_row_t row = head + 1;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (v == member) continue;
    worksheet_write_string(ws, row, 0, c.members[v].name.c_str(), nullptr);
    worksheet_write_string(ws, row, 1, sector_name(c, c.members[v]).c_str(), nullptr);
    for (std::size_t q = 0; q < questions.size(); ++q)
      worksheet_write_blank(ws, row, static_cast<lxw_col_t>(detail::KitLayout::first_answer + q), answer);
    worksheet_write_string(ws, row, id_col, c.members[v].id.c_str(), nullptr);
    ++row;
  }
  if (row > head + 1) {
    for (std::size_t q = 0; q < questions.size(); ++q)
      add_validation(ws, questions[q], static_cast<lxw_col_t>(detail::KitLayout::first_answer + q), head + 1, row - 1);
  }
  worksheet_set_column(ws, 0, 0, 34, nullptr);
  worksheet_set_column(ws, 1, 1, 22, nullptr);
  worksheet_set_column(ws, 2, 3, 15, nullptr);
  worksheet_set_column(ws, 4, 9, 24, nullptr);
  lxw_row_col_options hidden{};
  hidden.hidden = 1;
  worksheet_set_column_opt(ws, id_col, id_col, 12, nullptr, &hidden);
  worksheet_set_row(ws, head, 105, nullptr);
  worksheet_freeze_panes(ws, head + 1, 1);
  lxw_protection protection{};
  worksheet_protect(ws, nullptr, &protection);  // everything locked but the answer cells
}

void write_form_xlsx(const Coalition& c, std::size_t member, const std::filesystem::path& path) {
  Book book(path);
  lxw_worksheet* ws = workbook_add_worksheet(book.get(), std::string(detail::KitLayout::instructions).c_str());
  lxw_format* title = workbook_add_format(book.get());
  format_set_bold(title);
  format_set_font_size(title, 14);
  worksheet_write_string(ws, 0, 0, fmt::format("Partner survey: {}", c.name).c_str(), title);
  worksheet_write_string(ws, 1, 0, fmt::format("For {}", c.members[member].name).c_str(), nullptr);
  lxw_row_t row = 3;
  for (const auto& line : instruction_lines()) worksheet_write_string(ws, row++, 0, line.c_str(), nullptr);
  worksheet_set_column(ws, 0, 0, 120, nullptr);
  write_partners(book.get(), c, member);
  book.close();
}

/// A fresh folder beside `dir`, removed (with what it holds) unless released.
class TempFolder {
 public:
  explicit TempFolder(const std::filesystem::path& dir) {
    std::filesystem::path parent = dir.parent_path();
    if (parent.empty()) parent = ".";
    std::string pattern = (parent / fmt::format(".{}.tmp-XXXXXX", dir.filename().string())).string();
    if (mkdtemp(pattern.data()) == nullptr)
      throw IoError(fmt::format("{}: cannot create a temporary folder beside it", dir.string()));
    path_ = pattern;
    const mode_t mask = ::umask(0);  // the folder gets the permissions a new folder would get
    ::umask(mask);
    std::error_code ec;
    std::filesystem::permissions(path_, static_cast<std::filesystem::perms>(0777U & ~mask), ec);
  }
  ~TempFolder() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  void release() { path_.clear(); }

 private:
  std::filesystem::path path_;
};

void rename_or_throw(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::error_code ec;
  std::filesystem::rename(from, to, ec);
  if (ec) throw IoError(fmt::format("{}: cannot write: {}", to.string(), ec.message()));
}

}  // namespace

std::vector<std::filesystem::path> write_survey_kit(const Coalition& c, const std::filesystem::path& folder,
                                                    KitFormat format, bool replace) {
  const std::filesystem::path dir = folder.has_filename() ? folder : folder.parent_path();  // kit/ is kit
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(dir, ec);
  const bool exists = std::filesystem::exists(status);
  if (exists && !std::filesystem::is_directory(status))
    throw IoError(fmt::format("{}: exists and is not a folder", dir.string()));
  const bool empty = exists && std::filesystem::is_empty(dir, ec);
  if (exists && !empty && !replace)
    throw UsageError(fmt::format("{} is not empty; give a new folder, or --force to replace its forms", dir.string()));
  if (!dir.parent_path().empty()) {
    std::filesystem::create_directories(dir.parent_path(), ec);
    if (ec) throw IoError(fmt::format("{}: cannot create the folder: {}", dir.parent_path().string(), ec.message()));
  }
  TempFolder temp(dir);
  std::vector<std::string> names;
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    const std::string name = c.members[v].id + (format == KitFormat::xlsx ? ".xlsx" : ".html");
    if (format == KitFormat::xlsx)
      write_form_xlsx(c, v, temp.path() / name);
    else
      write_file_atomic(temp.path() / name, survey_kit_html(c, v));
    names.push_back(name);
  }
  std::vector<std::filesystem::path> written;
  if (!exists || empty) {
    rename_or_throw(temp.path(), dir);  // an empty folder is replaced as a whole
    temp.release();
  } else {
    for (const auto& name : names) rename_or_throw(temp.path() / name, dir / name);
  }
  written.reserve(names.size());
  for (const auto& name : names) written.push_back(dir / name);
  return written;
}

}  // namespace xsector
