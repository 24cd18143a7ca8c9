// assert-used-for-security: an `assert` outside test code; confidence medium when its condition
// looks like a security decision (mentions is_admin, token, permission...), low otherwise.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class AssertUsedForSecurity final : public Rule {
 public:
  explicit AssertUsedForSecurity(const RuleMeta& meta)
      : words_(option_strings(meta, "security_words")),
        exception_(meta.options["security_exception"].value_or(std::string("PermissionError"))) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    if (m.is_test_file()) return;  // asserts are how tests check things
    for (TSNode n : m.asserts()) check(m, ctx, n);
  }

 private:
  void check(const py::Model& m, Context& ctx, TSNode stmt) const {
    const py::Grammar& g = m.grammar();
    if (in_test_code(m, stmt)) return;
    TSNode cond{};
    for (uint32_t i = 0; i < ts_node_named_child_count(stmt); ++i) {
      TSNode k = ts_node_named_child(stmt, i);
      if (ts_node_symbol(k) == g.comment) continue;
      cond = k;
      break;
    }
    if (ts_node_is_null(cond)) return;
    std::string word = security_word(m, cond);
    Report r;
    std::string what;
    std::string exception = exception_;
    std::string note;
    if (!word.empty()) {
      what = "enforces a condition that looks like a security decision (it tests " + word + ")";
    } else {
      what =
          "checks a condition that names nothing security-related (likely an internal "
          "invariant, hence low confidence)";
      exception = "ValueError";
      note = ", or keep the assert if it only documents an internal invariant";
      r.confidence = Confidence::Low;
      r.severity = Severity::Low;
    }
    r.issue = expand(ctx.meta().issue, {{"stmt", excerpt(m, stmt, 60)}, {"what", what}});
    r.solution = expand(ctx.meta().solution,
                        {{"cond", excerpt(m, cond, 60)}, {"exception", exception}, {"note", note}});
    ctx.report(stmt, std::move(r));
  }

  // Inside a test function (test_*) or test class (Test*, *Test, *Tests) of a non-test file.
  static bool in_test_code(const py::Model& m, TSNode n) {
    for (const py::Scope* s = m.scope_of(n); s; s = s->parent) {
      const std::string& name = s->name;
      if (s->kind == py::Scope::Kind::Function && name.starts_with("test")) return true;
      if (s->kind == py::Scope::Kind::Class &&
          (name.starts_with("Test") || name.ends_with("Test") || name.ends_with("Tests"))) {
        return true;
      }
    }
    return false;
  }

  // Up to three distinct identifiers or strings in the condition that have a security word,
  // as "`user`, `is_admin`"; empty when none has one.
  std::string security_word(const py::Model& m, TSNode cond) const {
    const py::Grammar& g = m.grammar();
    std::vector<std::string> found;
    TSTreeCursor c = ts_tree_cursor_new(cond);
    for (;;) {
      TSNode n = ts_tree_cursor_current_node(&c);
      TSSymbol s = ts_node_symbol(n);
      if ((s == g.identifier || s == g.string_content) && found.size() < 3) {
        for (const auto& w : identifier_words(m.text(n))) {
          if (std::find(words_.begin(), words_.end(), w) == words_.end()) continue;
          std::string shown = s == g.identifier ? "`" + std::string(m.text(n)) + "`"
                                                : "`\"" + excerpt(m, n, 30) + "\"`";
          if (std::find(found.begin(), found.end(), shown) == found.end()) found.push_back(shown);
          break;
        }
      }
      if (ts_tree_cursor_goto_first_child(&c)) continue;
      bool done = false;
      while (!ts_tree_cursor_goto_next_sibling(&c)) {
        if (!ts_tree_cursor_goto_parent(&c) || ts_node_eq(ts_tree_cursor_current_node(&c), cond)) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
    ts_tree_cursor_delete(&c);
    std::string out;
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (i) out += i + 1 == found.size() ? " and " : ", ";
      out += found[i];
    }
    return out;
  }

  std::vector<std::string> words_;
  std::string exception_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::AssertUsedForSecurity, "assert-used-for-security")
