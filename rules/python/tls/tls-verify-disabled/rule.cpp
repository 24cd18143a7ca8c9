// tls-verify-disabled: requests/httpx calls (or session methods) with verify=False.
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class TlsVerifyDisabled final : public Rule {
 public:
  explicit TlsVerifyDisabled(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Argument* verify = call.keyword("verify");
    if (!verify) return;
    py::Value v = ctx.model().evaluate(verify->value, call.scope);
    // verify="/path/ca.pem" is a CA bundle, not a flag: only a false constant disables checks.
    if (v.kind == py::Value::Kind::Str || v.truthy() != false) return;
    std::string name = call.name.empty() ? std::string(call.method) : call.name;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", name}});
    if (call.origin == py::NameOrigin::Local || call.origin == py::NameOrigin::None) {
      r.confidence = Confidence::Medium;  // a session/client method: the receiver is not resolved
    }
    ctx.report(verify->value, std::move(r));
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::TlsVerifyDisabled, "tls-verify-disabled")
