#include "report/report.hpp"

#include <fmt/format.h>

#include <map>

namespace secreview {

namespace {
std::map<std::string, Reporter, std::less<>>& reporters() {
  static std::map<std::string, Reporter, std::less<>> r;
  return r;
}
}  // namespace

bool register_reporter(std::string_view name, Reporter reporter) {
  reporters().emplace(std::string(name), std::move(reporter));
  return true;
}

const Reporter* find_reporter(std::string_view name) {
  auto it = reporters().find(name);
  return it == reporters().end() ? nullptr : &it->second;
}

std::vector<std::string> reporter_names() {
  std::vector<std::string> out;
  for (const auto& [k, v] : reporters()) out.push_back(k);
  return out;
}

Totals totals(const Review& review) {
  Totals t;
  for (const auto& d : review.diagnostics) {
    if (d.level == DiagnosticLevel::Error) ++t.errors;
  }
  for (const auto& f : review.files) {
    ++t.files;
    t.lines += f.lines;
    if (!f.analysed) ++t.files_not_reviewed;
    std::size_t d = 0;
    for (const auto& x : f.findings) {
      if (active_defect(x)) ++d;
      if (active_suggestion(x)) ++t.suggestions;
      if (x.suppressed) ++t.suppressed;
    }
    t.defects += d;
    if (d) ++t.files_with_defects;
    for (const auto& diag : f.diagnostics) {
      if (diag.level == DiagnosticLevel::Error) ++t.errors;
    }
  }
  return t;
}

std::string where(const Finding& f) {
  if (f.related.empty()) {
    if (f.end.line > f.start.line) {
      return "lines " + std::to_string(f.start.line) + "-" + std::to_string(f.end.line);
    }
    return "line " + std::to_string(f.start.line);
  }
  std::vector<std::uint32_t> lines{f.start.line};
  for (const auto& r : f.related) lines.push_back(r.line);
  std::string out = "lines ";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) out += i + 1 == lines.size() ? " and " : ", ";
    out += std::to_string(lines[i]);
  }
  return out;
}

std::string_view html_entity(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    default:
      return {};
  }
}

std::string flow_text(const Finding& f) {
  std::string flow;
  for (const TraceStep& t : f.trace) {
    if (!flow.empty()) flow += " \u2192 ";
    flow += t.file.empty() ? fmt::format("{} (line {})", t.message, t.at.line)
                           : fmt::format("{} ({}:{})", t.message, t.file, t.at.line);
  }
  return flow;
}

std::string cwe_url(int id) {
  return fmt::format("https://cwe.mitre.org/data/definitions/{}.html", id);
}

std::string cwe_label(const CweCatalog& /*cwe*/, int id) {
  return "CWE-" + std::to_string(id);
}

}  // namespace secreview
