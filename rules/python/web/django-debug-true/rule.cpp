// django-debug-true: DEBUG = True in a Django settings module, or an environment read that
// defaults to True.
#include "engine/rule.hpp"
#include "core/text.hpp"
#include "rules/python/web/settings.hpp"

namespace secreview::rules {
namespace {

class DjangoDebugTrue final : public Rule {
 public:
  explicit DjangoDebugTrue(const RuleMeta& meta)
      : settings_(option_strings(meta, "settings")),
        env_readers_(option_strings(meta, "env_readers")),
        true_strings_(option_strings(meta, "true_strings")),
        dev_words_(option_strings(meta, "dev_words")),
        markers_(option_strings(meta, "django_markers")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    if (!web::is_django_settings(m, markers_)) return;
    const py::Grammar& g = m.grammar();
    for (const auto& a : m.assignments()) {
      if (a.augmented || a.scope != &m.module_scope()) continue;
      if (ts_node_symbol(a.target) != g.identifier || !web::in_list(settings_, m.text(a.target))) {
        continue;
      }
      Report r;
      TSNode at{};
      py::Value v = m.evaluate(a.value, a.scope);
      if (v.kind == py::Value::Kind::Bool && v.boolean) {
        at = a.value;
        r.issue = expand(ctx.meta().issue, {{"what", "`" + excerpt(m, a.node) +
                                                         "` turns on "
                                                         "Django's debug mode"}});
      } else {
        at = true_default(m, a.value, a.scope);
        if (ts_node_is_null(at)) continue;
        r.issue = expand(ctx.meta().issue,
                         {{"what", "`" + excerpt(m, a.node, 64) +
                                       "` turns on Django's debug "
                                       "mode whenever the environment variable is not set"}});
        r.confidence = Confidence::Medium;
      }
      std::string why = web::non_production_note(m, {}, dev_words_);
      if (!why.empty()) {
        r.confidence = Confidence::Low;
        r.issue += why;
      }
      ctx.report(at, std::move(r));
    }
  }

 private:
  // os.environ.get("DEBUG", True), env.bool("DEBUG", default=True), config("DEBUG", "True"):
  // the default when it means true; a null node otherwise.
  TSNode true_default(const py::Model& m, TSNode value, const py::Scope* scope) const {
    value = m.unwrap(value);
    const py::Call* call = nullptr;
    for (const auto& c : m.calls()) {
      if (ts_node_eq(c.node, value)) call = &c;
    }
    if (!call || !web::in_list(env_readers_, call->method)) return {};
    TSNode d = call->argument(1, "default");
    if (ts_node_is_null(d)) return {};
    py::Value v = m.evaluate(d, scope);
    bool on = (v.kind == py::Value::Kind::Bool && v.boolean) ||
              (v.is_str() && web::in_list(true_strings_, to_lower(v.str)));
    return on ? d : TSNode{};
  }

  std::vector<std::string> settings_;
  std::vector<std::string> env_readers_;
  std::vector<std::string> true_strings_;
  std::vector<std::string> dev_words_;
  std::vector<std::string> markers_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::DjangoDebugTrue, "django-debug-true")
