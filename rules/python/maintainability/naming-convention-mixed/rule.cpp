// naming-convention-mixed: camelCase and snake_case function names in one module or class.
//
// Names a framework dictates are left out: unittest's (test*, assert*, setUp*, tearDown*, result
// hooks), ast/docutils visitors (visit_*, depart_*, generic_visit), http.server and cmd handlers
// (do_*), dunders, well-known camelCase hooks (logging, xml.sax, Twisted), methods of Qt, wx and
// Twisted subclasses, and methods overriding a base class defined in the same file. Single-word
// lowercase names fit both conventions and are not counted.
#include <algorithm>
#include <map>
#include <set>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

constexpr std::string_view kHooks[] = {
    // unittest results and loaders
    "addSuccess", "addError", "addFailure", "addSkip", "addExpectedFailure", "addUnexpectedSuccess",
    "addSubTest", "addDuration", "startTest", "stopTest", "startTestRun", "stopTestRun",
    "wasSuccessful", "printErrors", "shortDescription", "countTestCases", "defaultTestResult",
    "loadTestsFromTestCase", "loadTestsFromModule", "loadTestsFromName", "loadTestsFromNames",
    "getTestCaseNames", "addCleanup", "doCleanups", "addClassCleanup", "doClassCleanups", "subTest",
    // logging handlers and formatters
    "handleError", "createLock", "makeRecord", "findCaller", "getMessage", "formatTime",
    "formatException", "formatStack", "formatMessage", "usesTime", "setFormatter", "setLevel",
    "addFilter", "removeFilter", "addHandler", "removeHandler", "isEnabledFor", "getEffectiveLevel",
    "getChild",
    // xml.sax handlers
    "startDocument", "endDocument", "startElement", "endElement", "startElementNS", "endElementNS",
    "ignorableWhitespace", "processingInstruction", "setDocumentLocator", "skippedEntity",
    "startPrefixMapping", "endPrefixMapping", "fatalError", "resolveEntity", "notationDecl",
    "unparsedEntityDecl", "startDTD", "endDTD", "startCDATA", "endCDATA",
    // Twisted protocols and factories
    "dataReceived", "connectionMade", "connectionLost", "lineReceived", "rawDataReceived",
    "buildProtocol", "startFactory", "stopFactory", "clientConnectionFailed",
    "clientConnectionLost", "startedConnecting", "makeConnection", "startProtocol", "stopProtocol",
    "datagramReceived", "lineLengthExceeded"};

// Base-class name prefixes of frameworks whose API is camelCase.
constexpr std::string_view kCamelFrameworks[] = {"PyQt4.",   "PyQt5.",         "PyQt6.", "PySide.",
                                                 "PySide2.", "PySide6.",       "qtpy.",  "wx.",
                                                 "twisted.", "gi.repository.", "Qt."};

enum class Style { None, Camel, Snake };

std::string_view core(std::string_view name) {
  while (name.starts_with("_")) name.remove_prefix(1);
  return name;
}

bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool framework_name(std::string_view name) {
  if (is_dunder(name) || is_test_method_name(name)) return true;
  for (std::string_view p : {"assert", "setUp", "tearDown", "visit_", "depart_", "do_"}) {
    if (name.starts_with(p)) return true;
  }
  if (name == "generic_visit") return true;
  return std::find(std::begin(kHooks), std::end(kHooks), name) != std::end(kHooks);
}

Style style_of(std::string_view name) {
  std::string_view c = core(name);
  if (c.empty() || !is_lower(c[0])) return Style::None;
  bool underscore = false, upper = false;
  for (char ch : c) {
    if (ch == '_') {
      underscore = true;
    } else if (is_upper(ch)) {
      upper = true;
    } else if (!is_lower(ch) && !is_digit(ch)) {
      return Style::None;
    }
  }
  if (underscore && !upper) return Style::Snake;
  if (upper && !underscore) return Style::Camel;
  return Style::None;  // one lowercase word fits both; `get_Data` fits neither
}

// getHTTPResponse -> get_http_response (leading underscores kept).
std::string to_snake(std::string_view name) {
  std::string out(name.substr(0, name.size() - core(name).size()));
  std::string_view c = core(name);
  for (std::size_t i = 0; i < c.size(); ++i) {
    char ch = c[i];
    if (is_upper(ch)) {
      bool after_lower = i > 0 && (is_lower(c[i - 1]) || is_digit(c[i - 1]));
      bool acronym_end = i > 0 && is_upper(c[i - 1]) && i + 1 < c.size() && is_lower(c[i + 1]);
      if (after_lower || acronym_end) out += '_';
      out += static_cast<char>(ch - 'A' + 'a');
    } else {
      out += ch;
    }
  }
  return out;
}

// load_rows -> loadRows (leading underscores kept).
std::string to_camel(std::string_view name) {
  std::string out(name.substr(0, name.size() - core(name).size()));
  bool up = false;
  for (char ch : core(name)) {
    if (ch == '_') {
      up = true;
      continue;
    }
    out += up && is_lower(ch) ? static_cast<char>(ch - 'a' + 'A') : ch;
    up = false;
  }
  return out;
}

class NamingConventionMixed final : public Rule {
 public:
  explicit NamingConventionMixed(const RuleMeta& meta)
      : min_names_(meta.options["min_names"].value_or(3)) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    // Method names of each class in the file, to recognise overrides.
    std::map<std::string, std::set<std::string>> methods_of;
    for (const auto& f : m.functions()) {
      const py::Scope* p = f.scope->parent;
      if (p && p->kind == py::Scope::Kind::Class) methods_of[p->qualified].insert(f.name);
    }
    std::map<const py::Scope*, const py::Class*> class_of;
    for (const auto& c : m.classes()) class_of[c.scope] = &c;

