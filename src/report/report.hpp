#pragma once
// Reporters: one file per output format, each registering itself by name.
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/cwe.hpp"
#include "engine/rule.hpp"
#include "engine/runner.hpp"

namespace secreview {

struct ReportOptions {
  bool color = false;   // ANSI colour (text only)
  bool timing = false;  // print the time taken (text only; off keeps output byte-identical)
};

struct ReportInput {
  const Review& review;
  const RuleRegistry& rules;
  const CweCatalog& cwe;
  ReportOptions options;
};

using Reporter = std::function<void(std::ostream&, const ReportInput&)>;

bool register_reporter(std::string_view name, Reporter reporter);
const Reporter* find_reporter(std::string_view name);
std::vector<std::string> reporter_names();

// The exact verdict for a file or change with no security defect.
inline constexpr std::string_view kNoDefects = "No security defects are detected in the code.";

// Whether a finding is reported as such: not suppressed in the code, not in the baseline.
inline bool active(const Finding& f) {
  return !f.suppressed && !f.in_baseline;
}
inline bool active_defect(const Finding& f) {
  return active(f) && f.kind == FindingKind::Defect;
}
inline bool active_suggestion(const Finding& f) {
  return active(f) && f.kind == FindingKind::Suggestion;
}

// Shared by reporters.
struct Totals {
  std::size_t files = 0, files_with_defects = 0, files_not_reviewed = 0, defects = 0,
              suggestions = 0, suppressed = 0, errors = 0, lines = 0;
};
Totals totals(const Review& review);
std::string cwe_label(const CweCatalog& cwe, int id);  // "CWE-78"
// MITRE's page for a CWE id.
std::string cwe_url(int id);
// The lines a finding cites, for prose: "line 7", "lines 7-9", "lines 7, 12 and 30".
std::string where(const Finding& f);
// The entity for a character that must not stand raw in HTML text or a quoted attribute
// (& < > " '); empty for any other character.
std::string_view html_entity(char c);
// A data-flow finding's trace as prose: "request.args['n'] (line 3) → os.system (line 5)"; a
// step in another module names its file ("parameter name (pkg/helpers.py:4)").
std::string flow_text(const Finding& f);
// The heading that introduces suggestions after the security verdict.
inline constexpr std::string_view kSuggestionsIntro =
    "However, I do have some suggestions for improvement:";

}  // namespace secreview
