// ssrf-request-url: an HTTP client call whose URL (its host part) is read from the request.
#include "engine/rule.hpp"
#include "rules/python/web/request.hpp"

namespace secreview::rules {
namespace {

class SsrfRequestUrl final : public Rule {
 public:
  explicit SsrfRequestUrl(const RuleMeta& meta)
      : sources_(meta),
        clients_(option_strings(meta, "clients")),
        url_second_(option_strings(meta, "url_second")),
        url_keywords_(option_strings(meta, "url_keywords")),
        validators_(option_strings(meta, "validators")) {
    for (const auto& c : meta.calls) {
      if (!c.starts_with(".")) functions_.push_back(c);
    }
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    bool external = call.origin == py::NameOrigin::Import || call.origin == py::NameOrigin::Global;
    std::string name = call.name;
    if (!(external && web::in_list(functions_, call.name))) {
      // A method: only on a client object (requests.Session(), httpx.Client(), ...).
      if (ts_node_symbol(call.callee) != m.grammar().attribute) return;
      TSNode receiver = ts_node_child_by_field_id(call.callee, m.grammar().f_object);
      if (!is_client(m, receiver, call.scope)) return;
      name = std::string(m.text(call.callee));
    }
    std::size_t pos = web::in_list(url_second_, call.method) ? 1 : 0;
    TSNode url = web::argument_of(call, pos, url_keywords_);
    if (ts_node_is_null(url)) return;
    web::RequestFlow flow(m, sources_, call.scope);
    std::optional<web::RequestRead> read = flow.leading(url);
    if (!read) return;
    if (web::validated(m, call.scope, flow.terms(), validators_)) return;
    Report r;
    r.issue =
        expand(ctx.meta().issue,
               {{"name", name},
                {"url", excerpt(m, url)},
                {"source", web::source_phrase(m, *read, url, call.node, "whose host comes from")}});
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  bool is_client_call(const py::Model& m, TSNode n) const {
    n = m.unwrap(n);
    if (ts_node_is_null(n) || ts_node_symbol(n) != m.grammar().call) return false;
    py::NameOrigin o = py::NameOrigin::None;
    std::string q =
        m.qualify(ts_node_child_by_field_id(n, m.grammar().f_function), m.scope_of(n), &o);
    return o == py::NameOrigin::Import && web::in_list(clients_, q);
  }

  // requests.Session().get, `s = requests.Session()`, `with httpx.Client() as client:`.
  bool is_client(const py::Model& m, TSNode receiver, const py::Scope* scope) const {
    const py::Grammar& g = m.grammar();
    receiver = m.unwrap(receiver);
    if (ts_node_symbol(receiver) == g.call) return is_client_call(m, receiver);
    if (ts_node_symbol(receiver) != g.identifier) return false;
    if (is_client_call(m, m.single_value(receiver, scope))) return true;
    // `with aiohttp.ClientSession() as session:` / `async with ...` in the same function.
    const py::Scope* fs = web::function_scope(scope);
    TSNode body = fs ? fs->node : m.root();
    std::string_view name = m.text(receiver);
    bool found = false;
    TSTreeCursor c = ts_tree_cursor_new(body);
    for (;;) {
      TSNode n = ts_tree_cursor_current_node(&c);
      if (ts_node_symbol(n) == g.as_pattern) {
        TSNode alias = ts_node_child_by_field_id(n, g.f_alias);
        if (m.text(alias) == name && is_client_call(m, ts_node_named_child(n, 0))) {
          found = true;
          break;
        }
      }
      if (ts_tree_cursor_goto_first_child(&c)) continue;
      bool done = false;
      while (!ts_tree_cursor_goto_next_sibling(&c)) {
        if (!ts_tree_cursor_goto_parent(&c) || ts_node_eq(ts_tree_cursor_current_node(&c), body)) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
    ts_tree_cursor_delete(&c);
    return found;
  }

  web::RequestSources sources_;
  std::vector<std::string> clients_;
  std::vector<std::string> url_second_;
  std::vector<std::string> url_keywords_;
  std::vector<std::string> validators_;
  std::vector<std::string> functions_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SsrfRequestUrl, "ssrf-request-url")
