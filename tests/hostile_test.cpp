// Hostile input: every odd file gets a clear diagnostic naming it, the run goes on, the exit
// code says an error occurred, and no other finding is lost. Also run under ASan/UBSan in CI.
#include <sys/stat.h>

#include "support.hpp"

namespace {

using namespace cli;

constexpr const char* kDefect = "import os\nos.system(input())\n";

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = scratch("hostile");
    std::ofstream(dir_ / "zz_good.py") << kDefect;  // reviewed last: must survive everything
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  Result review(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"review", "--no-suggestions", "--jobs", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(dir_.string());
    return run_secreview(args);
  }
  void expect_good_file_reviewed(const Result& r) {
    EXPECT_NE(r.out.find("zz_good.py:2:1"), std::string::npos) << "a finding was lost:\n" << r.out;
  }
  fs::path dir_;
};

TEST_F(Hostile, EncodingsAndLineEndings) {
  write("a_bom.py", "\xEF\xBB\xBFimport os\nos.system(input())\n");
  write("b_crlf.py", "import os\r\n\r\nos.system(input())\r\n");
  write("c_cr.py", "import os\ros.system(input())\r");
  write("d_bad_utf8.py", "# caf\xE9 \xFF\nimport os\nos.system(input())  # \xC3\x28\n");
  write("e_empty.py", "");
  write("f_only_newlines.py", "\n\n\n");
  Result r = review();
  EXPECT_EQ(r.rc, 1) << r.out;
  EXPECT_NE(r.out.find("a_bom.py:2:1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("b_crlf.py:3:1"), std::string::npos);
  EXPECT_NE(r.out.find("c_cr.py:2:1"), std::string::npos);
  EXPECT_NE(r.out.find("d_bad_utf8.py:3:1"), std::string::npos);
  EXPECT_NE(r.out.find("== " + (dir_ / "e_empty.py").string() + " ==\nNo security defects"),
            std::string::npos);
  expect_good_file_reviewed(r);
  Result json = review({"--format", "json"});
  EXPECT_EQ(json.out.find('\xFF'), std::string::npos) << "JSON must be valid UTF-8";
  EXPECT_NE(json.out.find("\xEF\xBF\xBD"), std::string::npos) << "invalid bytes become U+FFFD";
}

TEST_F(Hostile, BinaryHugeAndLongLines) {
  write("a_binary.py", std::string("\x7F"
                                   "ELF\x02\x01\x01\0\0\0\0\0",
                                   12) +
                           std::string(5000, '\0'));
  write("b_huge.py", std::string(50u << 20, '#'));  // 50 MB, over the default limit
  write("c_one_long_line.py", "import os; " + std::string(1u << 20, ' ') + "os.system(input())\n");
  Result r = review();
  EXPECT_EQ(r.rc, 2) << "an error occurred";
  EXPECT_NE(r.out.find("error: " + (dir_ / "a_binary.py").string() + ": skipped"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("error: " + (dir_ / "b_huge.py").string() +
                       ": skipped: 52428800 bytes exceeds --max-file-size"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("c_one_long_line.py:1:"), std::string::npos) << "the long line is reviewed";
  expect_good_file_reviewed(r);
  Result bigger = review({"--max-file-size", "60000000"});
  EXPECT_EQ(bigger.out.find("b_huge.py: skipped"), std::string::npos)
      << "a raised limit reviews it";
  EXPECT_EQ(bigger.rc, 2) << "the binary file is still an error";
}

TEST_F(Hostile, DeepNesting) {
  write("a_parens.py", "import os\nx = " + std::string(10000, '(') + "1" + std::string(10000, ')') +
                           "\nos.system(input())\n");
  write("b_lists.py", "x = " + std::string(10000, '[') + std::string(10000, ']') + "\n");
  std::string calls = "x = ";
  for (int i = 0; i < 5000; ++i) calls += "f(";
  write("c_calls.py", calls + std::string(5000, ')') + "\n");
  std::string attrs = "x = a";
  for (int i = 0; i < 20000; ++i) attrs += ".b";
  write("d_attributes.py", attrs + "\n");
  std::string ifs;
  for (int i = 0; i < 100; ++i) ifs += std::string(static_cast<std::size_t>(i), ' ') + "if a:\n";
  write("e_ifs.py", ifs + std::string(100, ' ') + "eval(input())\n");
  std::string sum = "x = a";
  for (int i = 0; i < 20000; ++i) sum += " + a";
  write("f_binop.py", sum + "\n");
  write("g_target.py", std::string(3000, '(') + "a" + std::string(3000, ')') + " = 1\n");
  std::string lambdas = "f = ";
  for (int i = 0; i < 3000; ++i) lambdas += "lambda: ";
  write("h_lambdas.py", lambdas + "1\n");
  Result r = run_secreview({"review", "--jobs", "2", dir_.string()});  // all rules, suggestions too
  EXPECT_TRUE(r.rc == 1 || r.rc == 0) << r.out << r.err;
  EXPECT_NE(r.out.find("a_parens.py:" + std::to_string(3) + ":1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("e_ifs.py:101:"), std::string::npos);
  expect_good_file_reviewed(r);
}

TEST_F(Hostile, PathsThatAreHardToPrint) {
  write("with space.py", kDefect);
  write("with\nnewline.py", kDefect);
  write("caf\xE9-latin1.py", kDefect);
  write("esc\x1b[31mred.py", kDefect);
  Result r = review();
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.out.find("with space.py:2:1"), std::string::npos);
  EXPECT_NE(r.out.find("with\\x0anewline.py:2:1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("caf\xEF\xBF\xBD-latin1.py:2:1"), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b[31m"), std::string::npos) << "escape sequence reached the terminal";
  EXPECT_NE(r.out.find("esc\\x1b[31mred.py"), std::string::npos);
  expect_good_file_reviewed(r);
  Result sarif = review({"--format", "sarif"});
  EXPECT_NE(sarif.out.find("with%20space.py"), std::string::npos);
  EXPECT_NE(sarif.out.find("with%0Anewline.py"), std::string::npos);
}

TEST_F(Hostile, LinksLoopsAndUnreadableFiles) {
  fs::create_directories(dir_ / "sub");
  fs::create_directory_symlink(dir_, dir_ / "sub" / "loop");
  fs::create_symlink(dir_ / "nowhere.py", dir_ / "dangling.py");
  write("sub/inner.py", kDefect);
  bool root = ::geteuid() == 0;
  if (!root) {
    write("locked.py", kDefect);
    fs::permissions(dir_ / "locked.py", fs::perms::none);
  }
  Result r = review();
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.out.find("dangling.py: cannot open: No such file or directory"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("sub/inner.py:2:1"), std::string::npos) << "a symlink loop is not followed";
  if (!root) {
    EXPECT_NE(r.out.find("locked.py: cannot open: Permission denied"), std::string::npos) << r.out;
  }
  expect_good_file_reviewed(r);
}

TEST_F(Hostile, NeverRunsTheReviewedCode) {
  // Code that would leave a mark if it were imported or executed.
  fs::path mark = dir_ / "executed";
  write("a_payload.py", "open(" + quote(mark.string()) +
                            ", 'w').write('x')\n"
                            "import os\nos.system('touch " +
                            mark.string() + "')\n");
  write("__init__.py", "raise SystemExit('imported')\n");
  Result r = review();
  EXPECT_FALSE(fs::exists(mark));
  expect_good_file_reviewed(r);
}

}  // namespace

// Inputs fuzz_python crashed on, kept so they stay fixed.
TEST_F(Hostile, FuzzFoundInputs) {
  // A decorator with no decorated definition after it (syntax error): csrf-exempt looked for the
  // definition's name in a null node.
  write("a_decorator_alone.py",
        "from flask_wtf.csrf import CSRFProtect\ncsrf_protect = CSRFProtect(app)\n"
        "@csrf_protect.exempt\n    return eval(\"(\" + formula + \") * 2\")\n");
  Result r = review();
  EXPECT_EQ(r.rc, 1) << r.err;
  EXPECT_NE(r.out.find("a_decorator_alone.py:3:2"), std::string::npos) << r.out;
  expect_good_file_reviewed(r);
}
