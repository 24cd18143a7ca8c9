// percent-format-mixed: `"x=%s" % x` in a file that otherwise formats with f-strings.
#include <algorithm>
#include <set>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

class PercentFormatMixed final : public Rule {
 public:
  explicit PercentFormatMixed(const RuleMeta& meta)
      : min_fstrings_(meta.options["min_fstrings"].value_or(3)),
        min_ratio_(meta.options["min_ratio"].value_or(3)) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    std::int64_t fstrings = 0;
    for (TSNode s : m.strings()) {
      if (prefix(m, s).find_first_of("fF") != std::string_view::npos) ++fstrings;
    }
    if (fstrings < min_fstrings_) return;

    std::vector<TSNode> sites;  // the binary_operator nodes
    walk(m, m.root(), true, [&](TSNode n) {
      if (ts_node_symbol(n) == g.binary_operator && is_percent_format(m, n)) sites.push_back(n);
      return true;
    });
    auto count = static_cast<std::int64_t>(sites.size());
    if (count == 0 || fstrings < min_ratio_ * count) return;

    std::vector<TSNode> ops;  // the `%` tokens: the line a finding cites shows the operator
    ops.reserve(sites.size());
    for (TSNode n : sites) ops.push_back(ts_node_child_by_field_id(n, g.f_operator));
    std::string lines;
    std::set<std::uint32_t> seen;
    std::vector<std::uint32_t> numbers;
    for (TSNode op : ops) {
      if (seen.insert(m.start(op).line).second) numbers.push_back(m.start(op).line);
    }
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      if (i) lines += i + 1 == numbers.size() ? " and " : ", ";
      lines += std::to_string(numbers[i]);
    }
    lines = (numbers.size() == 1 ? "line " : "lines ") + lines;

    std::string example;
    for (TSNode n : sites) {
      std::string f = to_fstring(m, n);
      if (f.empty()) continue;
      example = ", for example `" + f + "` on line " + std::to_string(m.start(n).line);
      break;
    }
    Report r;
    r.issue =
        expand(ctx.meta().issue,
               {{"fstrings", std::to_string(fstrings)},
                {"count", count == 1 ? "1 expression" : std::to_string(count) + " expressions"},
                {"lines", lines}});
    r.solution =
        expand(ctx.meta().solution, {{"them", count == 1 ? "it" : "them"}, {"example", example}});
    for (std::size_t i = 1; i < ops.size(); ++i) r.related.push_back(ops[i]);
    ctx.report(ops.front(), std::move(r));
  }

 private:
  // The prefix letters of a string literal (`f`, `rb`, ``).
  static std::string_view prefix(const py::Model& m, TSNode str) {
    const py::Grammar& g = m.grammar();
    TSNode start = ts_node_named_child(str, 0);
    if (ts_node_is_null(start) || ts_node_symbol(start) != g.string_start) return {};
    std::string_view t = m.text(start);
    return t.substr(0, t.find_first_of("'\""));
  }

  // `"..." % x` whose left side is a text (not bytes) literal containing a `%` directive, and
  // which is not passed straight to a logging call (those should pass arguments lazily).
  static bool is_percent_format(const py::Model& m, TSNode n) {
    const py::Grammar& g = m.grammar();
    if (m.text(ts_node_child_by_field_id(n, g.f_operator)) != "%") return false;
    TSNode left = m.unwrap(ts_node_child_by_field_id(n, g.f_left));
    TSSymbol s = ts_node_symbol(left);
    std::vector<TSNode> parts;
    if (s == g.string) {
      parts.push_back(left);
    } else if (s == g.concatenated_string) {
      std::uint32_t k = ts_node_named_child_count(left);
      for (std::uint32_t i = 0; i < k; ++i) parts.push_back(ts_node_named_child(left, i));
    } else {
      return false;
    }
    bool directive = false;
    for (TSNode p : parts) {
      if (ts_node_symbol(p) != g.string) continue;
      std::string_view pre = prefix(m, p);
      if (pre.find_first_of("bBfF") != std::string_view::npos) return false;
      if (m.text(p).find('%') != std::string_view::npos) directive = true;
    }
    if (!directive) return false;
    TSNode parent = ts_node_parent(n);
    if (!ts_node_is_null(parent) && ts_node_symbol(parent) == g.argument_list) {
      TSNode call = ts_node_parent(parent);
      TSNode callee = ts_node_child_by_field_id(call, g.f_function);
      if (ts_node_symbol(callee) == g.attribute) {
        static const std::set<std::string_view> kLogging = {
            "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log"};
        if (kLogging.count(m.text(ts_node_child_by_field_id(callee, g.f_attribute)))) {
          return false;
        }
      }
    }
    return true;
  }

  // A one-line rewrite when it is mechanical: a single-line literal with only `%s`, `%r` and
  // `%%`, and as many simple arguments (names, attributes, items, calls) as directives.
  static std::string to_fstring(const py::Model& m, TSNode n) {
    const py::Grammar& g = m.grammar();
    TSNode left = m.unwrap(ts_node_child_by_field_id(n, g.f_left));
    TSNode right = m.unwrap(ts_node_child_by_field_id(n, g.f_right));
    if (ts_node_symbol(left) != g.string ||
        ts_node_start_point(n).row != ts_node_end_point(n).row) {
      return {};
    }
    std::string_view pre = prefix(m, left);
    if (pre.find_first_of("rR") != std::string_view::npos) return {};
    std::string_view lit = m.text(left).substr(pre.size());
    if (lit.size() < 2 || lit.starts_with("\"\"\"") || lit.starts_with("'''")) return {};
    char quote = lit.front();
    std::string_view body = lit.substr(1, lit.size() - 2);
    if (body.find_first_of("{}\\") != std::string_view::npos) return {};
    std::vector<TSNode> args;
    if (ts_node_symbol(right) == g.tuple) {
      std::uint32_t k = ts_node_named_child_count(right);
      for (std::uint32_t i = 0; i < k; ++i) args.push_back(ts_node_named_child(right, i));
    } else {
      args.push_back(right);
    }
    for (TSNode a : args) {
      TSSymbol s = ts_node_symbol(a);
      if (s != g.identifier && s != g.attribute && s != g.subscript && s != g.call) return {};
      std::string_view t = m.text(a);
      if (t.find_first_of("'\"\\\n{}") != std::string_view::npos) return {};
    }
    std::string out = "f";
    out += quote;
    std::size_t used = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] != '%') {
        out += body[i];
        continue;
      }
      if (i + 1 >= body.size()) return {};
      char c = body[++i];
      if (c == '%') {
        out += '%';
      } else if (c == 's' || c == 'r') {
        if (used >= args.size()) return {};
        out += "{" + std::string(m.text(args[used++])) + (c == 'r' ? "!r}" : "}");
      } else {
        return {};
      }
    }
    if (used != args.size()) return {};
    out += quote;
    return out;
  }

  std::int64_t min_fstrings_;
  std::int64_t min_ratio_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::PercentFormatMixed, "percent-format-mixed")
