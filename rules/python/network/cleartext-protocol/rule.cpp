// cleartext-protocol: Telnet, FTP, POP3, IMAP and SMTP clients without TLS. For protocols with an
// in-band upgrade (SMTP/IMAP STARTTLS, POP3 STLS) the rule looks for the upgrade call later in the
// same function. The clients, their fixes and upgrade methods are data in rule.toml.
#include <map>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

struct Client {
  std::string protocol;
  std::string upgrade;  // method that switches to TLS, or ""
  std::string solution;
};

class CleartextProtocol final : public Rule {
 public:
  explicit CleartextProtocol(const RuleMeta& meta)
      : local_hosts_(option_strings(meta, "local_hosts")) {
    for_each_option_entry(meta, "clients", [&](const std::string& name, const toml::table& c) {
      clients_[name] = {c["protocol"].value_or(name), c["upgrade"].value_or(std::string()),
                        c["solution"].value_or(std::string())};
    });
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    // A constant local host never puts the traffic on the network.
    py::Value host = m.evaluate(call.argument(0, "host"), call.scope);
    if (host.is_str() && crypto::contains(local_hosts_, host.str)) return;
    Client client;
    if (auto it = clients_.find(call.name); it != clients_.end()) client = it->second;
    if (client.protocol.empty()) client.protocol = "a " + call.name;

    Report r;
    std::string upgrade;
    std::string note;
    if (!client.upgrade.empty()) {
      if (upgraded_later(m, call, client.upgrade)) return;
      upgrade = " and this function never calls " + client.upgrade + "() on it";
      if (crypto::leaves_scope(m, call.node, call.scope)) {
        r.confidence = Confidence::Medium;
        note = "the connection leaves this function, so " + client.upgrade +
               "() may be called elsewhere";
      }
    }
    r.issue = expand(
        ctx.meta().issue,
        {{"call", excerpt(m, call.node)}, {"protocol", client.protocol}, {"upgrade", upgrade}});
    crypto::add_note(r.issue, note);
    r.solution = client.solution;
    crypto::mark_test_code(m, r);
    ctx.report(call.node, std::move(r));
  }

 private:
  // `x.starttls()` (or the protocol's upgrade method) after the call, in the same function.
  static bool upgraded_later(const py::Model& m, const py::Call& call, std::string_view method) {
    std::uint32_t at = ts_node_start_byte(call.node);
    for (const py::Call& c : m.calls()) {
      if (c.scope == call.scope && c.method == method &&
          ts_node_symbol(c.callee) == m.grammar().attribute && ts_node_start_byte(c.node) > at) {
        return true;
      }
    }
    return false;
  }

  std::vector<std::string> local_hosts_;
  std::map<std::string, Client, std::less<>> clients_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::CleartextProtocol, "cleartext-protocol")
