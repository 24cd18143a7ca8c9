// Reviewing changes in a scratch git repository (--diff, --patch), inline suppressions,
// baselines, configuration files, and golden reports for every review-system format.
#include "engine/process.hpp"
#include "support.hpp"

namespace {

using namespace cli;

class ScratchRepo : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = scratch("repo");
    git({"init", "-q"});
    git({"config", "user.email", "dev@example.com"});
    git({"config", "user.name", "Dev"});
    git({"config", "commit.gpgsign", "false"});
  }
  void TearDown() override { fs::remove_all(dir_); }

  void git(const std::vector<std::string>& args) {
    std::vector<std::string> argv{"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = ::secreview::run_process(argv, dir_.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  void commit(const std::string& message) {
    git({"add", "-A"});
    git({"commit", "-q", "-m", message});
  }
  Result review(std::vector<std::string> args, const std::string& stdin_file = "") {
    args.insert(args.begin(), "review");
    return run_secreview(args, stdin_file, dir_.string());
  }
  std::string patch_file(const std::string& range) {
    auto r = ::secreview::run_process({"git", "diff", range}, dir_.string());
    fs::path p = dir_.parent_path() / (dir_.filename().string() + ".patch");
    std::ofstream(p, std::ios::binary) << r.out;
    return p.string();
  }

  fs::path dir_;
};

const char* kOld =
    "import os\n"
    "\n"
    "\n"
    "def legacy(cmd):\n"
    "    \"\"\"Runs a command.\"\"\"\n"
    "    os.system(cmd)\n";

TEST_F(ScratchRepo, ReportsOnlyWhatTheChangeIntroduced) {
  write("app.py", kOld);
  write("README.md", "hello\n");
  write("gone.py", "x = 1\n");
  commit("initial");
  // The change: a new shell injection, an edited README, a deleted file.
  write("app.py", std::string(kOld) +
                      "\n\ndef cleanup(path):\n    \"\"\"Removes a path.\"\"\"\n"
                      "    os.system(\"rm -rf \" + path)\n");
  write("README.md", "hello again\n");
  fs::remove(dir_ / "gone.py");
  commit("add cleanup");

  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--diff", "HEAD~1"}, {"--diff", "HEAD~1..HEAD"}, {"--patch", patch_file("HEAD~1")}}) {
    Result r = review(args);
    EXPECT_EQ(r.rc, 1) << args[1] << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find("Review of the change"), std::string::npos);
    EXPECT_NE(r.out.find("Verdict: the change introduces 1 security defect."), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("app.py:11:5"), std::string::npos) << "the new defect";
    EXPECT_EQ(r.out.find("app.py:6:5"), std::string::npos) << "the old defect is not the change's";
    EXPECT_NE(r.out.find("note: README.md: skipped: not a supported language"), std::string::npos);
    EXPECT_NE(r.out.find("note: gone.py: skipped: deleted by the change"), std::string::npos);
  }
  // Standard input.
  Result piped = review({"--patch", "-"}, patch_file("HEAD~1"));
  EXPECT_EQ(piped.rc, 1);
  EXPECT_NE(piped.out.find("app.py:11:5"), std::string::npos);
}

TEST_F(ScratchRepo, ChangeThatTouchesOtherLinesReportsNothing) {
  write("app.py", kOld);
  commit("initial");
  write("app.py", std::string("# Copyright 2026\n") + kOld);  // shifts the old defect
  commit("header");
  Result r = review({"--diff", "HEAD~1"});
  EXPECT_EQ(r.rc, 0) << r.out;
  EXPECT_NE(r.out.find("Verdict: No security defects are detected in the code."), std::string::npos)
      << r.out;
  // A pure rename carries the old defect along but adds nothing.
  git({"mv", "app.py", "tools.py"});
  commit("rename");
  Result renamed = review({"--diff", "HEAD~1", "--format", "json"});
  EXPECT_EQ(renamed.rc, 0) << renamed.out;
  EXPECT_NE(renamed.out.find("\"reviewed\": [\n      \"tools.py\""), std::string::npos)
      << renamed.out;
}

TEST_F(ScratchRepo, UnusualFileNamesAndLineEndings) {
  write("caf\xC3\xA9 app.py", "import os\r\n");
  commit("initial");
  write("caf\xC3\xA9 app.py", "import os\r\nos.system(input())\r\n");
  commit("crlf change");
  Result r = review({"--diff", "HEAD~1"});
  EXPECT_EQ(r.rc, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("caf\xC3\xA9 app.py:2:1"), std::string::npos) << r.out;
}

