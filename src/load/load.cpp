// The coalition-file loader: YAML -> Coalition, every problem collected with its position.
// This file holds the entry points, the reading of input files, and the file's root and
// `coalition` header; the other sections are read by the files coalition_loader.hpp names.
#include "xsector/load.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "load/coalition_loader.hpp"
#include "xsector/survey_ties.hpp"

namespace xsector {

namespace {

std::atomic<std::uint64_t> default_max_bytes{std::uint64_t{256} << 20U};

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (std::uint64_t{1} << 20U)) {
    return fmt::format("{:.1f} MiB ({} bytes)", static_cast<double>(bytes) / (1 << 20), bytes);
  }
  return fmt::format("{} bytes", bytes);
}

std::string too_large_message(std::uint64_t size, std::uint64_t limit) {
  return fmt::format(
      "the file is {}, over the input size limit of {}; raise the limit with "
      "--max-input-size MB",
      size_text(size), size_text(limit));
}

}  // namespace

namespace detail {

Coalition CoalitionLoader::load(std::string_view text) {
  if (text.size() > options_.max_bytes) {
    reader_.error({}, too_large_message(text.size(), options_.max_bytes));
  } else if (auto document = reader_.parse(text)) {
    read_root(document->root());
  }
  if (diagnostics_.empty() && target_) apply_target();
  if (!diagnostics_.empty()) {
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const auto& a, const auto& b) {
      if (a.file != b.file) return false;
      return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
    });
    throw InputError(std::move(diagnostics_));
  }
  coalition_.index_members();
  add_survey_ties(coalition_);
  return std::move(coalition_);
}

void CoalitionLoader::read_root(const Node& root) {
  if (root.IsNull()) {
    reader_.error(reader_.pos(root),
                  "the file is empty; a coalition file needs at least "
                  "'coalition' and 'members'");
    return;
  }
  static const std::vector<std::string> keys = {"coalition", "sectors", "members", "ties", "governance", "survey"};
  auto f = reader_.fields(root, keys, "the coalition file");
  if (!f) return;
  std::optional<Node> backbone;
  if (const auto* c = f->get("coalition")) {
    backbone = read_header(*c);
  } else {
    reader_.missing(*f, "coalition", {1, 1}, "the file needs a 'coalition' section with at least a 'name'");
    load_taxonomy(options_.taxonomy.value_or("cross-sector"), {}, options_.taxonomy.has_value());
  }
  if (const auto* s = f->get("sectors")) read_sectors(*s);
  if (waive_ && taxonomy_ok_) read_waive(*waive_);
  // Without a taxonomy, members are read for every other problem, not for their sector.
  if (const auto* m = f->get("members")) {
    read_members(*m);
  } else {
    reader_.missing(*f, "members", {1, 1}, "the file needs 'members': a list of at least one member");
  }
  if (backbone) {
    if (auto id = reader_.slug(*backbone, "backbone")) {
      coalition_.backbone = member_ref(*backbone, *id, "backbone");
    }
  }
  if (const auto* t = f->get("ties")) read_ties(*t);
  if (const auto* g = f->get("governance")) read_governance(*g);
  if (const auto* s = f->get("survey")) read_survey(*s);
}

std::optional<Node> CoalitionLoader::read_header(const Node& node) {
  static const std::vector<std::string> keys = {"name", "place", "as_of", "backbone", "taxonomy", "waive"};
  auto f = reader_.fields(node, keys, "'coalition'");
  std::string taxonomy = "cross-sector";
  SourcePos taxonomy_pos = reader_.pos(node);
  std::optional<Node> backbone;
  bool from_file = false;
  if (f) {
    if (const auto* n = f->get("name")) {
      if (auto v = reader_.text(*n, "the coalition's name")) {
        if (v->empty()) reader_.error(reader_.pos(*n), "the coalition's name is empty");
        coalition_.name = *v;
      }
    } else {
      reader_.missing(*f, "name", reader_.pos(node), "'coalition' needs a 'name'");
    }
    if (const auto* p = f->get("place")) {
      if (auto v = reader_.text(*p, "place")) coalition_.place = *v;
    }
    if (const auto* d = f->get("as_of")) {
      if (auto v = reader_.date(*d, "as_of", "2024-06-30")) coalition_.as_of = *v;
    }
    if (const auto* b = f->get("backbone")) backbone = *b;
    if (const auto* w = f->get("waive")) waive_ = *w;
    if (const auto* t = f->get("taxonomy")) {
      if (auto v = reader_.text(*t, "taxonomy")) taxonomy = *v;
      taxonomy_pos = reader_.pos(*t);
      from_file = true;
    }
  }
  // --taxonomy: the file is read against its own taxonomy, then measured against the
  // other one through the crosswalk (apply_target).
  target_ = options_.taxonomy;
  if (target_ && from_file && !options_.taxonomy_paths) {
    // A file from elsewhere may not name a taxonomy file: the user's taxonomy stands in for it.
    const auto ids = builtin_taxonomy_ids();
    if (std::find(ids.begin(), ids.end(), taxonomy) == ids.end()) {
      taxonomy = *target_;
      taxonomy_pos = {};
      from_file = false;
    }
  }
  coalition_.taxonomy_ref = taxonomy;
  load_taxonomy(taxonomy, taxonomy_pos, !from_file);
  return backbone;
}

}  // namespace detail

Coalition parse_coalition(std::string_view text, const std::string& file, const LoadOptions& options) {
  return detail::CoalitionLoader(file, options).load(text);
}

Coalition load_coalition_file(const std::filesystem::path& path, const LoadOptions& options) {
  return parse_coalition(read_input_file(path, options.max_bytes), path.string(), options);
}

std::uint64_t default_max_input_bytes() { return default_max_bytes.load(); }

void set_default_max_input_bytes(std::uint64_t bytes) { default_max_bytes.store(bytes); }

std::string read_input_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  const std::string name = path.string();
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw IoError(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) throw IoError(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
  if (S_ISDIR(info.st_mode)) throw IoError(fmt::format("{}: cannot read: is a directory", name));
  if (!S_ISREG(info.st_mode)) {
    throw IoError(fmt::format("{}: cannot read: not a regular file (a device, pipe or socket)", name));
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_bytes) throw InputError({Diagnostic{name, {}, too_large_message(size, max_bytes)}});
  // Read one byte past the limit at most, to notice a file that grew since fstat.
  std::string text(static_cast<std::size_t>(size), '\0');
  std::size_t done = 0;
  while (true) {
    if (done == text.size()) {
      if (done > max_bytes) break;
      text.resize(static_cast<std::size_t>(std::min<std::uint64_t>(max_bytes + 1, done + 65536)));
    }
    const ssize_t got = ::read(fd, text.data() + done, text.size() - done);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw IoError(fmt::format("{}: read failed: {}", name, std::strerror(errno)));
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  text.resize(done);
  if (done > max_bytes) throw InputError({Diagnostic{name, {}, too_large_message(done, max_bytes)}});
  return text;
}

}  // namespace xsector
