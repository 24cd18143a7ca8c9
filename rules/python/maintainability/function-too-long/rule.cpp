// function-too-long: functions and methods spanning more than `max_lines` lines.
#include <algorithm>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"
#include "rules/python/maintainability/structure.hpp"

namespace secreview::rules {
namespace {

class FunctionTooLong final : public Rule {
 public:
  explicit FunctionTooLong(const RuleMeta& meta)
      : max_lines_(meta.options["max_lines"].value_or(60)) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    for (const auto& f : m.functions()) {
      std::uint32_t lines = line_span(f.node);
      if (lines <= static_cast<std::uint64_t>(std::max<std::int64_t>(max_lines_, 1))) continue;
      Report r;
      r.issue = expand(ctx.meta().issue, {{"what", function_label(f)},
                                          {"lines", std::to_string(lines)},
                                          {"range", line_range(m, f.node)},
                                          {"max", std::to_string(max_lines_)},
                                          {"comments", comments(m, f.node)}});
      r.solution =
          expand(ctx.meta().solution, {{"candidates", candidates(m, f, lines)}, {"name", f.name}});
      ctx.report(f.node, std::move(r));
    }
  }

 private:
  static std::string comments(const py::Model& m, TSNode def) {
    std::size_t count = 0;
    for (TSNode c : m.comments()) {
      if (ts_node_start_byte(c) >= ts_node_start_byte(def) &&
          ts_node_end_byte(c) <= ts_node_end_byte(def)) {
        ++count;
      }
    }
    if (count == 0) return "it contains no comment";
    return "it contains " + std::to_string(count) + (count == 1 ? " comment" : " comments");
  }

  // The one or two largest compound statements that are neither tiny nor nearly the whole
  // function, and do not contain each other: the natural first helpers.
  static std::string candidates(const py::Model& m, const py::Function& f, std::uint32_t lines) {
    const py::Grammar& g = m.grammar();
    std::vector<TSNode> blocks;
    walk(m, f.body, false, [&](TSNode n) {
      if (!is_compound_statement(g, ts_node_symbol(n))) return true;
      std::uint32_t span = line_span(n);
      if (span >= 5 && span * 4 <= lines * 3) blocks.push_back(n);
      return true;
    });
    std::stable_sort(blocks.begin(), blocks.end(),
                     [](TSNode a, TSNode b) { return line_span(a) > line_span(b); });
    std::vector<TSNode> picked;
    for (TSNode n : blocks) {
      bool overlaps = false;
      for (TSNode p : picked) {
        overlaps = overlaps || (ts_node_start_byte(n) < ts_node_end_byte(p) &&
                                ts_node_start_byte(p) < ts_node_end_byte(n));
      }
      if (!overlaps) picked.push_back(n);
      if (picked.size() == 2) break;
    }
    if (picked.empty()) return "";
    std::sort(picked.begin(), picked.end(),
              [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
    std::string out = picked.size() == 1 ? " (a candidate: " : " (candidates: ";
    for (std::size_t i = 0; i < picked.size(); ++i) {
      if (i) out += " and ";
      out += "the " + std::to_string(line_span(picked[i])) + "-line `" +
             statement_keyword(m, picked[i]) + "` statement at " + line_range(m, picked[i]);
    }
    return out + ")";
  }

  std::int64_t max_lines_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::FunctionTooLong, "function-too-long")
