// Diff parsing, inline suppressions and configuration files.
#include <gtest/gtest.h>

#include "engine/config.hpp"
#include "engine/diff.hpp"
#include "engine/suppressions.hpp"

namespace secreview {
namespace {

TEST(Diff, GitModifiedAddedDeletedRenamedBinary) {
  const char* diff =
      "commit 123\nAuthor: x\n\n    message\n\n"
      "diff --git a/app.py b/app.py\n"
      "index 1..2 100644\n"
      "--- a/app.py\n"
      "+++ b/app.py\n"
      "@@ -3,0 +4,2 @@ def f():\n"
      "+    os.system(cmd)\n"
      "+    return 1\n"
      "@@ -10 +12 @@\n"
      "-old\n"
      "+new\n"
      "diff --git a/new.py b/new.py\n"
      "new file mode 100644\n"
      "--- /dev/null\n"
      "+++ b/new.py\n"
      "@@ -0,0 +1 @@\n"
      "+x = 1\n"
      "\\ No newline at end of file\n"
      "diff --git a/gone.py b/gone.py\n"
      "deleted file mode 100644\n"
      "--- a/gone.py\n"
      "+++ /dev/null\n"
      "@@ -1 +0,0 @@\n"
      "-x = 1\n"
      "diff --git a/old name.py b/renamed.py\n"
      "similarity index 100%\n"
      "rename from old name.py\n"
      "rename to renamed.py\n"
      "diff --git a/img.png b/img.png\n"
      "new file mode 100644\n"
      "Binary files /dev/null and b/img.png differ\n";
  auto files = parse_unified_diff(diff);
  ASSERT_EQ(files.size(), 5u);
  EXPECT_EQ(files[0].path, "app.py");
  EXPECT_EQ(files[0].status, FileChange::Status::Modified);
  EXPECT_EQ(files[0].added_lines, (std::set<std::uint32_t>{4, 5, 12}));
  EXPECT_EQ(files[1].status, FileChange::Status::Added);
  EXPECT_EQ(files[1].added_lines, (std::set<std::uint32_t>{1}));
  EXPECT_EQ(files[2].status, FileChange::Status::Deleted);
  EXPECT_EQ(files[2].old_path, "gone.py");
  EXPECT_EQ(files[3].status, FileChange::Status::Renamed);
  EXPECT_EQ(files[3].old_path, "old name.py");
  EXPECT_EQ(files[3].path, "renamed.py");
  EXPECT_TRUE(files[3].added_lines.empty());
  EXPECT_TRUE(files[4].binary);
  EXPECT_EQ(files[4].path, "img.png");
}

TEST(Diff, RenameWithChangesCrlfAndQuotedNames) {
  const char* diff =
      "diff --git a/a.py b/b.py\r\n"
      "similarity index 80%\r\n"
      "rename from a.py\r\n"
      "rename to b.py\r\n"
      "--- a/a.py\r\n"
      "+++ b/b.py\r\n"
      "@@ -1,2 +1,2 @@\r\n"
      " keep\r\n"
      "-x = 1\r\n"
      "+x = 2\r\n"
      "diff --git \"a/caf\\303\\251.py\" \"b/caf\\303\\251.py\"\n"
      "--- \"a/caf\\303\\251.py\"\n"
      "+++ \"b/caf\\303\\251.py\"\n"
      "@@ -1 +1 @@\n"
      "--- a removed line that looks like a header\n"
      "+++ an added line that looks like a header\n";
  auto files = parse_unified_diff(diff);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].status, FileChange::Status::Renamed);
  EXPECT_EQ(files[0].path, "b.py");
  EXPECT_EQ(files[0].added_lines, (std::set<std::uint32_t>{2}));
  EXPECT_EQ(files[1].path, "caf\xC3\xA9.py");
  EXPECT_EQ(files[1].added_lines, (std::set<std::uint32_t>{1}));
}

TEST(Diff, PlainDiffU) {
  const char* diff =
      "--- app.py.orig\t2024-01-01 00:00:00\n"
      "+++ app.py\t2024-01-02 00:00:00\n"
      "@@ -1,1 +1,2 @@\n"
      " a\n"
      "+b\n";
  auto files = parse_unified_diff(diff);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].path, "app.py");
  EXPECT_EQ(files[0].added_lines, (std::set<std::uint32_t>{2}));
}

