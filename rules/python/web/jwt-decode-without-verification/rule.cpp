// jwt-decode-without-verification: PyJWT / python-jose decode with the signature check off
// (verify=False, options={"verify_signature": False}), the "none" algorithm allowed, or no
// algorithms= list (the token's header then picks the algorithm).
#include "engine/rule.hpp"
#include "core/text.hpp"

namespace secreview::rules {
namespace {

class JwtDecodeWithoutVerification final : public Rule {
 public:
  explicit JwtDecodeWithoutVerification(const RuleMeta& meta)
      : signature_options_(option_strings(meta, "signature_options")),
        unverified_calls_(option_strings(meta, "unverified_calls")),
        strict_libraries_(option_strings(meta, "strict_libraries")),
        unsigned_(option_strings(meta, "unsigned_algorithms")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    if (std::find(unverified_calls_.begin(), unverified_calls_.end(), call.name) !=
        unverified_calls_.end()) {
      report(ctx, call, call.node,
             "only decodes the token and never checks its signature (python_jwt.verify_jwt "
             "does)");
      return;
    }
    // PyJWT 1.x: decode(jwt, key="", verify=True, algorithms=None, options=None).
    if (const py::Argument* verify = call.keyword("verify")) {
      if (m.evaluate(verify->value, call.scope).truthy() == false) {
        report(ctx, call, verify->value,
               "is called with verify=False, which skips the signature check (PyJWT 1.x)");
        return;
      }
    }
    if (const py::Argument* options = call.keyword("options")) {
      TSNode off = signature_off(m, options->value, call);
      if (!ts_node_is_null(off)) {
        report(ctx, call, off,
               "is called with options {\"verify_signature\": False}, which skips the "
               "signature check");
        return;
      }
    }
    TSNode algorithms = algorithms_argument(m, call);
    if (!ts_node_is_null(algorithms)) {
      py::Value v = m.evaluate(algorithms, call.scope);
      std::vector<py::Value> items =
          v.kind == py::Value::Kind::Sequence ? v.items : std::vector<py::Value>{v};
      for (const auto& item : items) {
        if (!item.is_str()) continue;
        std::string lower = to_lower(item.str);
        if (std::find(unsigned_.begin(), unsigned_.end(), lower) != unsigned_.end()) {
          report(ctx, call, algorithms,
                 "allows the \"" + item.str + "\" algorithm, i.e. unsigned tokens");
          return;
        }
      }
      return;
    }
    if (call.has_splat()) return;  // algorithms= may be in **kwargs
    Report r;
    r.confidence = Confidence::Medium;
    r.severity = Severity::Medium;
    r.issue = expand(ctx.meta().issue,
                     {{"name", call.name},
                      {"problem",
                       "is called without algorithms=, so the token's own header chooses the "
                       "algorithm (PyJWT 1.x, python-jose): signed with HS256 and the RSA public "
                       "key as the HMAC secret, or unsigned in old versions"}});
    std::string library = call.name.substr(0, call.name.find('.'));
    if (std::find(strict_libraries_.begin(), strict_libraries_.end(), library) !=
        strict_libraries_.end()) {
      r.confidence = Confidence::Low;
      r.issue += " (PyJWT 2 and later refuse this call, so it is a defect only on PyJWT 1.x)";
    }
    lower_in_tests(m, r);
    ctx.report(call.node, std::move(r));
  }

 private:
  // algorithms= or, for PyJWT 2 and python-jose, the third positional argument (PyJWT 1.x put
  // `verify` there: a boolean is not an algorithm list).
  static TSNode algorithms_argument(const py::Model& m, const py::Call& call) {
    if (const py::Argument* a = call.keyword("algorithms")) return a->value;
    if (const py::Argument* a = call.positional(2)) {
      py::Value v = m.evaluate(a->value, call.scope);
      if (v.kind == py::Value::Kind::Bool) return {};
      return a->value;
    }
    return {};
  }

  // The `False` of {"verify_signature": False} in the options dict (inline or bound once to a
  // name); the options argument itself when the dict is elsewhere.
  TSNode signature_off(const py::Model& m, TSNode options, const py::Call& call) const {
    const py::Grammar& g = m.grammar();
    TSNode dict = m.unwrap(options);
    if (ts_node_symbol(dict) == g.identifier) dict = m.unwrap(m.single_value(dict, call.scope));
    if (ts_node_is_null(dict)) return {};
    if (ts_node_symbol(dict) == g.call) {  // dict(verify_signature=False)
      if (m.text(ts_node_child_by_field_id(dict, g.f_function)) != "dict") return {};
      TSNode args = ts_node_child_by_field_id(dict, g.f_arguments);
      uint32_t k = ts_node_named_child_count(args);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode a = ts_node_named_child(args, i);
        if (ts_node_symbol(a) != g.keyword_argument) continue;
        std::string key(m.text(ts_node_child_by_field_id(a, g.f_name)));
        TSNode value = ts_node_child_by_field_id(a, g.f_value);
        if (is_signature_key(key) && m.evaluate(value, call.scope).truthy() == false) {
          return within(value, call.node) ? value : options;
        }
      }
      return {};
    }
    if (ts_node_symbol(dict) != g.dictionary) return {};
    uint32_t k = ts_node_named_child_count(dict);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode pair = ts_node_named_child(dict, i);
      if (ts_node_symbol(pair) != g.pair) continue;
      py::Value key = m.evaluate(ts_node_child_by_field_id(pair, g.f_key), call.scope);
      TSNode value = ts_node_child_by_field_id(pair, g.f_value);
      if (key.is_str() && is_signature_key(key.str) &&
          m.evaluate(value, call.scope).truthy() == false) {
        return within(value, call.node) ? value : options;
      }
    }
    return {};
  }

  bool is_signature_key(std::string_view key) const {
    return std::find(signature_options_.begin(), signature_options_.end(), key) !=
           signature_options_.end();
  }

  static bool within(TSNode n, TSNode outer) {
    return ts_node_start_byte(n) >= ts_node_start_byte(outer) &&
           ts_node_end_byte(n) <= ts_node_end_byte(outer);
  }

  static void lower_in_tests(const py::Model& m, Report& r) {
    if (!m.is_test_file()) return;
    r.confidence = Confidence::Low;
    r.issue += " (in test code)";
  }

  void report(Context& ctx, const py::Call& call, TSNode at, const std::string& problem) const {
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", call.name}, {"problem", problem}});
    lower_in_tests(ctx.model(), r);
    ctx.report(at, std::move(r));
  }

  std::vector<std::string> signature_options_;
  std::vector<std::string> unverified_calls_;
  std::vector<std::string> strict_libraries_;
  std::vector<std::string> unsigned_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::JwtDecodeWithoutVerification, "jwt-decode-without-verification")