    // Functions grouped by the module or class scope that defines them, in source order.
    std::vector<const py::Scope*> order;
    std::map<const py::Scope*, std::vector<const py::Function*>> groups;
    for (const auto& f : m.functions()) {
      const py::Scope* p = f.scope->parent;
      if (!p || (p->kind != py::Scope::Kind::Module && p->kind != py::Scope::Kind::Class)) continue;
      if (!groups.count(p)) order.push_back(p);
      groups[p].push_back(&f);
    }
    for (const py::Scope* scope : order) {
      const py::Class* cls = scope->kind == py::Scope::Kind::Class ? class_of[scope] : nullptr;
      if (cls && camel_framework(m, *cls)) continue;
      std::set<std::string> inherited;
      if (cls) {
        for (TSNode base : cls->bases) {
          auto it = methods_of.find(std::string(m.text(base)));
          if (it != methods_of.end()) inherited.insert(it->second.begin(), it->second.end());
        }
      }
      std::vector<const py::Function*> camel, snake;
      std::set<std::string> seen;
      for (const py::Function* f : groups[scope]) {
        if (!seen.insert(f->name).second || framework_name(f->name) || inherited.count(f->name)) {
          continue;
        }
        Style s = style_of(f->name);
        if (s == Style::Camel) camel.push_back(f);
        if (s == Style::Snake) snake.push_back(f);
      }
      if (camel.empty() || snake.empty()) continue;
      if (camel.size() + snake.size() <
          static_cast<std::size_t>(std::max<std::int64_t>(min_names_, 2))) {
        continue;
      }
      bool camel_is_minority = camel.size() <= snake.size();
      report(m, ctx, scope, camel_is_minority ? camel : snake, camel_is_minority ? snake : camel,
             camel_is_minority);
    }
  }

 private:
  // A class deriving from Qt, wx, Twisted or GObject: its camelCase methods override the API.
  static bool camel_framework(const py::Model& m, const py::Class& c) {
    for (TSNode base : c.bases) {
      std::string q = m.qualify(base, c.scope->parent) + ".";
      for (std::string_view p : kCamelFrameworks) {
        if (q.starts_with(p)) return true;
      }
      // `QWidget`, `QObject`... from a wildcard import.
      if (q.size() > 2 && q[0] == 'Q' && is_upper(q[1])) return true;
    }
    return false;
  }

  static std::string names(const py::Model& m, const std::vector<const py::Function*>& fs) {
    std::vector<std::pair<std::string, std::uint32_t>> items;
    for (const auto* f : fs) items.emplace_back(f->name, m.start(f->node).line);
    return list_names(items);
  }

  void report(const py::Model& m, Context& ctx, const py::Scope* scope,
              const std::vector<const py::Function*>& minority,
              const std::vector<const py::Function*>& majority, bool camel_is_minority) const {
    bool in_class = scope->kind == py::Scope::Kind::Class;
    std::string where = in_class ? "class `" + scope->qualified + "`" : "this module";
    std::string kind = in_class ? "method" : "function";
    std::string minority_style = camel_is_minority ? "camelCase" : "snake_case";
    std::string majority_style = camel_is_minority ? "snake_case" : "camelCase";
    std::string examples;
    for (std::size_t i = 0; i < majority.size() && i < 3; ++i) {
      examples += (i ? ", `" : "`") + majority[i]->name + "`";
    }
    if (majority.size() > 3) examples += ", ...";
    std::string renames;
    for (std::size_t i = 0; i < minority.size() && i < 5; ++i) {
      const std::string& n = minority[i]->name;
      renames +=
          (i ? ", `" : "`") + n + "` -> `" + (camel_is_minority ? to_snake(n) : to_camel(n)) + "`";
    }
    if (minority.size() > 5) renames += ", ...";
    std::string them = minority.size() == 1 ? "it" : "them";
    std::string fix;
    if (camel_is_minority) {
      fix = "Rename " + them + " to snake_case, like the rest of " + where +
            " and as PEP 8 recommends: " + renames + ". If code outside this file calls " + them +
            ", keep the old " + (minority.size() == 1 ? "name as an alias" : "names as aliases") +
            " until the callers are updated.";
    } else {
      fix = "Use one convention in " + where + ": rename " + them +
            " to camelCase like the rest (" + renames + "), or move all of its " + kind +
            "s to snake_case as PEP 8 recommends. If code outside this file calls the renamed " +
            kind + "s, keep the old names as aliases until the callers are updated.";
    }
    Report r;
    r.issue = expand(ctx.meta().issue, {{"scope", where},
                                        {"minority_list", names(m, minority)},
                                        {"verb", minority.size() == 1 ? "uses" : "use"},
                                        {"minority", minority_style},
                                        {"majority_count", std::to_string(majority.size())},
                                        {"kind", kind},
                                        {"majority", majority_style},
                                        {"majority_examples", examples}});
    r.solution = expand(ctx.meta().solution, {{"fix", fix}});
    for (std::size_t i = 1; i < minority.size(); ++i) r.related.push_back(minority[i]->node);
    ctx.report(minority.front()->node, std::move(r));
  }

  std::int64_t min_names_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::NamingConventionMixed, "naming-convention-mixed")
