// django-mark-safe: mark_safe()/SafeString/Markup() applied to a string that is not fixed.
#include <algorithm>
#include <set>

#include "engine/rule.hpp"
#include "rules/python/injection/common.hpp"

namespace secreview::rules {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

class DjangoMarkSafe final : public Rule {
 public:
  explicit DjangoMarkSafe(const RuleMeta& meta)
      : markup_(option_strings(meta, "markup_classes")),
        escaping_(option_strings(meta, "escaping_calls")) {}

  void check_call(const py::Call& call, Context& ctx) const override { check(call, false, ctx); }

  // Calls to classes defined in this file that derive from a Markup class.
  void check_module(const py::Model& m, Context& ctx) const override {
    std::set<std::string> local;
    for (bool grew = true; grew;) {
      grew = false;
      for (const py::Class& c : m.classes()) {
        if (local.count(c.name)) continue;
        const py::Scope* outer = c.scope ? c.scope->parent : nullptr;
        for (TSNode base : c.bases) {
          std::string q = m.qualify(base, outer);
          if (contains(markup_, q) || local.count(q)) {
            local.insert(c.name);
            grew = true;
            break;
          }
        }
      }
    }
    if (local.empty()) return;
    for (const py::Call& call : m.calls()) {
      if (call.origin == py::NameOrigin::Local && local.count(call.name)) {
        check(call, true, ctx);
      }
    }
  }

 private:
  void check(const py::Call& call, bool subclass, Context& ctx) const {
    const py::Model& m = ctx.model();
    TSNode arg = call.argument(0, "s");
    if (ts_node_is_null(arg)) arg = call.argument(0, "base");
    if (ts_node_is_null(arg)) arg = call.argument(0, "object");
    if (ts_node_is_null(arg)) return;
    FixedLeaf escaped = [&](TSNode n, const py::Scope* scope) { return escaping(m, n, scope); };
    if (fixed_text(m, arg, call.scope, escaped)) return;
    bool django = call.name.starts_with("django.");
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"arg", excerpt(m, arg)}});
    if (subclass)
      r.issue += " (`" + call.name + "` is defined in this file and derives from Markup)";
    r.solution =
        expand(ctx.meta().solution,
               {{"fix", django ? "format_html(\"<b>{}</b>\", value) (django.utils.html)"
                               : "Markup(\"<b>{}</b>\").format(value), which escapes value, or "
                                 "markupsafe.escape(value)"}});
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

  // A call whose result is escaped HTML: an escaping function, or Markup("...").format(...).
  bool escaping(const py::Model& m, TSNode n, const py::Scope* scope) const {
    const py::Grammar& g = m.grammar();
    if (ts_node_symbol(n) != g.call) return false;
    TSNode callee = ts_node_child_by_field_id(n, g.f_function);
    if (contains(escaping_, m.qualify(callee, scope))) return true;
    if (ts_node_symbol(callee) == g.attribute &&
        m.text(ts_node_child_by_field_id(callee, g.f_attribute)) == "format") {
      TSNode recv = m.unwrap(ts_node_child_by_field_id(callee, g.f_object));
      if (ts_node_symbol(recv) == g.call) {
        std::string q = m.qualify(ts_node_child_by_field_id(recv, g.f_function), scope);
        return contains(markup_, q);
      }
    }
    return false;
  }

  std::vector<std::string> markup_;
  std::vector<std::string> escaping_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::DjangoMarkSafe, "django-mark-safe")
