// xml-entity-expansion: standard-library XML parsing (Expat) that expands DTD entities, and
// XML-RPC, whose parser and gzip handling are open to the same amplification.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "engine/rule.hpp"
#include "rules/python/xml/common.hpp"

namespace secreview::rules {
namespace {

class XmlEntityExpansion final : public Rule {
 public:
  explicit XmlEntityExpansion(const RuleMeta& meta)
      : string_parsers_(option_strings(meta, "string_parsers")),
        xmlrpc_modules_(option_strings(meta, "xmlrpc_modules")),
        xmlrpc_clients_(option_strings(meta, "xmlrpc_clients")),
        defuse_all_(option_strings(meta, "defuse_all")),
        defuse_xmlrpc_(option_strings(meta, "defuse_xmlrpc")),
        defused_(option_string_table(meta, "defused")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    std::string module(module_of(call.name));
    std::string_view function = function_of(call.name);
    bool xmlrpc = listed(xmlrpc_modules_, module);
    if (file_calls(m, xmlrpc ? defuse_xmlrpc_ : defuse_all_)) return;
    Report r;
    std::string input = "its input";
    std::string detail;
    std::string fix;
    if (xmlrpc) {
      bool client = listed(xmlrpc_clients_, function);
      if (function == "loads") {
        const py::Argument* doc = call.positional(0);
        if (doc && constant_xml_without_dtd(m, doc->value, call.scope)) return;
        input = "an XML-RPC message";
      } else if (client) {
        input = "every response of the server it connects to";
        r.confidence = Confidence::Low;
        detail = " (a client: only a malicious or compromised server can send such a response)";
      } else {
        input = "every XML-RPC request any client sends";
        detail =
            "; gzip-encoded requests are also decompressed before parsing (a decompression "
            "bomb)";
      }
      fix = "call `defusedxml.xmlrpc.monkey_patch()` once at start-up, before `" +
            std::string(function) + "` is used";
    } else {
      if (listed(string_parsers_, function)) {
        const py::Argument* doc = call.positional(0);
        if (doc) {
          if (constant_xml_without_dtd(m, doc->value, call.scope)) return;
          input = "the document `" + excerpt(m, doc->value, 40) + "`";
        }
      } else if (function == "parse" || function == "iterparse") {
        TSNode source = call.argument(0, "source");
        if (!ts_node_is_null(source)) input = "the document from `" + excerpt(m, source, 40) + "`";
      } else {
        input = "whatever is fed to it";
      }
      auto it = defused_.find(module);
      std::string replacement = it != defused_.end() ? it->second : "defusedxml.ElementTree";
      fix = "`import " + replacement + "` and call its `" + std::string(function) +
            "` instead of `" + call.name + "`";
      if (module == "xml.parsers.expat") {
        fix =
            "`import defusedxml.ElementTree` and use its `fromstring`/`parse`, or on the raw "
            "parser set a handler that raises for `EntityDeclHandler`";
      }
    }
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      detail += " (in test code)";
    }
    r.issue = expand(ctx.meta().issue,
                     {{"call", excerpt(m, call.node, 60)}, {"input", input}, {"detail", detail}});
    r.solution = expand(ctx.meta().solution, {{"fix", fix}});
    ctx.report(call.node, std::move(r));
  }

 private:
  static bool listed(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  }

  std::vector<std::string> string_parsers_;
  std::vector<std::string> xmlrpc_modules_;
  std::vector<std::string> xmlrpc_clients_;
  std::vector<std::string> defuse_all_;
  std::vector<std::string> defuse_xmlrpc_;
  std::map<std::string, std::string, std::less<>> defused_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::XmlEntityExpansion, "xml-entity-expansion")
