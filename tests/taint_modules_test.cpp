// Taint across modules, end to end: a view passes client data to a function of another module
// that runs it as a command; the finding is at the call, its trace walks into the other file.
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace cli;

namespace {

fs::path project() {
  fs::path dir = scratch("modules");
  write(dir / "pkg" / "__init__.py", "");
  write(dir / "pkg" / "helpers.py",
        "import os\n"
        "import shlex\n"
        "\n"
        "def run_tool(name):\n"              // 4
        "    command = 'convert ' + name\n"  // 5
        "    os.system(command)\n"           // 6
        "\n"
        "def quoted(name):\n"                              // 8
        "    os.system('convert ' + shlex.quote(name))\n"  // 9
        "\n"
        "def lookup_name():\n"  // 11
        "    from flask import request\n"
        "    return request.args.get('name')\n"  // 13
        "\n"
        "def passthrough(value):\n"  // 15
        "    return value.strip()\n");
  write(dir / "pkg" / "views.py",
        "import os\n"
        "from flask import Flask, request\n"
        "from . import helpers\n"
        "from .helpers import run_tool, passthrough\n"
        "from pkg.helpers import lookup_name\n"
        "app = Flask(__name__)\n"
        "\n"
        "@app.route('/a')\n"
        "def a():\n"
        "    name = request.args['name']\n"          // 10
        "    run_tool(name)\n"                       // 11: flow into helpers.py
        "    helpers.quoted(name)\n"                 // 12: quoted there: safe
        "    run_tool('logo.png')\n"                 // 13: a constant: safe
        "    helpers.run_tool(passthrough(name))\n"  // 14: through two functions
        "    os.system('ls ' + lookup_name())\n"     // 15: a source in the other module
        "    return 'ok'\n");
  return dir;
}

}  // namespace

TEST(TaintModules, FlowsIntoAndOutOfOtherModules) {
  fs::path dir = project();
  Result r =
      run_secreview({"review", "--no-suggestions", "--format", "json", "."}, "", dir.string());
  ASSERT_EQ(r.rc, 1) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  std::map<std::string, std::vector<std::string>> found;  // "file:line" -> rules
  nlohmann::json into;
  for (const auto& f : doc["files"]) {
    for (const auto& d : f["defects"]) {
      std::string at = f["path"].get<std::string>() + ":" +
                       std::to_string(d["location"]["start"]["line"].get<int>());
      found[at].push_back(d["rule"].get<std::string>() + "/" + d["confidence"].get<std::string>());
      if (at == "pkg/views.py:11") into = d;
    }
  }
  std::map<std::string, std::vector<std::string>> expected{
      {"pkg/helpers.py:6", {"shell-command-string/medium"}},  // a parameter: callers unknown
      {"pkg/views.py:11", {"tainted-shell-command/high"}},
      {"pkg/views.py:14", {"tainted-shell-command/high"}},
      {"pkg/views.py:15", {"shell-command-string/high"}},
  };
  EXPECT_EQ(found, expected) << r.out;
  // The trace: the source and the call in views.py, then the steps inside helpers.py.
  std::vector<std::string> steps;
  for (const auto& t : into["trace"]) {
    steps.push_back(t.value("path", std::string("-")) + ":" + std::to_string(t["line"].get<int>()) +
                    " " + t["message"].get<std::string>());
  }
  EXPECT_EQ(steps,
            (std::vector<std::string>{"-:10 request.args['name']", "-:10 name", "-:11 run_tool()",
                                      "pkg/helpers.py:4 parameter name", "pkg/helpers.py:5 command",
                                      "pkg/helpers.py:6 os.system"}));
  // Text names the other file in the flow; SARIF points the step at it.
  Result text = run_secreview({"review", "--no-suggestions", "pkg/views.py"}, "", dir.string());
  EXPECT_NE(text.out.find("run_tool() (line 11) \u2192 parameter name (pkg/helpers.py:4)"),
            std::string::npos)
      << text.out;
  Result sarif = run_secreview({"review", "--format", "sarif", "pkg/views.py"}, "", dir.string());
  EXPECT_NE(sarif.out.find("\"uri\": \"pkg/helpers.py\""), std::string::npos);
  fs::remove_all(dir);
}

TEST(TaintModules, SameOutputForAnyJobCount) {
  fs::path dir = project();
  Result one = run_secreview({"review", "--jobs", "1", "--format", "json", "."}, "", dir.string());
  Result two = run_secreview({"review", "--jobs", "2", "--format", "json", "."}, "", dir.string());
  Result many = run_secreview({"review", "--jobs", "8", "--format", "json", "."}, "", dir.string());
  EXPECT_NE(one.out.find("tainted-shell-command"), std::string::npos);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, many.out);
  fs::remove_all(dir);
}

