// csrf-exempt: Django's csrf_exempt (decorator, method_decorator argument or call in urls.py),
// Flask-WTF's csrf.exempt, and WTF_CSRF_ENABLED = False.
#include "engine/rule.hpp"
#include "core/text.hpp"
#include "rules/python/web/settings.hpp"

namespace secreview::rules {
namespace {

class CsrfExempt final : public Rule {
 public:
  explicit CsrfExempt(const RuleMeta& meta)
      : exempt_(option_strings(meta, "exempt_functions")),
        protect_classes_(option_strings(meta, "protect_classes")),
        protect_names_(option_strings(meta, "protect_names")),
        settings_(option_strings(meta, "settings")),
        dev_words_(option_strings(meta, "dev_words")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    check_references(m, ctx);
    for (const auto& s : web::settings_in(m, settings_)) {
      if (m.evaluate(s.value, s.scope).truthy() != false) continue;
      Report r;
      r.issue = expand(ctx.meta().issue,
                       {{"what", "`" + excerpt(m, s.statement, 64) + "` turns Flask-WTF's CSRF " +
                                     (s.name == "WTF_CSRF_ENABLED" ? "protection off"
                                                                   : "checks off by default")}});
      lower(m, r, web::non_production_note(m, s.holder, dev_words_));
      ctx.report(s.value, std::move(r));
    }
  }

 private:
  // Every expression that names csrf_exempt or a CSRFProtect's `exempt`, outside imports.
  void check_references(const py::Model& m, Context& ctx) const {
    const py::Grammar& g = m.grammar();
    TSTreeCursor c = ts_tree_cursor_new(m.root());
    for (;;) {
      TSNode n = ts_tree_cursor_current_node(&c);
      TSSymbol s = ts_node_symbol(n);
      bool descend = true;
      if (s == g.import_statement || s == g.import_from_statement) {
        descend = false;
      } else if (s == g.identifier || s == g.attribute) {
        // Only the outermost name of a dotted chain is a reference of its own.
        TSNode p = ts_node_parent(n);
        if (ts_node_is_null(p) || ts_node_symbol(p) != g.attribute) check_name(m, n, ctx);
      }
      if (descend && ts_tree_cursor_goto_first_child(&c)) continue;
      bool done = false;
      while (!ts_tree_cursor_goto_next_sibling(&c)) {
        if (!ts_tree_cursor_goto_parent(&c)) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
    ts_tree_cursor_delete(&c);
  }

  void check_name(const py::Model& m, TSNode n, Context& ctx) const {
    const py::Grammar& g = m.grammar();
    TSNode parent = ts_node_parent(n);
    // Definitions' own names, parameters and keyword names are not references.
    if (!ts_node_is_null(parent)) {
      TSSymbol ps = ts_node_symbol(parent);
      if ((ps == g.function_definition || ps == g.class_definition) &&
          ts_node_eq(ts_node_child_by_field_id(parent, g.f_name), n)) {
        return;
      }
      if (ps == g.keyword_argument && ts_node_eq(ts_node_child_by_field_id(parent, g.f_name), n)) {
        return;
      }
    }
    const py::Scope* scope = m.scope_of(n);
    py::NameOrigin origin = py::NameOrigin::None;
    std::string q = m.qualify(n, scope, &origin);
    if (origin == py::NameOrigin::Import && web::in_list(exempt_, q)) {
      report_reference(m, ctx, n, "Django's csrf_exempt", Confidence::High);
      return;
    }
    if (ts_node_symbol(n) != g.attribute ||
        m.text(ts_node_child_by_field_id(n, g.f_attribute)) != "exempt") {
      return;
    }
    TSNode obj = m.unwrap(ts_node_child_by_field_id(n, g.f_object));
    if (ts_node_symbol(obj) != g.identifier) return;
    TSNode bound = m.unwrap(m.single_value(obj, scope));
    if (!ts_node_is_null(bound) && ts_node_symbol(bound) == g.call) {
      py::NameOrigin o = py::NameOrigin::None;
      std::string cls =
          m.qualify(ts_node_child_by_field_id(bound, g.f_function), m.scope_of(bound), &o);
      if (o == py::NameOrigin::Import && web::in_list(protect_classes_, cls)) {
        report_reference(m, ctx, n, "Flask-WTF's CSRFProtect.exempt", Confidence::High);
      }
      return;
    }
    // `from .extensions import csrf`: a CSRFProtect made elsewhere, known by its name.
    const py::Binding* b = m.lookup(m.text(obj), scope);
    if (b && b->kind == py::Binding::Kind::Import &&
        web::in_list(protect_names_, to_lower(m.text(obj)))) {
      report_reference(m, ctx, n, "Flask-WTF's CSRFProtect.exempt", std::nullopt);
    }
  }

  void report_reference(const py::Model& m, Context& ctx, TSNode n, std::string_view what,
                        std::optional<Confidence> confidence) const {
    const py::Grammar& g = m.grammar();
    // The view it applies to: the decorated function or class (also through
    // method_decorator(csrf_exempt, ...)), or the argument when csrf_exempt is called.
    std::string target;
    TSNode p = ts_node_parent(n);
    if (!ts_node_is_null(p) && ts_node_symbol(p) == g.call &&
        ts_node_eq(ts_node_child_by_field_id(p, g.f_function), n)) {
      TSNode args = ts_node_child_by_field_id(p, g.f_arguments);
      if (ts_node_named_child_count(args) > 0) {
        target = excerpt(m, ts_node_named_child(args, 0), 32);
      }
    }
    for (TSNode up = p; target.empty() && !ts_node_is_null(up); up = ts_node_parent(up)) {
      TSSymbol us = ts_node_symbol(up);
      if (us == g.decorator) {
        // In a tree with syntax errors a decorator may have no decorated definition.
        TSNode def = ts_node_child_by_field_id(ts_node_parent(up), g.f_definition);
        if (!ts_node_is_null(def)) {
          target = std::string(m.text(ts_node_child_by_field_id(def, g.f_name)));
        }
      }
      if (us != g.call && us != g.argument_list && us != g.keyword_argument) break;
    }
    Report r;
    std::string subject = target.empty() ? "a view" : "`" + target + "`";
    r.issue =
        expand(ctx.meta().issue, {{"what", "`" + excerpt(m, n) + "` (" + std::string(what) +
                                               ") exempts " + subject + " from CSRF protection"}});
    if (confidence) r.confidence = confidence;
    lower(m, r, m.is_test_file() ? " (in test code)" : "");
    ctx.report(n, std::move(r));
  }

  static void lower(const py::Model& /*m*/, Report& r, const std::string& why) {
    if (why.empty()) return;
    r.confidence = Confidence::Low;
    r.issue += why;
  }

  std::vector<std::string> exempt_;
  std::vector<std::string> protect_classes_;
  std::vector<std::string> protect_names_;
  std::vector<std::string> settings_;
  std::vector<std::string> dev_words_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::CsrfExempt, "csrf-exempt")
