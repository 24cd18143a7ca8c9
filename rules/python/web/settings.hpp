#pragma once
// Framework settings written in Python, shared by the rules that check configuration values
// (cookie flags, CORS, CSRF, Django settings) and by hardcoded-secret (Django's SECRET_KEY).
//
// A setting is an upper-case name given a value in one of the forms Django and Flask read:
//   NAME = value                    module level (Django settings) or a class body (Flask config
//                                   classes: `class ProductionConfig: SESSION_COOKIE_SECURE = ...`)
//   <x>.config["NAME"] = value      Flask's app.config
//   <x>.config.update(NAME=value), <x>.config.update({"NAME": value}), .from_mapping(...)
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"
#include "rules/python/web/words.hpp"

namespace secreview::rules::web {

struct Setting {
  std::string name;    // "SESSION_COOKIE_SECURE"
  TSNode value{};      // the expression assigned
  TSNode statement{};  // the whole setting as written (assignment, keyword, pair)
  const py::Scope* scope = nullptr;
  std::string holder;  // the class whose body sets it ("TestingConfig"), or ""
};

namespace detail {

inline bool is_config_object(const py::Model& m, TSNode n) {
  n = m.unwrap(n);
  const py::Grammar& g = m.grammar();
  if (ts_node_symbol(n) == g.attribute) {
    return m.text(ts_node_child_by_field_id(n, g.f_attribute)) == "config";
  }
  return ts_node_symbol(n) == g.identifier && m.text(n) == "config";
}

inline std::string holder_of(const py::Scope* s) {
  return s && s->kind == py::Scope::Kind::Class ? s->name : std::string();
}

}  // namespace detail

// Every setting in the file whose name is in `names`, in source order of the forms above.
inline std::vector<Setting> settings_in(const py::Model& m, const std::vector<std::string>& names) {
  const py::Grammar& g = m.grammar();
  auto wanted = [&](std::string_view n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  std::vector<Setting> out;
  for (const auto& a : m.assignments()) {
    if (a.augmented) continue;
    TSNode t = m.unwrap(a.target);
    TSSymbol s = ts_node_symbol(t);
    if (s == g.identifier) {
      bool where = a.scope && (a.scope->kind == py::Scope::Kind::Module ||
                               a.scope->kind == py::Scope::Kind::Class);
      if (where && wanted(m.text(t))) {
        out.push_back(
            {std::string(m.text(t)), a.value, a.node, a.scope, detail::holder_of(a.scope)});
      }
    } else if (s == g.subscript &&
               detail::is_config_object(m, ts_node_child_by_field_id(t, g.f_value))) {
      py::Value key = m.evaluate(ts_node_child_by_field_id(t, g.f_subscript), a.scope);
      if (key.is_str() && wanted(key.str)) {
        out.push_back({key.str, a.value, a.node, a.scope, detail::holder_of(a.scope)});
      }
    }
  }
  for (const auto& c : m.calls()) {
    if (c.method != "update" && c.method != "from_mapping") continue;
    if (ts_node_symbol(c.callee) != g.attribute) continue;
    if (!detail::is_config_object(m, ts_node_child_by_field_id(c.callee, g.f_object))) continue;
    for (const auto& arg : c.args) {
      if (arg.kind == py::Argument::Kind::Keyword && wanted(arg.keyword)) {
        out.push_back({std::string(arg.keyword), arg.value, ts_node_parent(arg.value), c.scope,
                       detail::holder_of(c.scope)});
      } else if (arg.kind == py::Argument::Kind::Positional &&
                 ts_node_symbol(m.unwrap(arg.value)) == g.dictionary) {
        TSNode dict = m.unwrap(arg.value);
        uint32_t k = ts_node_named_child_count(dict);
        for (uint32_t i = 0; i < k; ++i) {
          TSNode pair = ts_node_named_child(dict, i);
          if (ts_node_symbol(pair) != g.pair) continue;
          py::Value key = m.evaluate(ts_node_child_by_field_id(pair, g.f_key), c.scope);
          if (key.is_str() && wanted(key.str)) {
            out.push_back({key.str, ts_node_child_by_field_id(pair, g.f_value), pair, c.scope,
                           detail::holder_of(c.scope)});
          }
        }
      }
    }
  }
  return out;
}

// The file's name without directories and extension: "settings/local.py" -> "local".
inline std::string_view file_stem(const py::Model& m) {
  std::string_view p = m.source().path();
  if (auto slash = p.find_last_of("/\\"); slash != std::string_view::npos)
    p.remove_prefix(slash + 1);
  if (auto dot = p.rfind('.'); dot != std::string_view::npos) p = p.substr(0, dot);
  return p;
}

// A Django settings module: a file named settings.py (or settings_*.py / *_settings.py), a file
// of a `settings/` package, or a module that assigns at least two of `markers` (settings only
// Django reads: INSTALLED_APPS, ROOT_URLCONF, MIDDLEWARE, ...) at module level.
inline bool is_django_settings(const py::Model& m, const std::vector<std::string>& markers) {
  std::string_view path = m.source().path();
  std::string_view stem = file_stem(m);
  if (stem == "settings" || stem.starts_with("settings_") || stem.ends_with("_settings")) {
    return true;
  }
  for (std::string_view dir : {"settings/", "settings\\"}) {
    std::size_t at = path.find(dir);
    if (at != std::string_view::npos && (at == 0 || path[at - 1] == '/' || path[at - 1] == '\\')) {
      return true;
    }
  }
  const py::Grammar& g = m.grammar();
  std::vector<std::string_view> seen;
  for (const auto& a : m.assignments()) {
    if (a.scope != &m.module_scope() || ts_node_symbol(a.target) != g.identifier) continue;
    std::string_view name = m.text(a.target);
    if (in_list(markers, name) && std::find(seen.begin(), seen.end(), name) == seen.end()) {
      seen.push_back(name);
    }
  }
  return seen.size() >= 2;
}

// Why a setting is not production configuration: test code, or a file or config class named for
// development or tests (`settings/local.py`, `class TestingConfig`). Empty when it is.
inline std::string non_production_note(const py::Model& m, const std::string& holder,
                                       const std::vector<std::string>& dev_words) {
  if (m.is_test_file()) return " (in test code)";
  if (!holder.empty() && has_word(holder, dev_words)) {
    return " (in `" + holder + "`, which looks like a development or test configuration)";
  }
  if (has_word(file_stem(m), dev_words)) {
    return " (in " + std::string(file_stem(m)) +
           ".py, which looks like development or test settings)";
  }
  return {};
}

}  // namespace secreview::rules::web
