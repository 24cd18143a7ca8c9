// hardcoded-password: password literals in assignments, keyword arguments, parameter defaults,
// dictionary entries and comparisons.
#include <cctype>

#include "core/text.hpp"
#include "engine/rule.hpp"
#include "rules/python/secrets/common.hpp"

namespace secreview::rules {
namespace {

class HardcodedPassword final : public Rule {
 public:
  explicit HardcodedPassword(const RuleMeta& meta)
      : words_(option_strings(meta, "words")), not_words_(option_strings(meta, "not_words")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    for (const auto& a : m.assignments()) {
      if (a.augmented) continue;
      check(m, ctx, secrets::target_name(m, a.target), a.value, a.scope);
    }
    for (const auto& call : m.calls()) {
      for (const auto& arg : call.args) {
        if (arg.kind == py::Argument::Kind::Keyword) {
          check(m, ctx, arg.keyword, arg.value, call.scope);
        }
      }
    }
    for (const auto& f : m.functions()) {
      for (const auto& p : f.params) {
        if (!ts_node_is_null(p.default_value)) {
          check(m, ctx, p.name, p.default_value, f.scope->parent);
        }
      }
    }
    for (TSNode cmp : m.comparisons()) {
      // `password == "..."` (either side); only equality tests.
      if (ts_node_named_child_count(cmp) != 2) continue;
      std::string_view op = m.text(ts_node_child(cmp, 1));
      if (op != "==" && op != "!=") continue;
      TSNode l = ts_node_named_child(cmp, 0);
      TSNode r = ts_node_named_child(cmp, 1);
      const py::Scope* scope = m.scope_of(cmp);
      check(m, ctx, secrets::target_name(m, l), r, scope);
      check(m, ctx, secrets::target_name(m, r), l, scope);
    }
    // {"password": "..."} and dict(password="...") (the latter is a keyword argument above).
    for (TSNode s : m.strings()) {
      TSNode pair = m.parent(s);
      if (ts_node_is_null(pair) || ts_node_symbol(pair) != g.pair) continue;
      if (!ts_node_eq(ts_node_child_by_field_id(pair, g.f_key), s)) continue;
      py::Value key = m.evaluate(s, nullptr);
      if (key.is_str()) check(m, ctx, key.str, ts_node_child_by_field_id(pair, g.f_value), nullptr);
    }
  }

 private:
  bool is_password_name(std::string_view name) const {
    if (name.empty()) return false;
    bool hit = false;
    for (const auto& w : identifier_words(name)) {
      if (std::find(not_words_.begin(), not_words_.end(), w) != not_words_.end()) return false;
      if (std::find(words_.begin(), words_.end(), w) != words_.end()) hit = true;
    }
    return hit;
  }

  // A literal that reads like a real password, not a label, mask, placeholder or reference.
  static bool looks_like_secret(std::string_view v) {
    if (v.size() < 3) return false;
    if (contains_icase(v, "password") || contains_icase(v, "passwd")) return false;  // a label
    if (v.find(' ') != std::string_view::npos) return false;                         // a message
    bool all_mask = std::all_of(v.begin(), v.end(), [](char c) {
      return c == '*' || c == 'x' || c == 'X' || c == '.' || c == '-' || c == '_';
    });
    if (all_mask) return false;
    if (v.starts_with("${") || v.starts_with("{{") || v.starts_with("%(") || v.starts_with("<") ||
        v.starts_with("$")) {
      return false;
    }
    return true;
  }

  void check(const py::Model& m, Context& ctx, std::string_view name, TSNode value,
             const py::Scope* scope) const {
    if (ts_node_is_null(value) || !is_password_name(name)) return;
    TSNode v = m.unwrap(value);
    TSSymbol s = ts_node_symbol(v);
    if (s != m.grammar().string && s != m.grammar().concatenated_string) return;  // literals only
    py::Value val = m.evaluate(v, scope);
    if (!val.is_str() || !looks_like_secret(val.str)) return;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"target", name}});
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.severity = Severity::Low;
    }
    ctx.report(v, std::move(r));
  }

  std::vector<std::string> words_;
  std::vector<std::string> not_words_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::HardcodedPassword, "hardcoded-password")
