// weak-assertion: unittest assertions that wrap a test a more specific assertion names.
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

// What to write instead, and why.
struct Rewrite {
  std::string method;             // "assertEqual"
  std::vector<std::string> args;  // operands, as written
  std::string problem;            // completes "`call` ..."
  std::string reason;             // follows "Use `rewrite`"
};

class WeakAssertion final : public Rule {
 public:
  explicit WeakAssertion(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    const py::Grammar& g = m.grammar();
    if (ts_node_symbol(call.callee) != g.attribute || call.has_splat()) return;
    // Operands are positional; the only keyword kept is `msg`. Anything else is left alone.
    std::vector<TSNode> pos;
    TSNode msg{};
    for (const auto& a : call.args) {
      if (a.kind == py::Argument::Kind::Positional && ts_node_is_null(msg)) {
        pos.push_back(a.value);
      } else if (a.kind == py::Argument::Kind::Keyword && a.keyword == "msg") {
        msg = ts_node_parent(a.value);  // keep `msg=...` as written
      } else {
        return;
      }
    }
    std::string_view method = call.method;
    bool unary = method == "assertTrue" || method == "assertFalse";
    std::size_t operands = unary ? 1 : 2;
    if (pos.size() < operands || pos.size() > operands + 1 ||
        (pos.size() == operands + 1 && !ts_node_is_null(msg))) {
      return;
    }
    TSNode receiver = ts_node_child_by_field_id(call.callee, g.f_object);
    std::string self = excerpt(m, receiver, kOperandMax);
    std::optional<Rewrite> fix = unary
                                     ? for_truth(m, call, m.unwrap(pos[0]), method == "assertTrue")
                                     : for_pair(m, self, method, pos[0], pos[1]);
    if (!fix) return;
    if (pos.size() > operands) fix->args.push_back(excerpt(m, pos[operands], kOperandMax));
    if (!ts_node_is_null(msg)) fix->args.push_back(excerpt(m, msg, kOperandMax));

    std::string rewrite = self + "." + fix->method + "(";
    for (std::size_t i = 0; i < fix->args.size(); ++i) rewrite += (i ? ", " : "") + fix->args[i];
    rewrite += ")";

    Report r;
    r.issue =
        expand(ctx.meta().issue, {{"call", excerpt(m, call.node, 80)}, {"problem", fix->problem}});
    r.solution = expand(ctx.meta().solution, {{"rewrite", rewrite}, {"reason", fix->reason}});
    // Cite the line that shows the assertion's name (the receiver may span lines).
    TSNode name = ts_node_child_by_field_id(call.callee, g.f_attribute);
    TSNode at = call.node;
    if (ts_node_start_point(name).row != ts_node_start_point(call.node).row) {
      at = name;
      r.end = call.node;
    }
    ctx.report(at, std::move(r));
  }

 private:
  static constexpr std::size_t kOperandMax = 60;

  static bool is(const py::Model& m, TSNode n, TSSymbol s) {
    return ts_node_symbol(m.unwrap(n)) == s;
  }

  // `len(...)` compared with 0: deliberately not reported.
  static bool is_len_zero(const py::Model& m, const py::Call& call, TSNode a, TSNode b) {
    for (int k = 0; k < 2; ++k) {
      TSNode x = m.unwrap(k ? b : a);
      TSNode y = m.unwrap(k ? a : b);
      if (ts_node_symbol(x) != m.grammar().call || ts_node_symbol(y) != m.grammar().integer ||
          m.text(y) != "0") {
        continue;
      }
      py::NameOrigin origin = py::NameOrigin::None;
      TSNode fn = ts_node_child_by_field_id(x, m.grammar().f_function);
      if (m.qualify(fn, call.scope, &origin) == "len" && origin == py::NameOrigin::Global) {
        return true;
      }
    }
    return false;
  }

