// python2-leftover: imports of `six` and of the `mock` backport (Python 3 has unittest.mock).
#include <algorithm>
#include <map>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"
#include "rules/python/maintainability/imports.hpp"

namespace secreview::rules {
namespace {

// six names (without "six.") and what Python 3 offers instead.
const std::map<std::string_view, std::string_view>& six_equivalents() {
  static const std::map<std::string_view, std::string_view> m = {
      {"string_types", "`str`"},
      {"text_type", "`str`"},
      {"binary_type", "`bytes`"},
      {"integer_types", "`int`"},
      {"class_types", "`type`"},
      {"PY2", "`False` (drop the Python 2 branch)"},
      {"PY3", "`True` (keep only the Python 3 branch)"},
      {"iteritems", "`d.items()`"},
      {"itervalues", "`d.values()`"},
      {"iterkeys", "`d.keys()`"},
      {"u", "a plain string literal"},
      {"b", "a bytes literal `b\"...\"`"},
      {"unichr", "`chr`"},
      {"int2byte", "`bytes((i,))`"},
      {"byte2int", "`b[0]`"},
      {"indexbytes", "`b[i]`"},
      {"iterbytes", "`iter(b)`"},
      {"StringIO", "`io.StringIO`"},
      {"BytesIO", "`io.BytesIO`"},
      {"with_metaclass", "`class C(Base, metaclass=Meta)`"},
      {"add_metaclass", "`class C(metaclass=Meta)`"},
      {"reraise", "`raise exc.with_traceback(tb)`"},
      {"raise_from", "`raise exc from cause`"},
      {"print_", "`print`"},
      {"next", "`next`"},
      {"callable", "`callable`"},
      {"get_method_function", "`method.__func__`"},
      {"get_method_self", "`method.__self__`"},
      {"get_function_code", "`function.__code__`"},
      {"python_2_unicode_compatible", "nothing (define `__str__` only)"},
      {"ensure_str", "`str` (decode bytes explicitly)"},
      {"ensure_text", "`str` (decode bytes explicitly)"},
      {"ensure_binary", "`bytes` (encode text explicitly)"},
      {"assertCountEqual", "`self.assertCountEqual`"},
      {"assertRaisesRegex", "`self.assertRaisesRegex`"},
      {"assertRegex", "`self.assertRegex`"},
      {"wraps", "`functools.wraps`"},
      {"moves.range", "`range`"},
      {"moves.xrange", "`range`"},
      {"moves.zip", "`zip`"},
      {"moves.map", "`map`"},
      {"moves.filter", "`filter`"},
      {"moves.input", "`input`"},
      {"moves.zip_longest", "`itertools.zip_longest`"},
      {"moves.filterfalse", "`itertools.filterfalse`"},
      {"moves.reduce", "`functools.reduce`"},
      {"moves.reload_module", "`importlib.reload`"},
      {"moves.intern", "`sys.intern`"},
      {"moves.getcwd", "`os.getcwd`"},
      {"moves.shlex_quote", "`shlex.quote`"},
      {"moves.urllib", "`urllib` (`urllib.parse`, `urllib.request`, `urllib.error`)"},
      {"moves.urllib.parse", "`urllib.parse`"},
      {"moves.urllib.request", "`urllib.request`"},
      {"moves.urllib.error", "`urllib.error`"},
      {"moves.urllib.response", "`urllib.response`"},
      {"moves.urllib.robotparser", "`urllib.robotparser`"},
      {"moves.urllib_parse", "`urllib.parse`"},
      {"moves.urllib_error", "`urllib.error`"},
      {"moves.configparser", "`configparser`"},
      {"moves.queue", "`queue`"},
      {"moves.cPickle", "`pickle`"},
      {"moves.http_client", "`http.client`"},
      {"moves.http_cookies", "`http.cookies`"},
      {"moves.http_cookiejar", "`http.cookiejar`"},
      {"moves.html_parser", "`html.parser`"},
      {"moves.html_entities", "`html.entities`"},
      {"moves.BaseHTTPServer", "`http.server`"},
      {"moves.SimpleHTTPServer", "`http.server`"},
      {"moves.socketserver", "`socketserver`"},
      {"moves.builtins", "`builtins`"},
      {"moves.copyreg", "`copyreg`"},
      {"moves.StringIO", "`io.StringIO`"},
      {"moves.cStringIO", "`io.StringIO`"},
      {"moves.xmlrpc_client", "`xmlrpc.client`"},
      {"moves.reprlib", "`reprlib`"},
      {"moves._thread", "`_thread`"},
      {"moves.tkinter", "`tkinter`"},
      {"moves.UserDict", "`collections.UserDict`"},
      {"moves.UserList", "`collections.UserList`"},
      {"moves.UserString", "`collections.UserString`"},
      {"moves.collections_abc", "`collections.abc`"},
  };
  return m;
}

// The Python 3 equivalent of a six name ("moves.urllib.parse.quote"): the longest known prefix.
std::string_view six_equivalent(std::string_view name, std::string_view* matched) {
  const auto& table = six_equivalents();
  for (;;) {
    auto it = table.find(name);
    if (it != table.end()) {
      *matched = it->first;
      return it->second;
    }
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return {};
    name = name.substr(0, dot);
  }
}

constexpr std::size_t kMaxNames = 8;

class Python2Leftover final : public Rule {
 public:
  explicit Python2Leftover(const RuleMeta& /*meta*/) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    // Imports of six / mock, grouped by statement in source order.
    std::vector<std::pair<TSNode, std::vector<const py::Import*>>> statements;
    for (const auto& imp : m.imports()) {
      if (!is_module(imp.target, "six") && !is_module(imp.target, "mock")) continue;
      TSNode st = import_statement(m, imp);
      if (statements.empty() || !ts_node_eq(statements.back().first, st)) {
        statements.push_back({st, {}});
      }
      statements.back().second.push_back(&imp);
    }
    for (const auto& [st, imports] : statements) {
      std::vector<std::string> what, fix;
      const py::Import* six = nullptr;
      const py::Import* mock = nullptr;
      for (const auto* imp : imports) (is_module(imp->target, "six") ? six : mock) = imp;
      std::string shown = "`" + statement_excerpt(m, st) + "`";
      bool guarded = in_import_guard(m, st);
      if (six) {
        what.push_back(
            shown +
            " depends on `six`, a compatibility layer that only code still running on "
            "Python 2 needs; on Python 3 each `six` name has a builtin, standard-library or "
            "syntax equivalent, so it is an extra dependency and an indirection.");
        fix.push_back(six_fix(m, imports, guarded));
      }
      if (mock) {
        what.push_back((six ? std::string("It also uses") : shown + " uses") +
                       " the `mock` backport from PyPI; since Python 3.3 the same library ships "
                       "as `unittest.mock`.");
        fix.push_back(mock_fix(m, st, *mock, guarded));
      }
      Report r;
      r.issue = expand(ctx.meta().issue, {{"what", join(what)}});
      r.solution = expand(ctx.meta().solution, {{"fix", join(fix)}});
      ctx.report(st, std::move(r));
    }
  }

