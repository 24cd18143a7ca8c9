// The taint analysis (src/taint/): each propagation step, guard and sanitizer on a minimal
// program, the trace it reports, summaries across functions, and the catalog parser.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "engine/engine.hpp"
#include "frontend/python/parser.hpp"
#include "model/python.hpp"
#include "taint/analysis.hpp"

namespace secreview::taint {
namespace {

struct Analysed {
  SourceFile source;
  py::Tree tree;
  std::unique_ptr<py::Model> model;
  Result result;
  explicit Analysed(std::string text)
      : source("t.py", std::move(text)),
        tree(py::parse(source.text())),
        model(std::make_unique<py::Model>(source, tree.get())),
        result(analyze(*model)) {}
  // (cwe, line of the sink) for each flow.
  std::vector<std::pair<int, std::uint32_t>> flows() const {
    std::vector<std::pair<int, std::uint32_t>> out;
    for (const Flow& f : result.flows()) out.emplace_back(f.cwe, model->start(f.sink).line);
    return out;
  }
};

using Flows = std::vector<std::pair<int, std::uint32_t>>;

const char* kHeader = "import os\nfrom flask import request\n";  // two lines

std::string program(const std::string& body) {
  return kHeader + body;
}

TEST(Taint, AssignmentAndConcatenation) {
  Analysed a(program("def f():\n    x = request.args['a']\n    y = 'ls ' + x\n    os.system(y)\n"));
  EXPECT_EQ(a.flows(), (Flows{{78, 6}}));
}

// Each propagation step on its own; the sink is always on the last line.
TEST(Taint, EveryPropagationStepCarriesTaint) {
  const std::vector<std::string> steps = {
      "    y = f'{x}'\n",                             // f-string
      "    y = '%s' % x\n",                           // % formatting
      "    y = '{}'.format(x)\n",                     // .format
      "    y = ' '.join([x, 'a'])\n",                 // join and list
      "    y = x[1:5]\n",                             // slicing
      "    y = {'k': x}['k']\n",                      // dict element
      "    y, z = x, 1\n",                            // tuple unpacking
      "    y = 'a'\n    y += x\n",                    // augmented assignment
      "    y = x if len(x) else 'a'\n",               // conditional expression
      "    y = [c for c in x][0]\n",                  // comprehension
      "    y = x.strip().lower()\n",                  // method calls on the value
      "    for y in x.split(','):\n        pass\n",   // for loop target
      "    ys = []\n    ys.append(x)\n    y = ys\n",  // mutation of a container
      "    with open(x) as y:\n        pass\n",       // with ... as
      "    y = (lambda: x)()\n",                      // lambda body
      "    if (y := x):\n        pass\n",             // walrus
  };
  for (const auto& step : steps) {
    std::string body = "def f():\n    x = request.args['a']\n" + step + "    os.system(y)\n";
    Analysed a(program(body));
    std::uint32_t last = 0;
    for (char c : body) last += c == '\n';
    bool found = false;
    for (const auto& [cwe, line] : a.flows()) found = found || (cwe == 78 && line == last + 2);
    EXPECT_TRUE(found) << "step not followed:\n" << step;
  }
}

// The safe twin of each step: the same program with the source converted by int() first.
TEST(Taint, EveryPropagationStepOfASanitizedValueStaysClean) {
  const std::vector<std::string> steps = {
      "    y = f'{x}'\n",
      "    y = '%s' % x\n",
      "    y = '{}'.format(x)\n",
      "    y = ' '.join([x])\n",
      "    y = x[1:5]\n",
      "    y, z = x, 1\n",
      "    y = 'a'\n    y += x\n",
      "    y = [c for c in x][0]\n",
      "    ys = []\n    ys.append(x)\n    y = ys\n",
  };
  for (const auto& step : steps) {
    Analysed a(program("def f():\n    x = int(request.args['a'])\n" + step + "    os.system(y)\n"));
    EXPECT_TRUE(a.flows().empty()) << "sanitised value reported after:\n" << step;
  }
}

TEST(Taint, AnnotatedRequestParameterIsASource) {
  Analysed a(
      "import os\nfrom fastapi import FastAPI, Request\napp = FastAPI()\n"
      "@app.post('/run')\nasync def run(req: Request):\n"
      "    body = await req.json()\n    os.system(body['cmd'])\n");
  EXPECT_EQ(a.flows(), (Flows{{78, 7}}));
}

TEST(Taint, BranchesJoinAndEarlyReturnsCut) {
  Analysed joined(
      program("def f(c):\n    if c:\n        x = request.args['a']\n    else:\n        x = 'a'\n"
              "    os.system(x)\n"));
  EXPECT_EQ(joined.flows(), (Flows{{78, 8}}));
  Analysed cut(
      program("ALLOWED = {'a'}\ndef f():\n    x = request.args['a']\n    if x not in ALLOWED:\n"
              "        return None\n    os.system(x)\n"));
  EXPECT_TRUE(cut.flows().empty());
  Analysed raised(program(
      "def f():\n    x = request.args['a']\n    if not x.isdigit():\n        raise ValueError()\n"
      "    os.system(x)\n"));
  EXPECT_TRUE(raised.flows().empty());
}

TEST(Taint, SanitizersAreSpecificToTheirCwe) {
  // shlex.quote makes the value safe for a shell, not for a file path.
  Analysed a(
      program("import shlex\ndef f():\n    x = shlex.quote(request.args['a'])\n    os.system(x)\n"
              "    open(x)\n"));
  EXPECT_EQ(a.flows(), (Flows{{22, 7}}));
}

TEST(Taint, ReassignmentWithConstantClears) {
  Analysed a(program("def f():\n    x = request.args['a']\n    x = 'safe'\n    os.system(x)\n"));
  EXPECT_TRUE(a.flows().empty());
}

TEST(Taint, TraceNamesSourceStepsAndSink) {
  Analysed a(program("def f():\n    cmd = request.args.get('c')\n    os.system(cmd)\n"));
  ASSERT_EQ(a.result.flows().size(), 1u);
  const Flow& f = a.result.flows()[0];
  ASSERT_EQ(f.trace.size(), 3u);
  EXPECT_EQ(f.trace[0].message, "request.args.get('c')");
  EXPECT_EQ(f.trace[0].at.line, 4u);
  EXPECT_EQ(f.trace[1].message, "cmd");
  EXPECT_EQ(f.trace[2].message, "os.system");
  EXPECT_EQ(f.trace[2].at.line, 5u);
  EXPECT_EQ(f.source, "request.args.get('c')");
}

TEST(Taint, SummariesFollowParametersToReturnAndSinks) {
  Analysed a(
      program("def wrap(v):\n    return 'echo ' + v\n"        // 3-4
              "def run(c):\n    os.system(c)\n"               // 5-6
              "def clean(v):\n    return int(v)\n"            // 7-8
              "def f():\n    run(wrap(request.args['a']))\n"  // 9-10
              "    os.system(clean(request.args['b']))\n"));  // 11
  EXPECT_EQ(a.flows(), (Flows{{78, 6}}));
  ASSERT_EQ(a.result.flows().size(), 1u);
  bool through_call = false;
  for (const auto& s : a.result.flows()[0].trace)
    through_call = through_call || s.message == "run()";
  EXPECT_TRUE(through_call);
}

TEST(Taint, MethodsOnSelfAndRecursion) {
  Analysed a(
      program("class A:\n    def go(self):\n        self.run(request.args['a'])\n"
              "    def run(self, c):\n        os.system(c)\n"
              "def loop(n):\n    return loop(n)\n"
              "def g():\n    os.system(loop(request.args['x']))\n"));
  EXPECT_EQ(a.flows(), (Flows{{78, 7}, {78, 11}}));
}

TEST(Taint, RouteParametersAreSources) {
  Analysed a(
      "import os\nfrom flask import Flask\napp = Flask(__name__)\n"
      "@app.route('/a/<name>/<int:n>')\ndef a(name, n):\n    os.system(name)\n    os.system(n)\n"
      "def plain(name):\n    os.system(name)\n");
  EXPECT_EQ(a.flows(), (Flows{{78, 6}}));
}

TEST(Taint, SafeAttributesOfTheRequestAreNotSources) {
  Analysed a(program("def f():\n    os.system(request.method)\n    os.system(request.path)\n"));
  EXPECT_EQ(a.flows(), (Flows{{78, 5}}));
}

TEST(Taint, ArgumentStatesAreQueryable) {
  Analysed a(
      program("def f(p):\n    os.system(request.args['a'])\n    os.system(p)\n"
              "    os.system('ls')\n"));
  std::vector<State> states;
  for (const auto& c : a.model->calls()) {
    if (c.name == "os.system") states.push_back(a.result.state(c.args[0].value));
  }
  EXPECT_EQ(states, (std::vector<State>{State::Tainted, State::Parameter, State::Clean}));
}

TEST(Taint, HostileNestingDoesNotOverflow) {
  std::string deep = "x = request.args['a']\ny = " + std::string(3000, '(') + "x" +
                     std::string(3000, ')') + "\nos.system(y)\n";
  Analysed a(program(deep));
  SUCCEED();
}

// A pattern rule's finding on the line of a flow of its CWE takes the trace and high
// confidence; the flow's own finding is dropped (one finding per defect, stable rule ids).
TEST(TaintEngine, PatternFindingOnAFlowTakesItsTrace) {
  Engine engine(RuleRegistry::builtin(), EngineOptions{});
  FileResult r =
      engine.analyze("m.py", program("def f(cmd):\n    os.system('ls ' + request.args['d'])\n"
                                     "    os.system('ls ' + cmd)\n"));
  std::vector<std::string> at4, at5;
  for (const Finding& f : r.findings) {
    if (f.cwe != 78) continue;
    if (f.start.line == 4) at4.push_back(f.rule_id);
    if (f.start.line == 5) at5.push_back(f.rule_id);
    if (f.start.line == 4) {
      EXPECT_EQ(f.confidence, Confidence::High);
      EXPECT_EQ(f.trace.size(), 2u);
    }
    if (f.start.line == 5) {
      EXPECT_TRUE(f.trace.empty());
    }
  }
  EXPECT_EQ(at4, (std::vector<std::string>{"shell-command-string"}));
  EXPECT_EQ(at5, (std::vector<std::string>{"shell-command-string"}));
  EngineOptions only_taint;
  only_taint.only = {"tainted-shell-command"};
  FileResult t =
      Engine(RuleRegistry::builtin(), only_taint)
          .analyze("m.py", program("def f():\n    os.system('ls ' + request.args['d'])\n"));
  ASSERT_EQ(t.findings.size(), 1u);
  EXPECT_EQ(t.findings[0].rule_id, "tainted-shell-command");
}

// Confidence of pattern rules the taint analysis makes precise (`taint_confidence = true`):
// client data -> high with the trace; the function's parameters -> medium; nothing found or
// neutralised for the rule's CWE -> low.
TEST(TaintEngine, PatternConfidenceFollowsTheData) {
  EngineOptions strict;
  strict.min_confidence = Confidence::Low;
  FileResult r = Engine(RuleRegistry::builtin(), strict)
                     .analyze("m.py", program("import shlex\n"                              // 3
                                              "def f(cmd):\n"                               // 4
                                              "    os.system('ls ' + request.args['d'])\n"  // 5
                                              "    os.system('ls ' + cmd)\n"                // 6
                                              "    os.system('ls ' + build())\n"            // 7
                                              "    q = shlex.quote(request.args['e'])\n"    // 8
                                              "    os.system('ls ' + q)\n"));               // 9
  std::map<std::uint32_t, Confidence> by_line;
  for (const Finding& f : r.findings) {
    if (f.rule_id == "shell-command-string") by_line[f.start.line] = f.confidence;
  }
  EXPECT_EQ(by_line, (std::map<std::uint32_t, Confidence>{{5, Confidence::High},
                                                          {6, Confidence::Medium},
                                                          {7, Confidence::Low},
                                                          {9, Confidence::Low}}));
  // The default profile (medium and up) keeps the parameter case, not the unknown one.
  EngineOptions normal;
  normal.min_confidence = Confidence::Medium;
  FileResult d = Engine(RuleRegistry::builtin(), normal)
                     .analyze("m.py", program("def f(cmd):\n    os.system('ls ' + cmd)\n"
                                              "os.system('ls ' + build())\n"));
  std::vector<std::uint32_t> lines;
  for (const Finding& f : d.findings) {
    if (f.cwe == 78) lines.push_back(f.start.line);
  }
  EXPECT_EQ(lines, (std::vector<std::uint32_t>{4}));
  // In test code a flow does not raise a finding: the taint rules mark test code low.
  FileResult t = Engine(RuleRegistry::builtin(), strict)
                     .analyze("tests/test_m.py",
                              program("def test_a(cmd):\n    os.system('ls ' + cmd)\n"
                                      "def test_b():\n    os.system('ls ' + request.args['x'])\n"));
  std::map<std::uint32_t, Confidence> in_test;
  for (const Finding& f : t.findings) {
    if (f.rule_id == "shell-command-string") in_test[f.start.line] = f.confidence;
  }
  EXPECT_EQ(in_test,
            (std::map<std::uint32_t, Confidence>{{4, Confidence::Medium}, {6, Confidence::Low}}));
}

// Client data a method stores in `self.<attr>` reaches the sinks of the class's other methods,
// whichever comes first in the file; a sanitised attribute does not.
TEST(Taint, SelfAttributesCarryTaintBetweenMethods) {
  Analysed a(
      program("class Job:\n"                                      // 3
              "    def run(self):\n"                              // 4
              "        os.system('convert ' + self.name)\n"       // 5
              "    def load(self):\n"                             // 6
              "        self.name = request.args['name']\n"        // 7
              "        self.size = int(request.args['size'])\n"   // 8
              "    def resize(self):\n"                           // 9
              "        os.system('convert %d' % self.size)\n"));  // 10
  EXPECT_EQ(a.flows(), (Flows{{78, 5}}));
  ASSERT_EQ(a.result.flows().size(), 1u);
  std::vector<std::string> steps;
  for (const TraceStep& t : a.result.flows()[0].trace) {
    steps.push_back(t.message + "@" + std::to_string(t.at.line));
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"request.args['name']@7", "self.name@7", "self.name@5",
                                             "os.system@5"}));
  // Another class's attribute of the same name is not the same field.
  Analysed b(
      program("class A:\n    def load(self):\n        self.name = request.args['n']\n"
              "class B:\n    def run(self):\n        os.system(self.name)\n"));
  EXPECT_TRUE(b.flows().empty());
}

