// subprocess-shell-true: a subprocess call with shell=True whose command is not a constant.
#include "engine/rule.hpp"
#include "rules/python/injection/common.hpp"

namespace secreview::rules {
namespace {

class SubprocessShellTrue final : public Rule {
 public:
  explicit SubprocessShellTrue(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    const py::Argument* shell = call.keyword("shell");
    if (!shell) return;
    std::optional<bool> on = m.evaluate(shell->value, call.scope).truthy();
    if (on == false) return;
    TSNode cmd = call.argument(0, "args");
    if (ts_node_is_null(cmd) || constant_shell_command(m, cmd, call.scope)) return;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"arg", excerpt(m, cmd)}});
    if (!on) {
      // shell=<expression>: the shell may or may not be used.
      r.confidence = Confidence::Medium;
      r.issue += " (shell= is not a constant, so the shell may be used)";
    }
    ctx.report(call.node, std::move(r));
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SubprocessShellTrue, "subprocess-shell-true")
