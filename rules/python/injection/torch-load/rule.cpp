// torch-load: torch.load() that may unpickle arbitrary objects (weights_only not True).
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class TorchLoad final : public Rule {
 public:
  explicit TorchLoad(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    std::string how;
    std::optional<Confidence> confidence;
    if (const py::Argument* w = call.keyword("weights_only")) {
      py::Value v = m.evaluate(w->value, call.scope);
      std::optional<bool> on = v.truthy();
      if (on == true) return;
      if (v.kind == py::Value::Kind::None) {
        how = "with weights_only=None (the version's default)";
        confidence = Confidence::Medium;
      } else if (on == false) {
        how = "with weights_only=" + excerpt(m, w->value, 24) + ", which allows any object";
      } else {
        how = "with weights_only=" + excerpt(m, w->value, 24) + ", which may be false";
        confidence = Confidence::Medium;
      }
    } else if (call.keyword("pickle_module")) {
      how =
          "with pickle_module= and no weights_only=True (a custom pickle_module turns the "
          "safe default off)";
    } else if (call.has_splat()) {
      return;  // **kwargs may set weights_only
    } else {
      how = "without weights_only=True (PyTorch before 2.6 defaults to weights_only=False)";
      confidence = Confidence::Medium;
    }
    TSNode src = call.argument(0, "f");
    std::string what = ts_node_is_null(src) ? "a checkpoint" : "`" + excerpt(m, src, 32) + "`";
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"what", what}, {"how", how}});
    r.confidence = confidence;
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::TorchLoad, "torch-load")
