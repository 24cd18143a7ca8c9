#pragma once
// Helpers for the rules about the shape of functions (length, nesting, complexity, names).
#include <tree_sitter/api.h>

#include <cctype>
#include <string>
#include <string_view>

#include "engine/rule.hpp"

namespace secreview::rules {

// A grammar symbol the model's Grammar does not name ("if_clause"), resolved once.
inline TSSymbol python_symbol(std::string_view name) {
  return ts_language_symbol_for_name(tree_sitter_python(), name.data(),
                                     static_cast<std::uint32_t>(name.size()), true);
}

// The block statements that open a nesting level: if, for, while, with, try, match.
inline bool is_compound_statement(const py::Grammar& g, TSSymbol s) {
  return s == g.if_statement || s == g.for_statement || s == g.while_statement ||
         s == g.with_statement || s == g.try_statement || s == g.match_statement;
}

// The keyword that opens a compound statement, "async for" and "async with" included.
inline std::string statement_keyword(const py::Model& m, TSNode n) {
  const py::Grammar& g = m.grammar();
  TSSymbol s = ts_node_symbol(n);
  std::string kw = s == g.if_statement      ? "if"
                   : s == g.for_statement   ? "for"
                   : s == g.while_statement ? "while"
                   : s == g.with_statement  ? "with"
                   : s == g.try_statement   ? "try"
                   : s == g.match_statement ? "match"
                                            : std::string(ts_node_type(n));
  if ((s == g.for_statement || s == g.with_statement) && m.text(n).starts_with("async")) {
    kw = "async " + kw;
  }
  return kw;
}

// "function `load`" or "method `Store.load`" (nested: "function `outer.inner`").
inline std::string function_label(const py::Function& f) {
  std::string name = f.scope && !f.scope->qualified.empty() ? f.scope->qualified : f.name;
  return std::string(f.is_method ? "method" : "function") + " `" + name + "`";
}

// "lines 12-40"
inline std::string line_range(const py::Model& m, TSNode n) {
  return "lines " + std::to_string(m.start(n).line) + "-" + std::to_string(m.end(n).line);
}

}  // namespace secreview::rules
