// mako-template: a Mako Template/TemplateLookup without an escaping default filter.
#include <algorithm>

#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class MakoTemplate final : public Rule {
 public:
  explicit MakoTemplate(const RuleMeta& meta)
      : filters_(option_strings(meta, "escaping_filters")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    if (const py::Argument* f = call.keyword("default_filters")) {
      py::Value v = m.evaluate(f->value, call.scope);
      if (!v.known()) return;  // computed filters: cannot tell
      if (v.kind == py::Value::Kind::Sequence) {
        for (const py::Value& item : v.items) {
          if (item.is_str() &&
              std::find(filters_.begin(), filters_.end(), item.str) != filters_.end()) {
            return;
          }
        }
      }
    } else if (call.has_splat()) {
      return;  // **options may set default_filters
    }
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}});
    r.solution = expand(ctx.meta().solution, {{"name", call.name}});
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  std::vector<std::string> filters_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::MakoTemplate, "mako-template")