// Comments are named children anywhere: among with-items, arguments, if branches, try clauses.
TEST(Taint, CommentsAmongChildrenAreSkipped) {
  Analysed a(program(
      "def f():\n    with (\n        open('a') as x,  # first\n        open('b') as y,  # second\n"
      "    ):\n        pass\n    try:\n        pass\n    # between\n    except OSError:  # c\n"
      "        pass\n    if x:\n        pass\n    # before else\n    else:\n        pass\n"
      "    os.system(request.args['a'],  # arg\n    )\n"));
  EXPECT_EQ(a.flows(), (Flows{{78, 19}}));
}

TEST(TaintCatalog, BuiltinHasEveryIssueFamily) {
  const Catalog& c = Catalog::builtin();
  for (int cwe : {22, 78, 79, 89, 90, 94, 95, 113, 117, 134, 501, 502, 601, 611, 643, 918}) {
    EXPECT_NE(c.bit(cwe), 0u) << "no sink for CWE-" << cwe;
  }
  EXPECT_FALSE(c.sources.empty());
  EXPECT_FALSE(c.sanitizers.empty());
}

// Each taint rule's README lists the sinks of its CWE (generated from the catalog; this keeps
// the lists from drifting), and every sink CWE has a rule reporting it.
TEST(TaintCatalog, RulesDocumentTheirSinks) {
  const Catalog& c = Catalog::builtin();
  std::set<int> reported;
  for (const auto& r : RuleRegistry::builtin().rules()) {
    if (r.meta.check != "taint") continue;
    reported.insert(r.meta.cwe);
    for (const Sink& s : c.sinks) {
      if (s.cwe != r.meta.cwe) continue;
      for (const auto& call : s.calls) {
        EXPECT_NE(r.meta.docs.find("`" + call + "`"), std::string::npos)
            << r.meta.id << " README does not list the sink " << call << " (" << s.file << ")";
      }
      for (const auto& store : s.stores) {
        EXPECT_NE(r.meta.docs.find("`" + store + "[...] =`"), std::string::npos)
            << r.meta.id << " README does not list the sink " << store;
      }
    }
  }
  for (int cwe : c.cwes) EXPECT_TRUE(reported.count(cwe)) << "no taint rule reports CWE-" << cwe;
}

