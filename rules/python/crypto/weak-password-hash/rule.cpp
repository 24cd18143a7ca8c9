// weak-password-hash: password hashing with DES-crypt, MD5-crypt or another fast scheme.
#include <map>
#include <string>
#include <string_view>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"
#include "rules/python/crypto/passwords.hpp"

namespace secreview::rules {
namespace {

class WeakPasswordHash final : public Rule {
 public:
  explicit WeakPasswordHash(const RuleMeta& meta) {
    if (const toml::table* t = meta.options["schemes"].as_table()) {
      for (const auto& [k, v] : *t) {
        if (auto s = v.value<std::string>()) schemes_[std::string(k.str())] = *s;
      }
    }
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    std::string key;
    std::string algorithm;
    TSNode at = call.node;
    if (call.name == "crypt.crypt" || call.name == "crypt.mksalt") {
      // crypt(word, salt=None) and mksalt(method=None): no method or salt means the strongest
      // method the platform offers.
      bool is_crypt = call.name == "crypt.crypt";
      TSNode arg = is_crypt ? call.argument(1, "salt") : call.argument(0, "method");
      if (ts_node_is_null(arg)) return;
      key = m.qualify(m.unwrap(arg), call.scope);
      if (is_crypt && !schemes_.contains(key)) key = salt_scheme(m.evaluate(arg, call.scope));
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
    std::string_view scheme = it->second;
    std::size_t bar = scheme.find('|');
    Report r;
    r.issue = expand(ctx.meta().issue,
                     {{"name", call.name},
                      {"action", call.name == "crypt.mksalt" ? "makes a salt that selects"
                                                             : "hashes the password with"},
                      {"scheme", expand(scheme.substr(0, bar), {{"algorithm", algorithm}})},
                      {"weakness", scheme.substr(bar + 1)}});
    r.solution = expand(ctx.meta().solution, {{"fix", fix(call.name)}});
    if (key.find("CRYPT") != std::string::npos || key.find("des_") != std::string::npos ||
        key == "lmhash") {
      r.severity = Severity::High;
    }
    crypto::mark_test_code(m, r);
    ctx.report(at, std::move(r));
  }

 private:
  // The scheme a constant salt string selects: "$1$" MD5-crypt, no "$" prefix DES-crypt
  // ("ab", or BSDi's "_" form); "$5$", "$6$", "$2b$" and others are adaptive schemes.
  static std::string salt_scheme(const py::Value& salt) {
    if (!salt.is_str() || salt.str.size() < 2) return {};
    if (salt.str.starts_with("$1$")) return "crypt.METHOD_MD5";
    if (salt.str[0] == '$') return {};
    return "crypt.METHOD_CRYPT";
  }

  static std::string fix(std::string_view name) {
    if (name.starts_with("crypt.")) {
      return "call `crypt.crypt(word)` without a salt (or with "
             "`crypt.mksalt(crypt.METHOD_SHA512)`) "
             "until you move off the `crypt` module (removed in Python 3.13) to argon2-cffi, "
             "bcrypt or `hashlib.scrypt`";
    }
    if (name.starts_with("hashlib.")) {
      return "argon2-cffi's `PasswordHasher`, `bcrypt.hashpw(password, bcrypt.gensalt())`, or "
             "`hashlib.scrypt`/`hashlib.pbkdf2_hmac` with a random salt and a high work factor";
    }
    return "use `passlib.hash.argon2`, `bcrypt` or `sha512_crypt` (or a `CryptContext` listing "
           "them, which also upgrades old hashes at the next login)";
  }

  std::map<std::string, std::string, std::less<>> schemes_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::WeakPasswordHash, "weak-password-hash")
