// logging-config-listen: logging.config.listen() without a verify= function.
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class LoggingConfigListen final : public Rule {
 public:
  explicit LoggingConfigListen(const RuleMeta& /*meta*/) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    TSNode verify = call.argument(1, "verify");
    std::string how = "as they arrive (no verify=)";
    if (!ts_node_is_null(verify)) {
      if (m.evaluate(verify, call.scope).kind != py::Value::Kind::None) return;
      how = "as they arrive (verify=None)";
    } else if (call.has_splat()) {
      return;
    }
    TSNode port = call.argument(0, "port");
    std::string where =
        ts_node_is_null(port) ? "the default port 9030" : "port `" + excerpt(m, port, 24) + "`";
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"port", where}, {"how", how}});
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::LoggingConfigListen, "logging-config-listen")
