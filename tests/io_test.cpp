#include "xsector/io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "xsector/error.hpp"

namespace fs = std::filesystem;
using namespace xsector;

namespace {

/// A fresh empty folder, removed afterwards.
class Folder {
 public:
  explicit Folder(const std::string& name) : path_(fs::temp_directory_path() / (name + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }
  [[nodiscard]] std::size_t entries() const {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(path_)) ++n;
    return n;
  }

 private:
  fs::path path_;
};

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  ::lstat(p.c_str(), &st);
  return st.st_mode & 07777;
}

std::string refusal(const fs::path& target) {
  try {
    write_file_atomic(target, "new");
  } catch (const IoError& e) {
    return e.what();
  }
  return "(written)";
}

}  // namespace

TEST(Io, WriteAtomicReplacesTheFileWhole) {
  const Folder dir("xsector_io_test");
  write_file_atomic(dir.path() / "out.txt", "first");
  write_file_atomic(dir.path() / "out.txt", "second");
  EXPECT_EQ(read_file(dir.path() / "out.txt"), "second");
  EXPECT_EQ(dir.entries(), 1U);  // no temporary left behind
}

TEST(Io, WriteIntoAMissingFolderIsAnIoErrorAndLeavesNothing) {
  const fs::path dir = fs::temp_directory_path() / "xsector_io_missing";
  fs::remove_all(dir);
  EXPECT_THROW(write_file_atomic(dir / "out.txt", "x"), IoError);
  EXPECT_FALSE(fs::exists(dir));
}

TEST(Io, ReadingAFolderIsAnIoError) { EXPECT_THROW(read_file(fs::temp_directory_path()), IoError); }

TEST(Io, DiagnosticsPrintLikeACompiler) {
  EXPECT_EQ((Diagnostic{"a.yaml", {3, 7}, "bad"}.str()), "a.yaml:3:7: error: bad");
  EXPECT_EQ((Diagnostic{"a.yaml", {}, "empty"}.str()), "a.yaml: error: empty");
}

TEST(Io, ASymbolicLinkIsNeverReplacedNorFollowed) {
  const Folder dir("xsector_io_link");
  write_file_atomic(dir.path() / "victim", "keep");
  fs::create_symlink("victim", dir.path() / "out.txt");
  EXPECT_NE(refusal(dir.path() / "out.txt").find("refusing to replace it: it is a symbolic link"), std::string::npos);
  EXPECT_TRUE(fs::is_symlink(dir.path() / "out.txt"));
  EXPECT_EQ(read_file(dir.path() / "victim"), "keep");
  EXPECT_EQ(dir.entries(), 2U);
}

TEST(Io, FifosFoldersAndDevicesAreRefused) {
  const Folder dir("xsector_io_special");
  ASSERT_EQ(::mkfifo((dir.path() / "pipe").c_str(), 0644), 0);
  EXPECT_NE(refusal(dir.path() / "pipe").find("it is a FIFO"), std::string::npos);
  EXPECT_TRUE(fs::is_fifo(dir.path() / "pipe"));
  fs::create_directory(dir.path() / "folder");
  EXPECT_NE(refusal(dir.path() / "folder").find("it is a folder"), std::string::npos);
  // A character device like /dev/null, made here so a regression cannot replace the real one.
  if (::mknod((dir.path() / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    GTEST_SKIP() << "cannot make a device node here (not root)";
  }
  EXPECT_NE(refusal(dir.path() / "null").find("it is a device"), std::string::npos);
  EXPECT_TRUE(fs::is_character_file(dir.path() / "null"));
  EXPECT_EQ(dir.entries(), 3U);
}

TEST(Io, AReadOnlyFileIsRefusedEvenForRoot) {
  const Folder dir("xsector_io_readonly");
  const fs::path out = dir.path() / "out.txt";
  write_file_atomic(out, "keep");
  ::chmod(out.c_str(), 0444);
  EXPECT_NE(refusal(out).find("the file is read-only"), std::string::npos);
  EXPECT_EQ(read_file(out), "keep");
  EXPECT_EQ(mode_of(out), 0444U);
  EXPECT_EQ(dir.entries(), 1U);
}

TEST(Io, AReplacedFileKeepsItsModeAndANewOneFollowsTheUmask) {
  const Folder dir("xsector_io_mode");
  const fs::path out = dir.path() / "out.txt";
  const mode_t old_mask = ::umask(027);
  write_file_atomic(out, "first");
  EXPECT_EQ(mode_of(out), 0640U);  // 0666 & ~027
  ::umask(022);
  ::chmod(out.c_str(), 0604);
  write_file_atomic(out, "second");
  EXPECT_EQ(mode_of(out), 0604U);
  ::umask(old_mask);
  EXPECT_EQ(read_file(out), "second");
}

TEST(Io, TheTemporaryFileIsExclusiveUnpredictableAndRemovedWhenNotCommitted) {
  const Folder dir("xsector_io_temp");
  const fs::path out = dir.path() / "out.txt";
  fs::path first;
  fs::path second;
  {
    AtomicFile a(out);
    first = a.temporary();
    EXPECT_EQ(first.parent_path(), dir.path());
    EXPECT_TRUE(first.filename().string().starts_with(".out.txt.tmp-"));
    EXPECT_NE(first.filename().string(), ".out.txt.tmp-" + std::to_string(::getpid()));
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(first)));
    EXPECT_EQ(mode_of(first), 0600U);  // private until committed
    a.write("never committed");
  }
  EXPECT_FALSE(fs::exists(first));
  EXPECT_FALSE(fs::exists(out));
  {
    AtomicFile b(out);
    second = b.temporary();
    b.write("done");
    b.commit();
    EXPECT_TRUE(b.temporary().empty());
  }
  EXPECT_NE(first, second);
  EXPECT_EQ(read_file(out), "done");
  EXPECT_EQ(dir.entries(), 1U);
}

