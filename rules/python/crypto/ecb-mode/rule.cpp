// ecb-mode: cryptography's modes.ECB() and PyCrypto/PyCryptodome ciphers created in ECB mode,
// explicitly (AES.MODE_ECB) or by PyCrypto's default when no mode is given.
#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

class EcbMode final : public Rule {
 public:
  explicit EcbMode(const RuleMeta& meta)
      : ecb_calls_(option_strings(meta, "ecb_calls")),
        mode_names_(option_strings(meta, "ecb_mode_names")),
        mode_value_(meta.options["ecb_mode_value"].value_or(std::int64_t{1})),
        default_ecb_(option_strings(meta, "default_ecb_calls")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    std::string how;
    if (crypto::contains(ecb_calls_, call.name)) {
      how = "selects ECB mode";
    } else {
      TSNode mode = call.argument(1, "mode");
      if (ts_node_is_null(mode)) {
        // No mode: PyCrypto 2.x falls back to ECB; with a splat the mode may be inside it.
        if (call.has_splat() || !crypto::contains(default_ecb_, call.name)) return;
        how = "gives no mode, and PyCrypto then uses ECB";
      } else if (crypto::selects_mode(m, mode, call.scope, mode_names_, mode_value_)) {
        how = "selects ECB mode";
      } else {
        return;
      }
    }
    Report r;
    r.issue = expand(ctx.meta().issue, {{"call", excerpt(m, call.node)}, {"how", how}});
    if (how.starts_with("gives no mode")) r.confidence = Confidence::Medium;
    crypto::mark_test_code(m, r);
    ctx.report(call.node, std::move(r));
  }

 private:
  std::vector<std::string> ecb_calls_;
  std::vector<std::string> mode_names_;
  std::int64_t mode_value_;
  std::vector<std::string> default_ecb_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::EcbMode, "ecb-mode")
