// flask-debug-true: app.run(debug=True) on a Flask application.
#include <algorithm>

#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class FlaskDebugTrue final : public Rule {
 public:
  explicit FlaskDebugTrue(const RuleMeta& meta)
      : classes_(option_strings(meta, "app_classes")), modules_(option_strings(meta, "modules")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    const py::Grammar& g = m.grammar();
    if (ts_node_symbol(call.callee) != g.attribute) return;
    const py::Argument* debug = call.keyword("debug");
    if (!debug || m.evaluate(debug->value, call.scope).truthy() != true) return;
    TSNode recv = ts_node_child_by_field_id(call.callee, g.f_object);
    std::string app = app_class(m, recv, call.scope);
    Report r;
    std::string text = excerpt(m, call.callee, 32);
    if (!app.empty()) {
      r.issue = expand(ctx.meta().issue, {{"call", text}, {"app", "a " + app + " application"}});
    } else if (imports_flask(m) && !m.is_local_instance(recv, call.scope)) {
      r.issue =
          expand(ctx.meta().issue, {{"call", text}, {"app", "`" + excerpt(m, recv, 24) + "`"}});
      r.issue += " (the receiver is not shown to be a Flask app, but the file uses Flask)";
      r.confidence = Confidence::Low;
    } else {
      return;
    }
    r.solution = expand(ctx.meta().solution, {{"call_plain", text}});
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  // The application class when the receiver is made by one: Flask(__name__).run, or a name
  // bound once to such a call.
  std::string app_class(const py::Model& m, TSNode recv, const py::Scope* scope) const {
    const py::Grammar& g = m.grammar();
    recv = m.unwrap(recv);
    if (ts_node_symbol(recv) == g.identifier) {
      TSNode bound = m.single_value(recv, scope);
      if (ts_node_is_null(bound)) return {};
      scope = m.scope_of(bound);
      recv = m.unwrap(bound);
    }
    if (ts_node_symbol(recv) != g.call) return {};
    std::string q = m.qualify(ts_node_child_by_field_id(recv, g.f_function), scope);
    return std::find(classes_.begin(), classes_.end(), q) != classes_.end() ? q : std::string();
  }

  bool imports_flask(const py::Model& m) const {
    for (const auto& imp : m.imports()) {
      for (const auto& mod : modules_) {
        if (imp.target == mod || imp.target.starts_with(mod + ".")) return true;
      }
    }
    return false;
  }

  std::vector<std::string> classes_;
  std::vector<std::string> modules_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::FlaskDebugTrue, "flask-debug-true")