  // assertTrue(expr) / assertFalse(expr) where expr is a comparison or isinstance() call.
  static std::optional<Rewrite> for_truth(const py::Model& m, const py::Call& call, TSNode e,
                                          bool expect_true) {
    const py::Grammar& g = m.grammar();
    std::string_view failure = expect_true ? "'False is not true'" : "'True is not false'";
    std::string name = expect_true ? "assertTrue" : "assertFalse";
    Rewrite fix;
    std::string shows;
    if (ts_node_symbol(e) == g.comparison_operator) {
      if (ts_node_named_child_count(e) != 2) return std::nullopt;  // chained: a < b < c
      TSNode a = ts_node_named_child(e, 0);
      TSNode b = ts_node_named_child(e, 1);
      std::string op;
      for (uint32_t i = 0; i < ts_node_child_count(e); ++i) {
        TSNode c = ts_node_child(e, i);
        if (!ts_node_is_named(c)) op = ts_node_type(c);
      }
      if (is_len_zero(m, call, a, b)) return std::nullopt;
      if (is(m, a, g.true_) || is(m, a, g.false_) || is(m, b, g.true_) || is(m, b, g.false_)) {
        return std::nullopt;
      }
      // `x == None` is treated like `x is None`.
      bool a_none = is(m, a, g.none);
      bool b_none = is(m, b, g.none);
      if (a_none && b_none) return std::nullopt;
      TSNode other = a_none ? b : a;
      bool negate = !expect_true;
      if (op == "==" || op == "!=" || op == "is" || op == "is not") {
        bool equal = (op == "==" || op == "is") != negate;
        bool identity = op == "is" || op == "is not";
        if (a_none || b_none) {
          fix.method = equal ? "assertIsNone" : "assertIsNotNone";
          fix.args = {excerpt(m, other, kOperandMax)};
          shows = "the value";
        } else {
          fix.method = identity ? (equal ? "assertIs" : "assertIsNot")
                                : (equal ? "assertEqual" : "assertNotEqual");
          fix.args = {excerpt(m, a, kOperandMax), excerpt(m, b, kOperandMax)};
          shows = "both values";
        }
      } else if (op == "in" || op == "not in") {
        if (a_none || b_none) return std::nullopt;
        fix.method = (op == "in") != negate ? "assertIn" : "assertNotIn";
        fix.args = {excerpt(m, a, kOperandMax), excerpt(m, b, kOperandMax)};
        shows = "the item and the container";
      } else if (op == "<" || op == "<=" || op == ">" || op == ">=") {
        // `not (a < b)` is not `a >= b` for sets or NaN: only assertTrue is rewritten.
        if (negate || a_none || b_none) return std::nullopt;
        fix.method = op == "<"    ? "assertLess"
                     : op == "<=" ? "assertLessEqual"
                     : op == ">"  ? "assertGreater"
                                  : "assertGreaterEqual";
        fix.args = {excerpt(m, a, kOperandMax), excerpt(m, b, kOperandMax)};
        shows = "both values";
      } else {
        return std::nullopt;
      }
      bool vowel = op == "in" || op == "is" || op == "is not";
      fix.problem = std::string("passes the bool result of ") + (vowel ? "an `" : "a `") + op +
                    "` " + (op == "in" || op == "not in" ? "test" : "comparison") + " to `" + name +
                    "`, so a failure only says " + std::string(failure);
    } else if (ts_node_symbol(e) == g.call) {
      TSNode fn = ts_node_child_by_field_id(e, g.f_function);
      py::NameOrigin origin = py::NameOrigin::None;
      if (m.qualify(fn, call.scope, &origin) != "isinstance" || origin != py::NameOrigin::Global) {
        return std::nullopt;
      }
      TSNode args = ts_node_child_by_field_id(e, g.f_arguments);
      if (ts_node_symbol(args) != g.argument_list || ts_node_named_child_count(args) != 2) {
        return std::nullopt;
      }
      TSNode obj = ts_node_named_child(args, 0);
      TSNode cls = ts_node_named_child(args, 1);
      for (TSNode x : {obj, cls}) {
        TSSymbol s = ts_node_symbol(x);
        if (s == g.keyword_argument || s == g.list_splat || s == g.dictionary_splat ||
            s == g.comment) {
          return std::nullopt;
        }
      }
      fix.method = expect_true ? "assertIsInstance" : "assertNotIsInstance";
      fix.args = {excerpt(m, obj, kOperandMax), excerpt(m, cls, kOperandMax)};
      fix.problem = "passes the bool result of `isinstance()` to `" + name +
                    "`, so a failure only says " + std::string(failure);
      shows = "the object and the type";
    } else {
      return std::nullopt;
    }
    fix.reason = ": on failure it shows " + shows + " instead of " + std::string(failure);
    return fix;
  }

  // assertEqual/assertEquals/assertNotEqual/assertIs(a, b) with a None, True or False literal.
  static std::optional<Rewrite> for_pair(const py::Model& m, const std::string& self,
                                         std::string_view method, TSNode a, TSNode b) {
    const py::Grammar& g = m.grammar();
    bool equal = method == "assertEqual" || method == "assertEquals";
    bool a_lit = is(m, a, g.none) || is(m, a, g.true_) || is(m, a, g.false_);
    bool b_lit = is(m, b, g.none) || is(m, b, g.true_) || is(m, b, g.false_);
    if (a_lit == b_lit) return std::nullopt;  // neither, or two literals
    TSNode lit = m.unwrap(a_lit ? a : b);
    TSNode other = a_lit ? b : a;
    std::string value = excerpt(m, other, kOperandMax);
    Rewrite fix;
    if (ts_node_symbol(lit) == g.none) {
      if (method == "assertIs") {
        fix.method = "assertIsNone";
        fix.problem = "spells out an identity check against `None` with `assertIs`";
        fix.reason = ": it is the same check under the name unittest gives it";
      } else {
        fix.method = equal ? "assertIsNone" : "assertIsNotNone";
        fix.problem = "compares with `None` through `" + std::string(equal ? "==" : "!=") +
                      "`, which the value's `__eq__` can answer either way";
        fix.reason = ": it tests identity (`is " + std::string(equal ? "" : "not ") +
                     "None`), which no `__eq__` can override";
      }
      fix.args = {value};
      return fix;
    }
    if (!equal) return std::nullopt;  // assertNotEqual(x, True), assertIs(x, True): fine as is
    bool truth = ts_node_symbol(lit) == g.true_;
    std::string literal = truth ? "True" : "False";
    fix.method = truth ? "assertTrue" : "assertFalse";
    fix.args = {value};
    fix.problem = "compares with the literal `" + literal + "` through `==`, which also accepts `" +
                  (truth ? "1" : "0") + "` and `" + (truth ? "1.0" : "0.0") + "`";
    fix.reason = std::string(" if any ") + (truth ? "true" : "false") + " value should pass, or `" +
                 self + ".assertIs(" + value + ", " + literal + ")` if only the bool `" + literal +
                 "` should";
    return fix;
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::WeakAssertion, "weak-assertion")
