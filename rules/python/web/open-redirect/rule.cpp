// open-redirect: a redirect whose target URL is read from the request without a host check.
#include "engine/rule.hpp"
#include "core/text.hpp"
#include "rules/python/web/request.hpp"

namespace secreview::rules {
namespace {

class OpenRedirect final : public Rule {
 public:
  explicit OpenRedirect(const RuleMeta& meta)
      : sources_(meta),
        keywords_(option_strings(meta, "target_keywords")),
        validators_(option_strings(meta, "validators")),
        weak_(option_strings(meta, "weak_sources")),
        headers_(option_strings(meta, "location_headers")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    TSNode target = web::argument_of(call, 0, keywords_);
    if (ts_node_is_null(target)) return;
    check(ctx, call.name, call.node, target, call.scope);
  }

  // response.headers["Location"] = url, response["Location"] = url.
  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    for (const auto& a : m.assignments()) {
      TSNode t = m.unwrap(a.target);
      if (a.augmented || ts_node_symbol(t) != g.subscript) continue;
      py::Value key = m.evaluate(ts_node_child_by_field_id(t, g.f_subscript), a.scope);
      if (!key.is_str() || !web::in_list(headers_, to_lower(key.str))) continue;
      check(ctx, excerpt(m, t), a.node, a.value, a.scope);
    }
  }

 private:
  void check(Context& ctx, const std::string& name, TSNode at, TSNode target,
             const py::Scope* scope) const {
    const py::Model& m = ctx.model();
    web::RequestFlow flow(m, sources_, scope);
    std::optional<web::RequestRead> read = flow.leading(target);
    if (!read) return;
    if (web::validated(m, scope, flow.terms(), validators_)) return;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", name},
                                        {"target", excerpt(m, target)},
                                        {"source", web::source_phrase(m, *read, target, at)}});
    if (web::in_list(weak_, read->attribute)) {
      r.confidence = Confidence::Low;
      r.issue +=
          " (the value is a header or cookie, which the victim's own browser sends: an "
          "attacker can rarely choose it)";
    }
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(at, std::move(r));
  }

  web::RequestSources sources_;
  std::vector<std::string> keywords_;
  std::vector<std::string> validators_;
  std::vector<std::string> weak_;
  std::vector<std::string> headers_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::OpenRedirect, "open-redirect")