 private:
  static bool is_module(std::string_view target, std::string_view name) {
    return target == name ||
           (target.starts_with(name) && target.size() > name.size() && target[name.size()] == '.');
  }

  static std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
    return out;
  }

  // six names the statement brings in: the imported names for `from six... import`, or the
  // attributes read through the bound module for `import six`.
  static std::vector<std::string> six_names(const py::Model& m,
                                            const std::vector<const py::Import*>& imports) {
    std::vector<std::string> names;
    auto add = [&](std::string name) {
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    };
    const py::Grammar& g = m.grammar();
    for (const auto* imp : imports) {
      if (!is_module(imp->target, "six")) continue;
      // Reads through the bound name: `six.<attr>`, `moves.<attr>`, `urllib.<attr>`.
      std::string prefix = imp->from_import ? imp->target.substr(4) : "";
      std::size_t before = names.size();
      walk(m, m.root(), true, [&](TSNode n) {
        if (ts_node_symbol(n) != g.attribute) return true;
        TSNode obj = ts_node_child_by_field_id(n, g.f_object);
        if (ts_node_symbol(obj) != g.identifier || m.text(obj) != imp->bound) return true;
        std::string name(m.text(ts_node_child_by_field_id(n, g.f_attribute)));
        if (!prefix.empty()) name = prefix + "." + name;
        TSNode parent = ts_node_parent(n);
        if (name == "moves" && ts_node_symbol(parent) == g.attribute) {
          name += "." + std::string(m.text(ts_node_child_by_field_id(parent, g.f_attribute)));
        }
        add(name);
        return true;
      });
      // `from six import string_types`: the imported name itself.
      if (imp->from_import && names.size() == before) add(prefix);
    }
    return names;
  }

