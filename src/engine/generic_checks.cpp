// Generic checks that data-only rules select with `check = "..."` in their rule.toml.
#include "engine/rule.hpp"

namespace secreview {
namespace {

// `check = "calls"`: every call to one of the rule's `match.calls` is a finding. Used for APIs
// that are unsafe whatever their arguments (tempfile.mktemp, pickle.loads, telnetlib.Telnet).
class CallsCheck final : public Rule {
 public:
  explicit CallsCheck(const RuleMeta& /*meta*/) {}
  void check_call(const py::Call& call, Context& ctx) const override {
    Report r;
    r.issue = ctx.issue_for(call.name);
    ctx.report(call.node, std::move(r));
  }
};

[[maybe_unused]] const bool kCalls = RuleRegistry::register_generic(
    "calls",
    [](const RuleMeta& m) -> std::unique_ptr<Rule> { return std::make_unique<CallsCheck>(m); });

// `check = "taint"` with `[match] module = true`: every flow of client data into a sink of the
// rule's CWE (the taint catalog, data/taint/*.toml) is a finding at the sink, with its trace.
// The issue text may use {sink}, {source}, {what} and {line} (the source's line).
class TaintCheck final : public Rule {
 public:
  explicit TaintCheck(const RuleMeta& /*meta*/) {}
  void check_module(const py::Model& model, Context& ctx) const override {
    for (const taint::Flow& f : ctx.taint().flows()) {
      if (f.cwe != ctx.meta().cwe) continue;
      Report r;
      std::string line = f.trace.empty() ? std::string() : std::to_string(f.trace.front().at.line);
      r.issue =
          expand(ctx.meta().issue,
                 {{"sink", f.sink_name}, {"source", f.source}, {"what", f.what}, {"line", line}});
      r.trace = f.trace;
      if (model.is_test_file()) {
        r.confidence = Confidence::Low;
        r.issue += " (in test code)";
      }
      ctx.report(f.sink, std::move(r));
    }
  }
};

[[maybe_unused]] const bool kTaint = RuleRegistry::register_generic(
    "taint",
    [](const RuleMeta& m) -> std::unique_ptr<Rule> { return std::make_unique<TaintCheck>(m); });

}  // namespace
}  // namespace secreview
