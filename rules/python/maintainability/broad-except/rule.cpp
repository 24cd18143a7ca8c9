// broad-except: a bare `except:`, or `except Exception:` / `except BaseException:` whose handler
// swallows the error (no raise, no logging-like call, no use of the bound name). Handlers whose
// whole body is `pass`, `continue` or `...` are left to the security rule try-except-pass.
#include <algorithm>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "engine/rule.hpp"
#include "rules/python/errors/handlers.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

class BroadExcept final : public Rule {
 public:
  explicit BroadExcept(const RuleMeta& meta) : handled_(option_strings(meta, "handled_calls")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    for (TSNode clause : m.except_clauses()) check(m, ctx, clause);
  }

 private:
  struct Handler {
    bool raises = false;
    bool logs = false;
    bool uses_name = false;
    bool swallows() const { return !raises && !logs && !uses_name; }
  };

  void check(const py::Model& m, Context& ctx, TSNode clause) const {
    const py::Grammar& g = m.grammar();
    // A broad handler that is only `pass`/`continue`/`...` is the security rule
    // try-except-pass's finding; one clause gets one finding.
    if (is_silent_broad_handler(m, clause)) return;
    TSNode value = ts_node_child_by_field_id(clause, g.f_value);
    TSNode block{};
    bool star = false;
    for (uint32_t i = 0; i < ts_node_child_count(clause); ++i) {
      TSNode c = ts_node_child(clause, i);
      if (ts_node_symbol(c) == g.block) block = c;
      if (!ts_node_is_named(c) && std::string_view(ts_node_type(c)) == "*") star = true;
    }
    if (ts_node_is_null(block)) return;
    std::string head = std::string("except") + (star ? "*" : "");
    if (!ts_node_is_null(value)) head += " " + excerpt(m, value, 60);
    head += ":";

    // The caught type and the name it is bound to.
    TSNode type = value;
    std::string alias;
    if (!ts_node_is_null(value) && ts_node_symbol(value) == g.as_pattern) {
      type = ts_node_named_child(value, 0);
      TSNode target = ts_node_child_by_field_id(value, g.f_alias);
      if (!ts_node_is_null(target)) alias = std::string(m.text(target));
    }
    Handler h = inspect(m, block, alias);
    std::string swallow =
        ", and " + describe(m, block) + " neither re-raises, logs, nor looks at the error";
    Report r;
    std::string what;
    std::string handler;
    if (ts_node_is_null(type)) {
      what = "every exception, including KeyboardInterrupt (Ctrl-C) and SystemExit (`sys.exit()`)";
      if (h.swallows()) handler = swallow;
      if (h.raises) {
        r.solution =
            "The handler re-raises: write `except BaseException:` if it must also run for Ctrl-C "
            "and `sys.exit()`, or `except Exception:` if not; both say what is meant.";
      } else {
        r.solution =
            "Write `except Exception:` at the widest, or better the exceptions the `try` "
            "body " +
            try_lines(m, clause) +
            " is expected to raise, so Ctrl-C and `sys.exit()` still stop the program.";
      }
    } else {
      std::string broad = broad_exception_name(m, type);
      if (broad.empty() || !h.swallows()) return;
      what = broad == "BaseException"
                 ? "every exception, including KeyboardInterrupt (Ctrl-C) and SystemExit"
                 : "every exception";
      handler = swallow;
      r.solution = "Catch only the exceptions the `try` body " + try_lines(m, clause) +
                   " is expected to raise, or keep `" + broad + "` and log the error (`except " +
                   broad + " as e:` with a logging call) so the failure is visible.";
    }
    r.issue = expand(ctx.meta().issue, {{"clause", head}, {"what", what}, {"handler", handler}});
    ctx.report(clause, std::move(r));
  }

  Handler inspect(const py::Model& m, TSNode block, const std::string& alias) const {
    const py::Grammar& g = m.grammar();
    Handler h;
    walk(m, block, false, [&](TSNode n) {
      TSSymbol s = ts_node_symbol(n);
      if (s == g.raise_statement) h.raises = true;
      if (s == g.call) {
        TSNode fn = ts_node_child_by_field_id(n, g.f_function);
        if (ts_node_symbol(fn) == g.attribute) fn = ts_node_child_by_field_id(fn, g.f_attribute);
        if (ts_node_symbol(fn) == g.identifier && handles(m.text(fn))) h.logs = true;
      }
      return true;
    });
    if (!alias.empty()) h.uses_name = m.count_name(block, alias) > 0;
    return h;
  }

  // A call named in `handled_calls`, or whose name has one as an underscore-separated word
  // (`log_failure`, `_warn_unhandled_exception`, `handle_error`).
  bool handles(std::string_view name) const {
    auto listed = [&](std::string_view w) {
      return std::find(handled_.begin(), handled_.end(), w) != handled_.end();
    };
    if (listed(name)) return true;
    for (std::string_view w : split(name, '_')) {
      if (!w.empty() && listed(w)) return true;
    }
    return false;
  }

  // The handler for messages: its only statement when it has one short one, else its lines.
  static std::string describe(const py::Model& m, TSNode block) {
    TSNode only{};
    std::size_t statements = 0;
    for (uint32_t i = 0; i < ts_node_named_child_count(block); ++i) {
      TSNode st = ts_node_named_child(block, i);
      if (ts_node_symbol(st) == m.grammar().comment) continue;
      ++statements;
      only = st;
    }
    if (statements == 1 && line_span(only) == 1 && utf8_length(m.text(only)) <= 40) {
      return "its handler (`" + std::string(m.text(only)) + "`)";
    }
    std::uint32_t a = m.start(block).line;
    std::uint32_t b = m.end(block).line;
    return a == b ? "its handler (line " + std::to_string(a) + ")"
                  : "its handler (lines " + std::to_string(a) + "-" + std::to_string(b) + ")";
  }

  // "(line 4)" or "(lines 4-9)": the body of the try statement the clause belongs to.
  static std::string try_lines(const py::Model& m, TSNode clause) {
    TSNode stmt = ts_node_parent(clause);
    TSNode body = ts_node_child_by_field_id(stmt, m.grammar().f_body);
    if (ts_node_is_null(body)) return "";
    std::uint32_t a = m.start(body).line;
    std::uint32_t b = m.end(body).line;
    return a == b ? "(line " + std::to_string(a) + ")"
                  : "(lines " + std::to_string(a) + "-" + std::to_string(b) + ")";
  }

  std::vector<std::string> handled_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::BroadExcept, "broad-except")
