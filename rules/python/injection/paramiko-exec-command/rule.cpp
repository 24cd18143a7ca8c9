// paramiko-exec-command: SSHClient/Channel.exec_command() with a command that is not fixed.
#include <algorithm>

#include "engine/rule.hpp"
#include "rules/python/injection/common.hpp"

namespace secreview::rules {
namespace {

class ParamikoExecCommand final : public Rule {
 public:
  explicit ParamikoExecCommand(const RuleMeta& meta)
      : modules_(option_strings(meta, "modules")),
        quoting_(option_strings(meta, "quoting_calls")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    TSNode cmd = call.argument(0, "command");
    if (ts_node_is_null(cmd)) return;
    FixedLeaf quoted = [&](TSNode n, const py::Scope* scope) {
      if (ts_node_symbol(n) != m.grammar().call) return false;
      std::string callee = m.qualify(ts_node_child_by_field_id(n, m.grammar().f_function), scope);
      return std::find(quoting_.begin(), quoting_.end(), callee) != quoting_.end();
    };
    if (fixed_text(m, cmd, call.scope, quoted)) return;
    Report r;
    r.issue =
        expand(ctx.meta().issue, {{"call", excerpt(m, call.callee, 40)}, {"arg", excerpt(m, cmd)}});
    if (!from_module(m, receiver(m, call), call.scope)) {
      if (imports_module(m)) {
        r.confidence = Confidence::Medium;
        r.issue +=
            " (the receiver is not shown to be a paramiko client, but the file uses paramiko)";
      } else {
        r.confidence = Confidence::Low;
        r.issue += " (the receiver is not shown to be a paramiko client)";
      }
    }
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  static TSNode receiver(const py::Model& m, const py::Call& call) {
    if (ts_node_symbol(call.callee) != m.grammar().attribute) return {};
    return ts_node_child_by_field_id(call.callee, m.grammar().f_object);
  }

  bool in_modules(std::string_view qualified) const {
    for (const auto& mod : modules_) {
      if (qualified == mod || (qualified.starts_with(mod) && qualified[mod.size()] == '.')) {
        return true;
      }
    }
    return false;
  }

  // The receiver is made by the module: paramiko.SSHClient().exec_command, or a name bound once
  // to such a call (client = paramiko.SSHClient(); chan = transport.open_session() with
  // transport = paramiko.Transport(...)).
  bool from_module(const py::Model& m, TSNode recv, const py::Scope* scope, int depth = 0) const {
    recv = m.unwrap(recv);
    if (ts_node_is_null(recv) || depth > 4) return false;
    const py::Grammar& g = m.grammar();
    TSSymbol s = ts_node_symbol(recv);
    if (s == g.identifier) {
      TSNode bound = m.single_value(recv, scope);
      return !ts_node_is_null(bound) && from_module(m, bound, m.scope_of(bound), depth + 1);
    }
    if (s == g.call) {
      TSNode callee = ts_node_child_by_field_id(recv, g.f_function);
      if (in_modules(m.qualify(callee, scope))) return true;
      // transport.open_session(), client.get_transport().open_session()
      if (ts_node_symbol(callee) == g.attribute) {
        return from_module(m, ts_node_child_by_field_id(callee, g.f_object), scope, depth + 1);
      }
    }
    return false;
  }

  bool imports_module(const py::Model& m) const {
    for (const auto& imp : m.imports()) {
      if (in_modules(imp.target)) return true;
    }
    return false;
  }

  std::vector<std::string> modules_;
  std::vector<std::string> quoting_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::ParamikoExecCommand, "paramiko-exec-command")
