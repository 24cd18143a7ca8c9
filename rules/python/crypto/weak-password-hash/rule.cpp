// weak-password-hash: password hashing with DES-crypt, MD5-crypt or another fast scheme.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"
#include "rules/python/crypto/passwords.hpp"

namespace secreview::rules {
namespace {

struct Scheme {
  std::string name;  // "DES-crypt"; may hold {algorithm}
  std::string why;
  std::optional<Severity> severity;
};

struct Selector {
  ArgumentSlot slot;
  std::string action;
  bool salt_string = false;  // a constant string here is a salt (crypt.crypt)
};

class WeakPasswordHash final : public Rule {
 public:
  explicit WeakPasswordHash(const RuleMeta& meta)
      : default_action_(meta.options["default_action"].value_or(std::string())),
        salt_min_length_(meta.options["salt_min_length"].value_or(std::int64_t{2})),
        salt_prefixes_(option_string_table(meta, "salt_prefixes")),
        fixes_(option_string_table(meta, "fixes")) {
    for_each_option_entry(meta, "schemes", [&](const std::string& k, const toml::table& e) {
      schemes_[k] = {e["scheme"].value_or(k), e["why"].value_or(std::string()),
                     parse_severity(e["severity"].value_or(std::string()))};
    });
    for_each_option_entry(meta, "crypt_selectors", [&](const std::string& k, const toml::table& e) {
      selectors_[k] = {ArgumentSlot::from(e), e["action"].value_or(default_action_),
                       e["salt_string"].value_or(false)};
    });
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    std::string key;
    std::string algorithm;
    std::string_view action = default_action_;
    TSNode at = call.node;
    if (auto sel = selectors_.find(call.name); sel != selectors_.end()) {
      // crypt.crypt(word, salt) / crypt.mksalt(method): a method constant, or a salt string.
      TSNode arg = sel->second.slot.in(call);
      if (ts_node_is_null(arg)) return;
      key = m.qualify(m.unwrap(arg), call.scope);
      if (sel->second.salt_string && !schemes_.contains(key)) {
        key = salt_scheme(m.evaluate(arg, call.scope));
      }
      action = sel->second.action;
      at = arg;
    } else if (call.name.starts_with("hashlib.")) {
      // A general-purpose hash of a password and something more (a salt, the user name); the
      // password alone is unsalted-password-hash's.
      crypto::HashedData data = crypto::hashed_data(m, call, crypto::data_position(call));
      if (ts_node_is_null(data.password) || !data.other) return;
      key = "hashlib";
      algorithm = crypto::hash_algorithm(m, call);
      if (algorithm.empty()) algorithm = "a general-purpose hash";
    } else {
      // passlib.hash.<handler>.hash: the handler is the second last component.
      std::string_view n = call.name;
      n.remove_suffix(n.size() - n.rfind('.'));
      key = std::string(n.substr(n.rfind('.') + 1));
    }
    auto it = schemes_.find(key);
    if (it == schemes_.end()) return;
    const Scheme& scheme = it->second;
    std::string_view family = std::string_view(call.name).substr(0, call.name.find('.'));
    auto fix = fixes_.find(family);
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name},
                                        {"action", action},
                                        {"scheme", expand(scheme.name, {{"algorithm", algorithm}})},
                                        {"weakness", scheme.why}});
    r.solution = expand(ctx.meta().solution,
                        {{"fix", fix != fixes_.end() ? std::string_view(fix->second) : ""}});
    r.severity = scheme.severity;
    crypto::mark_test_code(m, r);
    ctx.report(at, std::move(r));
  }

 private:
  // The scheme a constant salt string selects: the entry of its longest listed prefix.
  std::string salt_scheme(const py::Value& salt) const {
    if (!salt.is_str() || std::cmp_less(salt.str.size(), salt_min_length_)) return {};
    std::string best;
    std::size_t best_length = 0;
    bool found = false;
    for (const auto& [prefix, scheme] : salt_prefixes_) {
      if (salt.str.starts_with(prefix) && (!found || prefix.size() > best_length)) {
        best = scheme;
        best_length = prefix.size();
        found = true;
      }
    }
    return best;
  }

  std::string default_action_;
  std::int64_t salt_min_length_;
  std::map<std::string, std::string, std::less<>> salt_prefixes_;
  std::map<std::string, std::string, std::less<>> fixes_;
  std::map<std::string, Scheme, std::less<>> schemes_;
  std::map<std::string, Selector, std::less<>> selectors_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::WeakPasswordHash, "weak-password-hash")
