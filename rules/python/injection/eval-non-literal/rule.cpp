// eval-non-literal: eval()/exec() of code that is not a constant string.
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class EvalNonLiteral final : public Rule {
 public:
  explicit EvalNonLiteral(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    TSNode code = call.argument(0, "source");
    if (ts_node_is_null(code)) code = call.argument(0, "object");
    if (ts_node_is_null(code) || ctx.model().evaluate(code, call.scope).known()) return;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"arg", excerpt(ctx.model(), code)}});
    ctx.report(call.node, std::move(r));
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::EvalNonLiteral, "eval-non-literal")
