// The JSON report, schema "secreview-review" version 1 (docs/json-format.md). Keys are written in
// a fixed order and files/findings are sorted, so equal input gives byte-identical output.
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/text.hpp"
#include "report/json_stream.hpp"
#include "report/report.hpp"

namespace secreview {

namespace {

ojson position_json(const Position& p) {
  return ojson{{"line", p.line}, {"column", p.column}};
}

ojson diagnostic_json(const Diagnostic& d) {
  ojson j{{"level", to_string(d.level)}, {"path", utf8_sanitize(d.path)}};
  if (d.at.line) j["position"] = position_json(d.at);
  j["message"] = utf8_sanitize(d.message);
  return j;
}

ojson finding_json(const Finding& f, const CweCatalog& cwe) {
  int pillar = cwe.pillar(f.cwe);
  return ojson{{"rule", f.rule_id},
               {"kind", to_string(f.kind)},
               {"cwe",
                {{"id", f.cwe},
                 {"name", cwe.name(f.cwe)},
                 {"pillar", {{"id", pillar}, {"name", cwe.name(pillar)}}}}},
               {"severity", to_string(f.severity)},
               {"confidence", to_string(f.confidence)},
               {"location",
                {{"path", utf8_sanitize(f.path)},
                 {"start", position_json(f.start)},
                 {"end", position_json(f.end)}}},
               {"issue", utf8_sanitize(f.issue)},
               {"solution", utf8_sanitize(f.solution)},
               {"snippet", utf8_sanitize(f.snippet)},
               {"fingerprint", f.fingerprint}};
}

ojson with_related(ojson j, const Finding& f) {
  if (!f.related.empty()) {
    ojson rel = ojson::array();
    for (const auto& p : f.related) rel.push_back(position_json(p));
    j["location"]["related"] = std::move(rel);
  }
  if (!f.trace.empty()) {
    ojson trace = ojson::array();
    for (const auto& t : f.trace) {
      ojson step{
          {"line", t.at.line}, {"column", t.at.column}, {"message", utf8_sanitize(t.message)}};
      if (!t.file.empty()) step["path"] = utf8_sanitize(t.file);
      trace.push_back(std::move(step));
    }
    j["trace"] = std::move(trace);
  }
  return j;
}

ojson file_json(const FileResult& f, const ReportInput& in) {
  ojson defects = ojson::array();
  ojson suggestions = ojson::array();
  for (const Finding& x : f.findings) {
    if (x.in_baseline) continue;
    ojson j = with_related(finding_json(x, in.cwe), x);
    if (x.suppressed) {
      j["suppressed"] = true;
      j["suppression_reason"] = utf8_sanitize(x.suppression_reason);
    }
    if (x.kind == FindingKind::Defect) {
      defects.push_back(std::move(j));
    } else {
      const LoadedRule* r = in.rules.find(x.rule_id);
      j["title"] = r ? r->meta.title : x.rule_id;
      suggestions.push_back(std::move(j));
    }
  }
  ojson diags = ojson::array();
  for (const auto& d : f.diagnostics) diags.push_back(diagnostic_json(d));
  bool has_defects = std::any_of(f.findings.begin(), f.findings.end(), active_defect);
  std::string verdict = !f.analysed ? "not-reviewed" : has_defects ? "defects" : "clean";
  return ojson{{"path", utf8_sanitize(f.path)},
               {"verdict", verdict},
               {"lines", f.lines},
               {"defects", std::move(defects)},
               {"suggestions", std::move(suggestions)},
               {"diagnostics", std::move(diags)}};
}

// The document is written key by key, and each file's entry is built and written on its own,
// so the report never holds a second copy of every finding (a full review of a large tree
// would otherwise double its peak memory).
void write_json(std::ostream& os, const ReportInput& in) {
  ojson run_diags = ojson::array();
  for (const auto& d : in.review.diagnostics) run_diags.push_back(diagnostic_json(d));
  Totals t = totals(in.review);
  ojson by_sev = {{"high", 0}, {"medium", 0}, {"low", 0}};
  ojson by_pillar = ojson::object();
  std::map<int, int> pillars;
  for (const auto& f : in.review.files) {
    for (const auto& x : f.findings) {
      if (!active_defect(x)) continue;
      by_sev[std::string(to_string(x.severity))] =
          by_sev[std::string(to_string(x.severity))].get<int>() + 1;
      ++pillars[in.cwe.pillar(x.cwe)];
    }
  }
  for (const auto& [p, n] : pillars) by_pillar["CWE-" + std::to_string(p)] = n;
  ojson change = nullptr;
  if (const auto& c = in.review.change) {
    change = {{"description", utf8_sanitize(c->description)},
              {"files_changed", c->files_changed},
              {"reviewed", ojson::array()}};
    for (const auto& p : c->reviewed) change["reviewed"].push_back(utf8_sanitize(p));
  }
  ojson doc{{"schema", "secreview-review"},
            {"schema_version", 1},
            {"tool", {{"name", "secreview"}, {"version", SECREVIEW_VERSION}}},
            {"verdict", t.defects                          ? "defects"
                        : t.errors || t.files_not_reviewed ? "incomplete"
                                                           : "clean"},
            {"verdict_text",
             t.defects ? std::string("Security defects were found.")
             : t.errors || t.files_not_reviewed
                 ? std::string("The review is incomplete: some input could not be reviewed.")
                 : std::string(kNoDefects)},
            {"change", std::move(change)},
            {"files", nullptr},
            {"diagnostics", std::move(run_diags)},
            {"summary",
             {{"files", t.files},
              {"files_not_reviewed", t.files_not_reviewed},
              {"files_with_defects", t.files_with_defects},
              {"lines", t.lines},
              {"defects", t.defects},
              {"suggestions", t.suggestions},
              {"suppressed", t.suppressed},
              {"errors", t.errors},
              {"by_severity", by_sev},
              {"by_pillar", by_pillar}}}};
  // Everything but "files" is small; the file entries are built and written one at a time.
  std::size_t i = 0;
  write_streamed(os, doc, "files", 1, [&]() -> std::optional<ojson> {
    if (i == in.review.files.size()) return std::nullopt;
    return file_json(in.review.files[i++], in);
  });
}

[[maybe_unused]] const bool kRegistered = register_reporter("json", write_json);

}  // namespace
}  // namespace secreview
