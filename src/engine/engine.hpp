#pragma once
// The analysis engine: source text in, findings out. Thread-safe: one Engine is shared by every
// worker; each call to analyze() parses with that thread's parser.
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/finding.hpp"
#include "engine/prefilter.hpp"
#include "engine/rule.hpp"

namespace secreview {

struct EngineOptions {
  Severity min_severity = Severity::Low;
  Confidence min_confidence = Confidence::Low;
  std::set<std::string> only;     // rule ids / aliases / "CWE-n" to run; empty = all
  std::set<std::string> exclude;  // rule ids / aliases / "CWE-n" to skip
  bool defects = true;            // run security rules
  bool suggestions = true;        // run maintainability rules
  bool show_suppressed = false;   // keep suppressed findings (marked) instead of dropping them
  bool prefilter = true;          // skip parsing files that no active rule's triggers match
  bool taint = true;              // data-flow analysis: `tainted-*` rules, confidence from flows
  bool warn_unused_suppressions = true;  // warn about `secreview: ignore` matching nothing
};

// Whether a selector (rule id, alias such as "B602", "CWE-78", "pillar:707") names a rule.
bool matches_selector(const RuleMeta& meta, std::string_view selector);

class Engine {
 public:
  Engine(const RuleRegistry& registry, EngineOptions options);

  // Analyses one Python file's text. `path` is how the file is named in findings. With
  // `modules`, the taint analysis sees into functions imported from other modules.
  FileResult analyze(const std::string& path, std::string text,
                     taint::Modules* modules = nullptr) const;

  std::size_t active_rules() const { return active_.size(); }
  // Everything besides the binary and a file's path and text that changes analyze()'s result:
  // the options and the active rules as configured. Part of the result cache's key.
  std::string settings_key() const;

 private:
  bool selected(const RuleMeta& m) const;
  void dispatch_calls(const py::Model& model, const std::vector<bool>& live,
                      std::vector<Finding>& out, taint::Lazy& taint) const;
  void confirm_by_flows(const py::Model& model, std::vector<Finding>& findings,
                        taint::Lazy& taint) const;
  void apply_suppressions(const py::Model& model, std::vector<Finding>& findings,
                          std::vector<Diagnostic>& diagnostics) const;

  const RuleRegistry& registry_;
  EngineOptions options_;
  // Rules are referred to by their index in active_.
  std::vector<const LoadedRule*> active_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_name_;    // "os.system"
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_method_;  // ".execute"
  std::vector<std::uint32_t> all_calls_;                                   // "*"
  std::vector<std::uint32_t> module_rules_;
  Prefilter prefilter_;
  std::vector<bool> always_live_;  // rules without triggers: every file may match
  bool any_always_live_ = false;
  std::uint32_t suppression_group_ = 0;  // prefilter group for "secreview:" comments
};

// The words at least one of which a file must contain for the rule to report on it: the
// declared `triggers` if any; otherwise, for rules that subscribe to named calls, each call's
// last name component (a call to os.system, however imported, spells "system"). Empty: any file.
std::vector<std::string> effective_triggers(const RuleMeta& meta);

// Gives each finding a fingerprint that survives line shifts: rule, normalised line text and
// the occurrence of that pair in the file.
void assign_fingerprints(std::vector<Finding>& findings);
// A finding without a trace (a pattern rule) of the same CWE on the line of a taint flow takes the
// flow's trace and confidence; the flow finding itself is then dropped.
void merge_flows(std::vector<Finding>& findings);

}  // namespace secreview
