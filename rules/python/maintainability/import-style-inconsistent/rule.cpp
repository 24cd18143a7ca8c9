// import-style-inconsistent: one package imported with both `import a.b` and `from a import b`.
#include <map>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

class ImportStyleInconsistent final : public Rule {
 public:
  explicit ImportStyleInconsistent(const RuleMeta& meta)
      : min_imports_(meta.options["min_imports"].value_or(3)) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    // Module-level imports grouped by top-level package, in source order.
    std::map<std::string, std::vector<const py::Import*>> by_package;
    for (const auto& imp : m.imports()) {
      if (imp.scope != &m.module_scope() || imp.target.starts_with(".")) continue;
      by_package[imp.target.substr(0, imp.target.find('.'))].push_back(&imp);
    }
    for (const auto& [package, imports] : by_package) {
      if (imports.size() < static_cast<std::size_t>(min_imports_)) continue;
      std::vector<const py::Import*> from, plain;
      for (const auto* imp : imports) (imp->from_import ? from : plain).push_back(imp);
      if (from.empty() || plain.empty()) continue;
      bool plain_is_odd = plain.size() <= from.size();
      const auto& odd = plain_is_odd ? plain : from;
      const auto& usual = plain_is_odd ? from : plain;
      report(m, ctx, package, odd, usual, plain_is_odd);
    }
  }

 private:
  static TSNode statement(const py::Model& m, const py::Import* imp) {
    TSNode n = imp->node;
    while (!ts_node_is_null(n) && ts_node_symbol(n) != m.grammar().import_statement &&
           ts_node_symbol(n) != m.grammar().import_from_statement) {
      n = ts_node_parent(n);
    }
    return n;
  }

  void report(const py::Model& m, Context& ctx, const std::string& package,
              const std::vector<const py::Import*>& odd,
              const std::vector<const py::Import*>& usual, bool plain_is_odd) const {
    TSNode first = statement(m, odd.front());
    std::string shown = "`" + excerpt(m, first, 60) + "`";
    std::string what = shown;
    if (odd.size() > 1) what += " and " + std::to_string(odd.size() - 1) + " more";
    what += odd.size() == 1 ? " imports" : " import";
    what += plain_is_odd ? " from `" + package + "` with `import a.b.c`"
                         : " from `" + package + "` with `from ... import ...`";
    what += ", while the other " + std::to_string(usual.size()) + " imports from `" + package +
            "` use " + (plain_is_odd ? "`from ... import ...`" : "`import a.b.c`") +
            "; mixing both makes the same module appear under two kinds of names.";
    std::string fix;
    if (plain_is_odd) {
      const std::string& target = odd.front()->target;
      std::size_t dot = target.rfind('.');
      if (dot == std::string::npos) {
        fix = "Import what you use from `" + target + "` with `from " + target +
              " import ...`, like the other imports.";
      } else {
        std::string parent = target.substr(0, dot);
        std::string leaf = target.substr(dot + 1);
        std::string alias;
        // Keep the short name free of clashes with names the file already binds.
        if (m.module_scope().bindings.count(leaf)) {
          std::string p = parent.substr(parent.rfind('.') + 1);
          alias = " as " + p + "_" + leaf;
        }
        fix = "Write `from " + parent + " import " + leaf + alias +
              "` like the other imports, and refer to the module by that name.";
      }
    } else {
      fix = "Use `import " + package +
            "...` consistently, or switch the others to `from ... import ...`.";
    }
    Report r;
    r.issue = what;
    r.solution = fix;
    for (std::size_t i = 1; i < odd.size(); ++i) r.related.push_back(statement(m, odd[i]));
    ctx.report(first, std::move(r));
  }

  std::int64_t min_imports_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::ImportStyleInconsistent, "import-style-inconsistent")
