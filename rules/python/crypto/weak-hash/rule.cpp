// weak-hash: MD5/SHA-1/MD4/MD2 without usedforsecurity=False.
#include "engine/rule.hpp"
#include "core/text.hpp"
#include "rules/python/crypto/passwords.hpp"

namespace secreview::rules {
namespace {

class WeakHash final : public Rule {
 public:
  explicit WeakHash(const RuleMeta& meta)
      : weak_(option_strings(meta, "weak_names")),
        security_words_(option_strings(meta, "security_words")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    if (const py::Argument* u = call.keyword("usedforsecurity")) {
      if (m.evaluate(u->value, call.scope).truthy() == false) return;
    }
    std::string algorithm;
    if (call.name == "hashlib.new") {
      py::Value name = m.evaluate(call.argument(0, "name"), call.scope);
      if (!name.is_str()) return;
      std::string lower = to_lower(name.str);
      if (std::find(weak_.begin(), weak_.end(), lower) == weak_.end()) return;
      algorithm = name.str;
    } else {
      // The algorithm is the last name component before `.new` (Crypto.Hash.MD5.new -> MD5).
      std::string_view n = call.name;
      if (n.ends_with(".new")) n.remove_suffix(4);
      algorithm = std::string(n.substr(n.rfind('.') + 1));
    }
    // A password (alone or salted) is reported by unsalted-password-hash or weak-password-hash,
    // which name the defect that matters there: a fast hash for passwords.
    if (call.name.starts_with("hashlib.") &&
        !ts_node_is_null(crypto::hashed_data(m, call, crypto::data_position(call)).password)) {
      return;
    }
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"algorithm", to_upper(algorithm)}});
    if (near_security_words(m, call)) {
      r.confidence = Confidence::High;
      r.severity = Severity::High;
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  static std::string to_upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }

  // The line of the call or the enclosing function's name mention what the hash protects.
  bool near_security_words(const py::Model& m, const py::Call& call) const {
    std::string_view line = m.source().line(m.start(call.node).line);
    for (const auto& w : security_words_) {
      if (contains_icase(line, w)) return true;
      if (call.scope && contains_icase(call.scope->name, w)) return true;
    }
    return false;
  }

  std::vector<std::string> weak_;
  std::vector<std::string> security_words_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::WeakHash, "weak-hash")
