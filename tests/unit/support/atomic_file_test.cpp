// support/atomic_file: a success writes the whole file; any failure leaves no file and no temporary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/atomic_file.h"

namespace polc {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "polc-atomic-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), {})); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(AtomicFile, WritesTheWholeFile) {
  TempDir d;
  std::string big(3 * 1024 * 1024 + 17, 'x');
  big[0] = '\0';
  EXPECT_EQ(writeFileAtomically((d.path / "out.bin").string(), big), "");
  EXPECT_EQ(slurp(d.path / "out.bin"), big);
  EXPECT_EQ(d.entries(), 1u) << "no temporary file left";
}

TEST(AtomicFile, ReplacesAnExistingFileWhole) {
  TempDir d;
  auto p = (d.path / "out.txt").string();
  ASSERT_EQ(writeFileAtomically(p, "old contents, longer than the new ones"), "");
  ASSERT_EQ(writeFileAtomically(p, "new"), "");
  EXPECT_EQ(slurp(p), "new");
  EXPECT_EQ(d.entries(), 1u);
}

TEST(AtomicFile, PieceByPieceAndCommit) {
  TempDir d;
  auto p = (d.path / "report.json").string();
  AtomicFile f(p);
  ASSERT_TRUE(f.ok()) << f.error();
  f.write("{\"a\": ");
  EXPECT_FALSE(fs::exists(p)) << "nothing visible before commit";
  f.write("1}");
  EXPECT_EQ(f.commit(), "");
  EXPECT_EQ(slurp(p), "{\"a\": 1}");
  EXPECT_EQ(d.entries(), 1u);
}

TEST(AtomicFile, NoCommitLeavesNothing) {
  TempDir d;
  auto p = (d.path / "partial.polb").string();
  {
    AtomicFile f(p);
    ASSERT_TRUE(f.ok());
    f.write("half a file");
    // A failed build returns here without commit().
  }
  EXPECT_FALSE(fs::exists(p));
  EXPECT_EQ(d.entries(), 0u) << "the temporary file is removed";
}

TEST(AtomicFile, DiscardKeepsTheOldFile) {
  TempDir d;
  auto p = (d.path / "out.txt").string();
  ASSERT_EQ(writeFileAtomically(p, "old"), "");
  AtomicFile f(p);
  f.write("new but failed");
  f.discard();
  EXPECT_EQ(slurp(p), "old");
  EXPECT_EQ(d.entries(), 1u);
}

TEST(AtomicFile, MissingDirectoryIsAnErrorAndLeavesNothing) {
  TempDir d;
  auto p = (d.path / "no-such-dir" / "out.txt").string();
  std::string err = writeFileAtomically(p, "x");
  EXPECT_NE(err.find("no-such-dir/out.txt"), std::string::npos) << err;
  EXPECT_EQ(d.entries(), 0u);
}

TEST(AtomicFile, TargetIsADirectory) {
  TempDir d;
  fs::create_directory(d.path / "sub");
  std::string err = writeFileAtomically((d.path / "sub").string(), "x");
  EXPECT_NE(err.find("is a directory"), std::string::npos) << err;
  EXPECT_TRUE(fs::is_directory(d.path / "sub"));
  EXPECT_EQ(d.entries(), 1u);
}

TEST(AtomicFile, RenameFailureRemovesTheTemporary) {
  TempDir d;
  // A non-empty directory appears at the target between open and commit: rename fails.
  auto p = d.path / "late";
  AtomicFile f(p.string());
  ASSERT_TRUE(f.ok());
  f.write("x");
  fs::create_directories(p / "inside");
  EXPECT_NE(f.commit(), "");
  EXPECT_EQ(d.entries(), 1u) << "only the directory, no temporary";
}

TEST(AtomicFile, PlainFileInTheCurrentDirectory) {
  TempDir d;
  auto old = fs::current_path();
  fs::current_path(d.path);
  EXPECT_EQ(writeFileAtomically("plain.txt", "ok"), "");
  fs::current_path(old);
  EXPECT_EQ(slurp(d.path / "plain.txt"), "ok");
  auto perms = fs::status(d.path / "plain.txt").permissions();
  EXPECT_NE(perms & fs::perms::owner_read, fs::perms::none);
}

// A FIFO or device target (-o /dev/null) is written in place: a rename over it would replace the
// node with a regular file, which once turned the machine's /dev/null into a plain file. (Tested
// on a FIFO of our own: a regression must not be able to break the test machine's /dev/null.)
TEST(AtomicFile, AFifoIsWrittenInPlaceNotReplaced) {
  TempDir d;
  auto p = (d.path / "pipe").string();
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  int reader = ::open(p.c_str(), O_RDONLY | O_NONBLOCK);  // so that the writer's open succeeds
  ASSERT_GE(reader, 0);
  EXPECT_EQ(writeFileAtomically(p, "through the pipe"), "");
  char buf[64] = {};
  ssize_t n = ::read(reader, buf, sizeof buf);
  ::close(reader);
  EXPECT_EQ(std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0), "through the pipe");
  struct stat st {};
  ASSERT_EQ(::stat(p.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_EQ(d.entries(), 1u);  // no temporary
}

TEST(AtomicFile, AFifoWithoutReaderIsAnErrorNotAHang) {
  TempDir d;
  auto p = (d.path / "pipe").string();
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  std::string err = writeFileAtomically(p, "x");
  EXPECT_NE(err.find("pipe"), std::string::npos) << err;
  struct stat st {};
  ASSERT_EQ(::stat(p.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_EQ(d.entries(), 1u);
}

}  // namespace
}  // namespace polc
