// ssl-insecure-version: SSL 2.0/3.0 and TLS 1.0/1.1 selected through ssl or pyOpenSSL: version
// constants passed to calls (B502) or used as parameter defaults (B503), context version bounds
// set to them, and ssl.wrap_socket() without ssl_version (B504, low confidence).
#include <map>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

struct Version {
  std::string name;
  std::string why;
  Severity severity = Severity::High;
  bool bound_only = false;  // a TLSVersion-like value: meaningful as a min/max bound only
};

constexpr std::string_view kSelectedImpact =
    "a network attacker can use those weaknesses against the connection, and up-to-date peers "
    "refuse it";
constexpr std::string_view kFloorImpact =
    "a peer that offers nothing newer is accepted, and the connection to it gets that weaker "
    "protection";

class SslInsecureVersion final : public Rule {
 public:
  explicit SslInsecureVersion(const RuleMeta& meta)
      : tls_calls_(option_strings(meta, "tls_calls")),
        version_keywords_(option_strings(meta, "version_keywords")),
        bound_attributes_(option_strings(meta, "bound_attributes")),
        bound_methods_(option_strings(meta, "bound_methods")),
        unversioned_(option_strings(meta, "unversioned_wrappers")),
        negotiating_(option_strings(meta, "negotiating")) {
    for_each_option_entry(meta, "versions", [&](const std::string& k, const toml::table& e) {
      Version ver;
      ver.name = e["name"].value_or(k);
      ver.why = e["why"].value_or(std::string());
      ver.severity =
          parse_severity(e["severity"].value_or(std::string("high"))).value_or(Severity::High);
      ver.bound_only = e["enum"].value_or(false);
      versions_[k] = ver;
    });
  }

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    for (const py::Call& call : m.calls()) {
      bool bound_call = ts_node_symbol(call.callee) == g.attribute &&
                        crypto::contains(bound_methods_, call.method);
      bool tls_call =
          call.origin == py::NameOrigin::Import && crypto::contains(tls_calls_, call.name);
      for (const auto& a : call.args) {
        if (a.kind != py::Argument::Kind::Positional && a.kind != py::Argument::Kind::Keyword) {
          continue;
        }
        bool keyword = a.kind == py::Argument::Kind::Keyword;
        TSNode at = keyword ? ts_node_parent(a.value) : a.value;
        TSNode shown = keyword ? TSNode{} : call.node;  // a bare positional constant needs its call
        if (bound_call) {
          if (const Version* v = version_of(m, a.value, call.scope, true)) {
            bool cap = call.method.find("max") != std::string_view::npos;
            emit(m, ctx, at, cap ? "caps the version at" : "allows versions down to", *v,
                 std::nullopt, cap, shown);
          }
          continue;
        }
        std::string constant;
        if (const Version* v = version_of(m, a.value, call.scope, false, &constant)) {
          bool certain = tls_call || (a.kind == py::Argument::Kind::Keyword &&
                                      crypto::contains(version_keywords_, a.keyword));
          emit(m, ctx, at, "selects", *v,
               certain ? std::nullopt : std::optional<Confidence>(Confidence::Medium), true, shown);
        } else if (crypto::contains(negotiating_, constant)) {
          negotiating(m, ctx, at, constant, "selects", shown);
        }
      }
      if (call.origin == py::NameOrigin::Import && crypto::contains(unversioned_, call.name) &&
          !call.has_splat() && ts_node_is_null(call.argument(5, "ssl_version"))) {
        Report r;
        r.issue = "`" + excerpt(m, call.node) +
                  "` gives no ssl_version, so the protocol versions are left to the Python and "
                  "OpenSSL defaults, which on many builds still accept TLS 1.0 and 1.1; "
                  "ssl.wrap_socket is also deprecated and was removed in Python 3.12.";
        r.solution =
            "Create a context with ssl.create_default_context(), set ctx.minimum_version = "
            "ssl.TLSVersion.TLSv1_2, and call ctx.wrap_socket(sock, server_hostname=host).";
        r.confidence = Confidence::Low;
        r.severity = Severity::Medium;
        crypto::mark_test_code(m, r);
        ctx.report(call.node, std::move(r));
      }
    }
    // Parameter defaults (B503): callers that pass nothing get the old version.
    for (const py::Function& f : m.functions()) {
      for (const py::Parameter& p : f.params) {
        if (ts_node_is_null(p.default_value)) continue;
        const py::Scope* outer = f.scope ? f.scope->parent : nullptr;
        std::string constant;
        if (const Version* v = version_of(m, p.default_value, outer, false, &constant)) {
          emit(m, ctx, p.node, "makes callers that pass no version use", *v, Confidence::Medium,
               true);
        } else if (crypto::contains(negotiating_, constant)) {
          negotiating(m, ctx, p.node, constant, "makes callers that pass no version use");
        }
      }
    }
    // ctx.minimum_version = ssl.TLSVersion.TLSv1 / ctx.maximum_version = ...
    for (const py::Assignment& a : m.assignments()) {
      if (a.augmented || ts_node_symbol(a.target) != g.attribute) continue;
      std::string_view attr = m.text(ts_node_child_by_field_id(a.target, g.f_attribute));
      if (!crypto::contains(bound_attributes_, attr)) continue;
      if (const Version* v = version_of(m, a.value, a.scope, true)) {
        bool cap = attr.starts_with("max");
        emit(m, ctx, a.node, cap ? "caps the version at" : "allows versions down to", *v,
             std::nullopt, cap);
      }
    }
  }

 private:
  // The version an imported constant names (ssl.PROTOCOL_TLSv1, SSL.TLSv1_METHOD,
  // ssl.TLSVersion.TLSv1 when `bound`), or null. `constant` receives its last name component.
  const Version* version_of(const py::Model& m, TSNode value, const py::Scope* scope, bool bound,
                            std::string* constant = nullptr) const {
    py::NameOrigin origin = py::NameOrigin::None;
    std::string name = crypto::reference_name(m, value, scope, &origin);
    if (origin != py::NameOrigin::Import || name.empty() || name.ends_with("()")) return nullptr;
    std::string last(crypto::last_component(name));
    if (constant) *constant = last;
    auto it = versions_.find(last);
    if (it == versions_.end() || it->second.bound_only != bound) return nullptr;
    return &it->second;
  }

  // `at` is where the finding points; `shown` (when set) is the code the issue quotes, such as
  // the whole call around a positional argument.
  void emit(const py::Model& m, Context& ctx, TSNode at, std::string_view how, const Version& v,
            std::optional<Confidence> confidence, bool selected, TSNode shown = {}) const {
    Report r;
    std::string version = v.name + ", " + v.why;
    r.issue = expand(ctx.meta().issue, {{"code", excerpt(m, ts_node_is_null(shown) ? at : shown)},
                                        {"how", how},
                                        {"version", version},
                                        {"impact", selected ? kSelectedImpact : kFloorImpact}});
    r.severity = v.severity;
    r.confidence = confidence;
    crypto::mark_test_code(m, r);
    ctx.report(at, std::move(r));
  }

  void negotiating(const py::Model& m, Context& ctx, TSNode at, std::string_view constant,
                   std::string_view how, TSNode shown = {}) const {
    Report r;
    r.issue = expand(
        ctx.meta().issue,
        {{"code", excerpt(m, ts_node_is_null(shown) ? at : shown)},
         {"how", how},
         {"version", std::string(constant) + ", which negotiates the highest version both sides "
                                             "support"},
         {"impact",
          "linked against an old OpenSSL it still accepts SSL 3.0 unless "
          "set_options(SSL.OP_NO_SSLv2 | SSL.OP_NO_SSLv3) follows; TLS_METHOD with "
          "set_min_proto_version(SSL.TLS1_2_VERSION) says what is meant"}});
    r.confidence = Confidence::Low;
    r.severity = Severity::Medium;
    crypto::mark_test_code(m, r);
    ctx.report(at, std::move(r));
  }

  std::vector<std::string> tls_calls_;
  std::vector<std::string> version_keywords_;
  std::vector<std::string> bound_attributes_;
  std::vector<std::string> bound_methods_;
  std::vector<std::string> unversioned_;
  std::vector<std::string> negotiating_;
  std::map<std::string, Version, std::less<>> versions_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SslInsecureVersion, "ssl-insecure-version")
