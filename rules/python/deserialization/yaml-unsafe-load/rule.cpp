// yaml-unsafe-load: PyYAML loading with a loader that constructs arbitrary objects.
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class YamlUnsafeLoad final : public Rule {
 public:
  explicit YamlUnsafeLoad(const RuleMeta& meta) : safe_(option_strings(meta, "safe_loaders")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    std::string_view fn = call.method;
    Report r;
    if (fn == "unsafe_load" || fn == "unsafe_load_all") {
      r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"loader", "the unsafe loader"}});
      ctx.report(call.node, std::move(r));
      return;
    }
    if (fn == "full_load" || fn == "full_load_all") {
      r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"loader", "FullLoader"}});
      r.severity = Severity::Medium;
      r.issue += " FullLoader is documented as unsafe for untrusted input.";
      ctx.report(call.node, std::move(r));
      return;
    }
    TSNode loader = call.argument(1, "Loader");
    if (ts_node_is_null(loader)) {
      if (call.has_splat()) return;
      r.issue = expand(ctx.meta().issue,
                       {{"name", call.name}, {"loader", "the default loader (no Loader=)"}});
      ctx.report(call.node, std::move(r));
      return;
    }
    std::string qualified = m.qualify(loader, call.scope);
    std::string_view last = qualified;
    if (auto dot = last.rfind('.'); dot != std::string_view::npos) last.remove_prefix(dot + 1);
    for (const auto& s : safe_) {
      if (last == s) return;
    }
    bool yaml_loader = qualified.starts_with("yaml.");
    if (!yaml_loader && qualified.find("Safe") != std::string::npos) return;
    r.issue =
        expand(ctx.meta().issue, {{"name", call.name}, {"loader", "Loader=" + excerpt(m, loader)}});
    if (!yaml_loader) r.confidence = Confidence::Low;  // a custom loader class
    if (last == "FullLoader") r.severity = Severity::Medium;
    ctx.report(call.node, std::move(r));
  }

 private:
  std::vector<std::string> safe_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::YamlUnsafeLoad, "yaml-unsafe-load")
