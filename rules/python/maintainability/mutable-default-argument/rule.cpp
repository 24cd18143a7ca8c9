// mutable-default-argument: a parameter default that is a list/dict/set display or a call that
// builds a new mutable container; Python evaluates it once, at `def` time.
#include <algorithm>
#include <string>
#include <vector>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

class MutableDefaultArgument final : public Rule {
 public:
  explicit MutableDefaultArgument(const RuleMeta& meta)
      : calls_(option_strings(meta, "mutable_calls")),
        mutating_(option_strings(meta, "mutating_methods")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    for (const auto& f : m.functions()) {
      for (const auto& p : f.params) {
        if (ts_node_is_null(p.default_value)) continue;
        // Defaults are evaluated in the scope that holds the `def`.
        std::string kind = mutable_kind(m, p.default_value, f.scope->parent);
        if (kind.empty()) continue;
        report(m, ctx, f, p, kind);
      }
    }
  }

 private:
  // "a list", "a dict", ... when `value` builds a new mutable object; "" otherwise.
  std::string mutable_kind(const py::Model& m, TSNode value, const py::Scope* scope) const {
    const py::Grammar& g = m.grammar();
    TSNode v = m.unwrap(value);
    TSSymbol s = ts_node_symbol(v);
    if (s == g.list || s == g.list_comprehension) return "a list";
    if (s == g.dictionary || s == g.dictionary_comprehension) return "a dict";
    if (s == g.set || s == g.set_comprehension) return "a set";
    if (s != g.call) return {};
    py::NameOrigin origin = py::NameOrigin::None;
    std::string name = m.qualify(ts_node_child_by_field_id(v, g.f_function), scope, &origin);
    if (name.empty() || std::find(calls_.begin(), calls_.end(), name) == calls_.end()) return {};
    bool builtin = name.find('.') == std::string::npos;
    if (builtin ? origin != py::NameOrigin::Global : origin != py::NameOrigin::Import) return {};
    std::string leaf = name.substr(name.rfind('.') + 1);
    return std::string(leaf == "OrderedDict" ? "an " : "a ") + "`" + leaf + "`";
  }

  // The first in-place change of parameter `name` in the function body, or a null node. A
  // rebinding of the name (`items = list(items)`) anywhere in the body gives a null node too:
  // the change may then apply to a copy.
  TSNode first_mutation(const py::Model& m, const py::Function& f, const std::string& name) const {
    const py::Grammar& g = m.grammar();
    TSNode found{};
    bool rebound = false;
    auto is_param = [&](TSNode n) {
      n = m.unwrap(n);
      return ts_node_symbol(n) == g.identifier && m.text(n) == name;
    };
    walk(m, f.body, false, [&](TSNode n) {
      if (!ts_node_is_null(found)) return false;
      TSSymbol s = ts_node_symbol(n);
      if (s == g.call) {
        TSNode fn = ts_node_child_by_field_id(n, g.f_function);
        if (ts_node_symbol(fn) == g.attribute &&
            is_param(ts_node_child_by_field_id(fn, g.f_object))) {
          std::string_view method = m.text(ts_node_child_by_field_id(fn, g.f_attribute));
          if (std::find(mutating_.begin(), mutating_.end(), method) != mutating_.end()) found = n;
        }
      } else if (s == g.assignment || s == g.augmented_assignment) {
        TSNode left = ts_node_child_by_field_id(n, g.f_left);
        if (s == g.assignment && is_param(left)) {
          rebound = true;
        } else if (ts_node_symbol(left) == g.subscript &&
                   is_param(ts_node_child_by_field_id(left, g.f_value))) {
          found = n;
        } else if (s == g.augmented_assignment && is_param(left)) {
          found = n;  // `items += [x]` extends the list in place
        }
      } else if (s == g.delete_statement) {
        for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
          TSNode t = ts_node_named_child(n, i);
          if (ts_node_symbol(t) == g.subscript &&
              is_param(ts_node_child_by_field_id(t, g.f_value))) {
            found = n;
          }
        }
      }
      return ts_node_is_null(found);
    });
    return rebound ? TSNode{} : found;
  }

  void report(const py::Model& m, Context& ctx, const py::Function& f, const py::Parameter& p,
              const std::string& kind) const {
    std::string value = excerpt(m, p.default_value, 60);
    std::string mutated;
    TSNode change = first_mutation(m, f, p.name);
    if (!ts_node_is_null(change)) {
      mutated = "; line " + std::to_string(m.start(change).line) + " changes it in place (`" +
                excerpt(m, change, 50) + "`), so the change carries over to later calls";
    }
    std::string signature = p.name;
    if (!ts_node_is_null(p.annotation)) {
      signature += ": Optional[" + excerpt(m, p.annotation, 40) + "]";
    }
    signature += ts_node_is_null(p.annotation) ? "=None" : " = None";
    std::string short_kind = kind.substr(kind.find(' ') + 1);
    Report r;
    r.issue = expand(ctx.meta().issue, {{"param", p.name},
                                        {"function", f.name},
                                        {"value", value},
                                        {"kind", kind},
                                        {"mutated", mutated}});
    r.solution = expand(
        ctx.meta().solution,
        {{"signature", signature}, {"param", p.name}, {"value", value}, {"short", short_kind}});
    ctx.report(p.default_value, std::move(r));
  }

  std::vector<std::string> calls_;
  std::vector<std::string> mutating_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::MutableDefaultArgument, "mutable-default-argument")