// Imports that lead nowhere (a missing module, a cycle, a module that does not parse) leave the
// call as it was: no finding, no error.
TEST(TaintModules, UnresolvedAndCyclicImportsAreHarmless) {
  fs::path dir = scratch("modules_cycle");
  write(dir / "a.py",
        "import os\nfrom flask import request\nfrom b import go\nfrom missing import nothing\n"
        "from broken import f\n"
        "def view():\n    go(request.args['x'])\n    nothing(request.args['y'])\n"
        "    f(request.args['z'])\n");
  write(dir / "b.py", "from a import view\ndef go(x):\n    return view(x)\n");
  write(dir / "broken.py", "def f(:\n");
  Result r = run_secreview({"review", "--no-suggestions", "a.py", "b.py"}, "", dir.string());
  EXPECT_EQ(r.rc, 0) << r.out << r.err;
  fs::remove_all(dir);
}

// Modules that cannot be read as files (a directory, a FIFO, an unreadable file, a symbolic link
// loop, a file with NUL bytes) are skipped like missing ones: the importer is still reviewed, the
// run neither hangs nor fails, and the flow into a readable module is still found.
TEST(TaintModules, HostileModulesAreSkipped) {
  fs::path dir = scratch("modules_hostile");
  write(dir / "ok.py", "import os\ndef run(c):\n    os.system(c)\n");
  fs::create_directories(dir / "adir.py");
  ASSERT_EQ(::mkfifo((dir / "fifo.py").c_str(), 0600), 0);
  write(dir / "locked.py", "import os\ndef run(c):\n    os.system(c)\n");
  fs::permissions(dir / "locked.py", fs::perms::none);
  fs::create_symlink(dir / "loop2.py", dir / "loop1.py");
  fs::create_symlink(dir / "loop1.py", dir / "loop2.py");
  write(dir / "nul.py", std::string("def run(c):\n    return c\0\n", 26));
  write(dir / "views.py",
        "from flask import request\nimport adir, fifo, locked, loop1, nul, ok\n"
        "def view():\n    x = request.args['x']\n    adir.run(x)\n    fifo.run(x)\n"
        "    locked.run(x)\n    loop1.run(x)\n    nul.run(x)\n    ok.run(x)\n");
  Result r = run_secreview({"review", "--no-suggestions", "views.py"}, "", dir.string());
  EXPECT_EQ(r.rc, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("views.py:10:5"), std::string::npos) << r.out;
  for (const char* line : {":5:", ":6:", ":7:", ":8:", ":9:"}) {
    if (std::string(line) == ":7:" && ::geteuid() == 0) continue;  // root reads it anyway
    EXPECT_EQ(r.out.find(std::string("views.py") + line), std::string::npos) << line << r.out;
  }
  fs::permissions(dir / "locked.py", fs::perms::owner_all);
  fs::remove_all(dir);
}

// With --cache-dir, a file's cross-module result is reused only while every module it consulted
// is unchanged: editing, moving or deleting the imported module (the importer itself unchanged)
// gives what a review without the cache gives.
TEST(TaintModules, CachedResultsFollowChangesInImportedModules) {
  fs::path dir = project();
  fs::path cache = scratch("modules_cache");
  auto review = [&](bool cached) {
    std::vector<std::string> args = {"review", "--no-suggestions", "--format", "json", "."};
    if (cached) args.insert(args.begin() + 1, {"--cache-dir", cache.string()});
    return run_secreview(args, "", dir.string());
  };
  auto same = [&](const char* step) {
    Result u = review(false);
    Result c = review(true);
    EXPECT_EQ(c.out, u.out) << step;
    EXPECT_EQ(c.rc, u.rc) << step;
    Result again = review(true);
    EXPECT_EQ(again.out, u.out) << step;
    return u.out;
  };
  std::string first = same("initial");
  EXPECT_NE(first.find("tainted-shell-command"), std::string::npos);
  // run_tool now quotes its argument: the flow from views.py:11 and :14 is gone.
  std::string helpers = slurp(dir / "pkg" / "helpers.py");
  std::string quoted = helpers;
  quoted.replace(quoted.find("command = 'convert ' + name"), 27,
                 "command = 'convert ' + shlex.quote(name)");
  write(dir / "pkg" / "helpers.py", quoted);
  std::string edited = same("run_tool quotes");
  EXPECT_EQ(edited.find("tainted-shell-command"), std::string::npos) << edited;
  // The module moves to a package of the same name with the unsafe text: it resolves elsewhere.
  fs::remove(dir / "pkg" / "helpers.py");
  write(dir / "pkg" / "helpers" / "__init__.py", helpers);
  std::string moved = same("moved to a package");
  EXPECT_NE(moved.find("tainted-shell-command"), std::string::npos) << moved;
  // And disappears: the calls lead nowhere.
  fs::remove_all(dir / "pkg" / "helpers");
  std::string gone = same("module deleted");
  EXPECT_EQ(gone.find("tainted-shell-command"), std::string::npos) << gone;
  fs::remove_all(dir);
  fs::remove_all(cache);
}
