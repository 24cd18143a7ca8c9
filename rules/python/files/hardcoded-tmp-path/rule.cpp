// hardcoded-tmp-path: a constant path under /tmp, /var/tmp or /dev/shm in a file-location
// position (argument of open/Path/join/..., a path-named keyword, assignment or dict key).
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class HardcodedTmpPath final : public Rule {
 public:
  explicit HardcodedTmpPath(const RuleMeta& meta)
      : dirs_(option_strings(meta, "tmp_dirs")),
        calls_(option_strings(meta, "path_calls")),
        words_(option_strings(meta, "path_words")),
        safe_(option_strings(meta, "safe_modules")),
        option_calls_(option_strings(meta, "option_calls")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    for (TSNode s : m.strings()) {
      TSNode expr = s;
      TSNode parent = m.parent(s);
      if (ts_node_symbol(parent) == g.concatenated_string) {
        if (!ts_node_eq(ts_node_named_child(parent, 0), s)) continue;  // only the first part
        expr = parent;
      }
      std::string prefix = literal_prefix(m, expr);
      std::string dir;
      for (const auto& d : dirs_) {
        if (prefix.starts_with(d + "/") || prefix == d) {
          dir = d;
          break;
        }
      }
      if (dir.empty()) continue;
      // A bare "/tmp" (or "/tmp/") on its own names only the directory.
      py::Value v = m.evaluate(expr, nullptr);
      bool exact = v.is_str() && v.str.size() >= dir.size() &&
                   v.str.find_first_not_of('/', dir.size()) == std::string::npos;
      TSNode shown = in_path_position(m, expr, exact);
      if (ts_node_is_null(shown)) continue;
      Report r;
      r.issue = expand(ctx.meta().issue, {{"value", excerpt(m, shown, 60)}, {"dir", dir}});
      if (m.is_test_file()) {
        r.confidence = Confidence::Low;
        if (r.issue.ends_with(".")) r.issue.pop_back();
        r.issue += " (in test code).";
      }
      ctx.report(expr, std::move(r));
    }
  }

 private:
  // The constant text at the start of a string or implicit concatenation, up to the first
  // interpolation.
  static std::string literal_prefix(const py::Model& m, TSNode expr) {
    const py::Grammar& g = m.grammar();
    std::vector<TSNode> parts;
    if (ts_node_symbol(expr) == g.concatenated_string) {
      for (uint32_t i = 0; i < ts_node_named_child_count(expr); ++i) {
        parts.push_back(ts_node_named_child(expr, i));
      }
    } else {
      parts.push_back(expr);
    }
    std::string out;
    for (TSNode p : parts) {
      if (ts_node_symbol(p) != g.string) break;
      for (uint32_t i = 0; i < ts_node_named_child_count(p); ++i) {
        TSNode c = ts_node_named_child(p, i);
        TSSymbol cs = ts_node_symbol(c);
        if (cs == g.interpolation) return out;
        if (cs == g.string_content) out += m.text(c);
      }
    }
    return out;
  }

  bool names_path(std::string_view name) const {
    for (const auto& w : identifier_words(name)) {
      if (std::find(words_.begin(), words_.end(), w) != words_.end()) return true;
    }
    return false;
  }

  static bool listed(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  }

  // The expression the string is the start of: `"/tmp/" + name`, `"/tmp/{}".format(x)`.
  static TSNode grow(const py::Model& m, TSNode expr) {
    const py::Grammar& g = m.grammar();
    for (;;) {
      TSNode p = ts_node_parent(expr);
      if (ts_node_is_null(p)) return expr;
      TSSymbol ps = ts_node_symbol(p);
      if (ps == g.parenthesized_expression) {
        expr = p;
        continue;
      }
      if (ps == g.binary_operator && ts_node_eq(ts_node_child_by_field_id(p, g.f_left), expr)) {
        std::string_view op = m.text(ts_node_child_by_field_id(p, g.f_operator));
        if (op == "+" || op == "%") {
          expr = p;
          continue;
        }
      }
      if (ps == g.attribute && m.text(ts_node_child_by_field_id(p, g.f_attribute)) == "format") {
        TSNode call = ts_node_parent(p);
        if (!ts_node_is_null(call) && ts_node_symbol(call) == g.call) {
          expr = call;
          continue;
        }
      }
      return expr;
    }
  }

  // The expression to show when the string is a file location (the string grown to
  // `"/tmp/" + name`, or the join / Path division a bare "/tmp" is part of); null otherwise.
  TSNode in_path_position(const py::Model& m, TSNode str, bool exact) const {
    const py::Grammar& g = m.grammar();
    TSNode expr = grow(m, str);
    exact = exact && ts_node_eq(expr, str);  // "/tmp/" + name puts a name in it
    TSNode p = ts_node_parent(expr);
    if (ts_node_is_null(p)) return {};
    TSSymbol ps = ts_node_symbol(p);
    if (ps == g.argument_list || ps == g.keyword_argument) {
      TSNode args = ps == g.argument_list ? p : ts_node_parent(p);
      TSNode call = ts_node_parent(args);
      if (ts_node_is_null(call) || ts_node_symbol(call) != g.call) return {};
      TSNode callee = ts_node_child_by_field_id(call, g.f_function);
      std::string name = m.qualify(callee, m.scope_of(call));
      std::string_view method = name;
      if (auto dot = method.rfind('.'); dot != std::string_view::npos)
        method.remove_prefix(dot + 1);
      if (name.empty()) {
        if (ts_node_symbol(callee) == g.attribute) {
          method = m.text(ts_node_child_by_field_id(callee, g.f_attribute));
        }
      }
      for (const auto& s : safe_) {
        if (name.starts_with(s)) return {};
      }
      if (exact) return exact_dir_with_fixed_name(m, expr, call, method);
      if (ps == g.keyword_argument) {
        std::string_view kw = m.text(ts_node_child_by_field_id(p, g.f_name));
        if (names_path(kw)) return expr;
        if (kw == "default" && listed(option_calls_, method)) {
          TSNode first = ts_node_named_child(args, 0);
          bool named = !ts_node_is_null(first) && ts_node_symbol(first) == g.string &&
                       names_path(m.text(first));
          return named ? expr : TSNode{};
        }
      }
      return listed(calls_, method) ? expr : TSNode{};
    }
    if (exact) return {};
    if (ps == g.assignment && ts_node_eq(ts_node_child_by_field_id(p, g.f_right), expr)) {
      TSNode target = ts_node_child_by_field_id(p, g.f_left);
      if (ts_node_symbol(target) == g.attribute) {
        target = ts_node_child_by_field_id(target, g.f_attribute);
      }
      bool named = ts_node_symbol(target) == g.identifier && names_path(m.text(target));
      return named ? expr : TSNode{};
    }
    if (ps == g.default_parameter || ps == g.typed_default_parameter) {
      return names_path(m.text(ts_node_child_by_field_id(p, g.f_name))) ? expr : TSNode{};
    }
    if (ps == g.pair && ts_node_eq(ts_node_child_by_field_id(p, g.f_value), expr)) {
      TSNode key = ts_node_child_by_field_id(p, g.f_key);
      bool named = ts_node_symbol(key) == g.string && names_path(m.text(key));
      return named ? expr : TSNode{};
    }
    return {};
  }

  // A bare "/tmp" counts only when a fixed name is put in it: os.path.join("/tmp", "app.pid")
  // or Path("/tmp") / "app.pid".
  static TSNode exact_dir_with_fixed_name(const py::Model& m, TSNode expr, TSNode call,
                                          std::string_view method) {
    const py::Grammar& g = m.grammar();
    TSNode args = ts_node_child_by_field_id(call, g.f_arguments);
    if (method == "join") {
      if (!ts_node_eq(ts_node_named_child(args, 0), expr)) return {};
      TSNode second = ts_node_named_child(args, 1);
      bool fixed = !ts_node_is_null(second) && m.evaluate(second, m.scope_of(call)).is_str();
      return fixed ? call : TSNode{};
    }
    if (method == "Path" || method == "PurePath" || method == "PosixPath") {
      TSNode p = ts_node_parent(call);
      if (ts_node_is_null(p) || ts_node_symbol(p) != g.binary_operator) return {};
      if (m.text(ts_node_child_by_field_id(p, g.f_operator)) != "/") return {};
      bool fixed = m.evaluate(ts_node_child_by_field_id(p, g.f_right), m.scope_of(call)).is_str();
      return fixed ? p : TSNode{};
    }
    return {};
  }

  std::vector<std::string> dirs_;
  std::vector<std::string> calls_;
  std::vector<std::string> words_;
  std::vector<std::string> safe_;
  std::vector<std::string> option_calls_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::HardcodedTmpPath, "hardcoded-tmp-path")
