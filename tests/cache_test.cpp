// `review --cache-dir`, end to end: a cached review says exactly what a review without the cache
// says, whatever changed in between (a file, the settings), and a damaged cache changes nothing.
#include "support.hpp"

using namespace cli;

namespace {

// Reviews `dir` with and without the cache (same arguments otherwise) and expects the same
// report and exit code; returns the cached run.
Result cached_equals_uncached(const fs::path& dir, const fs::path& cache,
                              std::vector<std::string> args) {
  std::vector<std::string> with = {"review", "--cache-dir", cache.string()};
  std::vector<std::string> without = {"review"};
  with.insert(with.end(), args.begin(), args.end());
  without.insert(without.end(), args.begin(), args.end());
  Result c = run_secreview(with, "", dir.string());
  Result u = run_secreview(without, "", dir.string());
  EXPECT_EQ(c.out, u.out);
  EXPECT_EQ(c.rc, u.rc);
  EXPECT_EQ(c.err, u.err);
  return c;
}

}  // namespace

TEST(Cache, SecondReviewReusesEveryFileAndSaysTheSame) {
  fs::path dir = scratch("cache_reuse");
  fs::path cache = dir / ".cache";
  fs::copy(fs::path(SECREVIEW_SOURCE_DIR) / "examples", dir / "examples",
           fs::copy_options::recursive);
  for (const char* format : {"text", "json", "sarif"}) {
    cached_equals_uncached(dir, cache, {"--format", format, "examples"});
    cached_equals_uncached(dir, cache, {"--format", format, "examples"});
  }
  Result timed = run_secreview({"review", "--timing", "--cache-dir", cache.string(), "examples"},
                               "", dir.string());
  EXPECT_NE(timed.out.find("- Cache: 3 unchanged files' results reused\n"), std::string::npos)
      << timed.out;
  // git ignores the cache directory.
  EXPECT_EQ(slurp(cache / ".gitignore"), "*\n");
  fs::remove_all(dir);
}

TEST(Cache, AnEditedFileIsAnalysedAgain) {
  fs::path dir = scratch("cache_edit");
  fs::path cache = dir / ".cache";
  write(dir / "app.py", "import os\n\ndef run(cmd):\n    os.system(cmd)\n");
  write(dir / "util.py", "def add(a, b):\n    return a + b\n");
  Result before = cached_equals_uncached(dir, cache, {"--format", "json", "app.py", "util.py"});
  EXPECT_NE(before.out.find("\"shell-command-string\""), std::string::npos) << before.out;
  // Same size, one byte different: the text's digest, not its size or time, decides.
  write(dir / "app.py", "import os\n\ndef run(cmd):\n    os.sxstem(cmd)\n");
  Result after = cached_equals_uncached(dir, cache, {"--format", "json", "app.py", "util.py"});
  EXPECT_EQ(after.out.find("\"shell-command-string\""), std::string::npos) << after.out;
  Result timed = run_secreview(
      {"review", "--timing", "--cache-dir", cache.string(), "app.py", "util.py"}, "", dir.string());
  EXPECT_NE(timed.out.find("- Cache: 2 unchanged files' results reused\n"), std::string::npos)
      << timed.out;
  fs::remove_all(dir);
}

TEST(Cache, OtherSettingsDoNotReuseResults) {
  fs::path dir = scratch("cache_settings");
  fs::path cache = dir / ".cache";
  std::string body;
  for (int i = 0; i < 30; ++i) body += "    x = " + std::to_string(i) + "\n";
  write(dir / "long.py", "def long_function():\n" + body + "    return x\n");
  Result plain = cached_equals_uncached(dir, cache, {"--format", "json", "long.py"});
  EXPECT_EQ(plain.out.find("function-too-long"), std::string::npos);
  Result strict = cached_equals_uncached(
      dir, cache, {"--format", "json", "--set", "function-too-long.max_lines=10", "long.py"});
  EXPECT_NE(strict.out.find("function-too-long"), std::string::npos);
  Result security = cached_equals_uncached(dir, cache, {"--no-suggestions", "long.py"});
  EXPECT_NE(security.out.find("No security defects are detected in the code."), std::string::npos);
  cached_equals_uncached(dir, cache, {"--format", "json", "long.py"});
  fs::remove_all(dir);
}

TEST(Cache, DamagedOrUnwritableCachesChangeNothing) {
  fs::path dir = scratch("cache_damage");
  fs::path cache = dir / ".cache";
  fs::copy(fs::path(SECREVIEW_SOURCE_DIR) / "examples", dir / "examples",
           fs::copy_options::recursive);
  cached_equals_uncached(dir, cache, {"--format", "json", "examples"});
  // Every entry truncated, emptied or overwritten with garbage.
  int n = 0;
  for (const auto& e : fs::recursive_directory_iterator(cache)) {
    if (!e.is_regular_file() || e.path().parent_path() == cache) continue;
    std::string bytes = slurp(e.path());
    std::string damaged = n % 3 == 0   ? bytes.substr(0, bytes.size() / 2)
                          : n % 3 == 1 ? std::string()
                                       : std::string(bytes.size(), '\x7f');
    std::ofstream(e.path(), std::ios::binary) << damaged;
    ++n;
  }
  EXPECT_GE(n, 3);
  cached_equals_uncached(dir, cache, {"--format", "json", "examples"});
  cached_equals_uncached(dir, cache, {"--format", "json", "examples"});
  // A cache that cannot be created: one warning, the review itself unchanged.
  write(dir / "blocker", "a file, not a directory\n");
  Result blocked = run_secreview(
      {"review", "--format", "json", "--cache-dir", (dir / "blocker" / "c").string(), "examples"},
      "", dir.string());
  Result plain = run_secreview({"review", "--format", "json", "examples"}, "", dir.string());
  EXPECT_EQ(blocked.out, plain.out);
  EXPECT_EQ(blocked.rc, plain.rc);
  EXPECT_NE(blocked.err.find("secreview: warning: result cache: cannot create"), std::string::npos)
      << blocked.err;
  fs::remove_all(dir);
}

TEST(Cache, ConfiguredCacheDirAndNoCache) {
  fs::path dir = scratch("cache_config");
  write(dir / ".secreview.toml", "cache-dir = '.secreview_cache'\n");
  write(dir / "src" / "app.py", "import os\n\ndef run(cmd):\n    os.system(cmd)\n");
  // Relative to the configuration file's directory, wherever the review runs from.
  Result first = run_secreview({"review", "--timing", "app.py"}, "", (dir / "src").string());
  EXPECT_EQ(first.rc, 1) << first.out << first.err;
  EXPECT_TRUE(fs::is_directory(dir / ".secreview_cache"));
  Result second = run_secreview({"review", "--timing", "app.py"}, "", (dir / "src").string());
  EXPECT_NE(second.out.find("- Cache: 1 unchanged files' results reused\n"), std::string::npos)
      << second.out;
  fs::remove_all(dir / ".secreview_cache");
  Result off =
      run_secreview({"review", "--timing", "--no-cache", "app.py"}, "", (dir / "src").string());
  EXPECT_EQ(off.rc, 1);
  EXPECT_EQ(off.out.find("- Cache:"), std::string::npos) << off.out;
  EXPECT_FALSE(fs::exists(dir / ".secreview_cache"));
  fs::remove_all(dir);
}
