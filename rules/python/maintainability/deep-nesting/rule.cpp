// deep-nesting: if/for/while/with/try/match statements nested deeper than `max_depth` in a
// function.
#include <algorithm>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"
#include "rules/python/maintainability/structure.hpp"

namespace secreview::rules {
namespace {

class DeepNesting final : public Rule {
 public:
  explicit DeepNesting(const RuleMeta& meta)
      : max_depth_(std::max<std::int64_t>(meta.options["max_depth"].value_or(4), 1)) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    for (const auto& f : m.functions()) {
      TSNode first{};
      std::size_t first_depth = 0, deepest = 0;
      TSNode deepest_node{};
      walk(m, f.body, false, [&](TSNode n) {
        TSSymbol s = ts_node_symbol(n);
        if (is_compound_statement(g, s)) {
          std::size_t depth = chain(m, n, f.node).size();
          if (depth > static_cast<std::size_t>(max_depth_) && ts_node_is_null(first)) {
            first = n;
            first_depth = depth;
          }
          if (depth > deepest) {
            deepest = depth;
            deepest_node = n;
          }
          return true;
        }
        // Statements sit only in blocks and clauses; expressions hold none.
        return s == g.block || std::string_view(ts_node_type(n)).ends_with("_clause");
      });
      if (ts_node_is_null(first)) continue;
      report(m, ctx, f, first, first_depth, deepest_node, deepest);
    }
  }

 private:
  // The compound statements around `n` (itself included), outermost first, up to `def`.
  static std::vector<TSNode> chain(const py::Model& m, TSNode n, TSNode def) {
    std::vector<TSNode> out;
    for (TSNode p = n; !ts_node_is_null(p) && !ts_node_eq(p, def); p = ts_node_parent(p)) {
      if (is_compound_statement(m.grammar(), ts_node_symbol(p))) out.push_back(p);
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  // The only statement in a block, ignoring comments; null when there are more.
  static TSNode only_statement(const py::Model& m, TSNode block) {
    TSNode only{};
    std::uint32_t k = ts_node_named_child_count(block);
    for (std::uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(block, i);
      if (ts_node_symbol(c) == m.grammar().comment) continue;
      if (!ts_node_is_null(only)) return {};
      only = c;
    }
    return only;
  }

  void report(const py::Model& m, Context& ctx, const py::Function& f, TSNode at, std::size_t depth,
              TSNode deepest_node, std::size_t deepest) const {
    const py::Grammar& g = m.grammar();
    std::vector<TSNode> levels = chain(m, at, f.node);
    std::string shown;
    bool has_if = false, has_loop = false;
    int nested_with = 0;
    for (std::size_t i = 0; i < levels.size(); ++i) {
      TSNode n = levels[i];
      TSSymbol s = ts_node_symbol(n);
      if (i) shown += " > ";
      shown += "`" + statement_keyword(m, n) + "` line " + std::to_string(m.start(n).line);
      // Only the enclosing levels can become guard clauses or `continue`.
      if (i + 1 < levels.size()) {
        has_if = has_if || s == g.if_statement;
        has_loop = has_loop || s == g.for_statement || s == g.while_statement;
      }
      if (i && s == g.with_statement && ts_node_symbol(levels[i - 1]) == g.with_statement) {
        TSNode body = ts_node_child_by_field_id(levels[i - 1], g.f_body);
        if (!ts_node_is_null(body) && ts_node_eq(only_statement(m, body), n)) {
          nested_with = static_cast<int>(m.start(levels[i - 1]).line);
        }
      }
    }
    std::vector<std::string> fixes;
    if (has_if) {
      fixes.push_back(std::string("test the failure cases first and leave early (") +
                      (has_loop ? "`return`, `raise` or `continue`" : "`return` or `raise`") +
                      ") instead of wrapping the rest in an `if`");
    } else if (has_loop) {
      fixes.push_back("skip unwanted items early with `continue` instead of nesting");
    }
    if (nested_with) {
      fixes.push_back("merge the directly nested `with` statements from line " +
                      std::to_string(nested_with) + " into one `with a, b:`");
    }
    fixes.push_back("move the inner `" + statement_keyword(m, at) + "` block (" +
                    line_range(m, at) + ") into a helper function");
    std::string fix;
    for (std::size_t i = 0; i < fixes.size(); ++i) {
      if (i) fix += i + 1 == fixes.size() ? ", and " : ", ";
      fix += fixes[i];
    }
    std::string deeper;
    if (deepest > depth) {
      deeper = "; the deepest, on line " + std::to_string(m.start(deepest_node).line) + ", is " +
               std::to_string(deepest) + " levels deep";
    }
    Report r;
    r.issue = expand(ctx.meta().issue, {{"what", function_label(f)},
                                        {"keyword", statement_keyword(m, at)},
                                        {"line", std::to_string(m.start(at).line)},
                                        {"depth", std::to_string(depth)},
                                        {"chain", shown},
                                        {"max", std::to_string(max_depth_)},
                                        {"deepest", deeper}});
    r.solution = expand(ctx.meta().solution, {{"what", function_label(f)}, {"fixes", fix}});
    ctx.report(at, std::move(r));
  }

  std::int64_t max_depth_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::DeepNesting, "deep-nesting")
