#pragma once
// Helpers for tests that drive the secreview binary.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace cli {

namespace fs = std::filesystem;

struct Result {
  int rc = -1;
  std::string out;
  std::string err;
};

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs secreview with `args` in `cwd` (default: the source tree); stdin from a file if given.
inline Result run_secreview(const std::vector<std::string>& args,
                            const std::string& stdin_file = "",
                            const std::string& cwd = SECREVIEW_SOURCE_DIR) {
  fs::path err = fs::temp_directory_path() / ("secreview_err_" + std::to_string(::getpid()));
  std::string cmd = "cd " + quote(cwd) + " && " + quote(SECREVIEW_BINARY);
  for (const auto& a : args) cmd += " " + quote(a);
  cmd += " 2>" + quote(err.string());
  if (!stdin_file.empty()) cmd += " <" + quote(stdin_file);
  Result r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[8192];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = ::pclose(p);
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err);
  fs::remove(err);
  return r;
}

inline void expect_golden(const std::string& name, const std::string& actual) {
  fs::path golden = fs::path(SECREVIEW_SOURCE_DIR) / "tests" / "golden" / name;
  if (std::getenv("UPDATE_GOLDEN")) {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " missing; run with UPDATE_GOLDEN=1";
  EXPECT_EQ(slurp(golden), actual) << "output differs from " << golden;
}

// Writes `text` to `p`, creating its directories.
inline void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

inline fs::path scratch(const std::string& name) {
  fs::path d =
      fs::temp_directory_path() / ("secreview_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace cli
