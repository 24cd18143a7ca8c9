// ssl-unverified-context: TLS certificate or host-name verification turned off. Looks at calls
// (ssl._create_unverified_context(), cert_reqs=CERT_NONE, set_verify(VERIFY_NONE), ssl.wrap_socket
// without cert_reqs) and at assignments (verify_mode = CERT_NONE, check_hostname = False,
// ssl._create_default_https_context = ssl._create_unverified_context).
#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

constexpr std::string_view kNoCertCheck =
    "anyone on the network path can present a certificate of their own and then read and change "
    "the traffic";
constexpr std::string_view kNoHostCheck =
    "anyone holding a valid certificate for any other name (free from a public CA) can "
    "impersonate the server";

class SslUnverifiedContext final : public Rule {
 public:
  explicit SslUnverifiedContext(const RuleMeta& meta)
      : factories_(option_strings(meta, "unverified_factories")),
        constants_(option_strings(meta, "no_verify_constants")),
        strings_(option_strings(meta, "no_verify_strings")),
        verify_keywords_(option_strings(meta, "verify_keywords")),
        hostname_keywords_(option_strings(meta, "hostname_keywords")),
        set_verify_(option_strings(meta, "set_verify_methods")),
        wrappers_(option_strings(meta, "unverified_wrappers")),
        server_markers_(option_strings(meta, "server_markers")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    for (const py::Call& call : m.calls()) check_call_site(m, ctx, call);
    check_assignments(m, ctx);
  }

 private:
  void emit(const py::Model& m, Context& ctx, TSNode at, std::string_view what,
            std::string_view impact, std::vector<TSNode> related = {},
            bool conditional = false) const {
    Report r;
    r.issue =
        expand(ctx.meta().issue, {{"code", excerpt(m, at)}, {"what", what}, {"impact", impact}});
    r.related = std::move(related);
    if (conditional) {
      r.confidence = Confidence::Medium;
      crypto::add_note(r.issue, "in one arm of a conditional expression");
    }
    crypto::mark_test_code(m, r);
    ctx.report(at, std::move(r));
  }

  // An imported constant such as ssl.CERT_NONE or OpenSSL.SSL.VERIFY_NONE.
  bool no_verify_constant(const py::Model& m, TSNode value, const py::Scope* scope) const {
    py::NameOrigin origin = py::NameOrigin::None;
    std::string name = crypto::reference_name(m, value, scope, &origin);
    return origin == py::NameOrigin::Import && !name.ends_with("()") &&
           crypto::contains(constants_, crypto::last_component(name));
  }

  // The values an expression can take: both arms of `a if cond else b`, or the expression.
  static std::vector<TSNode> arms(const py::Model& m, TSNode value) {
    TSNode e = m.unwrap(value);
    if (!ts_node_is_null(e) && ts_node_symbol(e) == m.grammar().conditional_expression &&
        ts_node_named_child_count(e) == 3) {
      return {ts_node_named_child(e, 0), ts_node_named_child(e, 2)};
    }
    return {value};
  }

  enum class Off { No, Always, InArm };

  // Whether `test` holds for the value on every path, or in one arm of a conditional expression.
  template <typename Test>
  static Off turns_off(const py::Model& m, TSNode value, Test&& test) {
    std::vector<TSNode> all = arms(m, value);
    std::size_t hits = 0;
    for (TSNode arm : all) hits += test(arm) ? 1 : 0;
    if (hits == 0) return Off::No;
    return hits == all.size() ? Off::Always : Off::InArm;
  }

  bool server_side(const py::Model& m, TSNode object, const py::Scope* scope) const {
    TSNode e = m.unwrap(object);
    TSNode bound = m.single_value(e, scope);
    std::string_view text = m.text(ts_node_is_null(bound) ? e : bound);
    for (const auto& marker : server_markers_) {
      if (text.find(marker) != std::string_view::npos) return true;
    }
    return false;
  }

