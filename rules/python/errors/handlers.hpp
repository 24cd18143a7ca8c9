#pragma once
// Helpers for `except` clauses, shared by try-except-pass (security) and broad-except
// (maintainability), so both agree on which handlers are "broad and silent" and never report
// the same clause twice.
#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"

namespace secreview::rules {

// The parts of one except_clause: the caught type (null for a bare `except:`), the name it is
// bound to (`as e`, null when none), the handler block, and whether it is `except*`.
struct ExceptParts {
  TSNode type{};
  TSNode alias{};
  TSNode block{};
  bool star = false;
};

inline ExceptParts except_parts(const py::Model& m, TSNode clause) {
  const py::Grammar& g = m.grammar();
  ExceptParts p;
  for (uint32_t i = 0; i < ts_node_child_count(clause); ++i) {
    TSNode c = ts_node_child(clause, i);
    if (ts_node_symbol(c) == g.block) p.block = c;
    if (!ts_node_is_named(c) && std::string_view(ts_node_type(c)) == "*") p.star = true;
  }
  TSNode value = ts_node_child_by_field_id(clause, g.f_value);
  p.type = value;
  if (!ts_node_is_null(value) && ts_node_symbol(value) == g.as_pattern) {
    p.type = ts_node_named_child(value, 0);
    p.alias = ts_node_child_by_field_id(value, g.f_alias);
  }
  return p;
}

// "Exception" or "BaseException" when `type` names the builtin, alone or inside a tuple; empty
// otherwise (a local class or variable named `Exception` is not the builtin).
inline std::string broad_exception_name(const py::Model& m, TSNode type) {
  const py::Grammar& g = m.grammar();
  type = m.unwrap(type);
  if (ts_node_is_null(type)) return {};
  std::vector<TSNode> names;
  if (ts_node_symbol(type) == g.tuple) {
    for (uint32_t i = 0; i < ts_node_named_child_count(type); ++i) {
      names.push_back(m.unwrap(ts_node_named_child(type, i)));
    }
  } else {
    names.push_back(type);
  }
  const py::Scope* scope = m.scope_of(type);
  for (TSNode n : names) {
    if (ts_node_symbol(n) != g.identifier) continue;
    std::string_view t = m.text(n);
    if ((t == "Exception" || t == "BaseException") && !m.lookup(t, scope)) return std::string(t);
  }
  return {};
}

// The handler's only statement when the whole block (comments aside) is one `pass`,
// `continue` or `...`; a null node otherwise.
inline TSNode silent_statement(const py::Model& m, TSNode block) {
  const py::Grammar& g = m.grammar();
  if (ts_node_is_null(block)) return {};
  TSNode only{};
  for (uint32_t i = 0; i < ts_node_named_child_count(block); ++i) {
    TSNode st = ts_node_named_child(block, i);
    if (ts_node_symbol(st) == g.comment) continue;
    if (!ts_node_is_null(only)) return {};
    only = st;
  }
  if (ts_node_is_null(only)) return {};
  TSSymbol s = ts_node_symbol(only);
  if (s == g.pass_statement || s == g.continue_statement) return only;
  if (s == g.expression_statement && ts_node_named_child_count(only) == 1 &&
      std::string_view(ts_node_type(ts_node_named_child(only, 0))) == "ellipsis") {
    return only;
  }
  return {};
}

// A bare `except:` or an `except Exception/BaseException` (alone or in a tuple) whose whole
// handler is `pass`, `continue` or `...`: the clauses try-except-pass reports.
inline bool is_silent_broad_handler(const py::Model& m, TSNode clause) {
  ExceptParts p = except_parts(m, clause);
  if (ts_node_is_null(silent_statement(m, p.block))) return false;
  return ts_node_is_null(p.type) || !broad_exception_name(m, p.type).empty();
}

}  // namespace secreview::rules
