// unused-import: module-level imports whose name the file never uses.
//
// Conservative: a name that appears in any string literal (`__all__`, string annotations,
// doctests) counts as used, `__init__.py` files (re-exports) are skipped, and so are imports
// guarded by `except ImportError`, `from __future__` and lines marked `noqa`.
#include <algorithm>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"
#include "rules/python/maintainability/imports.hpp"

namespace secreview::rules {
namespace {

class UnusedImport final : public Rule {
 public:
  explicit UnusedImport(const RuleMeta& /*meta*/) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    if (file_name(m) == "__init__.py") return;
    const auto& uses = m.name_uses();
    struct Unused {
      const py::Import* imp;
      TSNode statement{};
    };
    std::vector<Unused> unused;
    for (const auto& imp : m.imports()) {
      if (imp.scope != &m.module_scope() || imp.bound == "*" || imp.bound.empty()) continue;
      if (imp.target == "__future__" || imp.target.starts_with("__future__.")) continue;
      auto it = uses.find(imp.bound);
      if (it != uses.end() && it->second > 0) continue;
      TSNode st = import_statement(m, imp);
      if (in_import_guard(m, st) || marked_noqa(m, st) || in_a_string(m, imp.bound)) continue;
      unused.push_back({&imp, st});
    }
    if (unused.empty()) return;
    std::sort(unused.begin(), unused.end(), [](const Unused& a, const Unused& b) {
      return ts_node_start_byte(a.imp->node) < ts_node_start_byte(b.imp->node);
    });
    std::vector<std::pair<std::string, std::uint32_t>> named;
    Report r;
    for (const auto& u : unused) {
      named.emplace_back(std::string(m.text(u.imp->node)), m.start(u.imp->node).line);
      bool cited = ts_node_eq(u.statement, unused.front().statement);
      for (TSNode n : r.related) cited = cited || ts_node_eq(n, u.statement);
      if (!cited) r.related.push_back(u.statement);
    }
    std::string count =
        unused.size() == 1 ? "1 import is" : std::to_string(unused.size()) + " imports are";
    r.issue = expand(ctx.meta().issue, {{"count", count}, {"list", list_names(named)}});
    r.solution = expand(ctx.meta().solution, {{"them", unused.size() == 1 ? "it" : "them"}});
    ctx.report(unused.front().statement, std::move(r));
  }

 private:
  static bool marked_noqa(const py::Model& m, TSNode statement) {
    std::uint32_t first = m.start(statement).line, last = m.end(statement).line;
    for (TSNode c : m.comments()) {
      std::uint32_t line = m.start(c).line;
      if (line < first) continue;
      if (line > last) break;
      if (m.text(c).find("noqa") != std::string_view::npos) return true;
    }
    return false;
  }

  static bool in_a_string(const py::Model& m, std::string_view name) {
    return std::any_of(m.strings().begin(), m.strings().end(),
                       [&](TSNode s) { return contains_word(m.text(s), name); });
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::UnusedImport, "unused-import")