TEST(TaintCatalog, RejectsBadFiles) {
  EXPECT_THROW(Catalog::parse({{"x.toml", "[[sink]]\ncwe = 78\n"}}), std::runtime_error);
  EXPECT_THROW(Catalog::parse({{"x.toml", "[[sink]]\ncwe = 78\ncalls = ['a']\n"}}),
               std::runtime_error)
      << "a sink must name its dangerous arguments";
  EXPECT_THROW(Catalog::parse({{"x.toml", "[[source]]\nkind = 'magic'\nnames = ['a']\n"}}),
               std::runtime_error);
  EXPECT_THROW(Catalog::parse({{"x.toml", "bogus = 1\n"}}), std::runtime_error);
  EXPECT_THROW(Catalog::parse({{"x.toml", "[[sanitizer]]\ncalls = ['q']\ncwes = [78]\n"}}),
               std::runtime_error)
      << "a sanitizer for a CWE no sink has";
  Catalog ok = Catalog::parse({{"x.toml",
                                "[[sink]]\ncwe = 78\ncalls = ['os.system']\nargs = [0]\n"
                                "[[sanitizer]]\ncalls = ['shlex.quote']\ncwes = [78]\n"}});
  EXPECT_EQ(ok.cwes, (std::vector<int>{78}));
}

}  // namespace
}  // namespace secreview::taint
