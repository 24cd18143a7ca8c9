// Markdown for a pull-request comment: verdict, a table of defects, collapsible details.
// Everything taken from the reviewed code is escaped, so it cannot inject HTML or Markdown.
#include <fmt/format.h>

#include "core/text.hpp"
#include "report/report.hpp"

namespace secreview {
namespace {

// Text safe inside a Markdown table cell or paragraph (HTML-escaped, Markdown-escaped).
std::string md(std::string_view s) {
  std::string out;
  for (char c : utf8_sanitize(s)) {
    // Quotes are plain text in Markdown (it is never inside an attribute here).
    std::string_view e = c == '"' || c == '\'' ? std::string_view() : html_entity(c);
    if (!e.empty()) {
      out += e;
      continue;
    }
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out;
}

// A fenced code block whose fence cannot occur in the code.
std::string code_block(std::string_view code) {
  std::string fence = "```";
  while (code.find(fence) != std::string_view::npos) fence += '`';
  return fence + "python\n" + terminal_safe(code) + "\n" + fence + "\n";
}

std::string cwe_link(int id) {
  return fmt::format("[CWE-{}]({})", id, cwe_url(id));
}

void write_markdown(std::ostream& os, const ReportInput& in) {
  Totals t = totals(in.review);
  os << "## secreview security review\n\n";
  if (const auto& c = in.review.change) {
    os << fmt::format("Change: {} ({} file{} changed, {} reviewed)\n\n", md(c->description),
                      c->files_changed, c->files_changed == 1 ? "" : "s", c->reviewed.size());
  }
  if (t.defects) {
    os << fmt::format("**Verdict: {} security defect{} in {} file{}.**\n\n", t.defects,
                      t.defects == 1 ? "" : "s", t.files_with_defects,
                      t.files_with_defects == 1 ? "" : "s");
    os << "| # | Severity | CWE | Location | Issue |\n|---|---|---|---|---|\n";
    int n = 0;
    for (const auto& f : in.review.files) {
      for (const auto& x : f.findings) {
        if (!active_defect(x)) continue;
        os << fmt::format("| {} | {} | {} {} | `{}:{}:{}` | {} |\n", ++n, to_string(x.severity),
                          cwe_link(x.cwe), md(in.cwe.name(x.cwe)), md(x.path), x.start.line,
                          x.start.column, md(x.issue));
      }
    }
    os << "\n<details><summary>Details and fixes</summary>\n\n";
    n = 0;
    for (const auto& f : in.review.files) {
      for (const auto& x : f.findings) {
        if (!active_defect(x)) continue;
        int pillar = in.cwe.pillar(x.cwe);
        os << fmt::format("### {}. CWE-{} ({})\n\n", ++n, x.cwe, md(in.cwe.name(x.cwe)));
        os << "- **Issue:** " << md(x.issue) << "\n";
        os << fmt::format("- **Location:** `{}:{}:{}`\n", md(x.path), x.start.line, x.start.column);
        os << "- **Solution:** " << md(x.solution) << "\n";
        os << fmt::format("- **Rule:** `{}`, severity {}, confidence {}, pillar {} ({})\n\n",
                          x.rule_id, to_string(x.severity), to_string(x.confidence),
                          cwe_link(pillar), md(in.cwe.name(pillar)));
        os << code_block(trim(x.snippet)) << "\n";
      }
    }
    os << "</details>\n\n";
  } else if (t.errors) {
    os << "**Verdict: the review is incomplete: some input could not be reviewed.**\n\n";
  } else {
    os << "**Verdict:** " << kNoDefects << "\n\n";
  }
  if (t.suggestions) {
    os << "<details><summary>" << kSuggestionsIntro << " (" << t.suggestions << ")</summary>\n\n";
    int n = 0;
    for (const auto& f : in.review.files) {
      for (const auto& x : f.findings) {
        if (!active_suggestion(x)) continue;
        const LoadedRule* r = in.rules.find(x.rule_id);
        os << fmt::format("{}. **{}** (`{}`, {}): {}  \n   {}\n", ++n,
                          md(r ? r->meta.title : x.rule_id), md(x.path), where(x), md(x.issue),
                          md(x.solution));
      }
    }
    os << "\n</details>\n\n";
  }
  std::size_t problems = 0;
  for (const auto& f : in.review.files) problems += f.diagnostics.size();
  problems += in.review.diagnostics.size();
  if (problems) {
    os << "<details><summary>Notes on the input (" << problems << ")</summary>\n\n";
    auto note = [&](const Diagnostic& d) {
      os << fmt::format("- {}: `{}`{}: {}\n", to_string(d.level), md(d.path),
                        d.at.line ? fmt::format(":{}", d.at.line) : std::string(), md(d.message));
    };
    for (const auto& d : in.review.diagnostics) note(d);
    for (const auto& f : in.review.files) {
      for (const auto& d : f.diagnostics) note(d);
    }
    os << "\n</details>\n\n";
  }
  os << fmt::format("<sub>{} file{} reviewed ({} lines) by secreview {}.</sub>\n",
                    t.files - t.files_not_reviewed, t.files - t.files_not_reviewed == 1 ? "" : "s",
                    t.lines, SECREVIEW_VERSION);
}

[[maybe_unused]] const bool kRegistered = register_reporter("markdown", write_markdown);

}  // namespace
}  // namespace secreview
