#pragma once
// Helpers shared by the XML parser rules (xml-entity-expansion, xml-external-entity).
#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"

namespace secreview::rules {

// The document is a constant string (or bytes) with no markup declaration (`<!DOCTYPE`,
// `<!ENTITY`): nothing in it can define or reference an entity.
inline bool constant_xml_without_dtd(const py::Model& m, TSNode data, const py::Scope* scope) {
  if (ts_node_is_null(data)) return false;
  py::Value v = m.evaluate(data, scope);
  if (v.kind != py::Value::Kind::Str && v.kind != py::Value::Kind::Bytes) return false;
  return v.str.find("<!") == std::string::npos;
}

// The file calls one of `names` (qualified, e.g. "defusedxml.defuse_stdlib") anywhere.
inline bool file_calls(const py::Model& m, const std::vector<std::string>& names) {
  for (const py::Call& c : m.calls()) {
    if (c.origin != py::NameOrigin::Import) continue;
    for (const auto& n : names) {
      if (c.name == n) return true;
    }
  }
  return false;
}

// "xml.etree.ElementTree" for "xml.etree.ElementTree.parse".
inline std::string_view module_of(std::string_view qualified) {
  auto dot = qualified.rfind('.');
  return dot == std::string_view::npos ? std::string_view{} : qualified.substr(0, dot);
}

// "parseString" for "xml.dom.minidom.parseString", whatever name the call was written with.
inline std::string_view function_of(std::string_view qualified) {
  auto dot = qualified.rfind('.');
  return dot == std::string_view::npos ? qualified : qualified.substr(dot + 1);
}

}  // namespace secreview::rules
