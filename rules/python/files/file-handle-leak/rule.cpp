// file-handle-leak: `f = open(...)` closed only on the normal path, or never.
#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

class FileHandleLeak final : public Rule {
 public:
  explicit FileHandleLeak(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    const py::Grammar& g = m.grammar();
    // Only `name = open(...)` directly in a function body statement.
    TSNode assign = ts_node_parent(call.node);
    if (ts_node_is_null(assign) || ts_node_symbol(assign) != g.assignment) return;
    if (!ts_node_eq(ts_node_child_by_field_id(assign, g.f_right), call.node)) return;
    TSNode target = ts_node_child_by_field_id(assign, g.f_left);
    if (ts_node_symbol(target) != g.identifier) return;
    if (!call.scope || call.scope->kind != py::Scope::Kind::Function) return;
    std::string_view name = m.text(target);
    TSNode body = ts_node_child_by_field_id(call.scope->node, g.f_body);
    bool closed = false, closed_in_finally = false, handed_over = false;
    walk(m, body, false, [&](TSNode n) {
      TSSymbol s = ts_node_symbol(n);
      if (ts_node_start_byte(n) < ts_node_end_byte(assign) && s != g.block) {
        return ts_node_end_byte(n) > ts_node_end_byte(assign);  // only look after the open
      }
      if (s == g.call) {
        TSNode callee = ts_node_child_by_field_id(n, g.f_function);
        if (ts_node_symbol(callee) == g.attribute &&
            m.text(ts_node_child_by_field_id(callee, g.f_object)) == name) {
          std::string_view method = m.text(ts_node_child_by_field_id(callee, g.f_attribute));
          if (method == "close" || method == "__exit__") {
            closed = true;
            closed_in_finally = closed_in_finally || in_finally(m, n, body);
          }
        }
        // Passed to another call (f.close given to addCleanup, stored by a wrapper): the
        // callee may own it now.
        TSNode args = ts_node_child_by_field_id(n, g.f_arguments);
        uint32_t k = ts_node_named_child_count(args);
        for (uint32_t i = 0; i < k; ++i) {
          std::string_view a = m.text(ts_node_named_child(args, i));
          if (a == name || a == std::string(name) + ".close") handed_over = true;
        }
      } else if (s == g.with_item) {
        if (m.count_name(n, name) > 0) handed_over = true;
      } else if (s == g.return_statement || s == g.assignment || s == g.expression_list ||
                 s == g.tuple || s == g.list || s == g.dictionary || s == g.pair) {
        // The handle itself (not something computed from it) is returned or stored.
        uint32_t k = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < k; ++i) {
          TSNode c = ts_node_named_child(n, i);
          if (s == g.assignment && ts_node_eq(c, ts_node_child_by_field_id(n, g.f_left))) continue;
          if (m.text(c) == name) handed_over = true;
        }
      } else if (m.text(n).starts_with("yield") && m.count_name(n, name) > 0) {
        handed_over = true;
      }
      return true;
    });
    if (handed_over || closed_in_finally) return;
    Report r;
    std::string callee(m.text(call.callee));
    std::string open_call = callee + "(...)";
    if (closed) {
      r.issue = expand(ctx.meta().issue,
                       {{"name", name},
                        {"how", "and closed only on the normal path"},
                        {"consequence",
                         "if anything between the open and the close() raises, the handle "
                         "is never released (file descriptors run out under load)."}});
    } else {
      r.issue =
          expand(ctx.meta().issue, {{"name", name},
                                    {"how", "and never closed in this function"},
                                    {"consequence",
                                     "the handle stays open until the garbage collector finds it, "
                                     "and is leaked if an exception keeps a reference."}});
      r.confidence = Confidence::High;
    }
    r.solution = expand(ctx.meta().solution, {{"call", open_call}, {"name", name}});
    ctx.report(call.node, std::move(r));
  }

 private:
  static bool in_finally(const py::Model& m, TSNode n, TSNode stop) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p) && !ts_node_eq(p, stop);
         p = ts_node_parent(p)) {
      std::string_view t = m.text(p);
      if (t.starts_with("finally")) return true;
    }
    return false;
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::FileHandleLeak, "file-handle-leak")
