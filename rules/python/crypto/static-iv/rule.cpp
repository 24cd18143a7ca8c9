// static-iv: a block cipher in CBC mode given an IV that is a constant in the source
// (cryptography's modes.CBC(iv), PyCrypto/PyCryptodome's AES.new(key, AES.MODE_CBC, iv)).
#include <map>
#include <string>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

class StaticIv final : public Rule {
 public:
  explicit StaticIv(const RuleMeta& meta)
      : cipher_calls_(option_strings(meta, "cipher_calls")),
        mode_names_(option_strings(meta, "cbc_mode_names")),
        mode_value_(meta.options["cbc_mode_value"].value_or(std::int64_t{2})),
        new_mode_(ArgumentSlot::option(meta, "new_mode")),
        new_iv_(ArgumentSlot::option(meta, "new_iv")) {
    for_each_option_entry(meta, "cbc_calls", [&](const std::string& k, const toml::table& e) {
      cbc_calls_[k] = ArgumentSlot::from(e);
    });
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    TSNode iv;
    if (auto cbc = cbc_calls_.find(call.name); cbc != cbc_calls_.end()) {
      if (!feeds_a_cipher(m, call)) return;
      iv = cbc->second.in(call);
    } else {
      if (!crypto::selects_mode(m, new_mode_.in(call), call.scope, mode_names_, mode_value_)) {
        return;
      }
      iv = new_iv_.in(call);
    }
    // No IV: PyCryptodome generates a random one (PyCrypto 2.x refused to run).
    if (ts_node_is_null(iv) || !crypto::fixed_bytes(m, iv, call.scope)) return;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"call", excerpt(m, call.node)}, {"iv", excerpt(m, iv)}});
    crypto::mark_test_code(m, r);
    ctx.report(iv, std::move(r));
  }

 private:
  // A mode object made as the argument of another call than `Cipher(...)` does not encrypt:
  // `backend.cipher_supported(algorithm, CBC(b"\0" * 16))` only asks what the library supports.
  // Assigned to a name, or given to `Cipher`, it is taken to encrypt.
  bool feeds_a_cipher(const py::Model& m, const py::Call& call) const {
    const py::Grammar& g = m.grammar();
    TSNode p = m.parent(call.node);
    if (!ts_node_is_null(p) && ts_node_symbol(p) == g.keyword_argument) p = m.parent(p);
    if (ts_node_is_null(p) || ts_node_symbol(p) != g.argument_list) return true;
    TSNode outer = m.parent(p);
    std::string name = m.qualify(ts_node_child_by_field_id(outer, g.f_function), call.scope);
    return crypto::contains(cipher_calls_, name);
  }

  std::map<std::string, ArgumentSlot, std::less<>> cbc_calls_;
  std::vector<std::string> cipher_calls_;
  std::vector<std::string> mode_names_;
  std::int64_t mode_value_;
  ArgumentSlot new_mode_;
  ArgumentSlot new_iv_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::StaticIv, "static-iv")
