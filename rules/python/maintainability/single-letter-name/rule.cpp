// single-letter-name: `r = fetch(url)` in a long function, with `r` still used many lines later.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

class SingleLetterName final : public Rule {
 public:
  explicit SingleLetterName(const RuleMeta& meta)
      : min_function_lines_(meta.options["min_function_lines"].value_or(15)),
        min_live_lines_(meta.options["min_live_lines"].value_or(5)),
        short_loop_lines_(meta.options["short_loop_lines"].value_or(5)),
        math_min_function_lines_(meta.options["math_min_function_lines"].value_or(40)) {
    for (auto& n : option_strings(meta, "math_names")) math_names_.insert(std::move(n));
  }

  void check_module(const py::Model& m, Context& ctx) const override {
    for (const auto& f : m.functions()) check_function(m, f, ctx);
  }

 private:
  struct Candidate {
    TSNode first{};          // first qualifying assignment target
    std::uint32_t last_use;  // 1-based line of the last occurrence in the function
  };

  // Lowercase only: single capitals (`T = TypeVar("T")`, `C = make_dataclass(...)`) are the
  // convention for type variables and local classes.
  static bool is_single_letter(std::string_view name) {
    return name.size() == 1 && std::islower(static_cast<unsigned char>(name[0])) != 0;
  }

