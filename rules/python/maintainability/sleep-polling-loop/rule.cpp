// sleep-polling-loop: a loop that polls with a constant sleep and no deadline or backoff.
#include <fmt/format.h>

#include "core/text.hpp"
#include "engine/rule.hpp"
#include "rules/python/maintainability/loops.hpp"

namespace secreview::rules {
namespace {

class SleepPollingLoop final : public Rule {
 public:
  explicit SleepPollingLoop(const RuleMeta& meta)
      : deadline_words_(option_strings(meta, "deadline_words")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    const py::Grammar& g = m.grammar();
    TSNode loop = enclosing_loop(m, call.node);
    if (ts_node_is_null(loop)) return;
    py::Value delay = m.evaluate(call.argument(0, "seconds"), call.scope);
    if (delay.kind != py::Value::Kind::Int && delay.kind != py::Value::Kind::Float)
      return;  // backoff?
    std::string_view text = m.text(loop);
    for (const auto& w : deadline_words_) {
      if (contains_icase(text, w)) return;
    }
    double seconds =
        delay.kind == py::Value::Kind::Int ? static_cast<double>(delay.integer) : delay.real;
    std::string shape = "polls";
    std::string total;
    if (ts_node_symbol(loop) == g.for_statement) {
      TSNode right = ts_node_child_by_field_id(loop, g.f_right);
      if (ts_node_symbol(right) == g.call &&
          m.qualify(ts_node_child_by_field_id(right, g.f_function), call.scope) == "range") {
        TSNode args = ts_node_child_by_field_id(right, g.f_arguments);
        if (ts_node_named_child_count(args) == 1) {
          py::Value n = m.evaluate(ts_node_named_child(args, 0), call.scope);
          if (n.kind == py::Value::Kind::Int && n.integer > 0) {
            shape = fmt::format("polls up to {} times", n.integer);
            total = fmt::format(" (up to {:g} s of sleeping in all)",
                                seconds * static_cast<double>(n.integer));
          }
        }
      }
    } else {
      py::Value cond = m.evaluate(ts_node_child_by_field_id(loop, g.f_condition), call.scope);
      if (cond.truthy() == true) shape = "polls until something breaks out of it";
    }
    Report r;
    r.issue = expand(ctx.meta().issue,
                     {{"shape", shape},
                      {"sleep", excerpt(m, call.node)},
                      {"total", total},
                      {"test", m.is_test_file() ? " In a test, fixed sleeps make the run slower "
                                                  "and its result depend on timing."
                                                : ""}});
    r.end = call.node;
    ctx.report(loop, std::move(r));
  }

 private:
  std::vector<std::string> deadline_words_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SleepPollingLoop, "sleep-polling-loop")
