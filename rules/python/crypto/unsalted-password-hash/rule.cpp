// unsalted-password-hash: a password hashed with a general-purpose hash and nothing else.
#include "engine/rule.hpp"
#include "rules/python/crypto/passwords.hpp"

namespace secreview::rules {
namespace {

class UnsaltedPasswordHash final : public Rule {
 public:
  explicit UnsaltedPasswordHash(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    crypto::HashedData data = crypto::hashed_data(m, call, crypto::data_position(call));
    if (ts_node_is_null(data.password) || data.other) return;
    std::string algorithm = crypto::hash_algorithm(m, call);
    Report r;
    r.issue = expand(ctx.meta().issue,
                     {{"call", excerpt(m, call.node)},
                      {"password", excerpt(m, data.password)},
                      {"algorithm", algorithm.empty() ? "a general-purpose hash" : algorithm}});
    crypto::mark_test_code(m, r);
    ctx.report(call.node, std::move(r));
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::UnsaltedPasswordHash, "unsalted-password-hash")
