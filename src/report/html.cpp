// HTML: one self-contained page to read a review in a browser or attach to a CI run. No script
// and no outside resource (a Content-Security-Policy forbids both); everything taken from the
// reviewed code or its paths is escaped, so a file cannot inject markup into the page.
#include <fmt/format.h>

#include <algorithm>

#include "core/text.hpp"
#include "report/report.hpp"

namespace secreview {
namespace {

// Text safe as HTML element content or a quoted attribute value.
std::string h(std::string_view s) {
  std::string out;
  for (char c : utf8_sanitize(s)) {
    if (std::string_view e = html_entity(c); !e.empty()) {
      out += e;
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
      // Control characters (terminal escapes among them) are shown, not passed on.
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

// Escaped prose whose `code spans` (issues and solutions quote code that way) become <code>.
std::string prose(std::string_view s) {
  std::string text = h(s);
  std::string out;
  std::size_t at = 0;
  for (std::size_t open; (open = text.find('`', at)) != std::string::npos;) {
    std::size_t close = text.find('`', open + 1);
    if (close == std::string::npos) break;
    out +=
        text.substr(at, open - at) + "<code>" + text.substr(open + 1, close - open - 1) + "</code>";
    at = close + 1;
  }
  return out + text.substr(at);
}

std::string cwe_link(const CweCatalog& cwe, int id) {
  return fmt::format("<a href=\"{}\">CWE-{}</a> ({})", cwe_url(id), id, h(cwe.name(id)));
}

std::string location(const std::string& path, const Position& p) {
  return fmt::format("<code>{}:{}:{}</code>", h(path), p.line, p.column);
}

void write_defect(std::ostream& os, const Finding& x, const CweCatalog& cwe) {
  int pillar = cwe.pillar(x.cwe);
  os << fmt::format("<li class=\"defect {}\">\n<p class=\"cwe\">{}</p>\n<dl>\n",
                    to_string(x.severity), cwe_link(cwe, x.cwe));
  os << "<dt>Issue</dt><dd>" << prose(x.issue) << "</dd>\n";
  os << "<dt>Location</dt><dd>" << location(x.path, x.start) << "</dd>\n";
  os << "<dt>Solution</dt><dd>" << prose(x.solution) << "</dd>\n";
  os << fmt::format("<dt>Code (line {})</dt><dd><pre>{}</pre></dd>\n", x.start.line,
                    h(trim(x.snippet)));
  if (!x.trace.empty()) os << "<dt>Flow</dt><dd>" << h(flow_text(x)) << "</dd>\n";
  os << fmt::format(
      "<dt>Rule</dt><dd><code>{}</code>; severity {}, confidence {}; pillar {}</dd>\n</dl>\n"
      "</li>\n",
      h(x.rule_id), to_string(x.severity), to_string(x.confidence), cwe_link(cwe, pillar));
}

void write_diagnostic(std::ostream& os, const Diagnostic& d) {
  std::string where = h(d.path);
  if (d.at.line) where += fmt::format(":{}:{}", d.at.line, d.at.column);
  os << fmt::format("<li class=\"note\">{}: <code>{}</code>: {}</li>\n", to_string(d.level), where,
                    h(d.message));
}

constexpr std::string_view kStyle =
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.4}"
    "section{border-top:1px solid #ccc;margin-top:1.5rem}"
    "pre{background:#f4f4f4;padding:.4rem;overflow-x:auto;margin:0}"
    "dt{font-weight:bold;float:left;clear:left;width:7rem}dd{margin:0 0 .3rem 7.5rem}"
    ".defect{margin-bottom:1rem}.cwe{font-weight:bold;margin:.2rem 0}"
    ".high .cwe{color:#b00}.medium .cwe{color:#a60}.low .cwe{color:#067}"
    ".clean{color:#070}.note{color:#555}";

void write_html(std::ostream& os, const ReportInput& in) {
  Totals t = totals(in.review);
  os << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">\n"
        "<title>secreview security review</title>\n<style>"
     << kStyle << "</style>\n</head>\n<body>\n<h1>secreview security review</h1>\n";
  if (const auto& c = in.review.change) {
    os << fmt::format("<p>Change: <code>{}</code> ({} file{} changed, {} reviewed)</p>\n",
                      h(c->description), c->files_changed, c->files_changed == 1 ? "" : "s",
                      c->reviewed.size());
  }
  if (t.defects) {
    os << fmt::format("<p><strong>Verdict: {} security defect{} in {} file{}.</strong></p>\n",
                      t.defects, t.defects == 1 ? "" : "s", t.files_with_defects,
                      t.files_with_defects == 1 ? "" : "s");
  } else if (t.errors) {
    os << "<p><strong>Verdict: the review is incomplete: some input could not be "
          "reviewed.</strong></p>\n";
  } else {
    os << "<p class=\"clean\"><strong>Verdict:</strong> " << kNoDefects << "</p>\n";
  }
  for (const FileResult& f : in.review.files) {
    os << "<section>\n<h2><code>" << h(f.path) << "</code></h2>\n";
    if (!f.analysed) {
      os << "<p>Not reviewed.</p>\n";
    } else if (std::none_of(f.findings.begin(), f.findings.end(), active_defect)) {
      os << "<p class=\"clean\">" << kNoDefects << "</p>\n";
    } else {
      os << "<ol>\n";
      for (const Finding& x : f.findings) {
        if (active_defect(x)) write_defect(os, x, in.cwe);
      }
      os << "</ol>\n";
    }
    if (std::any_of(f.findings.begin(), f.findings.end(), active_suggestion)) {
      os << "<p>" << kSuggestionsIntro << "</p>\n<ol>\n";
      for (const Finding& x : f.findings) {
        if (!active_suggestion(x)) continue;
        const LoadedRule* r = in.rules.find(x.rule_id);
        os << fmt::format("<li><strong>{}</strong> ({}): {}<br>Suggestion: {}</li>\n",
                          h(r ? r->meta.title : x.rule_id), h(where(x)), h(x.issue), h(x.solution));
      }
      os << "</ol>\n";
    }
    bool suppressed = std::any_of(f.findings.begin(), f.findings.end(),
                                  [](const Finding& x) { return x.suppressed; });
    if (suppressed || !f.diagnostics.empty()) {
      os << "<ul>\n";
      for (const Finding& x : f.findings) {
        if (!x.suppressed) continue;
        os << fmt::format(
            "<li class=\"note\">suppressed: {}: <code>{}</code> (CWE-{}){}</li>\n",
            location(x.path, x.start), h(x.rule_id), x.cwe,
            x.suppression_reason.empty() ? std::string() : " \u2014 " + h(x.suppression_reason));
      }
      for (const auto& d : f.diagnostics) write_diagnostic(os, d);
      os << "</ul>\n";
    }
    os << "</section>\n";
  }
  if (!in.review.diagnostics.empty()) {
    os << "<section>\n<h2>Notes on the input</h2>\n<ul>\n";
    for (const auto& d : in.review.diagnostics) write_diagnostic(os, d);
    os << "</ul>\n</section>\n";
  }
  os << "<section>\n<h2>Summary</h2>\n<ul>\n";
  os << fmt::format("<li>Files reviewed: {} ({} lines){}</li>\n", t.files - t.files_not_reviewed,
                    t.lines,
                    t.files_not_reviewed ? fmt::format("; not reviewed: {}", t.files_not_reviewed)
                                         : std::string());
  os << fmt::format("<li>Defects: {} in {} file{}</li>\n", t.defects, t.files_with_defects,
                    t.files_with_defects == 1 ? "" : "s");
  if (t.suggestions) os << fmt::format("<li>Suggestions: {}</li>\n", t.suggestions);
  if (t.suppressed) os << fmt::format("<li>Suppressed in the code: {}</li>\n", t.suppressed);
  if (t.errors) os << fmt::format("<li>Errors: {}</li>\n", t.errors);
  os << fmt::format("</ul>\n<p class=\"note\">secreview {}</p>\n</section>\n</body>\n</html>\n",
                    SECREVIEW_VERSION);
}

[[maybe_unused]] const bool kRegistered = register_reporter("html", write_html);

}  // namespace
}  // namespace secreview
