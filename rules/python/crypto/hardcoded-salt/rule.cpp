// hardcoded-salt: a password hash or key derivation function given a salt that is a constant.
#include <map>
#include <string>
#include <utility>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

class HardcodedSalt final : public Rule {
 public:
  explicit HardcodedSalt(const RuleMeta& meta) {
    if (const toml::table* t = meta.options["salt"].as_table()) {
      for (const auto& [name, v] : *t) {
        const toml::array* a = v.as_array();
        if (!a || a->size() != 2) continue;
        auto pos = (*a)[0].value<std::int64_t>();
        auto kw = (*a)[1].value<std::string>();
        if (pos && kw) salt_[std::string(name.str())] = {*pos, *kw};
      }
    }
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    auto it = salt_.find(call.name);
    if (it == salt_.end()) return;
    const auto& [pos, kw] = it->second;
    TSNode salt;
    if (pos >= 0) {
      salt = call.argument(static_cast<std::size_t>(pos), kw);
    } else if (const py::Argument* a = call.keyword(kw)) {
      salt = a->value;
    }
    const py::Model& m = ctx.model();
    if (ts_node_is_null(salt) || !crypto::fixed_bytes(m, salt, call.scope)) return;
    // bcrypt.hashpw(password, stored_hash) checks a password against a stored hash, which
    // carries its own salt: a whole hash (60 characters) is not a salt (29).
    if (call.name == "bcrypt.hashpw") {
      py::Value v = m.evaluate(salt, call.scope);
      if (v.known() && v.str.size() > 29) return;
    }
    Report r;
    r.issue =
        expand(ctx.meta().issue, {{"call", excerpt(m, call.node)}, {"salt", excerpt(m, salt)}});
    crypto::mark_test_code(m, r);
    ctx.report(salt, std::move(r));
  }

 private:
  std::map<std::string, std::pair<std::int64_t, std::string>, std::less<>> salt_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::HardcodedSalt, "hardcoded-salt")
