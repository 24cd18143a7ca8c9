#include <gtest/gtest.h>

#include "engine/gitignore.hpp"

namespace secreview {
namespace {

TEST(GlobMatch, Basics) {
  EXPECT_TRUE(glob_match("*.py", "a.py"));
  EXPECT_FALSE(glob_match("*.py", "dir/a.py")) << "* does not cross /";
  EXPECT_TRUE(glob_match("**/a.py", "x/y/a.py"));
  EXPECT_TRUE(glob_match("**/a.py", "a.py"));
  EXPECT_TRUE(glob_match("build/**", "build/x/y"));
  EXPECT_TRUE(glob_match("a/**/b", "a/b"));
  EXPECT_TRUE(glob_match("a/**/b", "a/x/y/b"));
  EXPECT_TRUE(glob_match("file?.txt", "file1.txt"));
  EXPECT_TRUE(glob_match("[abc].py", "b.py"));
  EXPECT_FALSE(glob_match("[!abc].py", "b.py"));
  EXPECT_TRUE(glob_match("[0-9]x", "7x"));
  EXPECT_TRUE(glob_match("\\*lit", "*lit"));
  EXPECT_FALSE(glob_match("\\*lit", "alit"));
}

TEST(IgnoreRules, GitSemantics) {
  IgnoreRules r;
  r.add("", "# comment\n*.pyc\nbuild/\n/top.py\n!keep.pyc\nsub/*.gen.py\n");
  r.add("pkg", "local.py\n");
  EXPECT_TRUE(r.ignored("x/y.pyc", false));
  EXPECT_FALSE(r.ignored("keep.pyc", false)) << "negation re-includes";
  EXPECT_TRUE(r.ignored("build", true));
  EXPECT_FALSE(r.ignored("build", false)) << "trailing / matches directories only";
  EXPECT_TRUE(r.ignored("top.py", false));
  EXPECT_FALSE(r.ignored("a/top.py", false)) << "leading / anchors to the .gitignore's folder";
  EXPECT_TRUE(r.ignored("sub/x.gen.py", false));
  EXPECT_FALSE(r.ignored("other/sub/x.gen.py", false));
  EXPECT_TRUE(r.ignored("pkg/local.py", false));
  EXPECT_TRUE(r.ignored("pkg/deep/local.py", false));
  EXPECT_FALSE(r.ignored("local.py", false)) << "a nested .gitignore applies below its folder";
}

}  // namespace
}  // namespace secreview
