#pragma once
// Helpers shared by the hard-coded secret rules.
#include <string>

#include "model/python.hpp"

namespace secreview::rules::secrets {

// The name a value is stored under: `x`, `self.x` -> "x", `cfg["x"]` -> "x"; empty otherwise.
inline std::string target_name(const py::Model& m, TSNode t) {
  const py::Grammar& g = m.grammar();
  t = m.unwrap(t);
  TSSymbol s = ts_node_symbol(t);
  if (s == g.identifier) return std::string(m.text(t));
  if (s == g.attribute) return std::string(m.text(ts_node_child_by_field_id(t, g.f_attribute)));
  if (s == g.subscript) {
    py::Value key = m.evaluate(ts_node_child_by_field_id(t, g.f_subscript), nullptr);
    if (key.is_str()) return key.str;
  }
  return {};
}

}  // namespace secreview::rules::secrets
