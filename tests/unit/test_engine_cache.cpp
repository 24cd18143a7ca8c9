// The result cache: entries round-trip every field of a result, anything else (another text,
// path, binary or settings; a truncated or corrupted entry) is a miss, and an unwritable cache
// directory is a problem reported once, not an error.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/cache.hpp"

namespace fs = std::filesystem;
using namespace secreview;

namespace {

FileResult sample() {
  FileResult r;
  r.path = "pkg/views.py";
  r.analysed = true;
  r.lines = 120;
  r.bytes = 4096;
  Finding f;
  f.rule_id = "tainted-shell-command";
  f.cwe = 78;
  f.kind = FindingKind::Defect;
  f.severity = Severity::High;
  f.confidence = Confidence::Medium;
  f.path = r.path;
  f.start = {11, 5};
  f.end = {11, 19};
  f.issue = "Client data reaches a shell command.";
  f.solution = "Pass a list of arguments.";
  f.snippet = "    run_tool(name)  # \xc3\xa9\x1b[31m";
  f.fingerprint = "0123456789abcdef";
  f.related = {{3, 1}, {7, 2}};
  f.trace = {{{10, 12}, "request.args['name']", ""}, {{4, 14}, "parameter name", "pkg/helpers.py"}};
  f.suppressed = true;
  f.suppression_reason = "reviewed";
  f.in_baseline = true;
  r.findings.push_back(f);
  Finding s;
  s.rule_id = "missing-docstring";
  s.kind = FindingKind::Suggestion;
  s.severity = Severity::Low;
  s.confidence = Confidence::High;
  s.cwe = 1116;
  s.path = r.path;
  s.start = {1, 1};
  s.end = {1, 1};
  r.findings.push_back(s);
  r.diagnostics.push_back({DiagnosticLevel::Warning, r.path, {30, 2}, "syntax error"});
  r.diagnostics.push_back({DiagnosticLevel::Note, r.path, {}, "note"});
  r.module_calls.push_back({".helpers.run_tool", true, false});
  r.module_calls.push_back({"pkg.helpers.lookup_name", false, true});
  return r;
}

void expect_same(const FileResult& a, const FileResult& b) {
  EXPECT_EQ(a.path, b.path);
  EXPECT_EQ(a.analysed, b.analysed);
  EXPECT_EQ(a.lines, b.lines);
  EXPECT_EQ(a.bytes, b.bytes);
  EXPECT_EQ(a.findings, b.findings);
  EXPECT_EQ(a.diagnostics, b.diagnostics);
  EXPECT_EQ(a.module_calls, b.module_calls);
}

fs::path temp_dir(const std::string& name) {
  fs::path d =
      fs::temp_directory_path() / ("secreview_cache_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  return d;
}

}  // namespace

TEST(ResultCacheEntry, RoundTripsEveryField) {
  FileResult r = sample();
  Digest text = sha256("print('hello')\n");
  auto back = decode_entry(encode_entry(r, text), r.path, text);
  ASSERT_TRUE(back.has_value());
  expect_same(r, *back);
  // The findings compare field by field: change one to be sure the comparison sees it.
  FileResult other = r;
  other.findings[0].trace[1].file = "pkg/other.py";
  EXPECT_NE(other.findings, back->findings);
  // Findings as small as they can be (every string empty) still fit the reader's size bounds.
  FileResult small;
  small.path = "a.py";
  small.findings.resize(50);
  small.diagnostics.resize(3);
  small.module_calls.resize(4);
  back = decode_entry(encode_entry(small, text), small.path, text);
  ASSERT_TRUE(back.has_value());
  expect_same(small, *back);
}

TEST(ResultCacheEntry, AnotherTextOrPathIsAMiss) {
  FileResult r = sample();
  Digest text = sha256("a = 1\n");
  std::string entry = encode_entry(r, text);
  EXPECT_FALSE(decode_entry(entry, r.path, sha256("a = 2\n")));
  EXPECT_FALSE(decode_entry(entry, "pkg/other.py", text));
  EXPECT_TRUE(decode_entry(entry, r.path, text));
}

TEST(ResultCacheEntry, TruncatedOrCorruptedEntriesAreMissesNotCrashes) {
  FileResult r = sample();
  Digest text = sha256("x");
  std::string entry = encode_entry(r, text);
  for (std::size_t n = 0; n < entry.size(); ++n) {
    EXPECT_FALSE(decode_entry(entry.substr(0, n), r.path, text)) << "prefix of " << n;
  }
  EXPECT_FALSE(decode_entry(entry + "x", r.path, text));
  // Flipping any byte either breaks the entry or changes a value; it never crashes or asks for
  // more memory than the entry holds (ASan would see either).
  for (std::size_t i = 0; i < entry.size(); ++i) {
    std::string bad = entry;
    bad[i] = static_cast<char>(bad[i] ^ 0xff);
    (void)decode_entry(bad, r.path, text);
  }
}

TEST(ResultCacheEntry, FollowedEntriesKeepTheirDependencies) {
  Digest text = sha256("from .helpers import run_tool\n");
  FollowedEntry e;
  e.dependencies.push_back({".helpers.run_tool", "pkg/helpers.py", sha256("def run_tool(): ...")});
  e.dependencies.push_back({"missing.f", "", Digest{}});
  e.result = sample();
  auto back = decode_followed(encode_followed("pkg/views.py", text, e), "pkg/views.py", text);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->dependencies, e.dependencies);
  ASSERT_TRUE(back->result.has_value());
  expect_same(*e.result, *back->result);
  // No result: the first pass stands.
  e.result.reset();
  back = decode_followed(encode_followed("pkg/views.py", text, e), "pkg/views.py", text);
  ASSERT_TRUE(back.has_value());
  EXPECT_FALSE(back->result.has_value());
  // A first-pass entry is not a followed one, and the reverse.
  EXPECT_FALSE(decode_followed(encode_entry(sample(), text), "pkg/views.py", text));
  EXPECT_FALSE(decode_entry(encode_followed("pkg/views.py", text, e), "pkg/views.py", text));
  std::string entry = encode_followed("pkg/views.py", text, e);
  for (std::size_t n = 0; n < entry.size(); ++n) {
    EXPECT_FALSE(decode_followed(entry.substr(0, n), "pkg/views.py", text)) << n;
  }
}