namespace {

/// Runs a child that opens an AtomicFile, writes part of it, reports the temporary's path and
/// waits; sends it `sig`; returns the child's wait status and the temporary's path.
std::pair<int, std::string> interrupted_write(const fs::path& out, int sig) {
  int channel[2];
  if (::pipe(channel) != 0) return {-1, {}};
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(channel[0]);
    AtomicFile file(out);
    file.write("half of it");
    const std::string temp = file.temporary().string() + "\n";
    if (::write(channel[1], temp.data(), temp.size()) != static_cast<ssize_t>(temp.size())) ::_exit(2);
    for (;;) ::pause();
  }
  ::close(channel[1]);
  std::string temp;
  char ch = 0;
  while (::read(channel[0], &ch, 1) == 1 && ch != '\n') temp += ch;
  ::close(channel[0]);
  const bool existed = fs::exists(temp);
  ::kill(child, sig);
  int status = 0;
  ::waitpid(child, &status, 0);
  return {existed ? status : -2, temp};
}

}  // namespace

TEST(Io, SigtermOrSigintDuringAWriteRemovesTheTemporaryFile) {
  for (const int sig : {SIGTERM, SIGINT}) {
    const Folder dir("xsector_io_signal");
    const fs::path out = dir.path() / "out.txt";
    write_file_atomic(out, "old");
    const auto [status, temp] = interrupted_write(out, sig);
    ASSERT_NE(status, -2) << "the temporary file did not exist while writing";
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << status;  // the signal still ends it
    EXPECT_FALSE(temp.empty());
    EXPECT_FALSE(fs::exists(temp)) << temp;
    EXPECT_EQ(read_file(out), "old");
    EXPECT_EQ(dir.entries(), 1U);
  }
}

TEST(Io, AWriteErrorOnStandardOutputIsAnIoError) {
  const int saved = ::dup(STDOUT_FILENO);
  const int full = ::open("/dev/full", O_WRONLY);
  if (full < 0) GTEST_SKIP() << "no /dev/full";
  ::dup2(full, STDOUT_FILENO);
  std::string message;
  try {
    write_stdout("text");
  } catch (const IoError& e) {
    message = e.what();
  }
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
  ::close(full);
  EXPECT_EQ(message, std::string("standard output: cannot write: ") + std::strerror(ENOSPC));
}

