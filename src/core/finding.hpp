#pragma once
// What a check reports (Finding), what the pipeline reports about a file (Diagnostic), and the
// per-file result that flows to filters and reporters.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/digest.hpp"

namespace secreview {

enum class Severity : std::uint8_t { Low = 1, Medium = 2, High = 3 };
enum class Confidence : std::uint8_t { Low = 1, Medium = 2, High = 3 };
// A defect is a security finding; a suggestion is a maintainability point.
enum class FindingKind : std::uint8_t { Defect, Suggestion };

std::string_view to_string(Severity s);
std::string_view to_string(Confidence c);
std::string_view to_string(FindingKind k);
std::optional<Severity> parse_severity(std::string_view s);
std::optional<Confidence> parse_confidence(std::string_view s);

// A 1-based position. `column` counts Unicode code points, so it matches what editors show.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  auto operator<=>(const Position&) const = default;
};

// One step of a data flow: where the value was and what it was there ("request.args", "cmd").
struct TraceStep {
  Position at;
  std::string message;
  std::string file;  // empty: the finding's own file; else a step in another module
  bool operator==(const TraceStep&) const = default;
};

struct Finding {
  std::string rule_id;
  int cwe = 0;
  FindingKind kind = FindingKind::Defect;
  Severity severity = Severity::Medium;
  Confidence confidence = Confidence::Medium;
  std::string path;
  Position start;
  Position end;
  std::string issue;        // one line: what is wrong here
  std::string solution;     // one line: what to do instead
  std::string snippet;      // the source line the finding starts on, without its terminator
  std::string fingerprint;  // stable across unrelated edits and line shifts (hex)
  // Other lines the finding cites (a suggestion about several functions lists each one).
  std::vector<Position> related;
  // For data-flow findings: the source, each step, and the sink, in order (empty otherwise).
  std::vector<TraceStep> trace;
  bool suppressed = false;         // matched an inline suppression (kept with --show-suppressed)
  std::string suppression_reason;  // the text after `--`, if any
  bool in_baseline = false;        // matched the --baseline file
  bool operator==(const Finding&) const = default;
};

enum class DiagnosticLevel : std::uint8_t { Note, Warning, Error };
std::string_view to_string(DiagnosticLevel l);

// Something about the input rather than the code: a syntax error, an unreadable file.
struct Diagnostic {
  DiagnosticLevel level = DiagnosticLevel::Error;
  std::string path;
  Position at;  // line 0 when the diagnostic is about the whole file
  std::string message;
  bool operator==(const Diagnostic&) const = default;
};

// A call to an imported function that the taint analysis could not see into (the function is
// in another module). Kept for the cross-module pass; never reported.
struct ModuleCall {
  std::string qualified;        // "helpers.run"; ".helpers.run" for a relative import
  bool client_args = false;     // some argument carries client data
  bool parameter_args = false;  // some argument carries a parameter's data, in a file with sources
  bool operator==(const ModuleCall&) const = default;
  bool operator<(const ModuleCall& o) const {
    return std::tie(qualified, client_args, parameter_args) <
           std::tie(o.qualified, o.client_args, o.parameter_args);
  }
};

namespace taint {
struct ModuleExports;  // taint/analysis.hpp
}

struct FileResult {
  std::string path;
  bool analysed = false;  // false when the file could not be read at all
  std::uint64_t lines = 0;
  std::uint64_t bytes = 0;
  std::vector<Finding> findings;  // sorted by position, then rule id
  std::vector<Diagnostic> diagnostics;
  std::vector<ModuleCall> module_calls;  // sorted, unique; for the cross-module taint pass
  // When the first pass ran the taint analysis: this file's function summaries, so the
  // cross-module pass does not parse and analyse it again as an imported module.
  std::shared_ptr<const taint::ModuleExports> exports;
  // With a result cache: the SHA-256 of the text the first pass analysed, so the cross-module
  // pass finds its stored result without reading and hashing the file again.
  std::optional<Digest> text_digest;
};

// Orders findings by position then rule id, and keeps one finding per rule and start position.
void sort_findings(std::vector<Finding>& findings);

}  // namespace secreview
