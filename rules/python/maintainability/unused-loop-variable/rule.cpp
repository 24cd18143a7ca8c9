// unused-loop-variable: `for attempt in range(10):` where `attempt` is never read.
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class UnusedLoopVariable final : public Rule {
 public:
  explicit UnusedLoopVariable(const RuleMeta& /*meta*/) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    for (TSNode loop : m.loops()) {
      if (ts_node_symbol(loop) != g.for_statement) continue;
      TSNode left = ts_node_child_by_field_id(loop, g.f_left);
      if (ts_node_symbol(left) != g.identifier) continue;
      std::string_view name = m.text(left);
      if (name.starts_with("_")) continue;
      // Uses anywhere in the enclosing function (or module): the target itself is the only one.
      const py::Scope* scope = m.scope_of(loop);
      TSNode region = scope->node;
      if (m.count_name(region, name) != 1) continue;
      std::string header(m.text(loop).substr(0, m.text(loop).find(':') + 1));
      std::size_t at = header.find(name);
      std::string fixed = header;
      if (at != std::string::npos) fixed.replace(at, name.size(), "_");
      Report r;
      r.issue = expand(ctx.meta().issue, {{"name", name},
                                          {"where", scope->kind == py::Scope::Kind::Function
                                                        ? " in `" + scope->name + "`"
                                                        : std::string()}});
      r.solution = expand(ctx.meta().solution, {{"fixed", fixed}});
      ctx.report(left, std::move(r));
    }
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::UnusedLoopVariable, "unused-loop-variable")
