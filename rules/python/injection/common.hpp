#pragma once
// Helpers shared by the command-injection rules.
#include "engine/rule.hpp"

namespace secreview::rules {

// Whether a command passed to a shell is fixed when the code is written: a constant string, or
// a list/tuple whose program (first element) is constant. With shell=True only that first
// element is parsed by the shell; later elements become the shell's positional parameters.
inline bool constant_shell_command(const py::Model& m, TSNode cmd, const py::Scope* scope) {
  cmd = m.unwrap(cmd);
  TSSymbol s = ts_node_symbol(cmd);
  const py::Grammar& g = m.grammar();
  if (s == g.list || s == g.tuple) {
    if (ts_node_named_child_count(cmd) == 0) return true;
    return m.evaluate(ts_node_named_child(cmd, 0), scope).known();
  }
  py::Value v = m.evaluate(cmd, scope);
  if (v.kind == py::Value::Kind::Sequence && !v.items.empty()) return v.items.front().known();
  return v.known();
}

}  // namespace secreview::rules
