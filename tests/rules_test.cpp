// Walks the rule registry and checks every rule folder: metadata, documentation, fixtures.
//
// Fixture contract (rules/<lang>/<family>/<rule>/positive.py, negative.py):
//   `# expect: <rule-id>` on the line above a line where the rule must report;
//   `# ok: <rule-id>` above a safe look-alike that must stay silent.
// Every finding must be expected, and every expectation found, in both files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "core/cwe.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"

namespace secreview {

// Test names show the rule id, not a pointer.
void PrintTo(const LoadedRule* r, std::ostream* os) {
  *os << r->meta.id;
}

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path source_dir() {
  return fs::path(SECREVIEW_SOURCE_DIR);
}

std::vector<const LoadedRule*> all_rules() {
  std::vector<const LoadedRule*> out;
  for (const auto& r : RuleRegistry::builtin().rules()) out.push_back(&r);
  return out;
}

// Lines (1-based) that `# expect: id` annotations point at.
std::multiset<std::uint32_t> expected_lines(const std::string& text, const std::string& id) {
  std::multiset<std::uint32_t> lines;
  std::uint32_t n = 0;
  for_each_line(text, [&](std::string_view line) {
    ++n;
    std::string_view t = trim(line);
    for (std::string_view marker : {"# expect: ", "// expect: "}) {
      if (t.starts_with(marker)) {
        for (auto part : split(t.substr(marker.size()), ',')) {
          std::string_view name = trim(part);
          name = name.substr(0, name.find(' '));
          if (name == id) lines.insert(n + 1);
        }
      }
    }
  });
  return lines;
}

std::multiset<std::uint32_t> finding_lines(const LoadedRule& rule, const std::string& path,
                                           const std::string& text) {
  EngineOptions opts;
  opts.only = {rule.meta.id};
  Engine engine(RuleRegistry::builtin(), opts);
  FileResult r = engine.analyze(path, text);
  std::multiset<std::uint32_t> lines;
  SourceFile source(path, text);
  std::optional<std::regex> evidence;
  if (!rule.meta.evidence.empty()) evidence.emplace(rule.meta.evidence);
  for (const auto& f : r.findings) {
    EXPECT_EQ(f.rule_id, rule.meta.id);
    EXPECT_EQ(f.cwe, rule.meta.cwe);
    EXPECT_FALSE(f.issue.empty());
    EXPECT_FALSE(f.solution.empty());
    static const std::regex kPlaceholder(R"(\{[a-z_]+\})");
    for (const std::string* tmpl : {&rule.meta.issue, &rule.meta.solution}) {
      for (std::sregex_iterator it(tmpl->begin(), tmpl->end(), kPlaceholder), end; it != end;
           ++it) {
        if (text.find(it->str()) != std::string::npos) continue;  // the reviewed code says it
        EXPECT_EQ(f.issue.find(it->str()), std::string::npos) << "unexpanded " << it->str();
        EXPECT_EQ(f.solution.find(it->str()), std::string::npos) << "unexpanded " << it->str();
      }
    }
    EXPECT_EQ(f.snippet, std::string(source.line(f.start.line)))
        << "snippet must be the line the finding starts on";
    // Every cited line: the start and each related line.
    std::vector<std::uint32_t> cited{f.start.line};
    for (const auto& p : f.related) cited.push_back(p.line);
    for (std::uint32_t line : cited) {
      lines.insert(line);
      if (evidence) {
        std::string l(source.line(line));
        EXPECT_TRUE(std::regex_search(l, *evidence))
            << rule.meta.id << " cites " << path << ":" << line << " (\"" << l
            << "\"), which does not show what the rule describes (" << rule.meta.evidence << ")";
      }
    }
  }
  return lines;
}

std::string fixture_ext(const RuleMeta& m) {
  return m.language == "python" ? ".py" : ".c";
}

class EveryRule : public ::testing::TestWithParam<const LoadedRule*> {};

TEST_P(EveryRule, MetadataIsComplete) {
  const RuleMeta& m = GetParam()->meta;
  const CweEntry* cwe = CweCatalog::builtin().find(m.cwe);
  ASSERT_NE(cwe, nullptr) << m.id << " cites CWE-" << m.cwe << ", which is not in data/cwe.tsv";
  EXPECT_NE(m.cwe, cwe->pillar) << m.id << " should name a specific CWE, not a pillar";
  EXPECT_FALSE(m.docs.empty()) << m.id << " has no README.md";
  for (const char* heading :
       {"## What it flags", "## Why it is a defect", "## Example", "## Use instead"}) {
    EXPECT_NE(m.docs.find(heading), std::string::npos) << m.id << " README lacks " << heading;
  }
  EXPECT_NE(m.docs.find("CWE-" + std::to_string(m.cwe)), std::string::npos)
      << m.id << " README must name its CWE";
  EXPECT_EQ(m.summary.find('\n'), std::string::npos);
}

TEST_P(EveryRule, PositiveFixtureFiresExactlyWhereExpected) {
  const RuleMeta& m = GetParam()->meta;
  fs::path file = source_dir() / m.folder / ("positive" + fixture_ext(m));
  ASSERT_TRUE(fs::exists(file)) << file;
  std::string text = read(file);
  auto expected = expected_lines(text, m.id);
  ASSERT_FALSE(expected.empty()) << file << " has no `expect:` annotation";
  EXPECT_EQ(finding_lines(*GetParam(), file.filename().string(), text), expected) << file;
}

TEST_P(EveryRule, NegativeFixtureStaysSilent) {
  const RuleMeta& m = GetParam()->meta;
  fs::path file = source_dir() / m.folder / ("negative" + fixture_ext(m));
  ASSERT_TRUE(fs::exists(file)) << file;
  std::string text = read(file);
  EXPECT_NE(text.find("ok: " + m.id), std::string::npos) << file << " has no `ok:` annotation";
  EXPECT_EQ(finding_lines(*GetParam(), file.filename().string(), text), expected_lines(text, m.id))
      << file;
}

// The README's Example must fire and its "Use instead" must not: docs cannot drift.
std::string code_block_after(const std::string& docs, const std::string& heading) {
  std::size_t h = docs.find(heading);
  if (h == std::string::npos) return {};
  std::size_t open = docs.find("```", h);
  std::size_t next_heading = docs.find("\n## ", h + heading.size());
  if (open == std::string::npos || (next_heading != std::string::npos && open > next_heading)) {
    return {};
  }
  std::size_t body = docs.find('\n', open) + 1;
  std::size_t close = docs.find("```", body);
  return docs.substr(body, close - body);
}

TEST_P(EveryRule, DocumentationExamplesAreTrue) {
  const RuleMeta& m = GetParam()->meta;
  std::string bad = code_block_after(m.docs, "## Example");
  std::string good = code_block_after(m.docs, "## Use instead");
  ASSERT_FALSE(bad.empty()) << m.id << " README Example has no code block";
  ASSERT_FALSE(good.empty()) << m.id << " README Use instead has no code block";
  EXPECT_FALSE(finding_lines(*GetParam(), "example" + fixture_ext(m), bad).empty())
      << m.id << ": the README Example does not trigger the rule";
  EXPECT_TRUE(finding_lines(*GetParam(), "example" + fixture_ext(m), good).empty())
      << m.id << ": the README 'Use instead' triggers the rule";
}

INSTANTIATE_TEST_SUITE_P(Rules, EveryRule, ::testing::ValuesIn(all_rules()),
                         [](const auto& param_info) {
                           std::string name = param_info.param->meta.id;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(RuleRegistry, EveryRuleFolderIsRegistered) {
  std::set<std::string> folders;
  for (const auto& e : fs::recursive_directory_iterator(source_dir() / "rules")) {
    if (e.path().filename() == "rule.toml") folders.insert(e.path().parent_path().filename());
  }
  std::set<std::string> registered;
  for (const auto& r : RuleRegistry::builtin().rules()) registered.insert(r.meta.id);
  EXPECT_EQ(folders, registered);
  EXPECT_GE(registered.size(), 1u);
}

TEST(RuleRegistry, EveryRegisteredCheckHasMetadata) {
  for (const auto& id : RuleRegistry::registered_check_ids()) {
    EXPECT_NE(RuleRegistry::builtin().find(id), nullptr)
        << "SECREVIEW_RULE(..., \"" << id << "\") has no rule.toml with that id";
  }
}

TEST(RuleRegistry, RejectsBadMetadata) {
  EXPECT_THROW(parse_rule_meta("rules/x/a/rule.toml", "id = 'a'\n"), std::runtime_error);
  EXPECT_THROW(parse_rule_meta("rules/x/a/rule.toml",
                               "id='a'\ntitle='t'\nsummary='s'\nissue='i'\nsolution='s'\ncwe=78\n"
                               "bogus=1\n[match]\ncalls=['x']\n"),
               std::runtime_error);
  EXPECT_THROW(parse_rule_meta("rules/x/b/rule.toml",
                               "id='a'\ntitle='t'\nsummary='s'\nissue='i'\nsolution='s'\ncwe=78\n"
                               "[match]\ncalls=['x']\n"),
               std::runtime_error)
      << "id must equal the folder name";
  RuleMeta ok = parse_rule_meta("rules/x/a/rule.toml",
                                "id='a'\ntitle='t'\nsummary='s'\nissue='i'\nsolution='s'\ncwe=78\n"
                                "severity='high'\n[match]\ncalls=['x', '.y']\n");
  EXPECT_EQ(ok.severity, Severity::High);
  EXPECT_EQ(ok.calls.size(), 2u);
}

}  // namespace
}  // namespace secreview
