#pragma once
// Helpers for rules about loops.
#include "engine/rule.hpp"

namespace secreview::rules {

// The innermost for/while loop around `n` within the same function, or a null node.
inline TSNode enclosing_loop(const py::Model& m, TSNode n) {
  const py::Grammar& g = m.grammar();
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
    TSSymbol s = ts_node_symbol(p);
    if (s == g.for_statement || s == g.while_statement) return p;
    if (s == g.function_definition || s == g.class_definition || s == g.lambda) break;
  }
  return {};
}

inline bool contains(TSNode outer, TSNode inner) {
  return ts_node_start_byte(inner) >= ts_node_start_byte(outer) &&
         ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

}  // namespace secreview::rules
