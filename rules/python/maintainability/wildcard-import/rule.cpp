// wildcard-import: `from module import *`.
//
// The suggested explicit import lists the names the file reads without binding them anywhere
// (and that are not builtins): those are the ones a wildcard import can be providing.
#include <algorithm>
#include <set>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"
#include "rules/python/maintainability/imports.hpp"
#include "rules/python/maintainability/structure.hpp"

namespace secreview::rules {
namespace {

// Python 3 builtins, and Python 2 ones that old code still reads without importing.
constexpr std::string_view kBuiltins[] = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError",
    "Exception", "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError",
    "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
    "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
    "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError",
    "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "PythonFinalizationError", "RecursionError", "ReferenceError", "ResourceWarning",
    "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError",
    "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError", "True", "TypeError",
    "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError",
    "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning",
    "ZeroDivisionError", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool",
    "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex",
    "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit",
    "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help",
    "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list",
    "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow",
    "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
    "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
    // Python 2
    "StandardError", "apply", "basestring", "buffer", "cmp", "coerce", "execfile", "file", "intern",
    "long", "raw_input", "reduce", "reload", "unichr", "unicode", "xrange"};

constexpr std::size_t kMaxNames = 12;

class WildcardImport final : public Rule {
 public:
  explicit WildcardImport(const RuleMeta& /*meta*/) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    std::vector<const py::Import*> wildcards;
    bool init = file_name(m) == "__init__.py";
    for (const auto& imp : m.imports()) {
      if (imp.bound != "*") continue;
      // A package's __init__.py re-exporting its own modules is the accepted use.
      if (init && imp.target.starts_with(".")) continue;
      wildcards.push_back(&imp);
    }
    if (wildcards.empty()) return;
    std::vector<std::string> unbound = unbound_names(m);
    for (const auto* imp : wildcards) {
      TSNode st = import_statement(m, *imp);
      std::string module(m.text(ts_node_child_by_field_id(st, m.grammar().f_module_name)));
      Report r;
      r.issue =
          expand(ctx.meta().issue, {{"statement", statement_excerpt(m, st)}, {"module", module}});
      r.solution =
          expand(ctx.meta().solution, {{"names", names(module, unbound, wildcards.size())}});
      ctx.report(st, std::move(r));
    }
  }

 private:
  // Names the file reads but binds nowhere (any scope) and that are not builtins, sorted.
  static std::vector<std::string> unbound_names(const py::Model& m) {
    const py::Grammar& g = m.grammar();
    std::set<std::string_view> bound;
    auto add_scope = [&](const py::Scope* s) {
      if (!s) return;
      for (const auto& [name, b] : s->bindings) bound.insert(name);
    };
    add_scope(&m.module_scope());
    for (const auto& f : m.functions()) add_scope(f.scope);
    for (const auto& c : m.classes()) add_scope(c.scope);
    static const TSSymbol case_pattern = python_symbol("case_pattern");
    walk(m, m.root(), true, [&](TSNode n) {
      TSSymbol s = ts_node_symbol(n);
      if (s == g.lambda) {
        TSNode params = ts_node_child_by_field_id(n, g.f_parameters);
        if (!ts_node_is_null(params)) add_scope(m.scope_of(params));
      } else if (s == case_pattern) {
        // Capture patterns bind names the model does not record.
        walk(m, n, true, [&](TSNode id) {
          if (ts_node_symbol(id) == g.identifier) bound.insert(m.text(id));
          return true;
        });
      }
      return true;
    });
    std::vector<std::string> out;
    for (const auto& [name, count] : m.name_uses()) {
      if (!count || bound.count(name) || is_dunder(name)) continue;
      if (std::find(std::begin(kBuiltins), std::end(kBuiltins), name) != std::end(kBuiltins)) {
        continue;
      }
      out.emplace_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  static std::string names(const std::string& module, const std::vector<std::string>& unbound,
                           std::size_t wildcards) {
    if (unbound.empty()) {
      return " (the file reads no name it does not define, so the wildcard import may be "
             "removable), or import the module and qualify what you use";
    }
    std::string list, shown;
    for (std::size_t i = 0; i < unbound.size() && i < kMaxNames; ++i) {
      if (i) {
        list += ", ";
        shown += ", ";
      }
      list += unbound[i];
      shown += "`" + unbound[i] + "`";
    }
    std::string more;
    if (unbound.size() > kMaxNames) {
      more = " (and " + std::to_string(unbound.size() - kMaxNames) + " more)";
    }
    bool one = unbound.size() == 1;
    std::string out = ": this file reads " + shown + more + " without defining or importing " +
                      (one ? "it" : "them") + " by name";
    if (wildcards == 1) {
      out += std::string(one ? ", so if it comes" : ", so if they come") + " from `" + module +
             "`, write `from " + module + " import " + list + (more.empty() ? "" : ", ...") + "`";
    } else {
      out += std::string(one ? "; list it" : "; list each of them") + " in the one of the " +
             std::to_string(wildcards) + " wildcard imports that provides it";
    }
    return out;
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::WildcardImport, "wildcard-import")
