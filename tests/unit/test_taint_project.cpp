// Where an imported function lives (taint/project.hpp): relative imports from the importer's
// directory, absolute ones from the closest ancestor holding the module, packages' __init__.py.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "engine/engine.hpp"
#include "taint/project.hpp"

namespace secreview::taint {
namespace {

namespace fs = std::filesystem;

class Tree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("secreview_resolve_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    for (const char* f : {"proj/app/views.py", "proj/app/util.py", "proj/app/sub/deep.py",
                          "proj/pkg/__init__.py", "proj/pkg/helpers.py", "proj/lib.py"}) {
      fs::create_directories((root_ / f).parent_path());
      std::ofstream(root_ / f) << "";
    }
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string at(const std::string& rel) const { return (root_ / rel).string(); }
  std::string resolve(const std::string& importer, const std::string& q) const {
    auto t = resolve_import(at(importer), q);
    if (!t) return "-";
    return fs::path(t->path).lexically_relative(root_).string() + "#" + t->function;
  }
  fs::path root_;
};

TEST_F(Tree, RelativeImports) {
  EXPECT_EQ(resolve("proj/app/views.py", ".util.clean"), "proj/app/util.py#clean");
  EXPECT_EQ(resolve("proj/app/sub/deep.py", "..util.clean"), "proj/app/util.py#clean");
  EXPECT_EQ(resolve("proj/app/views.py", "..pkg.helpers.run"), "proj/pkg/helpers.py#run");
  EXPECT_EQ(resolve("proj/app/views.py", "..pkg.run"), "proj/pkg/__init__.py#run");
  EXPECT_EQ(resolve("proj/app/views.py", ".nothing.run"), "-");
}

TEST_F(Tree, AbsoluteImportsFromTheClosestAncestor) {
  EXPECT_EQ(resolve("proj/app/views.py", "util.clean"), "proj/app/util.py#clean");
  EXPECT_EQ(resolve("proj/app/sub/deep.py", "pkg.helpers.run"), "proj/pkg/helpers.py#run");
  EXPECT_EQ(resolve("proj/app/views.py", "lib.f"), "proj/lib.py#f");
  EXPECT_EQ(resolve("proj/app/views.py", "pkg.f"), "proj/pkg/__init__.py#f");
  EXPECT_EQ(resolve("proj/app/views.py", "os.path.join"), "-");
  EXPECT_EQ(resolve("proj/app/views.py", "util"), "-") << "a module, not a function";
  EXPECT_EQ(resolve("proj/app/views.py", "pkg.*"), "-");
}

TEST_F(Tree, TheRepositoryTopIsTheLimit) {
  fs::create_directories(root_ / "proj" / "app" / ".git");
  EXPECT_EQ(resolve("proj/app/views.py", "lib.f"), "-");
  EXPECT_EQ(resolve("proj/app/views.py", "util.f"), "proj/app/util.py#f");
}

// What a summary says, as text: its parameters' sinks and returns, each with its trace's files.
std::string describe(const ExternalSummary* x) {
  if (!x) return "-";
  std::string out;
  auto steps = [&](const std::vector<TraceStep>& ts) {
    for (const TraceStep& t : ts) out += " " + t.file + ":" + std::to_string(t.at.line);
  };
  for (const auto& s : x->sinks) {
    out += "sink " + std::to_string(s.param) + " " + s.sink_name + ":";
    steps(s.inner);
    out += "; ";
  }
  for (const auto& r : x->ret) {
    out += "return " + std::to_string(r.param) + " " + r.source + ":";
    steps(r.steps);
    out += "; ";
  }
  return out;
}

// The first pass exports a reviewed file's summaries; seeded with them, the project answers
// exactly as if it had read and analysed the module itself, without reading it.
TEST_F(Tree, SeededModulesAreNotAnalysedAgain) {
  std::ofstream(at("proj/pkg/helpers.py")) << "import os\n"
                                              "from flask import request\n"
                                              "\n"
                                              "def run(name):\n"
                                              "    os.system('convert ' + name)\n"
                                              "\n"
                                              "def lookup():\n"
                                              "    return request.args['q']\n";
  Engine engine(RuleRegistry::builtin(), EngineOptions{});
  // Spelled with "./": imports resolve to the lexically normal path, and traces must name it so.
  std::string spelled = (root_ / "proj" / "pkg" / "." / "helpers.py").string();
  std::ifstream in(spelled);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  FileResult first = engine.analyze(spelled, text);
  ASSERT_TRUE(first.exports);
  EXPECT_EQ(first.exports->functions.size(), 2u);

  std::string importer = at("proj/app/views.py");
  Project from_disk(1 << 20);
  Project seeded(1 << 20);
  seeded.seed(spelled, first.exports);
  for (const char* q : {"pkg.helpers.run", "pkg.helpers.lookup", "pkg.helpers.missing"}) {
    EXPECT_EQ(describe(seeded.function(importer, q)), describe(from_disk.function(importer, q)))
        << q;
  }
  std::string normal = at("proj/pkg/helpers.py");
  EXPECT_EQ(describe(seeded.function(importer, "pkg.helpers.run")),
            "sink 0 os.system: " + normal + ":4 " + normal + ":5; ");
  EXPECT_EQ(from_disk.analysed(), 1u);
  EXPECT_EQ(seeded.analysed(), 0u);
}

// What a cached cross-module result depends on: where each name leads and that module's digest,
// as this review read it.
TEST_F(Tree, DependenciesNameTheModuleAndItsText) {
  std::ofstream(at("proj/pkg/helpers.py")) << "def run(name):\n    return name\n";
  std::string importer = at("proj/app/views.py");
  Project project(1 << 20);
  ModuleDependency d = project.dependency(importer, "pkg.helpers.run");
  EXPECT_EQ(d.qualified, "pkg.helpers.run");
  EXPECT_EQ(d.path, at("proj/pkg/helpers.py"));
  EXPECT_EQ(d.text, sha256("def run(name):\n    return name\n"));
  ModuleDependency none = project.dependency(importer, "nowhere.f");
  EXPECT_EQ(none.path, "");
  EXPECT_EQ(none.text, Digest{});
  // The digest is the text the review read: a module analysed before an edit keeps it (the
  // next review sees the new text and a different digest).
  (void)project.function(importer, "pkg.helpers.run");
  std::ofstream(at("proj/pkg/helpers.py")) << "changed\n";
  EXPECT_EQ(project.dependency(importer, "pkg.helpers.run"), d);
  EXPECT_EQ(Project(1 << 20).dependency(importer, "pkg.helpers.run").text, sha256("changed\n"));
}

}  // namespace
}  // namespace secreview::taint
