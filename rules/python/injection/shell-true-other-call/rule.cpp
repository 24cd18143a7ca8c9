// shell-true-other-call: shell=True given to a function that is not one of subprocess's.
#include <algorithm>

#include "engine/rule.hpp"
#include "rules/python/injection/common.hpp"

namespace secreview::rules {
namespace {

class ShellTrueOtherCall final : public Rule {
 public:
  explicit ShellTrueOtherCall(const RuleMeta& meta)
      : covered_(option_strings(meta, "skip_calls")),
        keywords_(option_strings(meta, "command_keywords")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Argument* shell = call.keyword("shell");
    if (!shell) return;
    if (std::find(covered_.begin(), covered_.end(), call.name) != covered_.end()) return;
    const py::Model& m = ctx.model();
    // Only a literal true/1: shell="/bin/bash" (invoke, fabric) names a shell, it is not a flag.
    py::Value on = m.evaluate(shell->value, call.scope);
    if ((on.kind != py::Value::Kind::Bool && on.kind != py::Value::Kind::Int) ||
        on.truthy() != true) {
      return;
    }
    TSNode cmd{};
    if (const py::Argument* first = call.positional(0)) cmd = first->value;
    for (std::size_t i = 0; ts_node_is_null(cmd) && i < keywords_.size(); ++i) {
      if (const py::Argument* kw = call.keyword(keywords_[i])) cmd = kw->value;
    }
    if (ts_node_is_null(cmd) || fixed_command(m, cmd, call.scope)) return;
    std::string name = call.name.empty() ? std::string(call.method) : call.name;
    if (name.empty()) name = excerpt(m, call.callee, 32);
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", name}, {"arg", excerpt(m, cmd)}});
    r.solution = expand(ctx.meta().solution, {{"name", name}});
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  std::vector<std::string> covered_;
  std::vector<std::string> keywords_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::ShellTrueOtherCall, "shell-true-other-call")
