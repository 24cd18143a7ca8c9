// Where an imported function lives (taint/project.hpp): relative imports from the importer's
// directory, absolute ones from the closest ancestor holding the module, packages' __init__.py.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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

}  // namespace
}  // namespace secreview::taint
