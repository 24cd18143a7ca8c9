// xml-external-entity: lxml parsers that resolve external entities (explicitly, or through the
// defaults of older lxml versions) and SAX parsers with external entities switched on.
#include <algorithm>
#include <string>
#include <vector>

#include "engine/rule.hpp"
#include "rules/python/xml/common.hpp"

namespace secreview::rules {
namespace {

constexpr const char* kLxmlFix =
    "Parse with an explicit parser that never resolves external entities or touches the network: "
    "`parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True)` and pass "
    "`parser=parser` to every parse call (or `lxml.etree.set_default_parser(parser)` once).";

class XmlExternalEntity final : public Rule {
 public:
  explicit XmlExternalEntity(const RuleMeta& meta)
      : constructors_(option_strings(meta, "parser_constructors")),
        late_safe_(option_strings(meta, "late_safe_defaults")),
        default_functions_(option_strings(meta, "default_parser_functions")),
        string_parsers_(option_strings(meta, "string_parsers")),
        safe_resolve_(option_strings(meta, "safe_resolve_entities")),
        setters_(option_strings(meta, "default_parser_setters")),
        sax_features_(option_strings(meta, "sax_features")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    bool imported = call.origin == py::NameOrigin::Import;
    if (call.method == "setFeature" && !(imported && call.name.starts_with("lxml."))) {
      check_sax_feature(call, ctx);
      return;
    }
    if (!imported || !call.name.starts_with("lxml.")) return;
    std::string_view function = function_of(call.name);
    Report r;
    std::string what;
    std::string detail;
    if (listed(constructors_, function)) {
      std::optional<bool> resolves = resolve_entities(m, call);
      bool network = truthy_keyword(m, call, "no_network") == false;
      if (resolves == std::nullopt) return;  // resolve_entities= is not a constant
      if (*resolves == false) {
        bool loads_dtd = truthy_keyword(m, call, "load_dtd") == true ||
                         truthy_keyword(m, call, "dtd_validation") == true;
        if (!(network && loads_dtd)) return;
        what = "loads external DTDs with `no_network=False`";
        detail = "; with the network allowed it also fetches any URL a document names (SSRF)";
        r.severity = Severity::Medium;
      } else if (call.keyword("resolve_entities")) {
        what = "creates a parser with `resolve_entities=" +
               std::string(m.text(call.keyword("resolve_entities")->value)) +
               "`, which resolves external entities";
      } else if (listed(late_safe_, function)) {
        what = "uses lxml's default `resolve_entities=True` for `" + std::string(function) +
               "`, which resolves external entities in every lxml before 6.1";
      } else {
        what =
            "creates a parser without `resolve_entities=False`; lxml before 5.0 resolves "
            "external entities by default";
        r.severity = Severity::Medium;
        r.confidence = Confidence::Medium;
      }
      if (network && *resolves) detail = "; `no_network=False` also lets it fetch any URL";
    } else if (listed(default_functions_, function)) {
      TSNode parser = call.argument(1, "parser");
      if (!ts_node_is_null(parser) &&
          m.evaluate(parser, call.scope).kind != py::Value::Kind::None) {
        return;  // the parser's own construction is checked where it is created
      }
      if (file_calls(m, setters_)) return;
      if (listed(string_parsers_, function)) {
        const py::Argument* doc = call.positional(0);
        if (doc && constant_xml_without_dtd(m, doc->value, call.scope)) return;
      }
      what =
          "parses with lxml's default parser, which resolves external entities in lxml "
          "before 5.0";
      r.severity = Severity::Medium;
      r.confidence = Confidence::Medium;
    } else {
      return;
    }
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      detail += " (in test code)";
    }
    r.issue = expand(ctx.meta().issue,
                     {{"call", excerpt(m, call.node, 60)}, {"what", what}, {"detail", detail}});
    r.solution = kLxmlFix;
    ctx.report(call.node, std::move(r));
  }

 private:
  static bool listed(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  }

  static std::optional<bool> truthy_keyword(const py::Model& m, const py::Call& call,
                                            std::string_view kw) {
    const py::Argument* a = call.keyword(kw);
    if (!a) return std::nullopt;
    return m.evaluate(a->value, call.scope).truthy();
  }

  // Whether the parser resolves external entities: false for resolve_entities=False or
  // "internal", true for True or when absent (the older lxml default), nullopt when unknown.
  std::optional<bool> resolve_entities(const py::Model& m, const py::Call& call) const {
    const py::Argument* a = call.keyword("resolve_entities");
    if (!a) return true;
    py::Value v = m.evaluate(a->value, call.scope);
    if (v.is_str()) return !listed(safe_resolve_, v.str);
    return v.truthy();
  }

  // parser.setFeature(feature_external_ges, True)
  void check_sax_feature(const py::Call& call, Context& ctx) const {
    const py::Model& m = ctx.model();
    TSNode feature = call.argument(0, "name");
    TSNode state = call.argument(1, "state");
    if (ts_node_is_null(feature) || ts_node_is_null(state)) return;
    if (m.evaluate(state, call.scope).truthy() != true) return;
    py::Value fv = m.evaluate(feature, call.scope);
    std::string name = fv.is_str() ? fv.str : m.qualify(feature, call.scope);
    if (!listed(sax_features_, name)) {
      // `from xml.sax.handler import feature_external_ges` resolves to the full name already;
      // `handler.feature_external_ges` on an unresolved module keeps only the last part.
      std::string_view last = name;
      if (auto dot = last.rfind('.'); dot != std::string_view::npos) last.remove_prefix(dot + 1);
      if (last != "feature_external_ges" && last != "feature_external_pes") return;
    }
    Report r;
    r.issue = expand(ctx.meta().issue, {{"call", excerpt(m, call.node, 60)},
                                        {"what", "switches external entities on for a SAX parser"},
                                        {"detail", m.is_test_file() ? " (in test code)" : ""}});
    if (m.is_test_file()) r.confidence = Confidence::Low;
    r.solution =
        "Leave external entities off (the default since Python 3.7.1): remove this setFeature "
        "call, or parse untrusted documents with defusedxml.sax, which refuses them.";
    ctx.report(call.node, std::move(r));
  }

  std::vector<std::string> constructors_;
  std::vector<std::string> late_safe_;
  std::vector<std::string> default_functions_;
  std::vector<std::string> string_parsers_;
  std::vector<std::string> safe_resolve_;
  std::vector<std::string> setters_;
  std::vector<std::string> sax_features_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::XmlExternalEntity, "xml-external-entity")
