// Generic checks that data-only rules select with `check = "..."` in their rule.toml.
#include "engine/rule.hpp"

namespace secreview {
namespace {

// `check = "calls"`: every call to one of the rule's `match.calls` is a finding. Used for APIs
// that are unsafe whatever their arguments (tempfile.mktemp, pickle.loads, telnetlib.Telnet).
class CallsCheck final : public Rule {
 public:
  explicit CallsCheck(const RuleMeta& /*meta*/) {}
  void check_call(const py::Call& call, Context& ctx) const override {
    Report r;
    r.issue = ctx.issue_for(call.name);
    ctx.report(call.node, std::move(r));
  }
};

[[maybe_unused]] const bool kCalls = RuleRegistry::register_generic(
    "calls", [](const RuleMeta& m) -> std::unique_ptr<Rule> {
      return std::make_unique<CallsCheck>(m);
    });

}  // namespace
}  // namespace secreview
