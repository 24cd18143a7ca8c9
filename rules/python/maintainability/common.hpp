#pragma once
// Helpers shared by the maintainability (suggestion) rules.
#include <tree_sitter/api.h>

#include <functional>
#include <string>
#include <string_view>

#include "engine/rule.hpp"

namespace secreview::rules {

// Visits every node under `root` (not `root` itself) in source order. Nested function, class
// and lambda bodies are skipped when `into_nested_defs` is false. `visit` returns false to
// skip a node's children.
inline void walk(const py::Model& m, TSNode root, bool into_nested_defs,
                 const std::function<bool(TSNode)>& visit) {
  const py::Grammar& g = m.grammar();
  TSTreeCursor c = ts_tree_cursor_new(root);
  if (!ts_tree_cursor_goto_first_child(&c)) {
    ts_tree_cursor_delete(&c);
    return;
  }
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    TSSymbol s = ts_node_symbol(n);
    bool nested = s == g.function_definition || s == g.class_definition || s == g.lambda;
    bool descend = visit(n) && (into_nested_defs || !nested);
    if (descend && ts_tree_cursor_goto_first_child(&c)) continue;
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c) || ts_node_eq(ts_tree_cursor_current_node(&c), root)) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&c);
}

inline bool is_dunder(std::string_view name) {
  return name.size() > 4 && name.starts_with("__") && name.ends_with("__");
}

// unittest's fixed method names and test methods: their names are mandated by the framework.
inline bool is_test_method_name(std::string_view name) {
  return name.starts_with("test") || name == "setUp" || name == "tearDown" ||
         name == "setUpClass" || name == "tearDownClass" || name == "setUpModule" ||
         name == "tearDownModule" || name == "asyncSetUp" || name == "asyncTearDown";
}

// Number of source lines a node spans.
inline std::uint32_t line_span(TSNode n) {
  return ts_node_end_point(n).row - ts_node_start_point(n).row + 1;
}

// "`a` (line 3), `b` (line 9) and `c` (line 12)"
inline std::string list_names(const std::vector<std::pair<std::string, std::uint32_t>>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? " and " : ", ";
    out += "`" + items[i].first + "` (line " + std::to_string(items[i].second) + ")";
  }
  return out;
}

}  // namespace secreview::rules
