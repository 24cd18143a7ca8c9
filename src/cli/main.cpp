// secreview command line: `review`, `rules`, `explain`.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/cwe.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"
#include "engine/runner.hpp"
#include "report/report.hpp"

namespace {

using namespace secreview;

constexpr int kExitClean = 0;
constexpr int kExitDefects = 1;
constexpr int kExitError = 2;

struct ReviewArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  unsigned jobs = 0;
  bool no_color = false;
  bool color = false;
  bool timing = false;
  std::string min_severity = "low";
  std::string min_confidence = "low";
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::uint64_t max_file_size = 32ull << 20;
  bool no_suggestions = false;
  bool suggestions_only = false;
  std::vector<std::string> settings;  // RULE.OPTION=VALUE
};

int write_output(const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    std::cout << text << std::flush;
    return std::cout ? 0 : kExitError;
  }
  std::ofstream out(output, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "secreview: cannot write " << output << "\n";
    return kExitError;
  }
  return 0;
}

int run_review(const ReviewArgs& a) {
  const Reporter* reporter = find_reporter(a.format);
  if (!reporter) {
    std::cerr << "secreview: unknown format '" << a.format << "'\n";
    return kExitError;
  }
  EngineOptions eo;
  auto sev = parse_severity(a.min_severity);
  auto conf = parse_confidence(a.min_confidence);
  if (!sev || !conf) {
    std::cerr << "secreview: --min-severity and --min-confidence take low, medium or high\n";
    return kExitError;
  }
  eo.min_severity = *sev;
  eo.min_confidence = *conf;
  const RuleRegistry& registry = RuleRegistry::builtin();
  for (const auto* list : {&a.select, &a.ignore}) {
    for (const auto& s : *list) {
      bool known = registry.find(s) != nullptr;
      if (!known && starts_with_icase(s, "CWE-")) known = true;
      if (!known) {
        std::cerr << "secreview: unknown rule '" << s << "' (see `secreview rules`)\n";
        return kExitError;
      }
    }
  }
  eo.defects = !a.suggestions_only;
  eo.suggestions = !a.no_suggestions;
  if (a.no_suggestions && a.suggestions_only) {
    std::cerr << "secreview: --no-suggestions and --suggestions-only exclude each other\n";
    return kExitError;
  }
  eo.only.insert(a.select.begin(), a.select.end());
  eo.exclude.insert(a.ignore.begin(), a.ignore.end());
  RuleRegistry configured = registry.configure(a.settings);
  Engine engine(configured, eo);
  RunOptions ro;
  ro.jobs = a.jobs;
  ro.max_file_size = a.max_file_size;
  std::vector<std::string> paths = a.paths.empty() ? std::vector<std::string>{"."} : a.paths;
  Review review = review_paths(paths, engine, ro);

  bool to_terminal = (a.output.empty() || a.output == "-") && ::isatty(STDOUT_FILENO);
  ReportOptions opts;
  const char* no_color_env = std::getenv("NO_COLOR");
  opts.color = a.color || (to_terminal && !a.no_color && !(no_color_env && *no_color_env));
  opts.timing = a.timing || to_terminal;
  std::ostringstream os;
  (*reporter)(os, ReportInput{review, configured, CweCatalog::builtin(), opts});
  if (int rc = write_output(os.str(), a.output)) return rc;

  Totals t = totals(review);
  if (t.errors) return kExitError;
  return t.defects ? kExitDefects : kExitClean;
}

int run_rules(const std::string& format) {
  const RuleRegistry& registry = RuleRegistry::builtin();
  const CweCatalog& cwe = CweCatalog::builtin();
  std::ostringstream os;
  if (format == "json") {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& r : registry.rules()) {
      const RuleMeta& m = r.meta;
      arr.push_back({{"id", m.id},
                     {"title", m.title},
                     {"category", m.kind == FindingKind::Defect ? "security" : "maintainability"},
                     {"cwe", m.cwe},
                     {"cwe_name", cwe.name(m.cwe)},
                     {"pillar", cwe.pillar(m.cwe)},
                     {"pillar_name", cwe.name(cwe.pillar(m.cwe))},
                     {"severity", to_string(m.severity)},
                     {"confidence", to_string(m.confidence)},
                     {"aliases", m.aliases},
                     {"summary", m.summary}});
    }
    os << arr.dump(2) << "\n";
  } else if (format == "text") {
    os << fmt::format("{:<28} {:<9} {:<9} {:<8} {}\n", "RULE", "CWE", "PILLAR", "SEVERITY",
                      "SUMMARY");
    for (const auto& r : registry.rules()) {
      const RuleMeta& m = r.meta;
      os << fmt::format("{:<28} {:<9} {:<9} {:<8} {}\n", m.id, fmt::format("CWE-{}", m.cwe),
                        fmt::format("CWE-{}", cwe.pillar(m.cwe)), to_string(m.severity),
                        m.summary);
    }
    os << fmt::format("\n{} rules. `secreview explain RULE` prints a rule's documentation.\n",
                      registry.rules().size());
  } else {
    std::cerr << "secreview: unknown format '" << format << "' (text or json)\n";
    return kExitError;
  }
  return write_output(os.str(), "");
}

