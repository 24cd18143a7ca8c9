#pragma once
// Python frontend, layer 2: the semantic model rules query instead of raw text.
//
// Built in one pass over the tree-sitter tree: scopes and the names they bind, imports with
// their aliases, calls with resolved qualified names and their arguments, function and class
// definitions, assignments. Values are folded to constants on demand (`evaluate`), following a
// name to its single binding. The model never executes or imports the reviewed code.
#include <tree_sitter/api.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/finding.hpp"
#include "core/source.hpp"
#include "frontend/python/parser.hpp"

namespace secreview::py {

// How a name is bound in one scope.
struct Binding {
  enum class Kind : std::uint8_t { Value, Import, Parameter, Definition, Other };
  Kind kind = Kind::Other;
  std::uint32_t count = 0;  // number of binding sites in the scope
  TSNode value{};           // for Value: the expression assigned (only meaningful if count == 1)
  std::string target;       // for Import: fully qualified name ("subprocess", "os.system")
};

struct Scope {
  enum class Kind : std::uint8_t { Module, Class, Function, Lambda };
  Kind kind = Kind::Module;
  std::string name;       // "" for the module
  std::string qualified;  // "Outer.method"
  TSNode node{};
  const Scope* parent = nullptr;
  std::unordered_map<std::string, Binding> bindings;
};

struct Import {
  std::string bound;   // the name this import binds in its scope ("sp", "run", "yaml")
  std::string target;  // what it refers to ("subprocess", "os.system", "yaml")
  TSNode node{};       // the aliased_import / dotted_name node
  const Scope* scope = nullptr;
  bool from_import = false;
};

struct Argument {
  enum class Kind : std::uint8_t { Positional, Keyword, Star, DoubleStar };
  Kind kind = Kind::Positional;
  std::string_view keyword;  // for Keyword
  TSNode value{};
};

// Where the head of a call's dotted name comes from.
enum class NameOrigin : std::uint8_t {
  Import,  // bound by an import: `sp.Popen` with `import subprocess as sp`
  Global,  // not bound in the file: a builtin (`eval`) or an unknown global
  Local,   // bound in the file: a parameter, variable, def or class (`cursor.execute`)
  None     // the callee is not a dotted name (`f()()`, `x[0]()`)
};

struct Call {
  TSNode node{};
  TSNode callee{};
  std::string name;         // resolved dotted name ("subprocess.Popen"); empty if no dotted name
  std::string_view method;  // last component of the callee ("Popen", "execute")
  NameOrigin origin = NameOrigin::None;
  std::vector<Argument> args;
  const Scope* scope = nullptr;

  const Argument* keyword(std::string_view kw) const;
  // The i-th positional argument (0-based), stopping at a *splat; null when absent.
  const Argument* positional(std::size_t i) const;
  // A parameter passed either positionally at `pos` or by keyword `name`; null node if absent.
  TSNode argument(std::size_t pos, std::string_view kw) const;
  bool has_splat() const;
};

struct Parameter {
  enum class Kind : std::uint8_t { Plain, Star, DoubleStar };
  Kind kind = Kind::Plain;
  std::string name;
  TSNode node{};
  TSNode default_value{};  // null if none
  TSNode annotation{};     // null if none
};

struct Function {
  TSNode node{};  // the function_definition
  std::string name;
  const Scope* scope = nullptr;  // the function's own scope (parent = where it is defined)
  std::vector<Parameter> params;
  std::vector<TSNode> decorators;
  TSNode body{};
  TSNode return_type{};
  bool is_method = false;
};

struct Class {
  TSNode node{};
  std::string name;
  const Scope* scope = nullptr;
  std::vector<TSNode> bases;
};

// One target = value pair. `a = b = v` gives two; `x, y = 1, 2` gives two when the lengths match.
struct Assignment {
  TSNode node{};
  TSNode target{};
  TSNode value{};
  const Scope* scope = nullptr;
  bool augmented = false;
};

// A folded constant.
struct Value {
  // Mapping: a dict display; only its size is folded (`integer`), so it is never known().
  enum class Kind : std::uint8_t { Unknown, None, Bool, Int, Float, Str, Bytes, Sequence, Mapping };
  Kind kind = Kind::Unknown;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string str;           // Str / Bytes contents (escape sequences kept as written)
  std::vector<Value> items;  // Sequence (tuple, list, set)

  bool known() const;  // every part is a constant
  bool is_str() const { return kind == Kind::Str; }
  // Python truthiness; nullopt when unknown.
  std::optional<bool> truthy() const;
};

// How a string value is built, for rules that care about injection into a query or command.
struct StringShape {
  enum class Kind : std::uint8_t { Constant, Interpolated, Opaque };
  Kind kind = Kind::Opaque;
  std::string literal;  // the constant parts, concatenated (the template of an interpolation)
  TSNode site{};        // the expression that interpolates, for locations
};

class Model {
 public:
  Model(const SourceFile& source, const TSTree* tree);
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  const SourceFile& source() const { return source_; }
  const Grammar& grammar() const { return g_; }
  TSNode root() const { return root_; }
  std::string_view text(TSNode n) const;
  Position start(TSNode n) const;
  Position end(TSNode n) const;

