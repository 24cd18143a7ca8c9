// bind-all-interfaces: "0.0.0.0" / "::" used as a listening address.
#include "engine/rule.hpp"
#include "core/text.hpp"

namespace secreview::rules {
namespace {

class BindAllInterfaces final : public Rule {
 public:
  explicit BindAllInterfaces(const RuleMeta& meta)
      : addresses_(option_strings(meta, "addresses")),
        words_(option_strings(meta, "address_words")),
        methods_(option_strings(meta, "bind_methods")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    for (TSNode s : m.strings()) {
      std::string_view raw = m.text(s);
      if (raw.find("0.0.0.0") == std::string_view::npos &&
          raw.find("::") == std::string_view::npos && raw.find("0:0:0") == std::string_view::npos) {
        continue;
      }
      py::Value v = m.evaluate(s, nullptr);
      if (!v.is_str() ||
          std::find(addresses_.begin(), addresses_.end(), v.str) == addresses_.end()) {
        continue;
      }
      if (!in_address_position(m, s)) continue;
      Report r;
      r.issue = expand(ctx.meta().issue, {{"value", v.str}});
      ctx.report(s, std::move(r));
    }
  }

 private:
  bool names_address(std::string_view name) const {
    std::string lower = to_lower(name);
    for (const auto& w : words_) {
      if (lower == w || lower.starts_with(w + "_") || lower.ends_with("_" + w) ||
          lower.find("_" + w + "_") != std::string::npos || lower.ends_with(w)) {
        return true;
      }
    }
    return false;
  }

  bool is_bind_call(const py::Model& m, TSNode args) const {
    const py::Grammar& g = m.grammar();
    if (ts_node_is_null(args) || ts_node_symbol(args) != g.argument_list) return false;
    TSNode call = ts_node_parent(args);
    TSNode callee = ts_node_child_by_field_id(call, g.f_function);
    std::string_view method = ts_node_symbol(callee) == g.attribute
                                  ? m.text(ts_node_child_by_field_id(callee, g.f_attribute))
                                  : m.text(callee);
    return std::find(methods_.begin(), methods_.end(), method) != methods_.end();
  }

  // The string is a listening address: a keyword/assignment named like one, an argument of a
  // bind/run/serve call, or the host of a (host, port) tuple.
  bool in_address_position(const py::Model& m, TSNode s) const {
    const py::Grammar& g = m.grammar();
    TSNode p = m.parent(s);
    while (!ts_node_is_null(p) && ts_node_symbol(p) == g.parenthesized_expression) p = m.parent(p);
    if (ts_node_is_null(p)) return false;
    TSSymbol ps = ts_node_symbol(p);
    if (ps == g.keyword_argument) {
      return names_address(m.text(ts_node_child_by_field_id(p, g.f_name)));
    }
    if (ps == g.assignment || ps == g.default_parameter || ps == g.typed_default_parameter) {
      TSNode target = ts_node_child_by_field_id(p, ps == g.assignment ? g.f_left : g.f_name);
      if (ts_node_symbol(target) == g.attribute) {
        target = ts_node_child_by_field_id(target, g.f_attribute);
      }
      return names_address(m.text(target));
    }
    if (ps == g.argument_list) return is_bind_call(m, p);
    if (ps == g.tuple && ts_node_named_child_count(p) == 2 &&
        ts_node_eq(ts_node_named_child(p, 0), s)) {
      TSNode port = ts_node_named_child(p, 1);
      TSNode holder = ts_node_parent(p);
      return ts_node_symbol(port) == g.integer || is_bind_call(m, holder);
    }
    return false;
  }

  std::vector<std::string> addresses_;
  std::vector<std::string> words_;
  std::vector<std::string> methods_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::BindAllInterfaces, "bind-all-interfaces")