void explain_rule(std::ostream& os, const LoadedRule& r, const CweCatalog& cwe) {
  const RuleMeta& m = r.meta;
  int pillar = cwe.pillar(m.cwe);
  os << fmt::format("{} — {}\n", m.id, m.title);
  os << fmt::format("CWE-{} ({}); pillar CWE-{} ({})\n", m.cwe, cwe.name(m.cwe), pillar,
                    cwe.name(pillar));
  os << fmt::format("Severity {}, confidence {}", to_string(m.severity), to_string(m.confidence));
  if (!m.aliases.empty()) {
    std::string al;
    for (const auto& a : m.aliases) al += (al.empty() ? "" : ", ") + a;
    os << "; also known as " << al;
  }
  os << "\n\n" << m.docs;
  if (!m.docs.empty() && m.docs.back() != '\n') os << "\n";
}

int run_explain(const std::string& what) {
  const RuleRegistry& registry = RuleRegistry::builtin();
  const CweCatalog& cwe = CweCatalog::builtin();
  std::ostringstream os;
  if (const LoadedRule* r = registry.find(what)) {
    explain_rule(os, *r, cwe);
    return write_output(os.str(), "");
  }
  std::string_view num = what;
  if (starts_with_icase(num, "CWE-")) num.remove_prefix(4);
  int id = 0;
  try {
    std::size_t used = 0;
    id = std::stoi(std::string(num), &used);
    if (used != num.size()) id = 0;
  } catch (const std::exception&) {
    id = 0;
  }
  const CweEntry* e = id ? cwe.find(id) : nullptr;
  if (!e) {
    std::cerr << "secreview: '" << what << "' is neither a rule nor a CWE id (see `secreview rules`)\n";
    return kExitError;
  }
  os << fmt::format("CWE-{}: {}\nPillar: CWE-{} ({})\n", e->id, e->name, e->pillar,
                    cwe.name(e->pillar));
  auto rules = registry.by_cwe(id);
  if (rules.empty()) {
    os << "No secreview rule reports this weakness yet.\n";
  } else {
    os << fmt::format("Rules reporting it: {}\n", rules.size());
    for (const LoadedRule* r : rules) {
      os << "\n";
      explain_rule(os, *r, cwe);
    }
  }
  return write_output(os.str(), "");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"secreview: a security code reviewer. It reads code and never runs it.",
               "secreview"};
  app.set_version_flag("--version", std::string("secreview ") + SECREVIEW_VERSION);
  app.require_subcommand(1);

  ReviewArgs ra;
  auto* review = app.add_subcommand("review", "Review files and directories (default: .)");
  review->add_option("paths", ra.paths, "Files and directories to review");
  review->add_option("-f,--format", ra.format, "Output format: text, json, sarif")
      ->check(CLI::IsMember(reporter_names()));
  review->add_option("-o,--output", ra.output, "Write the report to FILE instead of stdout");
  review->add_option("-j,--jobs", ra.jobs, "Parallel jobs (default: all cores)");
  review->add_flag("--no-color", ra.no_color, "Never use colour");
  review->add_flag("--color", ra.color, "Always use colour");
  review->add_flag("--timing", ra.timing, "Show the time taken (text; shown on a terminal)");
  review->add_option("--min-severity", ra.min_severity, "Report only low|medium|high and above");
  review->add_option("--min-confidence", ra.min_confidence,
                     "Report only low|medium|high confidence and above");
  review->add_option("--select", ra.select, "Run only these rules, aliases or CWE-n (a,b,...)")
      ->allow_extra_args(false)
      ->delimiter(',');
  review->add_option("--ignore", ra.ignore, "Skip these rules, aliases or CWE-n (a,b,...)")
      ->allow_extra_args(false)
      ->delimiter(',');
  review->add_option("--max-file-size", ra.max_file_size, "Skip files larger than this (bytes)");
  review->add_flag("--no-suggestions", ra.no_suggestions, "Report security defects only");
  review->add_flag("--suggestions-only", ra.suggestions_only,
                   "Report maintainability suggestions only");
  review->add_option("--set", ra.settings,
                     "Set a rule option, e.g. --set function-too-long.max_lines=80")
      ->allow_extra_args(false);

  std::string rules_format = "text";
  auto* rules = app.add_subcommand("rules", "List every rule with its CWE, pillar and severity");
  rules->add_option("-f,--format", rules_format, "text or json");

  std::string what;
  auto* explain = app.add_subcommand("explain", "Print the documentation of a rule or CWE");
  explain->add_option("rule", what, "Rule id, alias (B602) or CWE (CWE-78)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitError;
  }
  try {
    if (*review) return run_review(ra);
    if (*rules) return run_rules(rules_format);
    if (*explain) return run_explain(what);
  } catch (const std::exception& e) {
    std::cerr << "secreview: " << e.what() << "\n";
    return kExitError;
  }
  return kExitError;
}