  static std::string six_fix(const py::Model& m, const std::vector<const py::Import*>& imports,
                             bool guarded) {
    std::vector<std::string> names = six_names(m, imports);
    std::string known;
    std::size_t listed = 0, unknown = 0;
    for (const auto& name : names) {
      std::string_view matched;
      std::string_view eq = six_equivalent(name, &matched);
      if (eq.empty() || listed == kMaxNames) {
        ++unknown;
        continue;
      }
      known += (listed++ ? ", " : "") + std::string("`six.") + std::string(matched) + "` -> " +
               std::string(eq);
    }
    std::string out = guarded ? "Drop the `six` fallback and use" : "Drop `six` and use";
    if (known.empty()) {
      return out +
             " the builtin or standard-library name each `six` name stands for (the `six` "
             "documentation lists them), then remove `six` from the requirements.";
    }
    out += " the Python 3 names directly: " + known;
    if (unknown) out += ", and likewise for the other " + std::to_string(unknown);
    return out + "; then remove `six` from the requirements.";
  }

  static std::string mock_fix(const py::Model& m, TSNode st, const py::Import& imp, bool guarded) {
    const py::Grammar& g = m.grammar();
    std::string fixed;
    if (!imp.from_import && imp.target == "mock") {
      fixed = "from unittest import " + std::string(m.text(imp.node));  // `mock [as m]`
    } else if (imp.from_import &&
               m.text(ts_node_child_by_field_id(st, g.f_module_name)) == "mock") {
      // `from mock import a, b as c`: the same names from unittest.mock.
      TSNode mod = ts_node_child_by_field_id(st, g.f_module_name);
      std::vector<std::string_view> names;
      bool has_mock = false;
      std::uint32_t k = ts_node_named_child_count(st);
      for (std::uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(st, i);
        TSSymbol s = ts_node_symbol(c);
        if (ts_node_eq(c, mod) || (s != g.dotted_name && s != g.aliased_import)) continue;
        names.push_back(m.text(c));
        TSNode name = s == g.aliased_import ? ts_node_child_by_field_id(c, g.f_name) : c;
        has_mock = has_mock || m.text(name) == "mock";
      }
      if (has_mock && names.size() == 1) {
        fixed = "from unittest import " + std::string(names[0]);
      } else if (!has_mock && !names.empty()) {
        fixed = "from unittest.mock import ";
        for (std::size_t i = 0; i < names.size(); ++i) {
          fixed += (i ? ", " : "") + std::string(names[i]);
        }
      }
    }
    if (fixed.size() > 100) fixed.clear();
    if (guarded) {
      return "Drop this fallback: on Python 3 `unittest.mock` is always available" +
             std::string(fixed.empty() ? "" : " (`" + fixed + "`)") +
             ", and remove `mock` from the test requirements.";
    }
    if (fixed.empty()) {
      return "Import from `unittest.mock` instead, and remove `mock` from the test requirements.";
    }
    return "Write `" + fixed + "` instead, and remove `mock` from the test requirements.";
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::Python2Leftover, "python2-leftover")