TEST(Io, AGroupOfFilesIsWrittenWholeOrNotAtAll) {
  const Folder dir("xsector_io_group");
  write_file_atomic(dir.path() / "a.csv", "old a");
  fs::create_directory(dir.path() / "b.csv");  // the second file cannot replace a folder
  const std::string a = "new a";
  const std::string b = "new b";
  EXPECT_THROW(write_files_atomic({{dir.path() / "a.csv", a}, {dir.path() / "b.csv", b}}), IoError);
  EXPECT_EQ(read_file(dir.path() / "a.csv"), "old a");
  EXPECT_EQ(dir.entries(), 2U);  // no temporary left
  fs::remove(dir.path() / "b.csv");
  write_files_atomic({{dir.path() / "a.csv", a}, {dir.path() / "b.csv", b}});
  EXPECT_EQ(read_file(dir.path() / "a.csv"), a);
  EXPECT_EQ(read_file(dir.path() / "b.csv"), b);
  EXPECT_EQ(dir.entries(), 2U);
}

TEST(Io, ANewFolderAppearsWholeWithItsParents) {
  const Folder dir("xsector_io_folder");
  const fs::path out = dir.path() / "x" / "y" / "report";
  const std::string one = "1";
  const std::string two = "2";
  write_folder_atomic(out, {{"one.txt", one}, {"two.txt", two}});
  EXPECT_EQ(read_file(out / "one.txt"), "1");
  EXPECT_EQ(read_file(out / "two.txt"), "2");
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out.parent_path())) ++n;
  EXPECT_EQ(n, 1U);  // no temporary sibling
  const mode_t mask = ::umask(022);
  ::umask(mask);
  EXPECT_EQ(mode_of(out), 0777U & ~mask);
  // Into the existing folder: replaced as a group.
  const std::string three = "3";
  write_folder_atomic(out, {{"one.txt", three}});
  EXPECT_EQ(read_file(out / "one.txt"), "3");
  // A name that exists and is a file is refused.
  write_file_atomic(dir.path() / "plain", "p");
  EXPECT_THROW(write_folder_atomic(dir.path() / "plain", {{"one.txt", one}}), IoError);
}

TEST(Io, AFailedNewFolderLeavesNothingNotEvenItsParents) {
  const Folder dir("xsector_io_folder_fail");
  const fs::path out = dir.path() / "x" / "report";
  const std::string one = "1";
  // A name with a slash cannot be made inside the temporary folder: the write fails part way.
  std::string message;
  try {
    write_folder_atomic(out, {{"one.txt", one}, {"missing/two.txt", one}});
  } catch (const IoError& e) {
    message = e.what();
  }
  EXPECT_NE(message.find((out / "missing" / "two.txt").string()), std::string::npos) << message;
  EXPECT_EQ(message.find(".tmp-"), std::string::npos) << message;  // names the folder, not the temporary
  EXPECT_EQ(dir.entries(), 0U);
}

TEST(Io, AnOutputThatIsAnInputIsRefusedHoweverSpelled) {
  const Folder dir("xsector_io_same");
  const fs::path in = dir.path() / "k.yaml";
  write_file_atomic(in, "k");
  write_file_atomic(dir.path() / "other.yaml", "o");
  fs::create_symlink(in, dir.path() / "link.yaml");
  fs::create_hard_link(in, dir.path() / "hard.yaml");
  fs::create_directory(dir.path() / "sub");
  for (const fs::path& out : {in, dir.path() / "sub" / ".." / "k.yaml", dir.path() / "." / "k.yaml",
                              dir.path() / "link.yaml", dir.path() / "hard.yaml"}) {
    EXPECT_THROW(refuse_output_over_input({out}, {dir.path() / "other.yaml", in}), UsageError) << out;
  }
  try {
    refuse_output_over_input({dir.path() / "hard.yaml"}, {in});
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), fmt::format("{}: refusing to write over the input file {}; write the output "
                                                 "elsewhere",
                                                 (dir.path() / "hard.yaml").string(), in.string()));
  }
  EXPECT_NO_THROW(refuse_output_over_input({dir.path() / "other.yaml", dir.path() / "new.yaml", ""}, {in, ""}));
  EXPECT_EQ(read_file(in), "k");
}

TEST(Io, ThreadsWriteAtomicFilesAtOnce) {
  const Folder dir("xsector_io_threads");
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&dir, t] {
      for (int i = 0; i < 40; ++i)
        write_file_atomic(dir.path() / fmt::format("f{}.txt", t), fmt::format("{} {}", t, i));
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(dir.entries(), 8U);
  for (int t = 0; t < 8; ++t) EXPECT_EQ(read_file(dir.path() / fmt::format("f{}.txt", t)), fmt::format("{} 39", t));
}
