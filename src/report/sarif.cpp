// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run, the rules that have
// results (with CWE tags, help text and a CWE taxonomy), results with regions and
// partialFingerprints, and tool notifications for files that could not be reviewed.
#include <nlohmann/json.hpp>

#include <cctype>
#include <map>
#include <set>

#include "core/text.hpp"
#include "report/json_stream.hpp"
#include "report/report.hpp"

namespace secreview {
namespace {

std::string level(Severity s) {
  switch (s) {
    case Severity::High:
      return "error";
    case Severity::Medium:
      return "warning";
    case Severity::Low:
      return "note";
  }
  return "warning";
}

std::string security_severity(Severity s) {
  switch (s) {
    case Severity::High:
      return "8.0";
    case Severity::Medium:
      return "5.5";
    case Severity::Low:
      return "3.0";
  }
  return "5.5";
}

// A relative URI reference for a path: unreserved characters and '/' kept, the rest %-encoded.
std::string uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

ojson region(const Finding& f) {
  ojson r{{"startLine", f.start.line},
          {"startColumn", f.start.column},
          {"endLine", f.end.line},
          {"endColumn", f.end.column}};
  r["snippet"] = {{"text", utf8_sanitize(f.snippet)}};
  return r;
}

ojson location(std::string_view path) {
  return ojson{{"uri", uri(path)}, {"uriBaseId", "%SRCROOT%"}};
}

void write_sarif(std::ostream& os, const ReportInput& in) {
  // Rules referenced by results, in id order; ruleIndex points into this list.
  std::map<std::string, int> rule_index;
  std::set<int> cwes;
  for (const auto& f : in.review.files) {
    for (const auto& x : f.findings) {
      if (x.in_baseline) continue;
      rule_index.emplace(x.rule_id, 0);
      cwes.insert(x.cwe);
    }
  }
  ojson rules = ojson::array();
  int i = 0;
  for (auto& [id, idx] : rule_index) {
    idx = i++;
    const LoadedRule* r = in.rules.find(id);
    ojson rule{{"id", id}};
    if (r) {
      const RuleMeta& m = r->meta;
      rule["name"] = m.title;
      rule["shortDescription"] = {{"text", m.summary}};
      rule["fullDescription"] = {{"text", m.summary + " " + m.solution}};
      rule["help"] = {{"text", m.docs.empty() ? m.summary : m.docs},
                      {"markdown", m.docs.empty() ? m.summary : m.docs}};
      rule["defaultConfiguration"] = {
          {"level", m.kind == FindingKind::Suggestion ? "note" : level(m.severity)}};
      ojson tags = ojson::array();
      tags.push_back(m.kind == FindingKind::Defect ? "security" : "maintainability");
      tags.push_back("external/cwe/cwe-" + std::to_string(m.cwe));
      rule["properties"] = {{"tags", tags},
                            {"precision", to_string(m.confidence)},
                            {"security-severity", security_severity(m.severity)},
                            {"cwe", "CWE-" + std::to_string(m.cwe)},
                            {"pillar", "CWE-" + std::to_string(in.cwe.pillar(m.cwe))}};
      rule["relationships"] = ojson::array(
          {{{"target", {{"id", std::to_string(m.cwe)}, {"toolComponent", {{"name", "CWE"}}}}},
            {"kinds", ojson::array({"superset"})}}});
    }
    rules.push_back(std::move(rule));
  }

  auto result = [&](const Finding& x) {
    ojson res{{"ruleId", x.rule_id},
              {"ruleIndex", rule_index[x.rule_id]},
              {"kind", "fail"},
              {"level", x.kind == FindingKind::Suggestion ? "note" : level(x.severity)},
              {"message", {{"text", utf8_sanitize(x.issue + " Solution: " + x.solution)}}}};
    res["locations"] = ojson::array(
        {{{"physicalLocation", {{"artifactLocation", location(x.path)}, {"region", region(x)}}}}});
    if (!x.related.empty()) {
      ojson rel = ojson::array();
      int id = 1;
      for (const auto& p : x.related) {
        rel.push_back({{"id", id++},
                       {"physicalLocation",
                        {{"artifactLocation", location(x.path)},
                         {"region", {{"startLine", p.line}, {"startColumn", p.column}}}}}});
      }
      res["relatedLocations"] = std::move(rel);
    }
    if (!x.trace.empty()) {
      // The data flow: one thread, from the source to the sink.
      ojson locs = ojson::array();
      for (const auto& t : x.trace) {
        locs.push_back({{"location",
                         {{"physicalLocation",
                           {{"artifactLocation", location(t.file.empty() ? x.path : t.file)},
                            {"region", {{"startLine", t.at.line}, {"startColumn", t.at.column}}}}},
                          {"message", {{"text", utf8_sanitize(t.message)}}}}}});
      }
      res["codeFlows"] =
          ojson::array({{{"threadFlows", ojson::array({{{"locations", std::move(locs)}}})}}});
    }
    res["partialFingerprints"] = {{"secreview/v1", x.fingerprint}};
    if (x.suppressed) {
      ojson sup{{"kind", "inSource"}};
      if (!x.suppression_reason.empty()) sup["justification"] = utf8_sanitize(x.suppression_reason);
      res["suppressions"] = ojson::array({sup});
    }
    if (in.review.baseline_used) res["baselineState"] = "new";
    res["properties"] = {{"cwe", "CWE-" + std::to_string(x.cwe)},
                         {"severity", to_string(x.severity)},
                         {"confidence", to_string(x.confidence)},
                         {"category", to_string(x.kind)}};
    return res;
  };

  ojson notes = ojson::array();
  auto add_note = [&](const Diagnostic& d) {
    ojson n{{"level", d.level == DiagnosticLevel::Error     ? "error"
                      : d.level == DiagnosticLevel::Warning ? "warning"
                                                            : "note"},
            {"message", {{"text", utf8_sanitize(d.message)}}}};
    ojson loc{{"physicalLocation", {{"artifactLocation", location(d.path)}}}};
    if (d.at.line) {
      loc["physicalLocation"]["region"] = {{"startLine", d.at.line}, {"startColumn", d.at.column}};
    }
    n["locations"] = ojson::array({loc});
    notes.push_back(std::move(n));
  };
  for (const auto& d : in.review.diagnostics) add_note(d);
  for (const auto& f : in.review.files) {
    for (const auto& d : f.diagnostics) add_note(d);
  }

  ojson taxa = ojson::array();
  for (int c : cwes) {
    taxa.push_back({{"id", std::to_string(c)},
                    {"name", in.cwe.name(c)},
                    {"shortDescription", {{"text", in.cwe.name(c)}}}});
  }
  ojson driver{{"name", "secreview"},
               {"version", SECREVIEW_VERSION},
               {"semanticVersion", SECREVIEW_VERSION},
               {"rules", std::move(rules)},
               {"supportedTaxonomies", ojson::array({{{"name", "CWE"}, {"index", 0}}})}};
  Totals t = totals(in.review);
  ojson run{{"tool", {{"driver", std::move(driver)}}},
            {"invocations", ojson::array({{{"executionSuccessful", t.errors == 0},
                                           {"toolExecutionNotifications", std::move(notes)}}})},
            {"taxonomies", ojson::array({{{"name", "CWE"},
                                          {"version", "4.14"},
                                          {"organization", "MITRE"},
                                          {"shortDescription", {{"text", "The MITRE CWE catalog"}}},
                                          {"taxa", std::move(taxa)}}})},
            {"columnKind", "unicodeCodePoints"},
            {"results", nullptr}};
  ojson doc{{"$schema",
             "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
             "sarif-schema-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", ojson::array({std::move(run)})}};
  // The results are built and written one at a time (a large tree has tens of thousands).
  std::size_t file = 0, at = 0;
  write_streamed(os, doc, "results", 3, [&]() -> std::optional<ojson> {
    for (; file < in.review.files.size(); ++file, at = 0) {
      const std::vector<Finding>& findings = in.review.files[file].findings;
      while (at < findings.size()) {
        const Finding& x = findings[at++];
        if (!x.in_baseline) return result(x);
      }
    }
    return std::nullopt;
  });
}

[[maybe_unused]] const bool kRegistered = register_reporter("sarif", write_sarif);

}  // namespace
}  // namespace secreview
