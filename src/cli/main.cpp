// secreview command line: `review`, `rules`, `explain`.
#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/cwe.hpp"
#include "core/text.hpp"
#include "engine/baseline.hpp"
#include "engine/change.hpp"
#include "engine/config.hpp"
#include "engine/engine.hpp"
#include "engine/gitignore.hpp"
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
  bool no_taint = false;
  bool suggestions_only = false;
  std::vector<std::string> settings;  // RULE.OPTION=VALUE
  std::string diff;
  std::string patch;
  std::string baseline;
  std::string write_baseline;
  std::string config;
  bool no_config = false;
  bool show_suppressed = false;
  std::string profile;
  std::string cache_dir;
  bool no_cache = false;
  bool min_severity_given = false;
  bool min_confidence_given = false;
};

// Drops findings that a per-path [[overrides]] entry of the configuration ignores.
void apply_overrides(const Config& config, Review& review) {
  if (config.overrides.empty()) return;
  const RuleRegistry& reg = RuleRegistry::builtin();
  for (auto& file : review.files) {
    std::string rel = config.relative(file.path);
    for (const auto& o : config.overrides) {
      bool hit = std::any_of(o.paths.begin(), o.paths.end(),
                             [&](const std::string& g) { return glob_match(g, rel); });
      if (!hit) continue;
      std::erase_if(file.findings, [&](const Finding& f) {
        const LoadedRule* r = reg.find(f.rule_id);
        if (!r) return false;
        auto named = [&](const std::vector<std::string>& sels) {
          return std::any_of(sels.begin(), sels.end(),
                             [&](const std::string& s) { return matches_selector(r->meta, s); });
        };
        return named(o.ignore) || (!o.select.empty() && !named(o.select));
      });
    }
  }
}

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
  std::vector<std::string> paths = a.paths.empty() ? std::vector<std::string>{"."} : a.paths;
  Config config;
  if (!a.config.empty()) {
    config = load_config(a.config);
  } else if (!a.no_config) {
    config = find_config(paths.front());
  }
  EngineOptions eo;
  // Profile: "default" reports what a reviewer would act on (medium confidence and up);
  // "strict" reports everything.
  std::string profile = !a.profile.empty() ? a.profile : config.profile.value_or("default");
  if (profile != "default" && profile != "strict") {
    std::cerr << "secreview: --profile takes default or strict\n";
    return kExitError;
  }
  eo.min_confidence = profile == "strict" ? Confidence::Low : Confidence::Medium;
  if (config.min_severity) eo.min_severity = *config.min_severity;
  if (config.min_confidence) eo.min_confidence = *config.min_confidence;
  auto sev = parse_severity(a.min_severity);
  auto conf = parse_confidence(a.min_confidence);
  if (!sev || !conf) {
    std::cerr << "secreview: --min-severity and --min-confidence take low, medium or high\n";
    return kExitError;
  }
  if (a.min_severity_given) eo.min_severity = *sev;
  if (a.min_confidence_given) eo.min_confidence = *conf;
  const RuleRegistry& registry = RuleRegistry::builtin();
  std::vector<std::string> select = config.select;
  std::vector<std::string> ignore = config.ignore;
  select.insert(select.end(), a.select.begin(), a.select.end());
  ignore.insert(ignore.end(), a.ignore.begin(), a.ignore.end());
  for (const auto* list : {&select, &ignore}) {
    for (const auto& s : *list) {
      bool known = registry.find(s) != nullptr || starts_with_icase(s, "CWE-") ||
                   starts_with_icase(s, "pillar") || s == "security" || s == "maintainability";
      if (!known) {
        std::cerr << "secreview: unknown rule '" << s << "' (see `secreview rules`)\n";
        return kExitError;
      }
    }
  }
  if (a.no_suggestions && a.suggestions_only) {
    std::cerr << "secreview: --no-suggestions and --suggestions-only exclude each other\n";
    return kExitError;
  }
  eo.defects = !a.suggestions_only;
  eo.taint = !a.no_taint;
  eo.suggestions = !a.no_suggestions && (a.suggestions_only || config.suggestions.value_or(true));
  eo.only.insert(select.begin(), select.end());
  eo.exclude.insert(ignore.begin(), ignore.end());
  eo.show_suppressed = a.show_suppressed;
  eo.warn_unused_suppressions = select.empty() && ignore.empty() && eo.defects && eo.suggestions;
  std::vector<std::string> settings = config.rule_settings;
  settings.insert(settings.end(), a.settings.begin(), a.settings.end());
  RuleRegistry configured = registry.configure(settings);
  Engine engine(configured, eo);
  RunOptions ro;
  ro.jobs = a.jobs;
  ro.max_file_size = a.max_file_size;
  std::optional<ResultCache> cache;
  std::string cache_dir = a.no_cache ? "" : !a.cache_dir.empty() ? a.cache_dir : config.cache_dir;
  if (!cache_dir.empty()) {
    // The executable's bytes stand for its rules, data and code: a rebuilt or upgraded secreview
    // never reuses another build's results.
    std::string binary = ResultCache::executable_bytes();
    if (binary.empty()) {
      std::cerr << "secreview: warning: cannot read its own executable to key the cache; "
                   "reviewing without --cache-dir\n";
    } else {
      ro.cache = &cache.emplace(cache_dir, binary, engine.settings_key());
    }
  }
  if (!a.diff.empty() && !a.patch.empty()) {
    std::cerr << "secreview: --diff and --patch exclude each other\n";
    return kExitError;
  }
  Review review;
  if (!a.diff.empty() || !a.patch.empty()) {
    review = review_change(ChangeSource{a.diff, a.patch}, engine, ro);
  } else {
    review = review_paths(paths, engine, ro);
  }
  if (cache) {
    review.cached_files = cache->hits();
    if (std::string problem = cache->problem(); !problem.empty()) {
      std::cerr << "secreview: warning: result cache: " << problem << "\n";
    }
  }
  if (!config.file.empty()) {
    std::erase_if(review.files, [&](const FileResult& f) { return !config.wanted(f.path); });
  }
  apply_overrides(config, review);
  if (!a.write_baseline.empty()) Baseline::write(a.write_baseline, review);
  if (!a.baseline.empty()) Baseline::read(a.baseline).apply(review);

  bool to_terminal = (a.output.empty() || a.output == "-") && ::isatty(STDOUT_FILENO);
  ReportOptions opts;
  const char* no_color_env = std::getenv("NO_COLOR");
  opts.color = a.color || (to_terminal && !a.no_color && !(no_color_env && *no_color_env));
  opts.timing = a.timing || to_terminal;
  // The report is written as it is produced, not built in memory first: for a large tree it is
  // tens of megabytes.
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!a.output.empty() && a.output != "-") {
    file.open(a.output, std::ios::binary);
    out = &file;
  }
  if (*out) (*reporter)(*out, ReportInput{review, configured, CweCatalog::builtin(), opts});
  out->flush();
  if (!*out) {
    if (out == &file) std::cerr << "secreview: cannot write " << a.output << "\n";
    return kExitError;
  }

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
                        fmt::format("CWE-{}", cwe.pillar(m.cwe)), to_string(m.severity), m.summary);
    }
    os << fmt::format("\n{} rules. `secreview explain RULE` prints a rule's documentation.\n",
                      registry.rules().size());
  } else if (format == "markdown") {
    // docs/rules.md is this output (a test keeps it current).
    os << "# Rule catalog\n\nGenerated by `secreview rules --format markdown`; "
          "`secreview explain <rule>` prints a rule's documentation (also in its folder under "
          "`rules/`).\n";
    for (FindingKind kind : {FindingKind::Defect, FindingKind::Suggestion}) {
      os << (kind == FindingKind::Defect ? "\n## Security rules\n\n"
                                         : "\n## Maintainability suggestions\n\n");
      os << "| rule | CWE | pillar | severity | confidence | aliases | summary |\n"
            "|---|---|---|---|---|---|---|\n";
      for (const auto& r : registry.rules()) {
        const RuleMeta& m = r.meta;
        if (m.kind != kind) continue;
        std::string aliases;
        for (const auto& a : m.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
        os << fmt::format("| `{}` | CWE-{} {} | CWE-{} | {} | {} | {} | {} |\n", m.id, m.cwe,
                          cwe.name(m.cwe), cwe.pillar(m.cwe), to_string(m.severity),
                          to_string(m.confidence), aliases, m.summary);
      }
    }
  } else {
    std::cerr << "secreview: unknown format '" << format << "' (text, json or markdown)\n";
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
    std::cerr << "secreview: '" << what
              << "' is neither a rule nor a CWE id (see `secreview rules`)\n";
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

namespace {

int run_main(int argc, char** argv) {
  CLI::App app{"secreview: a security code reviewer. It reads code and never runs it.",
               "secreview"};
  app.set_version_flag("--version", std::string("secreview ") + SECREVIEW_VERSION);
  app.require_subcommand(1);

  ReviewArgs ra;
  auto* review = app.add_subcommand("review", "Review files and directories (default: .)");
  review->add_option("paths", ra.paths, "Files and directories to review");
  review
      ->add_option(
          "-f,--format", ra.format,
          "Output format: text, json, sarif, markdown, html, gerrit, github, junit, gitlab")
      ->check(CLI::IsMember(reporter_names()));
  review->add_option("-o,--output", ra.output, "Write the report to FILE instead of stdout");
  review->add_option("-j,--jobs", ra.jobs, "Parallel jobs (default: all cores)");
  review->add_flag("--no-color", ra.no_color, "Never use colour");
  review->add_flag("--color", ra.color, "Always use colour");
  review->add_flag("--timing", ra.timing, "Show the time taken (text; shown on a terminal)");
  auto* min_sev = review->add_option("--min-severity", ra.min_severity,
                                     "Report only low|medium|high and above");
  auto* min_conf = review->add_option("--min-confidence", ra.min_confidence,
                                      "Report only low|medium|high confidence and above");
  review->add_option("--profile", ra.profile,
                     "default (what a reviewer acts on: medium confidence and up) or strict");
  review->add_option("--diff", ra.diff,
                     "Review a change: git revision (against the working tree) or range A..B");
  review->add_option("--patch", ra.patch,
                     "Review a change given as a unified diff (file, or - for stdin); the "
                     "post-change files are read from the working tree");
  review->add_option("--baseline", ra.baseline, "Report only findings not in this baseline");
  review->add_option("--write-baseline", ra.write_baseline,
                     "Write the findings of this review as a baseline file");
  review->add_option("--config", ra.config,
                     "Configuration file (default: nearest "
                     ".secreview.toml or pyproject.toml)");
  review->add_flag("--no-config", ra.no_config, "Ignore configuration files");
  review->add_option("--cache-dir", ra.cache_dir,
                     "Keep each file's result in DIR and reuse it while the file, the settings "
                     "and secreview are unchanged (also `cache-dir` in the configuration)");
  review->add_flag("--no-cache", ra.no_cache, "Do not use a result cache, even a configured one");
  review->add_flag("--show-suppressed", ra.show_suppressed,
                   "Also list findings suppressed by inline comments");
  review->add_option("--select", ra.select, "Run only these rules, aliases or CWE-n (a,b,...)")
      ->allow_extra_args(false)
      ->delimiter(',');
  review->add_option("--ignore", ra.ignore, "Skip these rules, aliases or CWE-n (a,b,...)")
      ->allow_extra_args(false)
      ->delimiter(',');
  review->add_option("--max-file-size", ra.max_file_size, "Skip files larger than this (bytes)");
  review->add_flag("--no-suggestions", ra.no_suggestions, "Report security defects only");
  review->add_flag("--no-taint", ra.no_taint,
                   "Skip the data-flow analysis: no tainted-* rules, and command/SQL/eval "
                   "findings keep their rule's confidence");
  review->add_flag("--suggestions-only", ra.suggestions_only,
                   "Report maintainability suggestions only");
  review
      ->add_option("--set", ra.settings,
                   "Set a rule option, e.g. --set function-too-long.max_lines=80")
      ->allow_extra_args(false);

  std::string rules_format = "text";
  auto* rules = app.add_subcommand("rules", "List every rule with its CWE, pillar and severity");
  rules->add_option("-f,--format", rules_format, "text, json or markdown");

  std::string what;
  auto* explain = app.add_subcommand("explain", "Print the documentation of a rule or CWE");
  explain->add_option("rule", what, "Rule id, alias (B602) or CWE (CWE-78)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitError;
  }
  ra.min_severity_given = min_sev->count() > 0;
  ra.min_confidence_given = min_conf->count() > 0;
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

}  // namespace

// Whatever escapes (an allocation failure while setting up) is still reported as an error with
// the tool's exit status for errors, never as an abort.
int main(int argc, char** argv) {
  try {
    return run_main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "secreview: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "secreview: unexpected error\n";
  }
  return kExitError;
}
