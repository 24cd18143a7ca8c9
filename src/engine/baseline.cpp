#include "engine/baseline.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "core/text.hpp"

namespace secreview {

Baseline Baseline::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the baseline file");
  std::stringstream ss;
  ss << in.rdbuf();
  // Any JSON problem (syntax, a number out of range, a key of the wrong type) is the file's fault:
  // report it with the path instead of letting the exception escape.
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::exception& e) {  // parse_error, out_of_range (888e888)
    throw std::runtime_error(path + ": not valid JSON (" + std::string(e.what()) + ")");
  }
  try {
    if (!doc.is_object() || doc.value("schema", "") != "secreview-baseline" ||
        !doc.contains("findings") || !doc["findings"].is_array()) {
      throw std::runtime_error(path +
                               ": not a secreview baseline (write one with --write-baseline)");
    }
    if (doc.value("schema_version", 0) != 1) {
      throw std::runtime_error(path + ": unsupported baseline schema_version");
    }
    Baseline b;
    std::size_t i = 0;
    for (const auto& f : doc["findings"]) {
      ++i;
      if (!f.is_object() || !f.contains("path") || !f.contains("rule") ||
          !f.contains("fingerprint") || !f["path"].is_string() || !f["rule"].is_string() ||
          !f["fingerprint"].is_string()) {
        throw std::runtime_error(path + ": finding " + std::to_string(i) +
                                 " needs string keys path, rule and fingerprint");
      }
      b.keys_.emplace(f["path"].get<std::string>(), f["rule"].get<std::string>(),
                      f["fingerprint"].get<std::string>());
    }
    return b;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(path + ": not a secreview baseline (" + std::string(e.what()) + ")");
  }
}

void Baseline::write(const std::string& path, const Review& review) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& file : review.files) {
    for (const auto& f : file.findings) {
      if (f.suppressed) continue;
      findings.push_back({{"path", utf8_sanitize(f.path)},
                          {"rule", f.rule_id},
                          {"fingerprint", f.fingerprint},
                          {"line", f.start.line}});
    }
  }
  nlohmann::ordered_json doc{
      {"schema", "secreview-baseline"}, {"schema_version", 1}, {"findings", std::move(findings)}};
  std::ofstream out(path, std::ios::binary);
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  if (!out) throw std::runtime_error(path + ": cannot write the baseline file");
}

bool Baseline::contains(const Finding& f) const {
  return keys_.count({f.path, f.rule_id, f.fingerprint}) != 0;
}

void Baseline::apply(Review& review) const {
  review.baseline_used = true;
  for (auto& file : review.files) {
    for (auto& f : file.findings) f.in_baseline = contains(f);
  }
}

}  // namespace secreview