TEST(Diff, MalformedInputNamesTheLine) {
  EXPECT_THROW(parse_unified_diff("--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n+a\n"), DiffError);
  try {
    parse_unified_diff("--- a/x\n+++ b/x\n@@ nonsense @@\n");
    FAIL();
  } catch (const DiffError& e) {
    EXPECT_NE(std::string(e.what()).find("diff line 3"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(parse_unified_diff("").empty());
  EXPECT_TRUE(parse_unified_diff("just some text\n").empty());
}

TEST(Suppressions, Forms) {
  auto s = parse_suppression(
      "# secreview: ignore[CWE-78, subprocess-shell-true] -- input is a constant table");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->selectors, (std::vector<std::string>{"CWE-78", "subprocess-shell-true"}));
  EXPECT_EQ(s->reason, "input is a constant table");
  EXPECT_FALSE(s->nosec);
  auto bare = parse_suppression("#secreview: ignore");
  ASSERT_TRUE(bare);
  EXPECT_TRUE(bare->selectors.empty());
  auto nosec = parse_suppression("# noqa: E501 # nosec B602, B607 reviewed by security team");
  ASSERT_TRUE(nosec);
  EXPECT_TRUE(nosec->nosec);
  EXPECT_EQ(nosec->selectors, (std::vector<std::string>{"B602", "B607"}));
  auto plain = parse_suppression("# nosec");
  ASSERT_TRUE(plain);
  EXPECT_TRUE(plain->selectors.empty());
  EXPECT_FALSE(parse_suppression("# nosecurity here"));
  EXPECT_FALSE(parse_suppression("# a normal comment"));
  EXPECT_FALSE(parse_suppression("# secreview: check this later"));
}

TEST(Config, ParsesEveryKey) {
  Config c =
      parse_config("/p/.secreview.toml",
                   "include = ['src/**']\nexclude = ['src/gen/**']\nselect = ['security']\n"
                   "ignore = ['B101']\nmin-severity = 'medium'\nmin-confidence = 'high'\n"
                   "profile = 'strict'\nsuggestions = false\ncache-dir = '.cache/../cache'\n"
                   "[rules.missing-docstring]\nprivate_min_lines = 20\ninclude_tests = false\n"
                   "[[overrides]]\npaths = ['tests/**']\nignore = ['hardcoded-password']\n",
                   false);
  EXPECT_EQ(c.include.size(), 1u);
  EXPECT_EQ(c.min_severity, Severity::Medium);
  EXPECT_EQ(c.min_confidence, Confidence::High);
  EXPECT_EQ(c.profile, "strict");
  EXPECT_EQ(c.suggestions, false);
  EXPECT_EQ(c.cache_dir, "/p/cache");
  EXPECT_EQ(c.rule_settings, (std::vector<std::string>{"missing-docstring.include_tests=false",
                                                       "missing-docstring.private_min_lines=20"}));
  ASSERT_EQ(c.overrides.size(), 1u);
  EXPECT_EQ(c.overrides[0].ignore, (std::vector<std::string>{"hardcoded-password"}));
  EXPECT_EQ(c.root, "/p");
  EXPECT_TRUE(c.wanted("/p/src/app.py"));
  EXPECT_FALSE(c.wanted("/p/src/gen/x.py"));
  EXPECT_FALSE(c.wanted("/p/other/x.py"));
}

TEST(Config, PyprojectTableAndErrorsNameFileLineKey) {
  Config c = parse_config("/p/pyproject.toml",
                          "[project]\nname='x'\n[tool.secreview]\nignore=['B101']\n", true);
  EXPECT_EQ(c.ignore.size(), 1u);
  Config none = parse_config("/p/pyproject.toml", "[project]\nname='x'\n", true);
  EXPECT_TRUE(none.ignore.empty());
  try {
    parse_config("/p/.secreview.toml", "ignore = ['a']\n\nmin-severty = 'high'\n", false);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), "/p/.secreview.toml:3: unknown key 'min-severty'");
  }
  EXPECT_THROW(parse_config("/p/x.toml", "min-severity = 'huge'\n", false), ConfigError);
  EXPECT_THROW(parse_config("/p/x.toml", "ignore = 'B101'\n", false), ConfigError);
  EXPECT_THROW(parse_config("/p/x.toml", "[[overrides]]\nignore = ['x']\n", false), ConfigError);
  EXPECT_THROW(parse_config("/p/x.toml", "[[overrides]]\npaths=['a']\nbogus = 1\n", false),
               ConfigError);
  EXPECT_THROW(parse_config("/p/x.toml", "ignore = [\n", false), ConfigError);
}

}  // namespace
}  // namespace secreview
