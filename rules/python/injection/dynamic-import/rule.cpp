// dynamic-import: __import__/importlib.import_module of a name that is not fixed.
#include <algorithm>

#include "engine/rule.hpp"
#include "rules/python/injection/common.hpp"

namespace secreview::rules {
namespace {

class DynamicImport final : public Rule {
 public:
  explicit DynamicImport(const RuleMeta& meta)
      : sources_(option_strings(meta, "untrusted_sources")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    TSNode name = call.argument(0, "name");
    if (ts_node_is_null(name)) return;
    if (fixed_text(m, name, call.scope) || allow_listed(m, name, call.scope)) return;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"arg", excerpt(m, name)}});
    std::string source = reads_source(m, name, call.scope, sources_);
    if (!source.empty()) {
      r.confidence = Confidence::High;
      r.issue += " (the name is read from `" + source + "`)";
    }
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  // TABLE[name] with TABLE a dict/list/tuple of constants bound once.
  static bool allow_listed(const py::Model& m, TSNode e, const py::Scope* scope) {
    const py::Grammar& g = m.grammar();
    e = m.unwrap(e);
    if (ts_node_symbol(e) == g.identifier) {
      TSNode bound = m.single_value(e, scope);
      if (ts_node_is_null(bound)) return false;
      return allow_listed(m, bound, m.scope_of(bound));
    }
    if (ts_node_symbol(e) != g.subscript) return false;
    TSNode table = m.single_value(ts_node_child_by_field_id(e, g.f_value), scope);
    if (ts_node_is_null(table)) return false;
    table = m.unwrap(table);
    TSSymbol s = ts_node_symbol(table);
    return (s == g.dictionary || s == g.list || s == g.tuple) &&
           fixed_text(m, table, m.scope_of(table));
  }

  std::vector<std::string> sources_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::DynamicImport, "dynamic-import")