  void check_function(const py::Model& m, const py::Function& f, Context& ctx) const {
    const py::Grammar& g = m.grammar();
    std::uint32_t lines = line_span(f.node);
    if (lines <= static_cast<std::uint32_t>(min_function_lines_)) return;
    // Most functions assign no single-letter name: then there is nothing to walk for.
    if (std::none_of(m.assignments().begin(), m.assignments().end(), [&](const auto& a) {
          return a.scope == f.scope && !a.augmented && ts_node_symbol(a.target) == g.identifier &&
                 is_single_letter(m.text(a.target));
        })) {
      return;
    }

    // Names bound by other means are conventional there: parameters, loop and comprehension
    // variables, `with ... as f`, `except ... as e`, global/nonlocal declarations.
    std::set<std::string, std::less<>> excluded;
    for (const auto& p : f.params) excluded.insert(p.name);
    auto exclude_pattern = [&](TSNode target) {
      if (ts_node_is_null(target)) return;
      if (ts_node_symbol(target) == g.identifier) excluded.insert(std::string(m.text(target)));
      walk(m, target, false, [&](TSNode n) {
        if (ts_node_symbol(n) == g.identifier) excluded.insert(std::string(m.text(n)));
        return ts_node_symbol(n) != g.attribute && ts_node_symbol(n) != g.subscript;
      });
    };
    // Lambdas and comprehensions are walked; nested def/class bodies are their own functions.
    walk(m, f.body, true, [&](TSNode n) {
      TSSymbol s = ts_node_symbol(n);
      if (s == g.function_definition || s == g.class_definition) return false;
      if (s == g.for_statement || s == g.for_in_clause) {
        exclude_pattern(ts_node_child_by_field_id(n, g.f_left));
      } else if (s == g.as_pattern_target || s == g.global_statement || s == g.nonlocal_statement) {
        exclude_pattern(n);
      } else if (s == g.lambda) {
        exclude_pattern(ts_node_child_by_field_id(n, g.f_parameters));
      } else if (s == g.except_clause) {
        // `except E as e` (older grammars put the name straight in the clause)
        std::uint32_t k = ts_node_named_child_count(n);
        for (std::uint32_t i = 0; i < k; ++i) {
          TSNode c = ts_node_named_child(n, i);
          if (ts_node_symbol(c) == g.identifier && i > 0) exclude_pattern(c);
        }
      }
      return true;
    });

    bool is_short_for_math = lines < static_cast<std::uint32_t>(math_min_function_lines_);
    std::set<std::string, std::less<>> counters;
    for (const auto& a : m.assignments()) {
      if (a.scope == f.scope && a.augmented) counters.insert(std::string(m.text(a.target)));
    }
    std::map<std::string, Candidate> found;
    for (const auto& a : m.assignments()) {
      if (a.scope != f.scope || a.augmented) continue;
      if (ts_node_symbol(a.target) != g.identifier) continue;
      // Only `x = ...` (and `x = y = ...`), not an element of a tuple unpacking.
      if (!ts_node_eq(ts_node_child_by_field_id(a.node, g.f_left), a.target)) continue;
      std::string name(m.text(a.target));
      if (!is_single_letter(name) || excluded.count(name)) continue;
      if (is_short_for_math && math_names_.count(name)) continue;
      if (math_names_.count(name) && counters.count(name)) continue;  // `i = 0 ... i += 1`
      // `c = C()`: an instance named after its one-letter class.
      TSNode v = m.unwrap(a.value);
      if (ts_node_symbol(v) == g.call &&
          m.text(ts_node_child_by_field_id(v, g.f_function)) ==
              std::string(1,
                          static_cast<char>(std::toupper(static_cast<unsigned char>(name[0]))))) {
        continue;
      }
      if (in_short_loop(m, a.node, f.node)) continue;
      auto it = found.find(name);
      if (it == found.end() ||
          ts_node_start_byte(a.target) < ts_node_start_byte(it->second.first)) {
        found[name] = {a.target, 0};
      }
    }
    if (found.empty()) return;

    // Last line each name occurs on in the function (reads, writes, inside lambdas too).
    walk(m, f.body, true, [&](TSNode n) {
      TSSymbol s = ts_node_symbol(n);
      if (s == g.function_definition || s == g.class_definition) return false;
      if (s != g.identifier) return true;
      TSNode parent = ts_node_parent(n);
      if (ts_node_symbol(parent) == g.attribute &&
          ts_node_eq(ts_node_child_by_field_id(parent, g.f_attribute), n)) {
        return true;
      }
      if (ts_node_symbol(parent) == g.keyword_argument &&
          ts_node_eq(ts_node_child_by_field_id(parent, g.f_name), n)) {
        return true;
      }
      auto it = found.find(std::string(m.text(n)));
      if (it != found.end()) it->second.last_use = std::max(it->second.last_use, m.end(n).line);
      return true;
    });

    std::vector<std::pair<std::string, Candidate>> report;
    for (const auto& [name, c] : found) {
      std::uint32_t first = m.start(c.first).line;
      if (c.last_use < first + static_cast<std::uint32_t>(min_live_lines_)) continue;
      report.emplace_back(name, c);
    }
    if (report.empty()) return;
    std::sort(report.begin(), report.end(), [](const auto& a, const auto& b) {
      return ts_node_start_byte(a.second.first) < ts_node_start_byte(b.second.first);
    });

    std::string list;
    std::string names;
    for (std::size_t i = 0; i < report.size(); ++i) {
      const auto& [name, c] = report[i];
      std::string sep = i == 0 ? "" : (i + 1 == report.size() ? " and " : ", ");
      list.append(sep).append("`").append(name).append("` (assigned on line ");
      list.append(std::to_string(m.start(c.first).line)).append(", last used on line ");
      list.append(std::to_string(c.last_use)).append(")");
      names.append(sep).append("`").append(name).append("`");
    }
    bool one = report.size() == 1;
    Report r;
    r.issue = expand(ctx.meta().issue,
                     {{"function", f.scope->qualified},
                      {"lines", std::to_string(lines)},
                      {"variables", one ? "a single-letter variable" : "single-letter variables"},
                      {"list", list},
                      {"pronoun", one ? "it" : "each"}});
    r.solution = expand(ctx.meta().solution, {{"names", names}, {"pronoun", one ? "it" : "each"}});
    for (std::size_t i = 1; i < report.size(); ++i) r.related.push_back(report[i].second.first);
    ctx.report(report.front().second.first, std::move(r));
  }

  // True when `n` sits in a for/while loop of at most short_loop_lines_ lines (inside `fn`).
  bool in_short_loop(const py::Model& m, TSNode n, TSNode fn) const {
    const py::Grammar& g = m.grammar();
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p) && !ts_node_eq(p, fn);
         p = ts_node_parent(p)) {
      TSSymbol s = ts_node_symbol(p);
      if ((s == g.for_statement || s == g.while_statement) &&
          line_span(p) <= static_cast<std::uint32_t>(short_loop_lines_)) {
        return true;
      }
    }
    return false;
  }

  std::int64_t min_function_lines_;
  std::int64_t min_live_lines_;
  std::int64_t short_loop_lines_;
  std::int64_t math_min_function_lines_;
  std::set<std::string> math_names_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SingleLetterName, "single-letter-name")
