// The text review: per file, the verdict or a numbered defect list, then a summary.
#include <fmt/format.h>

#include <map>

#include "core/text.hpp"
#include "report/report.hpp"

namespace secreview {
namespace {

struct Style {
  bool on;
  std::string wrap(std::string_view code, std::string_view s) const {
    if (!on) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
  }
  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string dim(std::string_view s) const { return wrap("2", s); }
  std::string severity(Severity sev, std::string_view s) const {
    switch (sev) {
      case Severity::High:
        return wrap("1;31", s);
      case Severity::Medium:
        return wrap("33", s);
      case Severity::Low:
        return wrap("36", s);
    }
    return std::string(s);
  }
  std::string good(std::string_view s) const { return wrap("32", s); }
};

void write_diagnostic(std::ostream& os, const Diagnostic& d, const Style& st) {
  std::string where = terminal_safe(d.path);
  if (d.at.line) where += fmt::format(":{}:{}", d.at.line, d.at.column);
  os << st.dim(fmt::format("{}: {}: {}", to_string(d.level), where, terminal_safe(d.message)))
     << "\n";
}

void write_text(std::ostream& os, const ReportInput& in) {
  Style st{in.options.color};
  bool first = true;
  if (const auto& change = in.review.change) {
    Totals ct = totals(in.review);
    os << st.bold(fmt::format("Review of the change {}: {} file{} changed, {} reviewed.",
                              terminal_safe(change->description), change->files_changed,
                              change->files_changed == 1 ? "" : "s", change->reviewed.size()))
       << "\n";
    if (ct.defects) {
      os << fmt::format("Verdict: the change introduces {} security defect{}.\n", ct.defects,
                        ct.defects == 1 ? "" : "s");
    } else if (ct.errors) {
      os << "Verdict: the review is incomplete (see the errors below).\n";
    } else {
      os << "Verdict: " << st.good(kNoDefects) << "\n";
    }
    os << "\n";
  }
  for (const FileResult& f : in.review.files) {
    if (!first) os << "\n";
    first = false;
    os << st.bold(fmt::format("== {} ==", terminal_safe(f.path))) << "\n";
    if (!f.analysed) {
      os << "Not reviewed.\n";
      for (const auto& d : f.diagnostics) write_diagnostic(os, d, st);
      continue;
    }
    int n = 0;
    for (const Finding& x : f.findings) {
      if (!active_defect(x)) continue;
      ++n;
      int pillar = in.cwe.pillar(x.cwe);
      os << fmt::format(
          "{}. {}\n", n,
          st.severity(x.severity, fmt::format("**CWE-{} ({})**", x.cwe, in.cwe.name(x.cwe))));
      os << "   - Issue: " << terminal_safe(x.issue) << "\n";
      os << fmt::format("   - Location: {}:{}:{}\n", terminal_safe(x.path), x.start.line,
                        x.start.column);
      os << "   - Solution: " << terminal_safe(x.solution) << "\n";
      os << fmt::format("   - Code (line {}): {}\n", x.start.line, terminal_safe(trim(x.snippet)));
      if (!x.trace.empty()) os << "   - Flow: " << terminal_safe(flow_text(x)) << "\n";
      os << st.dim(fmt::format("   - Rule: {}; severity {}, confidence {}; pillar CWE-{} ({})",
                               x.rule_id, to_string(x.severity), to_string(x.confidence), pillar,
                               in.cwe.name(pillar)))
         << "\n";
    }
    if (n == 0) os << st.good(kNoDefects) << "\n";
    int k = 0;
    for (const Finding& x : f.findings) {
      if (!active_suggestion(x)) continue;
      if (k++ == 0) os << "\n" << kSuggestionsIntro << "\n\n";
      const LoadedRule* r = in.rules.find(x.rule_id);
      std::string title = r ? r->meta.title : x.rule_id;
      os << fmt::format("{}. {} ({}): {}\n", k, st.bold(title), where(x), terminal_safe(x.issue));
      os << "   Suggestion: " << terminal_safe(x.solution) << "\n";
    }
    for (const Finding& x : f.findings) {
      if (!x.suppressed) continue;
      os << st.dim(fmt::format("suppressed: {}:{}:{}: {} (CWE-{}){}", terminal_safe(x.path),
                               x.start.line, x.start.column, x.rule_id, x.cwe,
                               x.suppression_reason.empty()
                                   ? std::string()
                                   : " -- " + terminal_safe(x.suppression_reason)))
         << "\n";
    }
    for (const auto& d : f.diagnostics) write_diagnostic(os, d, st);
  }
  if (!in.review.diagnostics.empty()) {
    if (!first) os << "\n";
    for (const auto& d : in.review.diagnostics) write_diagnostic(os, d, st);
  }

  // Summary.
  Totals t = totals(in.review);
  std::map<int, std::size_t> by_pillar;
  std::map<Severity, std::size_t> by_severity;
  for (const auto& f : in.review.files) {
    for (const auto& x : f.findings) {
      if (!active_defect(x)) continue;
      ++by_pillar[in.cwe.pillar(x.cwe)];
      ++by_severity[x.severity];
    }
  }
  os << "\n" << st.bold("Summary") << "\n";
  os << fmt::format("- Files reviewed: {} ({} lines)", t.files - t.files_not_reviewed, t.lines);
  if (t.files_not_reviewed) os << fmt::format("; not reviewed: {}", t.files_not_reviewed);
  os << "\n";
  os << fmt::format("- Defects: {} in {} file{}\n", t.defects, t.files_with_defects,
                    t.files_with_defects == 1 ? "" : "s");
  if (t.suggestions) os << fmt::format("- Suggestions: {}\n", t.suggestions);
  if (t.suppressed) os << fmt::format("- Suppressed in the code: {}\n", t.suppressed);
  if (t.defects) {
    std::string sev;
    for (Severity s : {Severity::High, Severity::Medium, Severity::Low}) {
      if (!by_severity[s]) continue;
      if (!sev.empty()) sev += ", ";
      sev += fmt::format("{} {}", to_string(s), by_severity[s]);
    }
    os << "- By severity: " << sev << "\n";
    std::string pillars;
    for (const auto& [p, count] : by_pillar) {
      if (!pillars.empty()) pillars += "; ";
      pillars += fmt::format("CWE-{} ({}) {}", p, in.cwe.name(p), count);
    }
    os << "- By pillar: " << pillars << "\n";
  }
  if (t.errors) os << fmt::format("- Errors: {} (see above)\n", t.errors);
  if (in.options.timing) {
    os << fmt::format("- Time: {:.2f} s\n", in.review.seconds);
    if (in.review.cached_files) {
      os << fmt::format("- Cache: {} unchanged files' results reused\n", *in.review.cached_files);
    }
  }
}

[[maybe_unused]] const bool kRegistered = register_reporter("text", write_text);

}  // namespace
}  // namespace secreview
