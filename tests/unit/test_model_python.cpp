// The Python semantic model: imports and aliases, qualified call names, arguments, constant
// folding, scopes, syntax errors.
#include <gtest/gtest.h>

#include "frontend/python/parser.hpp"
#include "model/python.hpp"

namespace secreview::py {
namespace {

struct Parsed {
  SourceFile source;
  Tree tree;
  std::unique_ptr<Model> model;
  explicit Parsed(std::string text, std::string path = "m.py")
      : source(std::move(path), std::move(text)),
        tree(parse(source.text())),
        model(std::make_unique<Model>(source, tree.get())) {}
  const Call& call(std::string_view method) const {
    for (const auto& c : model->calls()) {
      if (c.method == method) return c;
    }
    throw std::runtime_error("no call " + std::string(method));
  }
};

TEST(PythonModel, ResolvesImportAliases) {
  Parsed p(
      "import subprocess as sp\n"
      "from os import system as run\n"
      "from yaml import load\n"
      "import os.path\n"
      "from . import sibling\n"
      "sp.Popen('x')\n"
      "run('y')\n"
      "load(data)\n"
      "os.path.join('a', 'b')\n"
      "sibling.go()\n");
  EXPECT_EQ(p.call("Popen").name, "subprocess.Popen");
  EXPECT_EQ(p.call("Popen").origin, NameOrigin::Import);
  EXPECT_EQ(p.call("run").name, "os.system");
  EXPECT_EQ(p.call("load").name, "yaml.load");
  EXPECT_EQ(p.call("join").name, "os.path.join");
  EXPECT_EQ(p.call("go").name, ".sibling.go");
  ASSERT_EQ(p.model->imports().size(), 5u);
  EXPECT_EQ(p.model->imports()[0].bound, "sp");
  EXPECT_EQ(p.model->imports()[0].target, "subprocess");
  EXPECT_TRUE(p.model->imports()[1].from_import);
}

TEST(PythonModel, DistinguishesBuiltinsLocalsAndChains) {
  Parsed p(
      "import requests\n"
      "def f(cursor):\n"
      "    eval(x)\n"
      "    cursor.execute(q)\n"
      "    requests.Session().get(u)\n"
      "    (lambda: 1)()\n");
  EXPECT_EQ(p.call("eval").origin, NameOrigin::Global);
  EXPECT_EQ(p.call("execute").origin, NameOrigin::Local);
  EXPECT_EQ(p.call("execute").name, "cursor.execute");
  EXPECT_EQ(p.call("get").name, "requests.Session().get");
  EXPECT_EQ(p.call("get").origin, NameOrigin::Import);
}

TEST(PythonModel, LocalDefinitionShadowsImportedName) {
  Parsed p("def eval(x):\n    return x\neval(y)\n");
  EXPECT_EQ(p.call("eval").origin, NameOrigin::Local);
}

TEST(PythonModel, FunctionLevelImportsResolve) {
  Parsed p("def f(c):\n    import pickle as pk\n    return pk.loads(c)\n");
  EXPECT_EQ(p.call("loads").name, "pickle.loads");
}

TEST(PythonModel, CollectsArguments) {
  Parsed p("f(1, 'two', *rest, key=3, **kw)\n");
  const Call& c = p.call("f");
  ASSERT_EQ(c.args.size(), 5u);
  EXPECT_NE(c.positional(1), nullptr);
  EXPECT_EQ(c.positional(2), nullptr) << "positions after *splat are unknown";
  ASSERT_NE(c.keyword("key"), nullptr);
  EXPECT_EQ(p.model->text(c.keyword("key")->value), "3");
  EXPECT_TRUE(c.has_splat());
  EXPECT_EQ(p.model->text(c.argument(5, "key")), "3");
}

TEST(PythonModel, FoldsConstants) {
  Parsed p(
      "A = 'ls'\n"
      "B = A + ' -l'\n"
      "N = 0o777\n"
      "M = 1 << 4 | 2\n"
      "T = ('x', 2, None)\n"
      "R = 'a'\n"
      "R = 'b'\n"
      "def g(param):\n"
      "    use(B, N, M, T, R, param, f'{param}', f'plain', -5, True)\n");
  const Call& c = p.call("use");
  auto val = [&](std::size_t i) { return p.model->evaluate(c.positional(i)->value, c.scope); };
  EXPECT_EQ(val(0).str, "ls -l");
  EXPECT_EQ(val(1).integer, 0777);
  EXPECT_EQ(val(2).integer, 18);
  EXPECT_TRUE(val(3).known());
  EXPECT_EQ(val(3).items.size(), 3u);
  EXPECT_FALSE(val(4).known()) << "a name bound twice is not a constant";
  EXPECT_FALSE(val(5).known()) << "a parameter is not a constant";
  EXPECT_FALSE(val(6).known()) << "an f-string with a placeholder is not a constant";
  EXPECT_EQ(val(7).str, "plain");
  EXPECT_EQ(val(8).integer, -5);
  EXPECT_EQ(val(9).truthy(), true);
}

TEST(PythonModel, ClassScopeIsNotVisibleFromMethods) {
  Parsed p("X = 'module'\nclass C:\n    X = 'class'\n    def m(self):\n        use(X)\n");
  const Call& c = p.call("use");
  EXPECT_EQ(p.model->evaluate(c.positional(0)->value, c.scope).str, "module");
}

TEST(PythonModel, StringShapes) {
  Parsed p(
      "def f(x):\n"
      "    q = 'SELECT %s' % x\n"
      "    use('a' + x, q, 'k={}'.format(1), f'v={x}', 'plain', x)\n");
  const Call& c = p.call("use");
  auto shape = [&](std::size_t i) {
    return p.model->string_shape(c.positional(i)->value, c.scope).kind;
  };
  EXPECT_EQ(shape(0), StringShape::Kind::Interpolated);
  EXPECT_EQ(shape(1), StringShape::Kind::Interpolated);
  EXPECT_EQ(p.model->string_shape(c.positional(1)->value, c.scope).literal, "SELECT %s");
  EXPECT_EQ(shape(2), StringShape::Kind::Constant);
  EXPECT_EQ(shape(3), StringShape::Kind::Interpolated);
  EXPECT_EQ(shape(4), StringShape::Kind::Constant);
  EXPECT_EQ(shape(5), StringShape::Kind::Opaque);
}

// The parents the walk recorded for string literals are tree-sitter's, in every position a
// string can take (nested in f-strings, concatenations, dict keys, at the top of the file).
TEST(PythonModel, ParentsOfStringsMatchTreeSitter) {
  Parsed p(
      "'module docstring'\n"
      "x = {'key': 'value', \"k2\": f'a{\"inner\"}b'}\n"
      "y = ('one' 'two')\n"
      "def f(a='default'):\n"
      "    return g(\"arg\", k=b'bytes')\n"
      "[r'raw' for _ in ()]\n");
  ASSERT_EQ(p.model->strings().size(), 12u);
  for (TSNode s : p.model->strings()) {
    EXPECT_TRUE(ts_node_eq(p.model->parent(s), ts_node_parent(s))) << p.model->text(s);
  }
  TSNode call = p.call("g").node;
  EXPECT_TRUE(ts_node_eq(p.model->parent(call), ts_node_parent(call)));
  EXPECT_TRUE(ts_node_is_null(p.model->parent(p.model->root())));
}

// Reference for count_name(): walks `subtree` with ts_node_parent() and applies the rules of a
// name use (not an attribute, keyword, parameter, definition or import name), with the root's
// own context unknown (an identifier root counts, as do the names right under it).
std::uint32_t reference_count(const Model& m, TSNode subtree, std::string_view name) {
  auto kind = [](TSNode n) { return std::string_view(ts_node_is_null(n) ? "" : ts_node_type(n)); };
  auto field_in_parent = [](TSNode parent, TSNode child) -> std::string_view {
    for (std::uint32_t i = 0; i < ts_node_child_count(parent); ++i) {
      if (ts_node_eq(ts_node_child(parent, i), child)) {
        const char* f = ts_node_field_name_for_child(parent, i);
        return f ? f : "";
      }
    }
    return "";
  };
  std::uint32_t count = 0;
  std::vector<TSNode> todo{subtree};
  while (!todo.empty()) {
    TSNode n = todo.back();
    todo.pop_back();
    for (std::uint32_t i = 0; i < ts_node_child_count(n); ++i) todo.push_back(ts_node_child(n, i));
    if (kind(n) != "identifier" || m.text(n) != name) continue;
    bool root = ts_node_eq(n, subtree);
    TSNode parent = root ? TSNode{} : ts_node_parent(n);
    std::string_view p = kind(parent);
    std::string_view field = root ? "" : field_in_parent(parent, n);
    std::string_view gp = root || ts_node_eq(parent, subtree) ? "" : kind(ts_node_parent(parent));
    bool use = true;
    if (p == "attribute") use = field != "attribute";
    if (p == "keyword_argument" || p == "function_definition" || p == "class_definition" ||
        p == "default_parameter" || p == "typed_default_parameter") {
      use = field != "name";
    }
    if (p == "parameters" || p == "lambda_parameters" || p == "dotted_name" ||
        p == "aliased_import") {
      use = false;
    }
    if (p == "typed_parameter" || p == "list_splat_pattern" || p == "dictionary_splat_pattern") {
      use = !(gp == "parameters" || gp == "lambda_parameters" || gp == "typed_parameter");
    }
    count += use;
  }
  return count;
}

TEST(PythonModel, NameUsesRecordedInTheWalkMatchAFreshCount) {
  // name_uses() is counted from identifiers recorded during the model's walk; the reference
  // walks the tree itself. The two must agree on every name, in every position a name can take
  // (attribute object vs attribute, keyword names, parameters, definitions, imports).
  Parsed p(
      "import os.path as osp, sys\n"
      "from json import loads as jl\n"
      "class C(Base, metaclass=Meta):\n"
      "    attr: int = sys.maxsize\n"
      "    def m(self, a, b=os, *args: T, c: U = V, **kw) -> R:\n"
      "        x = self.attr + a.b.c(d=e, **kw)\n"
      "        return lambda q, r=s: q + t\n"
      "def f(p, /, *, k=jl):\n"
      "    global g\n"
      "    for i in osp.join(p, k):\n"
      "        yield C(i).m(x for x in range(i) if x)\n");
  const auto& uses = p.model->name_uses();
  std::uint32_t total = 0;
  for (const auto& [name, count] : uses) {
    EXPECT_EQ(count, reference_count(*p.model, p.model->root(), name)) << name;
    total += count;
  }
  EXPECT_GT(total, 20u);
  EXPECT_EQ(uses.count("attr"), 1u);     // `attr: int` is a use of the name in the class body
  EXPECT_EQ(uses.at("sys"), 1u);         // `sys.maxsize`; the import itself is not a use
  EXPECT_EQ(uses.count("maxsize"), 0u);  // an attribute, not a name
  EXPECT_EQ(uses.count("d"), 0u);        // a keyword argument's name
  EXPECT_EQ(uses.at("e"), 1u);
}

TEST(PythonModel, CountNameAgreesWithAWalkOfEverySubtree) {
  // count_name() answers from the uses recorded in the model's walk for most subtrees; for every
  // node of this file and every name in it, it must give what a walk of that subtree gives.
  Parsed p(
      "import os.path as osp\n"
      "class C(Base):\n"
      "    def m(self, a, b=os, *args: T, c: U = V, **kw):\n"
      "        for i in range(a):\n"
      "            x = self.attr + a.b.c(d=e, **kw) + i\n"
      "        return lambda q, *r, s=t: q + s\n"
      "def f(p, /, *ps: P, k=osp, **kws: K):\n"
      "    with open(p) as fh:\n"
      "        yield C(fh).m(x for x in range(p) if x)\n");
  std::vector<std::string_view> names;
  for (const auto& [name, count] : p.model->name_uses()) names.push_back(name);
  for (std::string_view extra : {"attr", "d", "self", "args", "kw", "r", "ps", "kws", "m", "C"}) {
    names.push_back(extra);
  }
  std::vector<TSNode> todo{p.model->root()};
  std::size_t checked = 0;
  while (!todo.empty()) {
    TSNode n = todo.back();
    todo.pop_back();
    for (std::uint32_t i = 0; i < ts_node_child_count(n); ++i) todo.push_back(ts_node_child(n, i));
    for (std::string_view name : names) {
      ASSERT_EQ(p.model->count_name(n, name), reference_count(*p.model, n, name))
          << name << " in " << ts_node_type(n) << " at byte " << ts_node_start_byte(n);
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000u);
}

TEST(PythonModel, ScopesFunctionsAndClasses) {
  Parsed p(
      "class Outer:\n"
      "    @staticmethod\n"
      "    def method(a, b: int = 2, *args, c, **kw) -> None:\n"
      "        inner()\n");
  ASSERT_EQ(p.model->functions().size(), 1u);
  const Function& f = p.model->functions()[0];
  EXPECT_TRUE(f.is_method);
  EXPECT_EQ(f.scope->qualified, "Outer.method");
  EXPECT_EQ(f.decorators.size(), 1u);
  ASSERT_EQ(f.params.size(), 5u);
  EXPECT_EQ(f.params[1].name, "b");
  EXPECT_FALSE(ts_node_is_null(f.params[1].annotation));
  EXPECT_FALSE(ts_node_is_null(f.params[1].default_value));
  EXPECT_EQ(f.params[2].kind, Parameter::Kind::Star);
  EXPECT_EQ(f.params[4].kind, Parameter::Kind::DoubleStar);
  EXPECT_FALSE(ts_node_is_null(f.return_type));
  EXPECT_EQ(p.call("inner").scope, f.scope);
  ASSERT_EQ(p.model->classes().size(), 1u);
  EXPECT_EQ(p.model->scope_of(p.call("inner").node), f.scope);
}

TEST(PythonModel, RecordsSyntaxErrorsAndKeepsGoing) {
  Parsed p("import os\ndef broken(:\n    pass\nos.system(cmd)\n");
  ASSERT_FALSE(p.model->syntax_errors().empty());
  EXPECT_EQ(p.model->syntax_errors().front().line, 2u);
  EXPECT_EQ(p.call("system").name, "os.system");
}

TEST(PythonModel, PositionsCountCodePoints) {
  Parsed p("x = 'é'; eval(y)\n");
  EXPECT_EQ(p.model->start(p.call("eval").node).column, 10u);
}

TEST(PythonModel, SurvivesDeepNesting) {
  std::string deep = "x = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  for (int i = 0; i < 200; ++i) deep += std::string(static_cast<std::size_t>(i), ' ') + "if a:\n";
  deep += std::string(200, ' ') + "eval(z)\n";
  Parsed p(deep);
  EXPECT_EQ(p.model->calls().size(), 1u);
}

TEST(PythonModel, DetectsTestFiles) {
  EXPECT_TRUE(Parsed("", "pkg/tests/unit/foo.py").model->is_test_file());
  EXPECT_TRUE(Parsed("", "test_foo.py").model->is_test_file());
  EXPECT_TRUE(Parsed("", "pkg/foo_test.py").model->is_test_file());
  EXPECT_FALSE(Parsed("", "pkg/contest.py").model->is_test_file());
}

}  // namespace
}  // namespace secreview::py
