// try-except-pass: a bare `except:` or `except Exception/BaseException:` whose whole handler is
// `pass`, `continue` or `...`.
#include <string>

#include "engine/rule.hpp"
#include "rules/python/errors/handlers.hpp"

namespace secreview::rules {
namespace {

class TryExceptPass final : public Rule {
 public:
  explicit TryExceptPass(const RuleMeta& /*meta*/) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    for (TSNode clause : m.except_clauses()) {
      if (!is_silent_broad_handler(m, clause)) continue;
      ExceptParts p = except_parts(m, clause);
      TSNode body = silent_statement(m, p.block);
      std::string what;
      std::string head = std::string("except") + (p.star ? "*" : "");
      if (ts_node_is_null(p.type)) {
        what = "every exception, including KeyboardInterrupt and SystemExit";
        head += ":";
      } else {
        std::string broad = broad_exception_name(m, p.type);
        what = broad == "BaseException"
                   ? "every exception, including KeyboardInterrupt and SystemExit"
                   : "every exception";
        head += " " + excerpt(m, ts_node_child_by_field_id(clause, g.f_value), 60) + ":";
      }
      bool is_continue = ts_node_symbol(body) == g.continue_statement;
      Report r;
      r.issue =
          expand(ctx.meta().issue,
                 {{"clause", head},
                  {"what", what},
                  {"body", m.text(body)},
                  {"lines", try_lines(m, clause)},
                  {"effect", is_continue ? "the loop moves on to its next iteration as if this "
                                           "one had succeeded"
                                         : "the program carries on as if the operation had "
                                           "succeeded"}});
      r.solution = expand(ctx.meta().solution, {{"body", m.text(body)}});
      if (m.is_test_file()) {
        r.confidence = Confidence::Low;
        if (r.issue.ends_with(".")) r.issue.pop_back();
        r.issue += " (in test code).";
      }
      ctx.report(clause, std::move(r));
    }
  }

 private:
  // "line 4" or "lines 4-9": the body of the try statement the clause belongs to.
  static std::string try_lines(const py::Model& m, TSNode clause) {
    TSNode body = ts_node_child_by_field_id(ts_node_parent(clause), m.grammar().f_body);
    if (ts_node_is_null(body)) return "the try body";
    std::uint32_t a = m.start(body).line;
    std::uint32_t b = m.end(body).line;
    return a == b ? "line " + std::to_string(a)
                  : "lines " + std::to_string(a) + "-" + std::to_string(b);
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::TryExceptPass, "try-except-pass")
