// function-too-complex: McCabe cyclomatic complexity above `max_complexity`.
//
// Complexity = 1 + if, elif, for, while, except, case, and/or, conditional expressions and
// comprehension `if` clauses. A nested function is measured on its own, not in its parent.
#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"
#include "rules/python/maintainability/imports.hpp"
#include "rules/python/maintainability/structure.hpp"

namespace secreview::rules {
namespace {

class FunctionTooComplex final : public Rule {
 public:
  explicit FunctionTooComplex(const RuleMeta& meta)
      : max_complexity_(meta.options["max_complexity"].value_or(12)),
        if_clause_(python_symbol("if_clause")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    for (const auto& f : m.functions()) {
      // Every decision point has its keyword in the function's text, so a function whose text
      // holds few enough of them cannot be over the limit: most are settled without a walk.
      if (1 + keyword_bound(m.text(f.node)) <= max_complexity_) continue;
      Counts c;
      walk(m, f.node, true, [&](TSNode n) {
        TSSymbol s = ts_node_symbol(n);
        if (s == g.function_definition) return false;  // measured separately
        if (s == g.if_statement || s == g.elif_clause) {
          ++c.branches;
          if (s == g.if_statement) note_chain(m, n, c);
        } else if (s == g.for_statement || s == g.while_statement) {
          ++c.loops;
        } else if (s == g.except_clause) {
          ++c.excepts;
        } else if (s == g.case_clause) {
          ++c.cases;
        } else if (s == g.boolean_operator) {
          ++c.booleans;
        } else if (s == g.conditional_expression) {
          ++c.ternaries;
        } else if (s == if_clause_) {
          ++c.filters;
        }
        return true;
      });
      std::int64_t complexity = 1 + c.total();
      if (complexity <= max_complexity_) continue;
      Report r;
      r.issue = expand(ctx.meta().issue, {{"what", function_label(f)},
                                          {"complexity", std::to_string(complexity)},
                                          {"max", std::to_string(max_complexity_)},
                                          {"breakdown", breakdown(c)}});
      r.solution = expand(ctx.meta().solution, {{"fixes", fixes(m, c)}});
      ctx.report(f.node, std::move(r));
    }
  }

 private:
  struct Counts {
    std::int64_t branches = 0, loops = 0, excepts = 0, cases = 0, booleans = 0, ternaries = 0,
                 filters = 0;
    TSNode longest_chain{};  // the if statement with the most elif clauses
    std::int64_t chain_elifs = 0;
    std::int64_t total() const {
      return branches + loops + excepts + cases + booleans + ternaries + filters;
    }
  };

  // An upper bound of the decision points in `text`: the keywords that introduce them, counted
  // as words wherever they stand (in strings, comments and nested functions too). A keyword
  // token is never followed by a name character; before it only a letter or `_` rules it out
  // (`1if x else y` is valid Python), and anything else counts, which only loosens the bound.
  static std::int64_t keyword_bound(std::string_view text) {
    auto letter = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    std::int64_t n = 0;
    for (std::string_view k : {"if", "elif", "for", "while", "except", "case", "and", "or"}) {
      for (std::size_t at = text.find(k); at != std::string_view::npos; at = text.find(k, at + 1)) {
        std::size_t end = at + k.size();
        if ((at == 0 || !letter(text[at - 1])) &&
            (end == text.size() || !is_identifier_char(text[end]))) {
          ++n;
        }
      }
    }
    return n;
  }

  static void note_chain(const py::Model& m, TSNode n, Counts& c) {
    std::int64_t elifs = 0;
    std::uint32_t k = ts_node_named_child_count(n);
    for (std::uint32_t i = 0; i < k; ++i) {
      elifs += ts_node_symbol(ts_node_named_child(n, i)) == m.grammar().elif_clause;
    }
    if (elifs > c.chain_elifs) {
      c.chain_elifs = elifs;
      c.longest_chain = n;
    }
  }

  static std::string breakdown(const Counts& c) {
    std::string out;
    auto add = [&](std::int64_t n, const char* one, const char* many) {
      if (!n) return;
      if (!out.empty()) out += ", ";
      out += std::to_string(n) + " " + (n == 1 ? one : many);
    };
    add(c.branches, "`if`/`elif`", "`if`/`elif`");
    add(c.loops, "loop", "loops");
    add(c.excepts, "`except` clause", "`except` clauses");
    add(c.cases, "`case` clause", "`case` clauses");
    add(c.booleans, "`and`/`or` operator", "`and`/`or` operators");
    add(c.ternaries, "conditional expression", "conditional expressions");
    add(c.filters, "comprehension `if` clause", "comprehension `if` clauses");
    return out;
  }

  static std::string fixes(const py::Model& m, const Counts& c) {
    std::vector<std::string> out;
    if (c.chain_elifs >= 3) {
      out.push_back("replace the `if`/`elif` chain on line " +
                    std::to_string(m.start(c.longest_chain).line) + " (" +
                    std::to_string(c.chain_elifs + 1) +
                    " conditions) with a dictionary of handlers or a lookup table");
    }
    if (c.booleans >= 4) {
      out.emplace_back(
          "move compound `and`/`or` conditions into small predicate functions with "
          "descriptive names");
    }
    out.push_back(std::string("extract independent branches") +
                  (c.loops ? " and loop bodies" : "") +
                  " into helper functions that can be read and tested on their own");
    std::string fix;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (i) fix += i + 1 == out.size() ? ", and " : ", ";
      fix += out[i];
    }
    return fix;
  }

  std::int64_t max_complexity_;
  TSSymbol if_clause_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::FunctionTooComplex, "function-too-complex")
