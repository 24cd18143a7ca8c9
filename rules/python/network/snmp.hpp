#pragma once
// Helpers shared by the pysnmp rules (snmp-insecure, snmp-weak-crypto).
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules::snmp {

// A call to `<package>.<...>.<Name>` with Name in `names`, imported from the package. pysnmp
// exposes the same classes from many modules (pysnmp.hlapi, .hlapi.asyncio, .hlapi.v3arch, ...).
inline bool is_call_to(const py::Call& call, std::string_view package,
                       const std::vector<std::string>& names) {
  if (call.origin != py::NameOrigin::Import) return false;
  std::string_view n = call.name;
  if (!n.starts_with(package) || n.size() <= package.size() || n[package.size()] != '.') {
    return false;
  }
  return crypto::contains(names, crypto::last_component(n));
}

// The security settings of an SNMPv3 user, from UsmUserData(userName, authKey, privKey,
// authProtocol, privProtocol, ...) or config.addV3User(snmpEngine, userName, authProtocol,
// authKey, privProtocol, privKey, ...). Null nodes for arguments not given.
struct UsmUser {
  TSNode auth_key{};
  TSNode priv_key{};
  TSNode auth_protocol{};
  TSNode priv_protocol{};
  bool function_form = false;  // addV3User: protocols default to "none", keys alone do nothing
};

inline UsmUser usm_user(const py::Call& call, bool function_form) {
  UsmUser u;
  u.function_form = function_form;
  if (function_form) {
    u.auth_protocol = call.argument(2, "authProtocol");
    u.auth_key = call.argument(3, "authKey");
    u.priv_protocol = call.argument(4, "privProtocol");
    u.priv_key = call.argument(5, "privKey");
  } else {
    u.auth_key = call.argument(1, "authKey");
    u.priv_key = call.argument(2, "privKey");
    u.auth_protocol = call.argument(3, "authProtocol");
    u.priv_protocol = call.argument(4, "privProtocol");
  }
  return u;
}

// An argument that is present and not the constant None.
inline bool given(const py::Model& m, TSNode n, const py::Scope* scope) {
  return !ts_node_is_null(n) && m.evaluate(n, scope).kind != py::Value::Kind::None;
}

// The last name component of an imported protocol constant (config.usmDESPrivProtocol ->
// "usmDESPrivProtocol"); "" when it is not one, "None" for the constant None.
inline std::string protocol_name(const py::Model& m, TSNode n, const py::Scope* scope) {
  if (ts_node_is_null(n)) return {};
  if (m.evaluate(n, scope).kind == py::Value::Kind::None) return "None";
  py::NameOrigin origin = py::NameOrigin::None;
  std::string name = crypto::reference_name(m, n, scope, &origin);
  if (origin != py::NameOrigin::Import || name.ends_with("()")) return {};
  return std::string(crypto::last_component(name));
}

}  // namespace secreview::rules::snmp
