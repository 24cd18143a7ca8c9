// missing-type-hints: public functions with parameters but no annotation at all.
#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

class MissingTypeHints final : public Rule {
 public:
  explicit MissingTypeHints(const RuleMeta& meta)
      : include_tests_(meta.options["include_tests"].value_or(false)) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    if (m.is_test_file() && !include_tests_) return;
    std::vector<const py::Function*> bare;
    for (const auto& f : m.functions()) {
      if (f.name.starts_with("_")) continue;  // private and dunder
      if (f.scope->parent && f.scope->parent->kind == py::Scope::Kind::Function) continue;
      if (!include_tests_ && f.is_method && is_test_method_name(f.name)) continue;
      if (!ts_node_is_null(f.return_type)) continue;
      std::size_t first = f.is_method ? 1 : 0;  // self / cls
      if (f.params.size() <= first) continue;   // nothing to annotate but the return
      bool any = false;
      for (std::size_t i = 0; i < f.params.size(); ++i) {
        any = any || !ts_node_is_null(f.params[i].annotation);
      }
      if (!any) bare.push_back(&f);
    }
    if (bare.empty()) return;
    std::vector<std::pair<std::string, std::uint32_t>> named;
    for (const auto* f : bare) named.emplace_back(f->name, m.start(f->node).line);
    Report r;
    r.issue = expand(
        ctx.meta().issue,
        {{"count", bare.size() == 1 ? std::string("1 public function has")
                                    : std::to_string(bare.size()) + " public functions have"},
         {"list", list_names(named)}});
    for (std::size_t i = 1; i < bare.size(); ++i) r.related.push_back(bare[i]->node);
    ctx.report(bare.front()->node, std::move(r));
  }

 private:
  bool include_tests_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::MissingTypeHints, "missing-type-hints")
