// request-without-timeout: requests calls without timeout= (or timeout=None), requests.Session
// methods likewise, and httpx calls/clients that disable httpx's default timeout.
#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

enum class Library { None, Requests, Httpx };

class RequestWithoutTimeout final : public Rule {
 public:
  explicit RequestWithoutTimeout(const RuleMeta& meta)
      : requests_calls_(option_strings(meta, "requests_calls")),
        requests_sessions_(option_strings(meta, "requests_sessions")),
        httpx_calls_(option_strings(meta, "httpx_calls")),
        httpx_clients_(option_strings(meta, "httpx_clients")),
        httpx_timeouts_(option_strings(meta, "httpx_timeout_classes")),
        methods_(option_strings(meta, "request_methods")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    Library lib = library_of(m, call);
    if (lib == Library::None) return;
    std::string how;
    std::optional<Confidence> confidence;
    const py::Argument* timeout = call.keyword("timeout");
    if (timeout) {
      if (!disables_timeout(m, timeout->value, call.scope)) return;
      how = "disables the timeout (" + excerpt(m, ts_node_parent(timeout->value), 40) + ")";
    } else {
      if (lib == Library::Httpx) return;  // httpx's default timeout applies
      how = "sets no timeout, and requests has no default one";
      if (call.has_splat()) {
        const py::Argument* star = nullptr;
        for (const auto& a : call.args) {
          if (a.kind == py::Argument::Kind::DoubleStar) star = &a;
        }
        if (!star) return;
        how += " (unless `**" + std::string(m.text(star->value)) + "` carries one)";
        confidence = Confidence::Low;
      }
    }
    Report r;
    r.issue = expand(ctx.meta().issue, {{"call", excerpt(m, call.node)}, {"how", how}});
    r.confidence = confidence;
    crypto::mark_test_code(m, r);
    ctx.report(call.node, std::move(r));
  }

 private:
  // Which library sends the request: a module function, or a method of a session/client that
  // is created in the same expression, bound once to a name, or bound by `with ... as name`.
  Library library_of(const py::Model& m, const py::Call& call) const {
    if (call.origin == py::NameOrigin::Import) {
      if (crypto::contains(requests_calls_, call.name)) return Library::Requests;
      if (crypto::contains(httpx_calls_, call.name)) return Library::Httpx;
    }
    const py::Grammar& g = m.grammar();
    if (ts_node_symbol(call.callee) != g.attribute || !crypto::contains(methods_, call.method)) {
      return Library::None;
    }
    std::string maker = object_maker(m, ts_node_child_by_field_id(call.callee, g.f_object), call);
    if (crypto::contains(requests_sessions_, maker)) return Library::Requests;
    if (crypto::contains(httpx_clients_, maker)) return Library::Httpx;
    return Library::None;
  }

  // The qualified name of the call that created `object` ("requests.Session"), or "".
  static std::string object_maker(const py::Model& m, TSNode object, const py::Call& call) {
    const py::Grammar& g = m.grammar();
    object = m.unwrap(object);
    auto maker_of = [&](TSNode value, const py::Scope* scope) -> std::string {
      value = m.unwrap(value);
      if (ts_node_is_null(value) || ts_node_symbol(value) != g.call) return {};
      py::NameOrigin origin = py::NameOrigin::None;
      std::string name = m.qualify(ts_node_child_by_field_id(value, g.f_function), scope, &origin);
      return origin == py::NameOrigin::Import ? name : std::string();
    };
    if (ts_node_symbol(object) == g.call) return maker_of(object, call.scope);
    if (ts_node_symbol(object) != g.identifier) return {};
    TSNode bound = m.single_value(object, call.scope);
    if (!ts_node_is_null(bound)) return maker_of(bound, m.scope_of(bound));
    // `with requests.Session() as s:` around the call.
    std::string_view name = m.text(object);
    for (TSNode p = ts_node_parent(call.node); !ts_node_is_null(p); p = ts_node_parent(p)) {
      if (ts_node_symbol(p) == g.function_definition) break;
      if (ts_node_symbol(p) != g.with_statement) continue;
      std::string found;
      TSNode clause = ts_node_named_child(p, 0);  // the with_clause, not the body
      crypto::walk(clause, [&](TSNode n) {
        if (!found.empty() || ts_node_symbol(n) != g.as_pattern) return;
        TSNode alias = ts_node_child_by_field_id(n, g.f_alias);
        if (!ts_node_is_null(alias) && ts_node_symbol(alias) == g.as_pattern_target) {
          alias = ts_node_named_child(alias, 0);
        }
        if (ts_node_is_null(alias) || m.text(alias) != name) return;
        found = maker_of(ts_node_named_child(n, 0), call.scope);
        if (found.empty()) found = "?";
      });
      if (!found.empty()) return found;
    }
    return {};
  }

  // timeout=None, or httpx.Timeout(None) without any limit given by keyword.
  bool disables_timeout(const py::Model& m, TSNode value, const py::Scope* scope) const {
    py::Value v = m.evaluate(value, scope);
    if (v.kind == py::Value::Kind::None) return true;
    if (v.kind != py::Value::Kind::Unknown) return false;
    TSNode e = m.unwrap(value);
    if (ts_node_symbol(e) == m.grammar().identifier) {
      TSNode bound = m.single_value(e, scope);
      if (!ts_node_is_null(bound)) e = m.unwrap(bound);
    }
    for (const py::Call& c : m.calls()) {
      if (!ts_node_eq(c.node, e)) continue;
      if (!crypto::contains(httpx_timeouts_, c.name) || c.has_splat()) return false;
      TSNode first = c.argument(0, "timeout");
      if (ts_node_is_null(first) || m.evaluate(first, c.scope).kind != py::Value::Kind::None) {
        return false;
      }
      for (const auto& a : c.args) {
        if (a.kind == py::Argument::Kind::Keyword && a.keyword != "timeout" &&
            m.evaluate(a.value, c.scope).kind != py::Value::Kind::None) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  std::vector<std::string> requests_calls_;
  std::vector<std::string> requests_sessions_;
  std::vector<std::string> httpx_calls_;
  std::vector<std::string> httpx_clients_;
  std::vector<std::string> httpx_timeouts_;
  std::vector<std::string> methods_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::RequestWithoutTimeout, "request-without-timeout")
