// jinja2-autoescape-false: a Jinja2 environment or template whose autoescaping is off.
#include <algorithm>

#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class Jinja2AutoescapeFalse final : public Rule {
 public:
  explicit Jinja2AutoescapeFalse(const RuleMeta& meta)
      : policies_(option_strings(meta, "policy_calls")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    const py::Grammar& g = m.grammar();
    const py::Argument* arg = call.keyword("autoescape");
    std::string how;
    std::optional<Confidence> confidence;
    if (!arg) {
      if (call.has_splat()) return;  // **options may set it
      how = "without autoescape= (the default is no escaping)";
    } else {
      TSNode v = m.unwrap(arg->value);
      TSSymbol s = ts_node_symbol(v);
      if (s == g.lambda) return;  // a policy function of the template name
      if (s == g.call) {
        std::string callee = m.qualify(ts_node_child_by_field_id(v, g.f_function), call.scope);
        if (std::find(policies_.begin(), policies_.end(), callee) != policies_.end()) return;
      }
      if (s == g.identifier) {
        const py::Binding* b = m.lookup(m.text(v), call.scope);
        if (b && b->kind == py::Binding::Kind::Definition) return;  // a policy function
      }
      std::optional<bool> on = m.evaluate(v, call.scope).truthy();
      if (on == true) return;
      if (on == false) {
        how = "with autoescape=" + excerpt(m, v, 24) + ", which turns escaping off";
      } else {
        how = "with autoescape=" + excerpt(m, v, 24) +
              ", which is not shown to be true, so escaping may be off";
        confidence = Confidence::Medium;
      }
    }
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"how", how}});
    r.solution = expand(ctx.meta().solution, {{"name", call.name}});
    r.confidence = confidence;
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  std::vector<std::string> policies_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::Jinja2AutoescapeFalse, "jinja2-autoescape-false")