  const Scope& module_scope() const { return scopes_.front(); }
  const std::vector<Import>& imports() const { return imports_; }
  const std::vector<Call>& calls() const { return calls_; }
  const std::vector<Function>& functions() const { return functions_; }
  const std::vector<Class>& classes() const { return classes_; }
  const std::vector<Assignment>& assignments() const { return assignments_; }
  // Every string literal (including each part of an implicit concatenation), in source order.
  const std::vector<TSNode>& strings() const { return strings_; }
  // Every comparison (`a == b`, `x in y`, chained comparisons), in source order.
  const std::vector<TSNode>& comparisons() const { return comparisons_; }
  // Every comment, in source order.
  const std::vector<TSNode>& comments() const { return comments_; }
  // Every `for` and `while` statement, in source order.
  const std::vector<TSNode>& loops() const { return loops_; }
  // Every `try` statement's `except` clauses, in source order.
  const std::vector<TSNode>& except_clauses() const { return except_clauses_; }
  // Every `assert` statement, in source order.
  const std::vector<TSNode>& asserts() const { return asserts_; }
  // How often each name is read or written outside import statements, definitions' own names,
  // parameters, attribute names (`x.attr`) and keyword names (`f(key=...)`). Computed on first
  // use, so it costs nothing when no rule asks.
  const std::unordered_map<std::string_view, std::uint32_t>& name_uses() const;
  // Occurrences of identifier `name` inside `subtree`, counted the same way as name_uses().
  std::uint32_t count_name(TSNode subtree, std::string_view name) const;
  // The docstring of a module, class or function body (`block`), or a null node.
  TSNode docstring(TSNode body) const;
  // Positions of ERROR and MISSING nodes, in source order.
  const std::vector<Position>& syntax_errors() const { return syntax_errors_; }
  // True for test code: files under tests/ or named test_*.py, *_test.py, conftest.py.
  bool is_test_file() const { return is_test_file_; }

  // The binding of `name` visible from `scope` (Python's LEGB, class scopes skipped for nested
  // functions); null when the name is not bound in this file.
  const Binding* lookup(std::string_view name, const Scope* scope) const;
  // Dotted name of an identifier/attribute chain with its head resolved through imports.
  std::string qualify(TSNode expr, const Scope* scope, NameOrigin* origin = nullptr) const;
  // Folds an expression to a constant, following names to their single binding.
  Value evaluate(TSNode expr, const Scope* scope) const;
  // How a string expression is built (constant, interpolated from other values, or opaque).
  StringShape string_shape(TSNode expr, const Scope* scope) const;
  // The innermost function or class scope containing a node.
  const Scope* scope_of(TSNode n) const;
  // The node's parent: O(log n) for string literals, which the model's walk recorded, else
  // tree-sitter's ts_node_parent(), which walks down from the root (O(depth)).
  TSNode parent(TSNode n) const;
  // The expression `name` is bound to when it has exactly one binding (a Value); null node else.
  TSNode single_value(TSNode identifier, const Scope* scope) const;
  // An object made by a class or function defined in this file: `Packet()` in `Packet().raw(...)`,
  // or a name bound once to such a call (so its methods are not a library's).
  bool is_local_instance(TSNode expr, const Scope* scope) const;
  // Strips parentheses: `((x))` -> `x`.
  TSNode unwrap(TSNode n) const;

 private:
  struct Builder;
  Value evaluate(TSNode expr, const Scope* scope, int depth) const;
  StringShape string_shape(TSNode expr, const Scope* scope, int depth) const;
  Value string_value(TSNode str) const;

  const SourceFile& source_;
  const Grammar& g_;
  TSNode root_{};
  std::deque<Scope> scopes_;
  std::vector<Import> imports_;
  std::vector<Call> calls_;
  std::vector<Function> functions_;
  std::vector<Class> classes_;
  std::vector<Assignment> assignments_;
  std::vector<TSNode> strings_;
  std::vector<TSNode> string_parents_;  // of strings_[i]
  std::vector<TSNode> comparisons_;
  std::vector<TSNode> comments_;
  std::vector<TSNode> loops_;
  std::vector<TSNode> except_clauses_;
  std::vector<TSNode> asserts_;
  // Identifiers that count as uses of a name, in document order, recorded during the model's
  // walk; name_uses() counts them when first asked (a second walk of the tree cost 6% of a
  // full review).
  std::vector<TSNode> uses_;
  mutable std::unique_ptr<std::unordered_map<std::string_view, std::uint32_t>> name_uses_;
  bool counts_as_use(TSSymbol parent, TSFieldId field, TSSymbol grandparent) const;
  bool use_depends_on_field(TSSymbol parent) const;
  template <typename Fn>
  void for_each_use(TSNode subtree, Fn&& fn) const;
  std::vector<Position> syntax_errors_;
  bool is_test_file_ = false;
};

}  // namespace secreview::py
