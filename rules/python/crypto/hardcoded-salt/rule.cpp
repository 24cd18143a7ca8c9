// hardcoded-salt: a password hash or key derivation function given a salt that is a constant.
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

struct SaltArgument {
  ArgumentSlot slot;
  std::optional<std::int64_t> longest;  // a longer constant is a stored hash, not a salt
};

class HardcodedSalt final : public Rule {
 public:
  explicit HardcodedSalt(const RuleMeta& meta) {
    for_each_option_entry(meta, "salt", [&](const std::string& name, const toml::table& e) {
      salt_[name] = {ArgumentSlot::from(e), e["longest"].value<std::int64_t>()};
    });
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    auto it = salt_.find(call.name);
    if (it == salt_.end()) return;
    const py::Model& m = ctx.model();
    TSNode salt = it->second.slot.in(call);
    if (ts_node_is_null(salt) || !crypto::fixed_bytes(m, salt, call.scope)) return;
    if (it->second.longest) {
      py::Value v = m.evaluate(salt, call.scope);
      if (v.known() && std::cmp_greater(v.str.size(), *it->second.longest)) return;
    }
    Report r;
    r.issue =
        expand(ctx.meta().issue, {{"call", excerpt(m, call.node)}, {"salt", excerpt(m, salt)}});
    crypto::mark_test_code(m, r);
    ctx.report(salt, std::move(r));
  }

 private:
  std::map<std::string, SaltArgument, std::less<>> salt_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::HardcodedSalt, "hardcoded-salt")
