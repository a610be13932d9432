#include "xsector/io.hpp"

#include <gtest/gtest.h>

#include "xsector/error.hpp"

namespace fs = std::filesystem;
using namespace xsector;

TEST(Io, WriteAtomicReplacesTheFileWhole) {
  const fs::path dir = fs::temp_directory_path() / "xsector_io_test";
  fs::create_directories(dir);
  write_file_atomic(dir / "out.txt", "first");
  write_file_atomic(dir / "out.txt", "second");
  EXPECT_EQ(read_file(dir / "out.txt"), "second");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1U);  // no temporary left behind
  fs::remove_all(dir);
}

TEST(Io, WriteIntoAMissingFolderIsAnIoErrorAndLeavesNothing) {
  const fs::path dir = fs::temp_directory_path() / "xsector_io_missing";
  fs::remove_all(dir);
  EXPECT_THROW(write_file_atomic(dir / "out.txt", "x"), IoError);
  EXPECT_FALSE(fs::exists(dir));
}

TEST(Io, ReadingAFolderIsAnIoError) {
  EXPECT_THROW(read_file(fs::temp_directory_path()), IoError);
}

TEST(Io, DiagnosticsPrintLikeACompiler) {
  EXPECT_EQ((Diagnostic{"a.yaml", {3, 7}, "bad"}.str()), "a.yaml:3:7: error: bad");
  EXPECT_EQ((Diagnostic{"a.yaml", {}, "empty"}.str()), "a.yaml: error: empty");
}