  void check_call_site(const py::Model& m, Context& ctx, const py::Call& call) const {
    const py::Grammar& g = m.grammar();
    bool imported = call.origin == py::NameOrigin::Import;
    if (imported && crypto::contains(factories_, call.name)) {
      emit(m, ctx, call.node,
           "creates a TLS context that checks neither the certificate nor the host name",
           kNoCertCheck);
      return;
    }
    if (imported && crypto::contains(wrappers_, call.name) && !call.has_splat() &&
        ts_node_is_null(call.argument(4, "cert_reqs"))) {
      // ssl.wrap_socket(sock, keyfile, certfile, server_side, cert_reqs, ...): a client socket
      // without cert_reqs gets CERT_NONE.
      TSNode server = call.argument(3, "server_side");
      if (!ts_node_is_null(server) && m.evaluate(server, call.scope).truthy() != false) return;
      emit(m, ctx, call.node,
           "wraps the socket without cert_reqs, and ssl.wrap_socket then checks no certificate "
           "(its default is CERT_NONE)",
           kNoCertCheck);
      return;
    }
    if (ts_node_symbol(call.callee) == g.attribute && crypto::contains(set_verify_, call.method)) {
      TSNode mode = call.argument(0, "mode");
      if (!ts_node_is_null(mode) && no_verify_constant(m, mode, call.scope)) {
        emit(m, ctx, call.node, "turns certificate verification off", kNoCertCheck);
        return;
      }
    }
    for (const auto& a : call.args) {
      if (a.kind != py::Argument::Kind::Keyword) continue;
      if (crypto::contains(verify_keywords_, a.keyword)) {
        Off off = turns_off(m, a.value, [&](TSNode arm) {
          py::Value v = m.evaluate(arm, call.scope);
          return (v.is_str() && crypto::contains(strings_, v.str)) ||
                 no_verify_constant(m, arm, call.scope);
        });
        if (off != Off::No && !server_side(m, call.node, call.scope)) {
          emit(m, ctx, ts_node_parent(a.value), "turns certificate verification off", kNoCertCheck,
               {}, off == Off::InArm);
        }
      } else if (crypto::contains(hostname_keywords_, a.keyword)) {
        Off off = turns_off(m, a.value, [&](TSNode arm) {
          py::Value v = m.evaluate(arm, call.scope);
          return v.kind == py::Value::Kind::Bool && !v.boolean;
        });
        if (off != Off::No) {
          emit(m, ctx, ts_node_parent(a.value), "accepts a certificate issued for any host name",
               kNoHostCheck, {}, off == Off::InArm);
        }
      }
    }
  }

  void check_assignments(const py::Model& m, Context& ctx) const {
    const py::Grammar& g = m.grammar();
    struct Site {
      const py::Assignment* a;
      std::string receiver;
      bool conditional;
    };
    std::vector<Site> cert_none;
    std::vector<Site> no_hostname;
    for (const py::Assignment& a : m.assignments()) {
      if (a.augmented || ts_node_symbol(a.target) != g.attribute) continue;
      std::string_view attr = m.text(ts_node_child_by_field_id(a.target, g.f_attribute));
      TSNode object = ts_node_child_by_field_id(a.target, g.f_object);
      if (attr == "_create_default_https_context") {
        py::NameOrigin origin = py::NameOrigin::None;
        std::string value = crypto::reference_name(m, a.value, a.scope, &origin);
        if (origin == py::NameOrigin::Import && crypto::contains(factories_, value)) {
          emit(m, ctx, a.node,
               "makes every HTTPS connection opened through urllib and http.client skip "
               "certificate and host-name checks",
               kNoCertCheck);
        }
      } else if (attr == "verify_mode") {
        Off off =
            turns_off(m, a.value, [&](TSNode arm) { return no_verify_constant(m, arm, a.scope); });
        if (off != Off::No && !server_side(m, object, a.scope)) {
          cert_none.push_back({&a, std::string(m.text(object)), off == Off::InArm});
        }
      } else if (attr == "check_hostname") {
        Off off = turns_off(m, a.value,
                            [&](TSNode arm) { return m.evaluate(arm, a.scope).truthy() == false; });
        if (off != Off::No && !server_side(m, object, a.scope)) {
          no_hostname.push_back({&a, std::string(m.text(object)), off == Off::InArm});
        }
      }
    }
    // `ctx.check_hostname = False` followed by `ctx.verify_mode = ssl.CERT_NONE` is one decision:
    // one finding at the CERT_NONE line that also cites the host-name line.
    std::vector<bool> merged(no_hostname.size(), false);
    for (const Site& off : cert_none) {
      std::vector<TSNode> related;
      for (std::size_t i = 0; i < no_hostname.size(); ++i) {
        if (!merged[i] && no_hostname[i].a->scope == off.a->scope &&
            no_hostname[i].receiver == off.receiver) {
          merged[i] = true;
          related.push_back(no_hostname[i].a->node);
        }
      }
      emit(m, ctx, off.a->node,
           related.empty() ? "turns certificate verification off"
                           : "turns certificate verification off (and host-name checks with it)",
           kNoCertCheck, std::move(related), off.conditional);
    }
    for (std::size_t i = 0; i < no_hostname.size(); ++i) {
      if (!merged[i]) {
        emit(m, ctx, no_hostname[i].a->node, "accepts a certificate issued for any host name",
             kNoHostCheck, {}, no_hostname[i].conditional);
      }
    }
  }

  std::vector<std::string> factories_;
  std::vector<std::string> constants_;
  std::vector<std::string> strings_;
  std::vector<std::string> verify_keywords_;
  std::vector<std::string> hostname_keywords_;
  std::vector<std::string> set_verify_;
  std::vector<std::string> wrappers_;
  std::vector<std::string> server_markers_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SslUnverifiedContext, "ssl-unverified-context")
