// weak-cipher: DES, Triple DES, RC2, RC4, Blowfish, CAST, IDEA, SEED and XOR from PyCrypto,
// PyCryptodome and cryptography. The API list and the reasons are data in rule.toml.
#include <map>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

class WeakCipher final : public Rule {
 public:
  explicit WeakCipher(const RuleMeta& meta) : reasons_(option_string_table(meta, "reasons")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    // Crypto.Cipher.DES.new -> DES; cryptography...algorithms.ARC4 -> ARC4.
    std::string_view n = call.name;
    if (n.ends_with(".new")) n.remove_suffix(4);
    std::string algorithm(crypto::last_component(n));
    auto it = reasons_.find(algorithm);
    std::string reason = it != reasons_.end() ? it->second : "it is not a current cipher";
    Report r;
    r.issue =
        expand(ctx.meta().issue,
               {{"call", excerpt(m, call.node)}, {"algorithm", algorithm}, {"reason", reason}});
    crypto::mark_test_code(m, r);
    ctx.report(call.node, std::move(r));
  }

 private:
  std::map<std::string, std::string, std::less<>> reasons_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::WeakCipher, "weak-cipher")
