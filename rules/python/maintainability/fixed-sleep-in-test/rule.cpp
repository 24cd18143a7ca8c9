// fixed-sleep-in-test: a constant sleep in a test, outside any loop.
#include <fmt/format.h>

#include <algorithm>

#include "engine/rule.hpp"
#include "rules/python/maintainability/loops.hpp"

namespace secreview::rules {
namespace {

class FixedSleepInTest final : public Rule {
 public:
  explicit FixedSleepInTest(const RuleMeta& meta)
      : min_seconds_(meta.options["min_seconds"].value_or(0.1)),
        prefixes_(option_strings(meta, "test_prefixes")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    if (!ts_node_is_null(enclosing_loop(m, call.node))) return;  // sleep-polling-loop's case
    const py::Function* fn = innermost_function(m, call.node);
    if (fn == nullptr || !is_test(m, *fn)) return;
    py::Value delay = m.evaluate(call.argument(0, "seconds"), call.scope);
    double seconds = 0;
    if (delay.kind == py::Value::Kind::Int) {
      seconds = static_cast<double>(delay.integer);
    } else if (delay.kind == py::Value::Kind::Float) {
      seconds = delay.real;
    } else {
      return;  // computed: a backoff or a configured interval
    }
    if (seconds < min_seconds_) return;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"sleep", excerpt(m, call.node)},
                                        {"function", fn->name},
                                        {"seconds", fmt::format("{:g}", seconds)}});
    ctx.report(call.node, std::move(r));
  }

 private:
  static const py::Function* innermost_function(const py::Model& m, TSNode n) {
    const py::Function* best = nullptr;
    std::uint32_t at = ts_node_start_byte(n);
    for (const auto& f : m.functions()) {
      if (ts_node_start_byte(f.node) <= at && at < ts_node_end_byte(f.node) &&
          (best == nullptr || ts_node_start_byte(f.node) > ts_node_start_byte(best->node))) {
        best = &f;
      }
    }
    return best;
  }

  bool is_test(const py::Model& m, const py::Function& f) const {
    if (m.is_test_file()) return true;
    return std::any_of(prefixes_.begin(), prefixes_.end(),
                       [&](const std::string& p) { return f.name.starts_with(p); });
  }

  double min_seconds_;
  std::vector<std::string> prefixes_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::FixedSleepInTest, "fixed-sleep-in-test")
