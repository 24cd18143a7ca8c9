// django-raw-sql: QuerySet.extra(select/where/tables), RawSQL(sql) and Manager.raw(sql) with SQL
// text that is not fixed.
#include <algorithm>

#include "engine/rule.hpp"
#include "rules/python/injection/common.hpp"

namespace secreview::rules {
namespace {

class DjangoRawSql final : public Rule {
 public:
  explicit DjangoRawSql(const RuleMeta& meta)
      : modules_(option_strings(meta, "modules")), managers_(option_strings(meta, "managers")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    std::string params;
    std::string construct;
    TSNode bad{};
    if (call.name.ends_with(".RawSQL") && call.origin == py::NameOrigin::Import) {
      construct = "RawSQL(...)";
      params = "RawSQL(\"... WHERE id = %s\", [value])";
      bad = unfixed(m, call.argument(0, "sql"), call.scope);
    } else if (call.method == "raw" || call.method == "extra") {
      if (ts_node_symbol(call.callee) != m.grammar().attribute || !django_receiver(m, call)) {
        return;
      }
      construct = "." + std::string(call.method) + "(...)";
      if (call.method == "raw") {
        params = ".raw(\"SELECT * FROM app_person WHERE last_name = %s\", [name])";
        bad = unfixed(m, call.argument(0, "raw_query"), call.scope);
      } else {
        params = ".extra(where=[\"price > %s\"], params=[minimum])";
        // extra(select=None, where=None, params=None, tables=None, order_by=None, ...)
        const std::pair<std::size_t, std::string_view> sql_args[] = {
            {0, "select"}, {1, "where"}, {3, "tables"}, {4, "order_by"}};
        for (const auto& [pos, kw] : sql_args) {
          bad = unfixed(m, call.argument(pos, kw), call.scope);
          if (!ts_node_is_null(bad)) break;
        }
      }
    } else {
      return;
    }
    if (ts_node_is_null(bad)) return;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"construct", construct}, {"arg", excerpt(m, bad)}});
    r.solution = expand(ctx.meta().solution, {{"params", params}});
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  // The first part of an SQL argument that is not fixed: the argument itself, or an item of a
  // list/tuple/dict of SQL fragments. Null when everything is fixed or the argument is absent.
  static TSNode unfixed(const py::Model& m, TSNode e, const py::Scope* scope, int depth = 0) {
    e = m.unwrap(e);
    if (ts_node_is_null(e) || depth > 6 || fixed_text(m, e, scope)) return {};
    const py::Grammar& g = m.grammar();
    TSSymbol s = ts_node_symbol(e);
    if (s == g.list || s == g.tuple || s == g.dictionary) {
      uint32_t k = ts_node_named_child_count(e);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(e, i);
        TSSymbol cs = ts_node_symbol(c);
        if (cs == g.comment) continue;
        if (cs == g.pair) {
          TSNode v = ts_node_child_by_field_id(c, g.f_value);
          TSNode bad = unfixed(m, v, scope, depth + 1);
          if (!ts_node_is_null(bad)) return bad;
          continue;  // keys are column aliases, which Django validates (CVE-2022-28346 fix)
        }
        TSNode bad = unfixed(m, c, scope, depth + 1);
        if (!ts_node_is_null(bad)) return bad;
      }
      return {};
    }
    if (s == g.call) {
      // dict(alias="SQL", ...)
      TSNode callee = ts_node_child_by_field_id(e, g.f_function);
      if (m.qualify(callee, scope) == "dict") {
        TSNode args = ts_node_child_by_field_id(e, g.f_arguments);
        uint32_t k = ts_node_named_child_count(args);
        for (uint32_t i = 0; i < k; ++i) {
          TSNode a = ts_node_named_child(args, i);
          if (ts_node_symbol(a) == g.keyword_argument) a = ts_node_child_by_field_id(a, g.f_value);
          TSNode bad = unfixed(m, a, scope, depth + 1);
          if (!ts_node_is_null(bad)) return bad;
        }
        return {};
      }
    }
    if (s == g.identifier) {
      TSNode bound = m.single_value(e, scope);
      if (!ts_node_is_null(bound)) {
        TSNode bad = unfixed(m, bound, m.scope_of(bound), depth + 1);
        return ts_node_is_null(bad) ? bad : e;
      }
    }
    return e;
  }

  // The receiver is a Django queryset or manager: the chain goes through `.objects`, or the file
  // imports Django.
  bool django_receiver(const py::Model& m, const py::Call& call) const {
    const py::Grammar& g = m.grammar();
    for (TSNode n = call.callee; !ts_node_is_null(n);) {
      TSSymbol s = ts_node_symbol(n);
      if (s == g.attribute) {
        std::string_view attr = m.text(ts_node_child_by_field_id(n, g.f_attribute));
        if (std::find(managers_.begin(), managers_.end(), attr) != managers_.end()) return true;
        n = ts_node_child_by_field_id(n, g.f_object);
      } else if (s == g.call) {
        n = ts_node_child_by_field_id(n, g.f_function);
      } else {
        break;
      }
    }
    if (m.is_local_instance(ts_node_child_by_field_id(call.callee, g.f_object), call.scope)) {
      return false;
    }
    for (const auto& imp : m.imports()) {
      for (const auto& mod : modules_) {
        if (imp.target == mod || imp.target.starts_with(mod + ".")) return true;
      }
    }
    return false;
  }

  std::vector<std::string> modules_;
  std::vector<std::string> managers_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::DjangoRawSql, "django-raw-sql")