TEST_F(ScratchRepo, BadRevisionIsAClearError) {
  write("a.py", "x = 1\n");
  commit("initial");
  Result r = review({"--diff", "no-such-rev"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("git diff no-such-rev failed"), std::string::npos) << r.err;
  Result bad = review({"--patch", "/nonexistent.patch"});
  EXPECT_EQ(bad.rc, 2);
  EXPECT_NE(bad.err.find("/nonexistent.patch: cannot read"), std::string::npos) << bad.err;
}

// A change that adds a call passing client data to another module's function is a defect of the
// change, reported at the call, although the sink sits in a file the change did not touch.
TEST_F(ScratchRepo, ChangeIntroducingAFlowIntoAnotherModule) {
  write("tools.py",
        "import subprocess\ndef thumb(name):\n"
        "    subprocess.run('convert ' + name, shell=True)\n");
  write("views.py",
        "from flask import request\nfrom tools import thumb\ndef view():\n"
        "    name = request.args['n']\n    return name\n");
  commit("base");
  write("views.py",
        "from flask import request\nfrom tools import thumb\ndef view():\n"
        "    name = request.args['n']\n    thumb(name)\n    return name\n");
  Result r = review({"--diff", "HEAD", "--no-suggestions"});
  EXPECT_EQ(r.rc, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("views.py:5:5"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("subprocess.run (tools.py:3)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("tools.py:3:5"), std::string::npos) << "tools.py did not change";
}

// With --cache-dir, change reviews say what they say without it, also when the same path is
// reviewed at different revisions in turn (one entry per path, replaced as its text changes).
TEST_F(ScratchRepo, ChangeReviewsWithTheCacheSayTheSame) {
  write("app.py", kOld);
  commit("one");
  write("app.py", std::string(kOld) + "\n\ndef two(p):\n    os.system('rm ' + p)\n");
  commit("two");
  write("app.py", std::string(kOld) + "\n\ndef three(p):\n    eval(p)\n");
  commit("three");
  write("app.py", std::string(kOld) + "\n\ndef four(p):\n    exec(p)\n");  // not committed
  std::string cache = (dir_.parent_path() / (dir_.filename().string() + ".cache")).string();
  for (int round = 0; round < 2; ++round) {
    for (const char* range : {"HEAD~2..HEAD~1", "HEAD~1..HEAD", "HEAD~1", "HEAD~2..HEAD~1"}) {
      Result plain = review({"--diff", range, "--format", "json"});
      Result cached = review({"--diff", range, "--format", "json", "--cache-dir", cache});
      EXPECT_EQ(plain.out, cached.out) << range << " round " << round;
      EXPECT_EQ(plain.rc, cached.rc) << range;
      EXPECT_EQ(plain.rc, 1) << range << plain.out;
    }
  }
  fs::remove_all(cache);
}

TEST_F(ScratchRepo, InlineSuppressions) {
  write("s.py",
        "import os\n"
        "os.system(input())  # secreview: ignore[CWE-78] -- a is a constant table key\n"
        "os.system(input())  # nosec B605\n"
        "os.system(input())  # nosec B101\n"
        "os.system(input())  # secreview: ignore[weak-hash]\n"
        "x = 1  # secreview: ignore\n");
  Result r = review({"s.py"});
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.out.find("s.py:2:1"), std::string::npos) << "suppressed by CWE";
  EXPECT_EQ(r.out.find("s.py:3:1"), std::string::npos) << "suppressed by the Bandit id";
  EXPECT_NE(r.out.find("s.py:4:1"), std::string::npos) << "a nosec for another check";
  EXPECT_NE(r.out.find("s.py:5:1"), std::string::npos) << "a suppression for another rule";
  EXPECT_NE(
      r.out.find("warning: s.py:5:21: this `secreview: ignore` suppression matches no finding"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("warning: s.py:6:8:"), std::string::npos);
  Result shown = review({"--show-suppressed", "s.py"});
  EXPECT_NE(shown.out.find(
                "suppressed: s.py:2:1: shell-command-string (CWE-78) -- a is a constant table key"),
            std::string::npos)
      << shown.out;
  Result sarif = review({"--show-suppressed", "--format", "sarif", "s.py"});
  EXPECT_NE(sarif.out.find("\"justification\": \"a is a constant table key\""), std::string::npos);
}

TEST_F(ScratchRepo, BaselineReportsOnlyNewFindings) {
  write("app.py", kOld);
  Result written = review({"--write-baseline", "base.json", "app.py"});
  EXPECT_EQ(written.rc, 1);
  EXPECT_NE(slurp(dir_ / "base.json").find("\"schema\": \"secreview-baseline\""),
            std::string::npos);
  Result same = review({"--baseline", "base.json", "app.py"});
  EXPECT_EQ(same.rc, 0) << same.out;
  // Unrelated edits and shifted lines keep matching; a new defect is reported.
  write("app.py", std::string("# header\n\n") + kOld +
                      "\n\ndef more(x):\n    \"\"\"More.\"\"\"\n    os.popen(x)\n");
  Result next = review({"--baseline", "base.json", "app.py"});
  EXPECT_EQ(next.rc, 1);
  EXPECT_EQ(next.out.find("app.py:8:5"), std::string::npos) << "the accepted defect, shifted";
  EXPECT_NE(next.out.find("app.py:13:5"), std::string::npos) << next.out;
  Result sarif = review({"--baseline", "base.json", "--format", "sarif", "app.py"});
  EXPECT_NE(sarif.out.find("\"baselineState\": \"new\""), std::string::npos);
  write("bad.json", "{\"schema\": \"other\"}");
  Result bad = review({"--baseline", "bad.json", "app.py"});
  EXPECT_EQ(bad.rc, 2);
  EXPECT_NE(bad.err.find("bad.json: not a secreview baseline"), std::string::npos) << bad.err;
  // Found by fuzz_inputs: a number too large for a double, and a key of the wrong type, used to
  // escape as nlohmann exceptions and abort the run.
  write("huge.json", "888e888");
  Result huge = review({"--baseline", "huge.json", "app.py"});
  EXPECT_EQ(huge.rc, 2);
  EXPECT_NE(huge.err.find("huge.json: not valid JSON"), std::string::npos) << huge.err;
  write("typed.json",
        "{\"schema\": \"secreview-baseline\", \"schema_version\": \"1\", \"findings\": []}");
  Result typed = review({"--baseline", "typed.json", "app.py"});
  EXPECT_EQ(typed.rc, 2);
  EXPECT_NE(typed.err.find("typed.json: not a secreview baseline"), std::string::npos) << typed.err;
}

TEST_F(ScratchRepo, ConfigurationFile) {
  write("src/app.py", kOld);
  write("tests/test_app.py", "import os\nos.system(x)\n");
  write("gen/out.py", "import os\nos.system(y)\n");
  write(".secreview.toml",
        "exclude = ['gen/**']\n"
        "suggestions = false\n"
        "[[overrides]]\n"
        "paths = ['tests/**']\n"
        "ignore = ['CWE-78']\n");
  Result r = review({"--format", "json", "."});
  EXPECT_EQ(r.rc, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("\"path\": \"src/app.py\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("gen/out.py"), std::string::npos) << "excluded";
  EXPECT_NE(r.out.find("\"path\": \"tests/test_app.py\",\n      \"verdict\": \"clean\""),
            std::string::npos)
      << "the override ignores CWE-78 under tests/";
  EXPECT_EQ(r.out.find("\"kind\": \"suggestion\""), std::string::npos) << "suggestions = false";
  // pyproject.toml works the same; --no-config ignores both.
  fs::remove(dir_ / ".secreview.toml");
  write("pyproject.toml",
        "[project]\nname = 'x'\n\n[tool.secreview]\nignore = ['shell-command-string']\n");
  Result py = review({"--no-suggestions", "src"});
  EXPECT_EQ(py.rc, 0) << py.out << py.err;
  Result none = review({"--no-config", "--no-suggestions", "src"});
  EXPECT_EQ(none.rc, 1);
  // Errors name the file, the line and the key.
  write(".secreview.toml", "ignore = ['B101']\nmin-severty = 'high'\n");
  Result bad = review({"src"});
  EXPECT_EQ(bad.rc, 2);
  EXPECT_NE(bad.err.find(".secreview.toml:2: unknown key 'min-severty'"), std::string::npos)
      << bad.err;
}

TEST(Formats, ReviewSystemGoldens) {
  for (const char* format : {"markdown", "html", "gerrit", "github", "junit", "gitlab"}) {
    Result r = run_secreview({"review", "--format", format, "examples"});
    EXPECT_EQ(r.rc, 1) << format;
    expect_golden(std::string("example.") + format, r.out);
  }
}

TEST(Formats, HostileContentIsEscaped) {
  fs::path dir = scratch("hostile_fmt");
  std::ofstream(dir / "x.py")
      << "import os\nos.system(\"<img src=x onerror=alert(1)> | `rm` \" + input())\n";
  Result md = run_secreview({"review", "--format", "markdown", (dir / "x.py").string()});
  // Outside fenced code blocks (where Markdown renders nothing as HTML) it must be escaped.
  std::string prose;
  bool in_code = false;
  std::stringstream lines(md.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("```", 0) == 0) {
      in_code = !in_code;
      continue;
    }
    if (!in_code) prose += line + "\n";
  }
  EXPECT_EQ(prose.find("<img"), std::string::npos) << "HTML must be escaped in Markdown";
  EXPECT_NE(prose.find("&lt;img"), std::string::npos);
  Result junit = run_secreview({"review", "--format", "junit", (dir / "x.py").string()});
  EXPECT_EQ(junit.out.find("<img"), std::string::npos);
  // HTML: the page's own markup only; the code's, its path's and a terminal escape are text.
  fs::path named = dir / "<b>\x1b[31m\".py";
  std::ofstream(named) << "import os\nos.system(\"<script>x</script>\" + input())\n";
  Result html = run_secreview({"review", "--format", "html", dir.string()});
  EXPECT_EQ(html.rc, 1) << html.err;
  EXPECT_EQ(html.out.find("<img"), std::string::npos);
  EXPECT_EQ(html.out.find("<script"), std::string::npos);
  EXPECT_EQ(html.out.find("<b>"), std::string::npos);
  EXPECT_EQ(html.out.find('\x1b'), std::string::npos);
  EXPECT_NE(html.out.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos) << html.out;
  EXPECT_NE(html.out.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.out.find("&lt;b&gt;\\x1b[31m&quot;.py"), std::string::npos);
  fs::remove_all(dir);
}

// Every `secreview review ...` command in the CI examples runs and is accepted by the CLI.
TEST(Integration, CiExampleCommandsRun) {
  fs::path dir = scratch("ci_examples");
  auto ok = ::secreview::run_process({"git", "init", "-q", dir.string()});
  ASSERT_EQ(ok.exit_code, 0);
  std::ofstream(dir / "a.py") << "import os\nos.system(x)\n";
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"-c", "user.email=a@b", "-c", "user.name=n", "add", "a.py"},
           {"-c", "user.email=a@b", "-c", "user.name=n", "commit", "-q", "-m", "one"},
           {"-c", "user.email=a@b", "-c", "user.name=n", "commit", "-q", "--allow-empty", "-m",
            "two"}}) {
    std::vector<std::string> argv{"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    ASSERT_EQ(::secreview::run_process(argv, dir.string()).exit_code, 0);
  }
  int checked = 0;
  for (const char* file : {"docs/ci/github-workflow.yml", "docs/ci/zuul-job.yaml"}) {
    std::stringstream text(slurp(fs::path(SECREVIEW_SOURCE_DIR) / file));
    for (std::string line; std::getline(text, line);) {
      std::size_t at = line.find("secreview review ");
      if (at == std::string::npos) continue;
      std::string cmd = line.substr(at + 17);
      cmd = cmd.substr(0, cmd.find(" ||"));
      // CI variables: the base branch becomes the parent commit, log dirs the scratch dir.
      for (const auto& [var, value] : std::vector<std::pair<std::string, std::string>>{
               {"\"origin/${{ github.base_ref }}\"", "HEAD~1"},
               {"{{ zuul.executor.log_root }}", "."}}) {
        for (std::size_t p = cmd.find(var); p != std::string::npos; p = cmd.find(var)) {
          cmd.replace(p, var.size(), value);
        }
      }
      std::vector<std::string> args{"review"};
      std::stringstream words(cmd);
      for (std::string w; words >> w;) args.push_back(w);
      Result r = run_secreview(args, "", dir.string());
      EXPECT_TRUE(r.rc == 0 || r.rc == 1) << file << ": " << cmd << "\n" << r.err;
      ++checked;
    }
  }
  EXPECT_GE(checked, 4);
  fs::remove_all(dir);
}

TEST(Integration, PreCommitHookEntryRuns) {
  // The hook's entry and args, as pre-commit would run them on a staged file.
  std::string hooks = slurp(fs::path(SECREVIEW_SOURCE_DIR) / ".pre-commit-hooks.yaml");
  ASSERT_NE(hooks.find("id: secreview"), std::string::npos);
  std::size_t e = hooks.find("entry: ");
  ASSERT_NE(e, std::string::npos);
  std::string entry = hooks.substr(e + 7, hooks.find('\n', e) - e - 7);
  ASSERT_EQ(entry.rfind("secreview ", 0), 0u) << entry;
  std::vector<std::string> args;
  std::stringstream ss(entry.substr(10));
  for (std::string w; ss >> w;) args.push_back(w);
  args.emplace_back("examples/webapp/app.py");
  Result r = run_secreview(args);
  EXPECT_EQ(r.rc, 1) << "pre-commit fails the commit when a defect is found";
  args.back() = "examples/webapp/storage.py";
  EXPECT_EQ(run_secreview(args).rc, 0);
}

}  // namespace
