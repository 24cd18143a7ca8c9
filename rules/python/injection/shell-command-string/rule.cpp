// shell-command-string: APIs that always hand their command to the shell, with a non-constant one.
#include "engine/rule.hpp"
#include "rules/python/injection/common.hpp"

namespace secreview::rules {
namespace {

class ShellCommandString final : public Rule {
 public:
  explicit ShellCommandString(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    TSNode cmd = call.argument(0, "cmd");
    if (ts_node_is_null(cmd)) cmd = call.argument(0, "command");
    if (ts_node_is_null(cmd) || constant_shell_command(ctx.model(), cmd, call.scope)) return;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"arg", excerpt(ctx.model(), cmd)}});
    ctx.report(call.node, std::move(r));
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::ShellCommandString, "shell-command-string")
