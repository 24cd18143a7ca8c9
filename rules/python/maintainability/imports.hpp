#pragma once
// Helpers for the rules about import statements.
#include <tree_sitter/api.h>

#include <string>
#include <string_view>

#include "engine/rule.hpp"

namespace secreview::rules {

// The `import ...` / `from ... import ...` statement an Import belongs to.
inline TSNode import_statement(const py::Model& m, const py::Import& imp) {
  const py::Grammar& g = m.grammar();
  TSNode n = imp.node;
  while (!ts_node_is_null(n) && ts_node_symbol(n) != g.import_statement &&
         ts_node_symbol(n) != g.import_from_statement) {
    n = ts_node_parent(n);
  }
  return ts_node_is_null(n) ? imp.node : n;
}

// The statement for a message: its text on one line, or `from module import ...` when it spans
// several lines (which may hold comments).
inline std::string statement_excerpt(const py::Model& m, TSNode statement) {
  const py::Grammar& g = m.grammar();
  if (m.start(statement).line == m.end(statement).line ||
      ts_node_symbol(statement) != g.import_from_statement) {
    return excerpt(m, statement, 80);
  }
  TSNode mod = ts_node_child_by_field_id(statement, g.f_module_name);
  return "from " + std::string(m.text(mod)) + " import ...";
}

// The reviewed file's name without its directories ("__init__.py").
inline std::string_view file_name(const py::Model& m) {
  std::string_view p = m.source().path();
  std::size_t slash = p.find_last_of("/\\");
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

inline bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// True when `word` occurs in `text` as a whole identifier.
inline bool contains_word(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    bool before = at > 0 && is_identifier_char(text[at - 1]);
    std::size_t end = at + word.size();
    bool after = end < text.size() && is_identifier_char(text[end]);
    if (!before && !after) return true;
  }
  return false;
}

// True when `n` sits in a `try` statement with a handler that catches a failed import:
// `except ImportError`, `ModuleNotFoundError`, `Exception`, `BaseException` or a bare `except`.
// Such imports probe for an optional module, so whether they are used is not the point.
inline bool in_import_guard(const py::Model& m, TSNode n) {
  const py::Grammar& g = m.grammar();
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
    TSSymbol s = ts_node_symbol(p);
    if (s == g.function_definition || s == g.class_definition) return false;
    if (s != g.try_statement) continue;
    std::uint32_t k = ts_node_named_child_count(p);
    for (std::uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(p, i);
      if (ts_node_symbol(c) != g.except_clause) continue;
      std::string_view head = m.text(c);
      head = head.substr(0, head.find(':'));
      while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.remove_suffix(1);
      if (head == "except" || contains_word(head, "ImportError") ||
          contains_word(head, "ModuleNotFoundError") || contains_word(head, "Exception") ||
          contains_word(head, "BaseException")) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace secreview::rules
