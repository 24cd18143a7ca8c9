// collection-modified-while-iterating: `for x in items:` whose body changes `items`.
#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

class CollectionModifiedWhileIterating final : public Rule {
 public:
  explicit CollectionModifiedWhileIterating(const RuleMeta& meta)
      : mutators_(option_strings(meta, "mutators")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    for (TSNode loop : m.loops()) {
      if (ts_node_symbol(loop) != g.for_statement) continue;
      TSNode iterated = iterated_collection(m, ts_node_child_by_field_id(loop, g.f_right));
      if (ts_node_is_null(iterated)) continue;
      std::string_view target = m.text(iterated);
      TSNode body = ts_node_child_by_field_id(loop, g.f_body);
      TSNode change{};
      bool replaces = false;
      walk(m, body, false, [&](TSNode n) {
        if (!ts_node_is_null(change)) return false;
        TSSymbol s = ts_node_symbol(n);
        if (s == g.assignment || s == g.augmented_assignment) {
          TSNode left = ts_node_child_by_field_id(n, g.f_left);
          if (ts_node_symbol(left) == g.subscript &&
              m.text(ts_node_child_by_field_id(left, g.f_value)) == target) {
            change = n;
            replaces = true;
          }
        } else if (s == g.delete_statement) {
          TSNode what = ts_node_named_child(n, 0);
          if (ts_node_symbol(what) == g.subscript &&
              m.text(ts_node_child_by_field_id(what, g.f_value)) == target) {
            change = n;
          }
        } else if (s == g.call) {
          TSNode callee = ts_node_child_by_field_id(n, g.f_function);
          if (ts_node_symbol(callee) == g.attribute &&
              m.text(ts_node_child_by_field_id(callee, g.f_object)) == target) {
            std::string_view method = m.text(ts_node_child_by_field_id(callee, g.f_attribute));
            if (std::find(mutators_.begin(), mutators_.end(), method) != mutators_.end()) {
              change = statement_of(m, n);
            }
          }
        }
        return true;
      });
      if (ts_node_is_null(change)) continue;
      Report r;
      std::string shown = excerpt(m, change, 40);
      std::string consequence =
          replaces ? "Replacing items of a list in place keeps the loop correct, but readers "
                     "have to check that nothing is added or removed."
                   : "Adding or removing items during iteration skips or repeats items of a list, "
                     "and raises RuntimeError for a dict or set.";
      std::string fix = replaces ? "Build the new list instead, e.g. `" + std::string(target) +
                                       " = [... for item in " + std::string(target) + "]`."
                                 : "Iterate over a copy (`for ... in list(" + std::string(target) +
                                       ")`) or collect the changes and apply them after the loop.";
      r.issue = expand(ctx.meta().issue, {{"target", target},
                                          {"change", shown},
                                          {"line", std::to_string(m.start(change).line)},
                                          {"consequence", consequence}});
      r.solution = expand(ctx.meta().solution, {{"fix", fix}});
      r.end = change;
      ctx.report(loop, std::move(r));
    }
  }

 private:
  // `items`, `enumerate(items)`, `items.items()/keys()/values()` -> `items`.
  static TSNode iterated_collection(const py::Model& m, TSNode right) {
    const py::Grammar& g = m.grammar();
    right = m.unwrap(right);
    TSSymbol s = ts_node_symbol(right);
    if (s == g.identifier || s == g.attribute) return right;
    if (s != g.call) return {};
    TSNode callee = ts_node_child_by_field_id(right, g.f_function);
    TSNode args = ts_node_child_by_field_id(right, g.f_arguments);
    if (ts_node_symbol(callee) == g.identifier && m.text(callee) == "enumerate" &&
        ts_node_named_child_count(args) >= 1) {
      TSNode inner = ts_node_named_child(args, 0);
      TSSymbol is = ts_node_symbol(inner);
      return is == g.identifier || is == g.attribute ? inner : TSNode{};
    }
    if (ts_node_symbol(callee) == g.attribute && ts_node_named_child_count(args) == 0) {
      std::string_view method = m.text(ts_node_child_by_field_id(callee, g.f_attribute));
      TSNode obj = ts_node_child_by_field_id(callee, g.f_object);
      TSSymbol os = ts_node_symbol(obj);
      if ((method == "items" || method == "keys" || method == "values") &&
          (os == g.identifier || os == g.attribute)) {
        return obj;
      }
    }
    return {};
  }

  static TSNode statement_of(const py::Model& m, TSNode n) {
    const py::Grammar& g = m.grammar();
    for (TSNode p = n; !ts_node_is_null(p); p = ts_node_parent(p)) {
      if (ts_node_symbol(p) == g.expression_statement) return p;
    }
    return n;
  }

  std::vector<std::string> mutators_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::CollectionModifiedWhileIterating,
               "collection-modified-while-iterating")
