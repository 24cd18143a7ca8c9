// snmp-insecure: pysnmp SNMPv1/v2c community data, and SNMPv3 users without a privacy key
// (noAuthNoPriv, authNoPriv): SNMP traffic in cleartext.
#include "engine/rule.hpp"
#include "rules/python/network/snmp.hpp"

namespace secreview::rules {
namespace {

class SnmpInsecure final : public Rule {
 public:
  explicit SnmpInsecure(const RuleMeta& meta)
      : package_(meta.options["package"].value_or(std::string("pysnmp"))),
        community_classes_(option_strings(meta, "community_classes")),
        community_functions_(option_strings(meta, "community_functions")),
        usm_classes_(option_strings(meta, "usm_classes")),
        usm_functions_(option_strings(meta, "usm_functions")),
        no_auth_(option_strings(meta, "no_auth_protocols")),
        no_priv_(option_strings(meta, "no_priv_protocols")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    for (const py::Call& call : m.calls()) {
      bool community_class = snmp::is_call_to(call, package_, community_classes_);
      if (community_class || snmp::is_call_to(call, package_, community_functions_)) {
        std::string version = "SNMPv1/v2c";
        if (community_class) {
          TSNode mp = call.argument(2, "mpModel");
          py::Value v = m.evaluate(mp, call.scope);
          if (ts_node_is_null(mp) || (v.kind == py::Value::Kind::Int && v.integer == 1)) {
            version = "SNMPv2c";
          } else if (v.kind == py::Value::Kind::Int && v.integer == 0) {
            version = "SNMPv1";
          }
        }
        emit(m, ctx, call, "sets up " + version + " community-based access",
             "the community string, which serves as the password, and every value read or "
             "written cross the network in cleartext, so anyone on the path can read them and "
             "reuse the community");
        continue;
      }
      bool usm_function = snmp::is_call_to(call, package_, usm_functions_);
      if (!usm_function && !snmp::is_call_to(call, package_, usm_classes_)) continue;
      if (call.has_splat()) continue;
      snmp::UsmUser u = snmp::usm_user(call, usm_function);
      bool auth = on(m, call, u.auth_key, u.auth_protocol, no_auth_, usm_function);
      bool priv = on(m, call, u.priv_key, u.priv_protocol, no_priv_, usm_function);
      if (priv) continue;
      if (!auth) {
        emit(m, ctx, call,
             "configures an SNMPv3 user with neither authentication nor privacy (noAuthNoPriv)",
             "messages are neither authenticated nor encrypted, so anyone on the path can read "
             "every value and forge or change requests");
      } else {
        emit(m, ctx, call,
             "configures an SNMPv3 user with authentication but no privacy key (authNoPriv)",
             "messages are signed but not encrypted, so anyone on the path can read every value "
             "sent");
      }
    }
  }

 private:
  // Whether authentication (or privacy) is on: UsmUserData turns it on with a key unless the
  // protocol says "none"; addV3User needs a protocol other than "none".
  static bool on(const py::Model& m, const py::Call& call, TSNode key, TSNode protocol,
                 const std::vector<std::string>& none, bool function_form) {
    std::string p = snmp::protocol_name(m, protocol, call.scope);
    if (p == "None" || crypto::contains(none, p)) return false;
    if (function_form) return !ts_node_is_null(protocol);
    return snmp::given(m, key, call.scope);
  }

  void emit(const py::Model& m, Context& ctx, const py::Call& call, std::string_view what,
            std::string_view impact) const {
    Report r;
    r.issue = expand(ctx.meta().issue,
                     {{"call", excerpt(m, call.node)}, {"what", what}, {"impact", impact}});
    crypto::mark_test_code(m, r);
    ctx.report(call.node, std::move(r));
  }

  std::string package_;
  std::vector<std::string> community_classes_;
  std::vector<std::string> community_functions_;
  std::vector<std::string> usm_classes_;
  std::vector<std::string> usm_functions_;
  std::vector<std::string> no_auth_;
  std::vector<std::string> no_priv_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SnmpInsecure, "snmp-insecure")
