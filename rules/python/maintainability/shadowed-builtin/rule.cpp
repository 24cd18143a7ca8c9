// shadowed-builtin: `list = ...`, `for id in ...`, `def f(type):`, `def open():` hide a builtin.
#include <algorithm>
#include <map>
#include <set>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

class ShadowedBuiltin final : public Rule {
 public:
  explicit ShadowedBuiltin(const RuleMeta& meta) {
    for (auto& b : option_strings(meta, "builtins")) builtins_.insert(std::move(b));
  }

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    std::vector<Item> items;
    auto add = [&](const py::Scope* scope, TSNode at, const char* kind) {
      if (!scope || scope->kind == py::Scope::Kind::Class) return;  // attributes, not names
      std::string name(m.text(at));
      if (!builtins_.count(name)) return;
      items.push_back({scope, std::move(name), at, kind});
    };

    for (const auto& a : m.assignments()) {
      if (a.augmented) continue;  // `x += 1` needs an earlier binding, reported there
      if (is_compat_alias(m, a)) continue;
      for (TSNode id : pattern_names(m, a.target)) add(a.scope, id, "variable");
    }
    for (TSNode loop : m.loops()) {
      if (ts_node_symbol(loop) != g.for_statement) continue;
      for (TSNode id : pattern_names(m, ts_node_child_by_field_id(loop, g.f_left))) {
        add(m.scope_of(loop), id, "loop variable");
      }
    }
    for (const auto& f : m.functions()) {
      for (const auto& p : f.params) {
        if (!own_parameters(m, f)) break;
        TSNode id = param_identifier(m, p.node);
        if (!ts_node_is_null(id)) add(f.scope, id, "parameter");
      }
      add(f.scope->parent, ts_node_child_by_field_id(f.node, g.f_name), "function");
    }
    for (const auto& c : m.classes()) {
      add(c.scope->parent, ts_node_child_by_field_id(c.node, g.f_name), "class");
    }

    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return ts_node_start_byte(a.node) < ts_node_start_byte(b.node);
    });
    std::set<std::pair<const py::Scope*, std::string>> seen;
    for (const auto& it : items) {
      if (!seen.insert({it.scope, it.name}).second) continue;  // first binding per scope only
      // An enclosing function or the module already binds the name: this one hides that
      // binding, not the builtin (the outer one is reported unless it is an import or a
      // compatibility alias).
      if (bound_outside(it.scope, it.name)) continue;
      std::string kind = it.kind;
      std::string caller_note;
      if (kind == "parameter") {
        caller_note = "; callers passing `" + it.name + "=` by keyword must use the new name";
      } else if (kind == "function" || kind == "class") {
        caller_note = "; code that refers to it must use the new name";
      }
      Report r;
      r.issue = expand(ctx.meta().issue,
                       {{"kind", kind}, {"name", it.name}, {"scope", describe(it.scope)}});
      r.solution = expand(ctx.meta().solution, {{"name", it.name},
                                                {"says", kind == "function" ? "does"
                                                         : kind == "class"  ? "is"
                                                                            : "holds"},
                                                {"caller_note", caller_note}});
      ctx.report(it.node, std::move(r));
    }
  }

 private:
  struct Item {
    const py::Scope* scope;
    std::string name;
    TSNode node{};
    const char* kind;
  };

  // Whether the function's parameter names are its author's choice. A method of a class with
  // a base may override one whose names are fixed by the base (`def log_message(self, format,
  // *args)`), and special methods have names set by the protocol (`__exit__(self, type, ...)`).
  static bool own_parameters(const py::Model& m, const py::Function& f) {
    if (!f.is_method) return true;
    if (is_dunder(f.name) && f.name != "__init__" && f.name != "__new__") return false;
    for (const auto& c : m.classes()) {
      if (c.scope != f.scope->parent) continue;
      for (TSNode b : c.bases) {
        if (m.text(b) != "object") return false;
      }
    }
    return true;
  }

  bool bound_outside(const py::Scope* scope, const std::string& name) const {
    for (const py::Scope* s = scope->parent; s; s = s->parent) {
      if (s->kind == py::Scope::Kind::Class) continue;  // class names are not visible inside
      if (s->bindings.count(name)) return true;
    }
    return false;
  }

  static std::string describe(const py::Scope* s) {
    switch (s->kind) {
      case py::Scope::Kind::Module:
        return "in this module";
      case py::Scope::Kind::Function:
        if (s->parent && s->parent->kind == py::Scope::Kind::Class) {
          return "in method `" + s->qualified + "`";
        }
        return "in function `" + s->qualified + "`";
      case py::Scope::Kind::Lambda:
        return "in a lambda";
      case py::Scope::Kind::Class:
        break;
    }
    return "in class `" + s->qualified + "`";
  }

  // Identifiers an assignment or loop target binds (`a`, `a, (b, *c)`); not attributes/items.
  static std::vector<TSNode> pattern_names(const py::Model& m, TSNode target) {
    std::vector<TSNode> out;
    if (ts_node_is_null(target)) return out;
    const py::Grammar& g = m.grammar();
    std::vector<TSNode> todo{target};
    while (!todo.empty()) {
      TSNode n = todo.back();
      todo.pop_back();
      TSSymbol s = ts_node_symbol(n);
      if (s == g.identifier) {
        out.push_back(n);
      } else if (s == g.pattern_list || s == g.tuple_pattern || s == g.list_pattern ||
                 s == g.tuple || s == g.list || s == g.list_splat_pattern ||
                 s == g.parenthesized_expression || s == g.list_splat) {
        std::uint32_t k = ts_node_named_child_count(n);
        for (std::uint32_t i = k; i > 0; --i) todo.push_back(ts_node_named_child(n, i - 1));
      }
    }
    std::sort(out.begin(), out.end(),
              [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
    return out;
  }

  // The identifier naming a parameter node (`x`, `x=1`, `x: int`, `*x`, `**x`).
  static TSNode param_identifier(const py::Model& m, TSNode p) {
    const py::Grammar& g = m.grammar();
    for (int depth = 0; depth < 3 && !ts_node_is_null(p); ++depth) {
      TSSymbol s = ts_node_symbol(p);
      if (s == g.identifier) return p;
      if (s == g.default_parameter || s == g.typed_default_parameter) {
        p = ts_node_child_by_field_id(p, g.f_name);
      } else {
        p = ts_node_named_child(p, 0);
      }
    }
    return {};
  }

  // `input = raw_input`, `open = io.open`, `zip = itertools.izip`, `str = six.text_type`: a
  // compatibility alias that keeps the builtin's meaning on purpose.
  static bool is_compat_alias(const py::Model& m, const py::Assignment& a) {
    const py::Grammar& g = m.grammar();
    TSNode target = m.unwrap(a.target);
    TSNode value = m.unwrap(a.value);
    if (ts_node_symbol(target) != g.identifier) return false;
    TSSymbol vs = ts_node_symbol(value);
    if (vs != g.identifier && vs != g.attribute) return false;
    std::string_view name = m.text(target);
    std::string_view v =
        m.text(vs == g.attribute ? ts_node_child_by_field_id(value, g.f_attribute) : value);
    static const std::map<std::string_view, std::vector<std::string_view>> kAliases = {
        {"input", {"raw_input"}},
        {"str", {"unicode", "text_type"}},
        {"int", {"long"}},
        {"range", {"xrange"}},
        {"bytes", {"binary_type"}},
        {"zip", {"izip"}},
        {"map", {"imap"}},
        {"filter", {"ifilter"}},
        {"next", {"advance_iterator"}}};
    if (v == name) return true;
    if (auto it = kAliases.find(name); it != kAliases.end()) {
      return std::find(it->second.begin(), it->second.end(), v) != it->second.end();
    }
    return false;
  }

  std::set<std::string> builtins_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::ShadowedBuiltin, "shadowed-builtin")