TEST(ResultCache, StoresPerBinaryAndSettings) {
  fs::path dir = temp_dir("store");
  FileResult r = sample();
  Digest text = sha256("import os\n");
  {
    ResultCache cache(dir.string(), "binary 1", "settings A");
    EXPECT_FALSE(cache.load(r.path, text));
    cache.store(r, text);
    auto back = cache.load(r.path, text);
    ASSERT_TRUE(back);
    expect_same(r, *back);
    EXPECT_FALSE(cache.load(r.path, sha256("import sys\n")));
    EXPECT_FALSE(cache.load("pkg/other.py", text));
    EXPECT_EQ(cache.hits(), 1u);
    EXPECT_EQ(cache.problem(), "");
  }
  EXPECT_TRUE(ResultCache(dir.string(), "binary 1", "settings A").load(r.path, text));
  EXPECT_FALSE(ResultCache(dir.string(), "binary 2", "settings A").load(r.path, text));
  EXPECT_FALSE(ResultCache(dir.string(), "binary 1", "settings B").load(r.path, text));
  // Marked as a cache, and ignored by git; no temporary file is left behind.
  EXPECT_TRUE(fs::exists(dir / "CACHEDIR.TAG"));
  EXPECT_TRUE(fs::exists(dir / ".gitignore"));
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  }
  fs::remove_all(dir);
}

TEST(ResultCache, PartsUnusedForTwoWeeksArePruned) {
  fs::path dir = temp_dir("prune");
  std::string old_part(32, 'a'), recent_part(32, 'b'), other = "not-a-part-0123456789abcdef0123";
  for (const std::string& name : {old_part, recent_part, other}) {
    fs::create_directories(dir / name);
    std::ofstream(dir / name / "entry") << "x";
  }
  auto now = fs::file_time_type::clock::now();
  fs::last_write_time(dir / old_part, now - ResultCache::kUnusedFor - std::chrono::hours(1));
  fs::last_write_time(dir / recent_part, now - ResultCache::kUnusedFor + std::chrono::hours(1));
  fs::last_write_time(dir / other, now - ResultCache::kUnusedFor - std::chrono::hours(1));
  ResultCache cache(dir.string(), "binary", "settings");
  EXPECT_FALSE(fs::exists(dir / old_part));
  EXPECT_TRUE(fs::exists(dir / recent_part / "entry"));
  EXPECT_TRUE(fs::exists(dir / other / "entry"));  // not a part of the cache: left alone
  // Each review marks its part as used: an old part used again survives the next prune.
  FileResult r = sample();
  cache.store(r, sha256("z"));
  fs::path ours;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.size() == 32 && name != recent_part && name != other) ours = e.path();
  }
  ASSERT_FALSE(ours.empty());
  fs::last_write_time(ours, now - ResultCache::kUnusedFor - std::chrono::hours(1));
  ResultCache used_again(dir.string(), "binary", "settings");
  ResultCache other_settings(dir.string(), "binary", "other settings");  // prunes
  EXPECT_TRUE(used_again.load(r.path, sha256("z")));
  fs::remove_all(dir);
}

TEST(ResultCache, AnUnwritableDirectoryIsAProblemNotAnError) {
  // A path below a regular file: no one can create it, not even root.
  fs::path dir = temp_dir("unwritable");
  fs::create_directories(dir);
  std::ofstream(dir / "file") << "x";
  ResultCache cache((dir / "file" / "cache").string(), "b", "s");
  FileResult r = sample();
  Digest text = sha256("y");
  cache.store(r, text);
  EXPECT_FALSE(cache.load(r.path, text));
  EXPECT_NE(cache.problem().find("cannot create"), std::string::npos) << cache.problem();
  fs::remove_all(dir);
}
