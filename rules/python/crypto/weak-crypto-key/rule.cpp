// weak-crypto-key: RSA/DSA/DH keys below 2048 bits and EC keys on curves below 224 bits. The
// generators, where they take the size, the curve sizes and the thresholds are data in rule.toml.
#include <map>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

struct Generator {
  std::string algorithm;  // RSA, DSA, DH, EC
  ArgumentSlot size;      // where the key size is passed
  std::optional<std::int64_t> default_bits;
};

class WeakCryptoKey final : public Rule {
 public:
  explicit WeakCryptoKey(const RuleMeta& meta)
      : rsa_min_(meta.options["rsa_min_bits"].value_or(std::int64_t{2048})),
        dsa_min_(meta.options["dsa_min_bits"].value_or(std::int64_t{2048})),
        dh_min_(meta.options["dh_min_bits"].value_or(std::int64_t{2048})),
        ec_min_(meta.options["ec_min_bits"].value_or(std::int64_t{224})),
        severe_(meta.options["rsa_dsa_dh_severe_below"].value_or(std::int64_t{1024})),
        ec_severe_(meta.options["ec_severe_below"].value_or(std::int64_t{160})) {
    for_each_option_entry(meta, "generators", [&](const std::string& k, const toml::table& e) {
      Generator gen;
      gen.algorithm = e["algorithm"].value_or(std::string("RSA"));
      gen.size = ArgumentSlot::from(e);
      if (auto d = e["default"].value<std::int64_t>()) gen.default_bits = *d;
      generators_[k] = gen;
    });
    if (const toml::table* t = meta.options["curve_bits"].as_table()) {
      for (const auto& [k, v] : *t) {
        if (auto bits = v.value<std::int64_t>()) curves_[std::string(k.str())] = *bits;
      }
    }
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    auto it = generators_.find(call.name);
    if (it == generators_.end()) return;
    const Generator& gen = it->second;
    const py::Model& m = ctx.model();
    TSNode arg = gen.size.in(call);

    std::string what;
    std::int64_t min = 0;
    std::int64_t bits = 0;
    bool severe = false;
    if (gen.algorithm == "EC") {
      std::string curve;
      if (!curve_of(m, arg, call.scope, curve, bits)) return;
      min = ec_min_;
      if (bits >= min) return;
      severe = bits < ec_severe_;
      what = "an elliptic-curve key on " + curve + " (a " + std::to_string(bits) + "-bit curve)";
    } else {
      std::string note;
      if (ts_node_is_null(arg)) {
        if (!gen.default_bits || call.has_splat()) return;
        bits = *gen.default_bits;
        note = " (the default when no size is given)";
      } else {
        py::Value v = m.evaluate(arg, call.scope);
        if (v.kind != py::Value::Kind::Int) return;
        bits = v.integer;
      }
      min = gen.algorithm == "DSA" ? dsa_min_ : gen.algorithm == "DH" ? dh_min_ : rsa_min_;
      if (bits >= min) return;
      severe = bits < severe_;
      std::string kind = gen.algorithm == "DH" ? "Diffie-Hellman group" : gen.algorithm + " key";
      what = "a " + std::to_string(bits) + "-bit " + kind + note;
    }
    Report r;
    r.issue = expand(
        ctx.meta().issue,
        {{"call", excerpt(m, call.node)},
         {"what", what},
         {"min", std::to_string(min)},
         {"impact", severe ? "keys this small are broken in hours to days on rented hardware, so "
                             "anyone can forge its signatures or read what it protects"
                           : "breaking it is within reach of well-funded attackers, and it leaves "
                             "no margin for data that must stay secret for years"}});
    if (severe) r.severity = Severity::High;
    crypto::mark_test_code(m, r);
    ctx.report(call.node, std::move(r));
  }

 private:
  // A curve given as cryptography's class or instance (ec.SECP192R1 / ec.SECP192R1()) or as a
  // PyCryptodome curve name ("P-192").
  bool curve_of(const py::Model& m, TSNode arg, const py::Scope* scope, std::string& curve,
                std::int64_t& bits) const {
    if (ts_node_is_null(arg)) return false;
    py::Value v = m.evaluate(arg, scope);
    if (v.is_str()) {
      auto it = curves_.find(to_lower(v.str));
      if (it == curves_.end()) return false;
      curve = v.str;
      bits = it->second;
      return true;
    }
    py::NameOrigin origin = py::NameOrigin::None;
    std::string name = crypto::reference_name(m, arg, scope, &origin);
    if (origin != py::NameOrigin::Import || name.empty()) return false;
    curve = std::string(crypto::last_component(name));
    auto it = curves_.find(curve);
    if (it == curves_.end()) return false;
    bits = it->second;
    return true;
  }

  std::int64_t rsa_min_;
  std::int64_t dsa_min_;
  std::int64_t dh_min_;
  std::int64_t ec_min_;
  std::int64_t severe_;
  std::int64_t ec_severe_;
  std::map<std::string, Generator, std::less<>> generators_;
  std::map<std::string, std::int64_t, std::less<>> curves_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::WeakCryptoKey, "weak-crypto-key")
