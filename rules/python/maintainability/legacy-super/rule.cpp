// legacy-super: super(Class, self) inside a method of Class.
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class LegacySuper final : public Rule {
 public:
  explicit LegacySuper(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    if (call.args.size() != 2 || call.has_splat()) return;
    // The enclosing method and its class.
    const py::Scope* fn = call.scope;
    while (fn && fn->kind == py::Scope::Kind::Lambda) fn = fn->parent;
    if (!fn || fn->kind != py::Scope::Kind::Function || !fn->parent ||
        fn->parent->kind != py::Scope::Kind::Class) {
      return;
    }
    if (m.text(call.args[0].value) != fn->parent->name) return;
    const py::Function* method = nullptr;
    for (const auto& f : m.functions()) {
      if (f.scope == fn) method = &f;
    }
    if (!method || method->params.empty() || m.text(call.args[1].value) != method->params[0].name) {
      return;
    }
    // super(Cls, self).name(...): suggest with the same method name.
    std::string attr = "method";
    TSNode parent = ts_node_parent(call.node);
    if (!ts_node_is_null(parent) && ts_node_symbol(parent) == m.grammar().attribute) {
      attr = std::string(m.text(ts_node_child_by_field_id(parent, m.grammar().f_attribute)));
    }
    Report r;
    r.issue = expand(ctx.meta().issue, {{"call", excerpt(m, call.node, 80)}});
    r.solution = expand(ctx.meta().solution, {{"method", attr}});
    ctx.report(call.node, std::move(r));
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::LegacySuper, "legacy-super")
