// insecure-random: values from the `random` module (Mersenne Twister). The confidence depends on
// what the value is for, judged from the name it is stored under and the enclosing function.
#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

class InsecureRandom final : public Rule {
 public:
  explicit InsecureRandom(const RuleMeta& meta)
      : security_words_(option_strings(meta, "security_words")),
        non_security_words_(option_strings(meta, "non_security_words")),
        delay_calls_(option_strings(meta, "delay_calls")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    std::vector<std::string> names = purpose_names(m, call.node);
    if (call.scope && !call.scope->qualified.empty()) names.push_back(call.scope->qualified);

    Report r;
    std::string what = "draws a value";
    std::string impact =
        "if the value must be unguessable (a token, password, key, salt or nonce), an attacker "
        "who observes other outputs can compute it";
    std::string note;
    std::string hit_name;
    std::string hit_word;
    // `if random.random() < 0.1:`: the value only decides a chance and is never kept, whatever
    // the names around it say.
    TSNode parent = crypto::parent_skipping_parens(m, call.node);
    bool compared =
        !ts_node_is_null(parent) && ts_node_symbol(parent) == m.grammar().comparison_operator;
    for (const auto& n : compared ? std::vector<std::string>{} : names) {
      // A name that also says what the value is for otherwise ("sort_key", "weight_keys",
      // "retry_token_delay") does not count as a secret's name.
      if (!crypto::mentioned_word(n, non_security_words_).empty()) continue;
      hit_word = crypto::mentioned_word(n, security_words_);
      if (!hit_word.empty()) {
        hit_name = n;
        break;
      }
    }
    if (!hit_word.empty()) {
      bool is_function = call.scope && hit_name == call.scope->qualified;
      what = is_function
                 ? "draws a value in `" + hit_name + "` (its name mentions \"" + hit_word + "\")"
                 : "generates `" + hit_name + "` (its name mentions \"" + hit_word + "\")";
      impact = "an attacker who observes other values from this generator can compute it";
      r.confidence = Confidence::High;
      r.severity = Severity::High;
    } else if (std::string why = compared ? "the value is only compared, to decide by chance"
                                          : non_security_reason(m, call, names);
               !why.empty()) {
      note = why;
      r.confidence = Confidence::Low;
      r.severity = Severity::Low;
    }
    r.issue = expand(ctx.meta().issue,
                     {{"call", excerpt(m, call.node)}, {"what", what}, {"impact", impact}});
    crypto::add_note(r.issue, note);
    crypto::mark_test_code(m, r);
    ctx.report(call.node, std::move(r));
  }

 private:
  // Names that say what the value is for: assignment targets, keyword names, dictionary keys and
  // parameter names between the call and its statement.
  static std::vector<std::string> purpose_names(const py::Model& m, TSNode call) {
    const py::Grammar& g = m.grammar();
    std::vector<std::string> out;
    for (TSNode n = call, p = ts_node_parent(n); !ts_node_is_null(p);
         n = p, p = ts_node_parent(p)) {
      TSSymbol s = ts_node_symbol(p);
      if (s == g.block || s == g.module) break;
      if (s == g.assignment || s == g.augmented_assignment) {
        TSNode left = ts_node_child_by_field_id(p, g.f_left);
        if (!ts_node_eq(left, n)) out.emplace_back(m.text(left));
      } else if (s == g.keyword_argument || s == g.default_parameter ||
                 s == g.typed_default_parameter || s == g.named_expression) {
        out.emplace_back(m.text(ts_node_child_by_field_id(p, g.f_name)));
      } else if (s == g.pair) {
        out.emplace_back(m.text(ts_node_child_by_field_id(p, g.f_key)));
      }
    }
    return out;
  }

  // Why the value is evidently not a secret, or "".
  std::string non_security_reason(const py::Model& m, const py::Call& call,
                                  const std::vector<std::string>& names) const {
    for (const auto& n : names) {
      if (!crypto::mentioned_word(n, non_security_words_).empty()) {
        return "the name `" + n + "` suggests a use that needs no secrecy";
      }
    }
    const py::Grammar& g = m.grammar();
    // An argument of time.sleep(...) and the like: jitter.
    for (TSNode p = ts_node_parent(call.node); !ts_node_is_null(p); p = ts_node_parent(p)) {
      TSSymbol s = ts_node_symbol(p);
      if (s == g.block || s == g.module) break;
      if (s != g.call) continue;
      TSNode callee = ts_node_child_by_field_id(p, g.f_function);
      if (ts_node_symbol(callee) == g.attribute) {
        callee = ts_node_child_by_field_id(callee, g.f_attribute);
      }
      if (crypto::contains(delay_calls_, m.text(callee))) return "used as a delay";
    }
    // random.seed(<constant>) or random.Random(<constant>): reproducible values are intended.
    for (const py::Call& c : m.calls()) {
      if (c.name != "random.seed" && !(c.name == "random.Random" && ts_node_eq(c.node, call.node)))
        continue;
      if (c.origin != py::NameOrigin::Import) continue;
      TSNode seed = c.argument(0, c.name == "random.seed" ? "a" : "x");
      if (!ts_node_is_null(seed) && m.evaluate(seed, c.scope).known()) {
        return "seeded with a constant, so reproducible values are intended";
      }
    }
    return {};
  }

  std::vector<std::string> security_words_;
  std::vector<std::string> non_security_words_;
  std::vector<std::string> delay_calls_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::InsecureRandom, "insecure-random")
