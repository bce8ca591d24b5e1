// Running the polc command line from a test, as a user runs it: from the source directory, with its
// output and exit status captured, and scratch files of the test's own.
#pragma once

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace polc::clitest {

namespace fs = std::filesystem;

struct CliRun {
  int exit = -1;
  std::string out, err;
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

inline fs::path scratch(const std::string& name) {
  // Per process: ctest -j and other build directories may run these tests at the same time.
  static const fs::path dir = fs::path(testing::TempDir()) / ("polc_cli_eval_test." + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// Runs polc with `args` (already shell-quoted where needed) from the source directory.
inline CliRun runPolc(const std::string& args, const std::string& tag = "run") {
  fs::path out = scratch(tag + ".out"), err = scratch(tag + ".err");
  std::string cmd = std::string("cd '") + POLC_SOURCE_DIR + "' && '" + POLC_BINARY + "' " + args + " > '" +
                    out.string() + "' 2> '" + err.string() + "'";
  int status = std::system(cmd.c_str());
  CliRun r;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

inline void write(const fs::path& p, const std::string& text) {
  std::ofstream o(p, std::ios::binary);
  o << text;
}

}  // namespace polc::clitest
