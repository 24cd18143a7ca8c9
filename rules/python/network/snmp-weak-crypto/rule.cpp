// snmp-weak-crypto: pysnmp SNMPv3 users protected by DES/3DES privacy or HMAC-MD5
// authentication, named explicitly or picked by UsmUserData's defaults (a key given without a
// protocol means HMAC-MD5 and DES).
#include <map>

#include "engine/rule.hpp"
#include "rules/python/network/snmp.hpp"

namespace secreview::rules {
namespace {

struct Weak {
  std::string name;
  std::string why;
  Severity severity = Severity::Medium;
};

class SnmpWeakCrypto final : public Rule {
 public:
  explicit SnmpWeakCrypto(const RuleMeta& meta)
      : package_(meta.options["package"].value_or(std::string("pysnmp"))),
        usm_classes_(option_strings(meta, "usm_classes")),
        usm_functions_(option_strings(meta, "usm_functions")),
        default_auth_(meta.options["default_auth_protocol"].value_or(std::string())),
        default_priv_(meta.options["default_priv_protocol"].value_or(std::string())) {
    for_each_option_entry(meta, "weak_protocols", [&](const std::string& k, const toml::table& e) {
      weak_[k] = {
          e["name"].value_or(k), e["why"].value_or(std::string()),
          parse_severity(e["severity"].value_or(std::string("medium"))).value_or(Severity::Medium)};
    });
  }

  void check_module(const py::Model& m, Context& ctx) const override {
    for (const py::Call& call : m.calls()) {
      bool function_form = snmp::is_call_to(call, package_, usm_functions_);
      if (!function_form && !snmp::is_call_to(call, package_, usm_classes_)) continue;
      if (call.has_splat()) continue;
      snmp::UsmUser u = snmp::usm_user(call, function_form);
      std::vector<std::string> names;
      std::vector<std::string> whys;
      Severity severity = Severity::Low;
      auto consider = [&](TSNode key, TSNode protocol, const std::string& fallback,
                          std::string_view key_name, std::string_view protocol_name) {
        std::string p = snmp::protocol_name(m, protocol, call.scope);
        std::string suffix;
        if (ts_node_is_null(protocol) || p == "None") {
          // UsmUserData picks the default when a key is given; addV3User then uses none.
          if (function_form || !snmp::given(m, key, call.scope)) return;
          p = fallback;
          suffix = " (pysnmp's default when " + std::string(key_name) + " is given without " +
                   std::string(protocol_name) + ")";
        }
        auto it = weak_.find(p);
        if (it == weak_.end()) return;
        names.push_back(it->second.name + suffix);
        whys.push_back(it->second.why);
        severity = std::max(severity, it->second.severity);
      };
      consider(u.priv_key, u.priv_protocol, default_priv_, "privKey", "privProtocol");
      consider(u.auth_key, u.auth_protocol, default_auth_, "authKey", "authProtocol");
      if (names.empty()) continue;
      std::string what = "protects the SNMPv3 user with " + join(names, " and ");
      Report r;
      r.issue =
          expand(ctx.meta().issue,
                 {{"call", excerpt(m, call.node)}, {"what", what}, {"impact", join(whys, "; ")}});
      r.severity = severity;
      crypto::mark_test_code(m, r);
      ctx.report(call.node, std::move(r));
    }
  }

 private:
  static std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
    return out;
  }

  std::string package_;
  std::vector<std::string> usm_classes_;
  std::vector<std::string> usm_functions_;
  std::string default_auth_;
  std::string default_priv_;
  std::map<std::string, Weak, std::less<>> weak_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SnmpWeakCrypto, "snmp-weak-crypto")
