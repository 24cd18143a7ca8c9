// missing-docstring: public classes/functions/methods, and long private ones, without docstrings.
#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

class MissingDocstring final : public Rule {
 public:
  explicit MissingDocstring(const RuleMeta& meta)
      : private_min_lines_(meta.options["private_min_lines"].value_or(10)),
        public_min_lines_(meta.options["public_min_lines"].value_or(1)),
        include_tests_(meta.options["include_tests"].value_or(true)) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    struct Item {
      TSNode node{};
      std::string name;
      bool is_class;
      bool is_test;
    };
    std::vector<Item> missing;
    const py::Grammar& g = m.grammar();
    for (const auto& c : m.classes()) {
      if (c.name.starts_with("_") || !ts_node_is_null(m.docstring(body(m, c.node)))) continue;
      missing.push_back({c.node, c.name, true, false});
    }
    for (const auto& f : m.functions()) {
      if (is_dunder(f.name) || !ts_node_is_null(m.docstring(f.body))) continue;
      if (f.scope->parent && f.scope->parent->kind == py::Scope::Kind::Function)
        continue;  // nested
      bool is_private = f.name.starts_with("_");
      std::uint32_t lines = line_span(f.node);
      if (is_private && lines < static_cast<std::uint32_t>(private_min_lines_)) continue;
      if (!is_private && lines < static_cast<std::uint32_t>(public_min_lines_)) continue;
      bool is_test = f.is_method && is_test_method_name(f.name);
      if (is_test && !include_tests_) continue;
      missing.push_back({f.node, f.name, false, is_test});
    }
    if (missing.empty()) return;
    std::sort(missing.begin(), missing.end(), [](const Item& a, const Item& b) {
      return ts_node_start_byte(a.node) < ts_node_start_byte(b.node);
    });
    std::vector<std::pair<std::string, std::uint32_t>> named;
    std::size_t classes = 0;
    bool tests = false;
    for (const auto& it : missing) {
      named.emplace_back(it.name, m.start(it.node).line);
      classes += it.is_class;
      tests = tests || it.is_test;
    }
    std::size_t functions = missing.size() - classes;
    std::string count;
    if (functions)
      count = std::to_string(functions) + (functions == 1 ? " function" : " functions");
    if (classes) {
      count += (count.empty() ? "" : " and ") + std::to_string(classes) +
               (classes == 1 ? " class" : " classes");
    }
    count += missing.size() == 1 ? " has" : " have";
    Report r;
    r.issue = expand(ctx.meta().issue, {{"count", count}, {"list", list_names(named)}});
    r.solution = expand(ctx.meta().solution,
                        {{"tests", tests ? " (for a test: the behaviour it verifies)" : ""}});
    for (std::size_t i = 1; i < missing.size(); ++i) r.related.push_back(missing[i].node);
    (void)g;
    ctx.report(missing.front().node, std::move(r));
  }

 private:
  static TSNode body(const py::Model& m, TSNode def) {
    return ts_node_child_by_field_id(def, m.grammar().f_body);
  }
  std::int64_t private_min_lines_;
  std::int64_t public_min_lines_;
  bool include_tests_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::MissingDocstring, "missing-docstring")
