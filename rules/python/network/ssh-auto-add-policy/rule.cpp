// ssh-auto-add-policy: paramiko's set_missing_host_key_policy() with a policy that accepts
// unknown host keys (AutoAddPolicy, WarningPolicy, or a local subclass of one).
#include <map>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

class SshAutoAddPolicy final : public Rule {
 public:
  explicit SshAutoAddPolicy(const RuleMeta& meta)
      : policies_(option_string_table(meta, "policies")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    TSNode arg = call.argument(0, "policy");
    if (ts_node_is_null(arg)) return;
    std::string policy = policy_class(m, arg, call.scope);
    auto it = policies_.find(policy);
    std::string what;
    if (it != policies_.end()) {
      what = "installs " + std::string(crypto::last_component(policy)) + ", which " + it->second;
    } else if (auto base = insecure_base(m, policy, call.scope)) {
      what = "installs " + policy + ", a subclass of " +
             std::string(crypto::last_component(base->first)) + ", which " + base->second;
    } else {
      return;
    }
    Report r;
    r.issue = expand(ctx.meta().issue, {{"call", excerpt(m, call.node, 60)}, {"what", what}});
    crypto::mark_test_code(m, r);
    ctx.report(call.node, std::move(r));
  }

 private:
  // The class a policy argument names: `AutoAddPolicy()`, `AutoAddPolicy` (paramiko instantiates
  // a class), or a name bound once to either.
  static std::string policy_class(const py::Model& m, TSNode arg, const py::Scope* scope) {
    std::string name = crypto::reference_name(m, arg, scope);
    if (name.ends_with("()")) name.resize(name.size() - 2);
    return name;
  }

  // A class defined in this file that derives from an insecure policy.
  std::optional<std::pair<std::string, std::string>> insecure_base(const py::Model& m,
                                                                   std::string_view name,
                                                                   const py::Scope* scope) const {
    const py::Binding* b = m.lookup(name, scope);
    if (!b || b->kind != py::Binding::Kind::Definition) return std::nullopt;
    for (const py::Class& c : m.classes()) {
      if (c.name != name) continue;
      for (TSNode base : c.bases) {
        std::string q = m.qualify(base, c.scope ? c.scope->parent : nullptr);
        if (auto it = policies_.find(q); it != policies_.end()) return *it;
      }
    }
    return std::nullopt;
  }

  std::map<std::string, std::string, std::less<>> policies_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SshAutoAddPolicy, "ssh-auto-add-policy")
