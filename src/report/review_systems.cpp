// Formats for review systems and CI dashboards: Gerrit robot comments, GitHub Actions workflow
// commands, JUnit XML and GitLab code quality.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "report/report.hpp"

namespace secreview {
namespace {

using ojson = nlohmann::ordered_json;

std::string message(const Finding& x, const CweCatalog& cwe) {
  return fmt::format("CWE-{} ({}): {} Solution: {}", x.cwe, cwe.name(x.cwe), x.issue, x.solution);
}

// A deterministic id for this run's results (Gerrit's robot_run_id).
std::string run_id(const Review& review) {
  std::uint64_t h = fnv1a64("secreview");
  for (const auto& f : review.files) {
    for (const auto& x : f.findings) h = fnv1a64(x.path + x.fingerprint, h);
  }
  return fmt::format("{:016x}", h);
}

// --- Gerrit: the robot_comments part of a ReviewInput -------------------------------------
void write_gerrit(std::ostream& os, const ReportInput& in) {
  ojson by_file = ojson::object();
  std::string rid = run_id(in.review);
  for (const auto& f : in.review.files) {
    ojson comments = ojson::array();
    for (const auto& x : f.findings) {
      if (!active(x)) continue;
      ojson c{{"robot_id", "secreview"},
              {"robot_run_id", rid},
              {"line", x.start.line},
              {"range",
               {{"start_line", x.start.line},
                {"start_character", x.start.column - 1},
                {"end_line", x.end.line},
                {"end_character", x.end.column - 1}}},
              {"message", utf8_sanitize(x.kind == FindingKind::Defect
                                            ? message(x, in.cwe)
                                            : x.issue + " Suggestion: " + x.solution)},
              {"properties",
               {{"rule", x.rule_id},
                {"cwe", "CWE-" + std::to_string(x.cwe)},
                {"severity", to_string(x.severity)},
                {"confidence", to_string(x.confidence)},
                {"category", to_string(x.kind)},
                {"fingerprint", x.fingerprint}}}};
      if (x.kind == FindingKind::Defect) {
        c["url"] = cwe_url(x.cwe);
      }
      comments.push_back(std::move(c));
    }
    if (!comments.empty()) by_file[utf8_sanitize(f.path)] = std::move(comments);
  }
  Totals t = totals(in.review);
  std::string verdict = t.defects ? fmt::format("secreview: {} security defect{} found.", t.defects,
                                                t.defects == 1 ? "" : "s")
                                  : "secreview: " + std::string(kNoDefects);
  ojson doc{{"message", verdict}, {"robot_comments", std::move(by_file)}};
  os << doc.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
}

// --- GitHub Actions workflow commands --------------------------------------------------------
std::string gh_data(std::string_view s) {
  std::string out;
  for (char c : utf8_sanitize(s)) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string gh_property(std::string_view s) {
  std::string out;
  for (char c : gh_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

void write_github(std::ostream& os, const ReportInput& in) {
  for (const auto& f : in.review.files) {
    for (const auto& x : f.findings) {
      if (!active(x)) continue;
      std::string level = x.kind == FindingKind::Suggestion ? "notice"
                          : x.severity == Severity::High    ? "error"
                          : x.severity == Severity::Medium  ? "warning"
                                                            : "notice";
      std::string title = x.kind == FindingKind::Defect ? fmt::format("CWE-{} {}", x.cwe, x.rule_id)
                                                        : fmt::format("suggestion {}", x.rule_id);
      os << fmt::format(
          "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", level,
          gh_property(x.path), x.start.line, x.start.column, x.end.line, x.end.column,
          gh_property(title),
          gh_data(x.kind == FindingKind::Defect ? message(x, in.cwe) : x.issue + " " + x.solution));
    }
    for (const auto& d : f.diagnostics) {
      os << fmt::format("::{} file={}{}::{}\n",
                        d.level == DiagnosticLevel::Error ? "error" : "notice", gh_property(d.path),
                        d.at.line ? fmt::format(",line={}", d.at.line) : std::string(),
                        gh_data(d.message));
    }
  }
  for (const auto& d : in.review.diagnostics) {
    os << fmt::format("::{} file={}::{}\n", d.level == DiagnosticLevel::Error ? "error" : "notice",
                      gh_property(d.path), gh_data(d.message));
  }
  Totals t = totals(in.review);
  os << "secreview: "
     << (t.defects ? fmt::format("{} security defect{} found", t.defects, t.defects == 1 ? "" : "s")
                   : std::string(kNoDefects))
     << "\n";
}

// --- JUnit XML: one test case per rule and file ---------------------------------------------
std::string xml(std::string_view s) {
  std::string out;
  std::string clean = utf8_sanitize(s);
  for (char c : clean) {
    auto u = static_cast<unsigned char>(c);
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else if (u < 0x20 && c != '\n' && c != '\t' && c != '\r')
      out += fmt::format("\\x{:02x}", u);
    else
      out += c;
  }
  return out;
}

void write_junit(std::ostream& os, const ReportInput& in) {
  std::string cases;
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const auto& f : in.review.files) {
    std::map<std::string, std::vector<const Finding*>> by_rule;
    for (const auto& x : f.findings) {
      if (active_defect(x)) by_rule[x.rule_id].push_back(&x);
    }
    if (!f.analysed) {
      ++tests;
      ++errors;
      std::string why;
      for (const auto& d : f.diagnostics) why += d.message + "\n";
      cases += fmt::format(
          "    <testcase classname=\"{}\" name=\"review\">\n      <error message=\"not "
          "reviewed\">{}</error>\n    </testcase>\n",
          xml(f.path), xml(why));
      continue;
    }
    if (by_rule.empty()) {
      ++tests;
      cases += fmt::format("    <testcase classname=\"{}\" name=\"security\"/>\n", xml(f.path));
      continue;
    }
    for (const auto& [rule, list] : by_rule) {
      ++tests;
      ++failures;
      std::string body;
      for (const Finding* x : list) {
        body += fmt::format("{}:{}:{}: {}\n", x->path, x->start.line, x->start.column,
                            message(*x, in.cwe));
      }
      cases += fmt::format(
          "    <testcase classname=\"{}\" name=\"{}\">\n      <failure message=\"{} finding{} of "
          "CWE-{}\" type=\"CWE-{}\">{}</failure>\n    </testcase>\n",
          xml(f.path), xml(rule), list.size(), list.size() == 1 ? "" : "s", list.front()->cwe,
          list.front()->cwe, xml(body));
    }
  }
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  os << fmt::format(
      "<testsuites name=\"secreview\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\">\n"
      "  <testsuite name=\"secreview\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\">\n",
      tests, failures, errors);
  os << cases << "  </testsuite>\n</testsuites>\n";
}

// --- GitLab code quality ---------------------------------------------------------------------
void write_gitlab(std::ostream& os, const ReportInput& in) {
  ojson issues = ojson::array();
  for (const auto& f : in.review.files) {
    for (const auto& x : f.findings) {
      if (!active(x)) continue;
      std::string severity = x.kind == FindingKind::Suggestion ? "info"
                             : x.severity == Severity::High    ? "critical"
                             : x.severity == Severity::Medium  ? "major"
                                                               : "minor";
      issues.push_back(
          {{"type", "issue"},
           {"check_name", x.rule_id},
           {"description",
            utf8_sanitize(x.kind == FindingKind::Defect ? message(x, in.cwe)
                                                        : x.issue + " " + x.solution)},
           {"categories", ojson::array({x.kind == FindingKind::Defect ? "Security" : "Style"})},
           {"severity", severity},
           {"fingerprint", fmt::format("{:016x}", fnv1a64(x.path + "\n" + x.fingerprint))},
           {"location",
            {{"path", utf8_sanitize(x.path)},
             {"lines", {{"begin", x.start.line}, {"end", x.end.line}}}}}});
    }
  }
  os << issues.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
}

[[maybe_unused]] const bool kGerrit = register_reporter("gerrit", write_gerrit);
[[maybe_unused]] const bool kGithub = register_reporter("github", write_github);
[[maybe_unused]] const bool kJunit = register_reporter("junit", write_junit);
[[maybe_unused]] const bool kGitlab = register_reporter("gitlab", write_gitlab);

}  // namespace
}  // namespace secreview
