// django-allowed-hosts-all: "*" in ALLOWED_HOSTS of a Django settings module (as an item, or as
// the default of an environment read).
#include "engine/rule.hpp"
#include "rules/python/web/settings.hpp"

namespace secreview::rules {
namespace {

class DjangoAllowedHostsAll final : public Rule {
 public:
  explicit DjangoAllowedHostsAll(const RuleMeta& meta)
      : settings_(option_strings(meta, "settings")),
        wildcards_(option_strings(meta, "wildcards")),
        dev_words_(option_strings(meta, "dev_words")),
        markers_(option_strings(meta, "django_markers")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    if (!web::is_django_settings(m, markers_)) return;
    const py::Grammar& g = m.grammar();
    std::string why = web::non_production_note(m, {}, dev_words_);
    for (const auto& a : m.assignments()) {
      if (a.scope != &m.module_scope() || ts_node_symbol(a.target) != g.identifier ||
          !web::in_list(settings_, m.text(a.target))) {
        continue;
      }
      // ALLOWED_HOSTS = ["*"], ALLOWED_HOSTS += ["*"], getenv("HOSTS", "*").split(",").
      for (TSNode s : m.strings()) {
        if (!web::within(s, a.value) || !is_item_or_default(m, s, a.value)) continue;
        py::Value v = m.evaluate(s, nullptr);
        if (!v.is_str() || !web::in_list(wildcards_, v.str)) continue;
        Report r;
        bool fallback = ts_node_symbol(m.parent(s)) == g.argument_list;
        r.issue = expand(
            ctx.meta().issue,
            {{"what", "`" + excerpt(m, a.node, 64) + "` allows every host" +
                          (fallback ? " whenever the environment variable is not set" : "")}});
        if (fallback) r.confidence = Confidence::Medium;
        if (!why.empty()) {
          r.confidence = Confidence::Low;
          r.issue += why;
        }
        ctx.report(s, std::move(r));
      }
    }
  }

 private:
  // The literal is the value, an item of the list/tuple/set value, or an argument of a call in
  // it (the default of an environment read); not part of a comparison or a comprehension.
  static bool is_item_or_default(const py::Model& m, TSNode s, TSNode value) {
    const py::Grammar& g = m.grammar();
    if (ts_node_eq(s, m.unwrap(value))) return true;
    TSNode p = m.parent(s);
    while (!ts_node_is_null(p) && ts_node_symbol(p) == g.parenthesized_expression) {
      p = m.parent(p);
    }
    if (ts_node_is_null(p)) return false;
    TSSymbol ps = ts_node_symbol(p);
    return ps == g.list || ps == g.tuple || ps == g.set || ps == g.argument_list ||
           ps == g.binary_operator;
  }

  std::vector<std::string> settings_;
  std::vector<std::string> wildcards_;
  std::vector<std::string> dev_words_;
  std::vector<std::string> markers_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::DjangoAllowedHostsAll, "django-allowed-hosts-all")
