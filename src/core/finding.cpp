#include "core/finding.hpp"

#include <algorithm>
#include <tuple>

namespace secreview {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Low:
      return "low";
    case Severity::Medium:
      return "medium";
    case Severity::High:
      return "high";
  }
  return "medium";
}

std::string_view to_string(Confidence c) {
  switch (c) {
    case Confidence::Low:
      return "low";
    case Confidence::Medium:
      return "medium";
    case Confidence::High:
      return "high";
  }
  return "medium";
}

std::string_view to_string(FindingKind k) {
  return k == FindingKind::Defect ? "defect" : "suggestion";
}

std::string_view to_string(DiagnosticLevel l) {
  switch (l) {
    case DiagnosticLevel::Note:
      return "note";
    case DiagnosticLevel::Warning:
      return "warning";
    case DiagnosticLevel::Error:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "low") return Severity::Low;
  if (s == "medium") return Severity::Medium;
  if (s == "high") return Severity::High;
  return std::nullopt;
}

std::optional<Confidence> parse_confidence(std::string_view s) {
  if (s == "low") return Confidence::Low;
  if (s == "medium") return Confidence::Medium;
  if (s == "high") return Confidence::High;
  return std::nullopt;
}

void sort_findings(std::vector<Finding>& findings) {
  auto key = [](const Finding& f) { return std::tie(f.kind, f.start, f.rule_id, f.end, f.issue); };
  std::sort(findings.begin(), findings.end(),
            [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [&](const Finding& a, const Finding& b) {
                               return a.rule_id == b.rule_id && a.start == b.start;
                             }),
                 findings.end());
}

}  // namespace secreview
