// python2-input: the builtin input() in a file that shows it runs on Python 2.
#include <string>

#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class Python2Input final : public Rule {
 public:
  explicit Python2Input(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    if (call.origin != py::NameOrigin::Global) return;  // rebound: six.moves.input, a local
    const py::Model& m = ctx.model();
    TSNode where{};
    std::string evidence = python2_evidence(m, where);
    if (evidence.empty()) return;
    Report r;
    r.issue = expand(ctx.meta().issue,
                     {{"evidence", evidence + " on line " + std::to_string(m.start(where).line)}});
    ctx.report(call.node, std::move(r));
  }

 private:
  // What shows the file is Python 2 code, and where (the first such node); "" when nothing does.
  static std::string python2_evidence(const py::Model& m, TSNode& where) {
    const py::Grammar& g = m.grammar();
    TSNode root = m.root();
    TSNode first = ts_node_named_child(root, 0);
    if (!ts_node_is_null(first) && ts_node_symbol(first) == g.comment &&
        ts_node_start_byte(first) == 0 && m.text(first).starts_with("#!") &&
        m.text(first).find("python2") != std::string_view::npos) {
      where = first;
      return "its `#!` line names python2";
    }
    for (const py::Call& c : m.calls()) {
      if (c.origin == py::NameOrigin::Global && c.name == "raw_input") {
        where = c.node;
        return "it calls `raw_input()`";
      }
    }
    // print/exec statements and __future__ imports are top-level or nested statements: walk
    // the tree once with a cursor (no recursion).
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    std::string found;
    for (bool more = ts_tree_cursor_goto_first_child(&cursor); more;) {
      TSNode n = ts_tree_cursor_current_node(&cursor);
      std::string_view type = ts_node_type(n);
      if (type == "print_statement" || type == "exec_statement") {
        where = n;
        found =
            type == "print_statement" ? "it has a `print` statement" : "it has an `exec` statement";
        break;
      }
      if (ts_node_symbol(n) == g.future_import_statement) {
        where = n;
        found = "it imports from `__future__`";
        break;
      }
      if (ts_tree_cursor_goto_first_child(&cursor)) continue;
      while (!(more = ts_tree_cursor_goto_next_sibling(&cursor))) {
        if (!ts_tree_cursor_goto_parent(&cursor)) break;
      }
    }
    ts_tree_cursor_delete(&cursor);
    return found;
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::Python2Input, "python2-input")
