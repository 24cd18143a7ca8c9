#include <gtest/gtest.h>
#include <fstream>
#include <sstream>

#include "engine/engine.hpp"
#include "engine/prefilter.hpp"

namespace secreview {
namespace {

TEST(Prefilter, FindsEveryGroupInOnePass) {
  Prefilter p;
  p.add("system", 0);
  p.add("popen", 0);
  p.add("yaml", 1);
  p.add("sys", 2);
  p.add("ystem", 3);
  p.build();
  std::vector<bool> hit(4, false);
  EXPECT_EQ(p.scan("import os\nos.system(x)\n", hit), 3u);
  EXPECT_TRUE(hit[0]);
  EXPECT_FALSE(hit[1]);
  EXPECT_TRUE(hit[2]) << "overlapping prefix";
  EXPECT_TRUE(hit[3]) << "suffix found through failure links";
  std::vector<bool> none(4, false);
  EXPECT_EQ(p.scan("print('hello')", none), 0u);
  EXPECT_EQ(p.scan("", none), 0u);
}

TEST(Prefilter, EffectiveTriggers) {
  RuleMeta calls;
  calls.calls = {"os.system", "subprocess.Popen", ".execute"};
  EXPECT_EQ(effective_triggers(calls), (std::vector<std::string>{"Popen", "execute", "system"}));
  calls.triggers = {"verify"};
  EXPECT_EQ(effective_triggers(calls), (std::vector<std::string>{"verify"})) << "declared wins";
  RuleMeta any;
  any.calls = {"*"};
  EXPECT_TRUE(effective_triggers(any).empty()) << "every file";
  RuleMeta module;
  module.module = true;
  EXPECT_TRUE(effective_triggers(module).empty());
  module.triggers = {"0.0.0.0"};
  EXPECT_EQ(effective_triggers(module), (std::vector<std::string>{"0.0.0.0"}));
}

// The prefilter must never change what is found: every fixture and the example give the same
// findings with it on and off.
TEST(Prefilter, SameFindingsWithAndWithout) {
  // Security rules only, so that the prefilter really skips files and rules.
  EngineOptions on;
  on.suggestions = false;
  EngineOptions off = on;
  off.prefilter = false;
  Engine fast(RuleRegistry::builtin(), on);
  Engine slow(RuleRegistry::builtin(), off);
  std::size_t compared = 0;
  for (const auto& r : RuleRegistry::builtin().rules()) {
    for (const char* name : {"positive.py", "negative.py"}) {
      std::string path = std::string(SECREVIEW_SOURCE_DIR) + "/" + r.meta.folder + "/" + name;
      std::ifstream in(path);
      std::stringstream ss;
      ss << in.rdbuf();
      auto a = fast.analyze(name, ss.str());
      auto b = slow.analyze(name, ss.str());
      ASSERT_EQ(a.findings.size(), b.findings.size()) << path;
      for (std::size_t i = 0; i < a.findings.size(); ++i) {
        EXPECT_EQ(a.findings[i].rule_id, b.findings[i].rule_id) << path;
        EXPECT_EQ(a.findings[i].start, b.findings[i].start) << path;
      }
      ++compared;
    }
  }
  EXPECT_GT(compared, 20u);
}

}  // namespace
}  // namespace secreview
