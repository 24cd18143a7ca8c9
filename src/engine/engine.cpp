#include "engine/engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "core/cwe.hpp"
#include "core/text.hpp"
#include "engine/suppressions.hpp"
#include "frontend/python/parser.hpp"
#include "model/python.hpp"

namespace secreview {

bool matches_selector(const RuleMeta& m, std::string_view sel) {
  if (sel == m.id) return true;
  if (starts_with_icase(sel, "CWE-") && sel.substr(4) == std::to_string(m.cwe)) return true;
  if (starts_with_icase(sel, "pillar:") || starts_with_icase(sel, "pillar-")) {
    std::string_view p = sel.substr(7);
    if (starts_with_icase(p, "CWE-")) p.remove_prefix(4);
    return p == std::to_string(CweCatalog::builtin().pillar(m.cwe));
  }
  if (sel == "security") return m.kind == FindingKind::Defect;
  if (sel == "maintainability") return m.kind == FindingKind::Suggestion;
  std::string lower = to_lower(sel);
  return std::any_of(m.aliases.begin(), m.aliases.end(),
                     [&](const std::string& a) { return to_lower(a) == lower; });
}

std::vector<std::string> effective_triggers(const RuleMeta& m) {
  // Declared triggers are the rule's own statement of what a matching file must contain (e.g.
  // "verify" for verify=False on any `.get(...)`): they replace the derived ones.
  if (!m.triggers.empty() || m.module) {
    std::vector<std::string> out = m.triggers;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  std::vector<std::string> out;
  bool any_file = false;
  for (const auto& c : m.calls) {
    if (c == "*") {
      any_file = true;
      continue;
    }
    std::string_view last = c;
    if (auto dot = last.rfind('.'); dot != std::string_view::npos) last.remove_prefix(dot + 1);
    if (last.empty() || last.ends_with("()")) {  // "requests.Session().get" ends in a name anyway
      any_file = true;
      continue;
    }
    out.emplace_back(last);
  }
  if (any_file) return {};
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Engine::Engine(const RuleRegistry& registry, EngineOptions options)
    : registry_(registry), options_(std::move(options)) {
  for (const auto& r : registry_.rules()) {
    if (!selected(r.meta)) continue;
    auto idx = static_cast<std::uint32_t>(active_.size());
    active_.push_back(&r);
    for (const auto& c : r.meta.calls) {
      if (c == "*") {
        all_calls_.push_back(idx);
      } else if (c.starts_with(".")) {
        by_method_[c.substr(1)].push_back(idx);
      } else {
        by_name_[c].push_back(idx);
      }
    }
    if (r.meta.module) module_rules_.push_back(idx);
    std::vector<std::string> triggers = effective_triggers(r.meta);
    always_live_.push_back(triggers.empty());
    any_always_live_ = any_always_live_ || triggers.empty();
    for (const auto& t : triggers) prefilter_.add(t, idx);
  }
  suppression_group_ = static_cast<std::uint32_t>(active_.size());
  prefilter_.add("secreview:", suppression_group_);
  prefilter_.build();
}

std::string Engine::settings_key() const {
  const EngineOptions& o = options_;
  std::ostringstream key;
  key << "severity " << to_string(o.min_severity) << "\nconfidence " << to_string(o.min_confidence)
      << "\ndefects " << o.defects << "\nsuggestions " << o.suggestions << "\nshow-suppressed "
      << o.show_suppressed << "\nprefilter " << o.prefilter << "\ntaint " << o.taint
      << "\nunused-suppressions " << o.warn_unused_suppressions << "\n";
  // The active rules with their metadata and options as configured (--set, [rules] settings).
  for (const LoadedRule* r : active_) {
    key << "rule " << r->meta.id << " " << r->meta.cwe << " " << to_string(r->meta.severity) << " "
        << to_string(r->meta.confidence) << "\n"
        << r->meta.options << "\n";
  }
  return key.str();
}

bool Engine::selected(const RuleMeta& m) const {
  if (m.language != "python") return false;
  if (m.kind == FindingKind::Defect && !options_.defects) return false;
  if (m.kind == FindingKind::Suggestion && !options_.suggestions) return false;
  if (m.check == "taint" && !options_.taint) return false;
  if (!options_.only.empty() &&
      std::none_of(options_.only.begin(), options_.only.end(),
                   [&](const std::string& s) { return matches_selector(m, s); })) {
    return false;
  }
  return std::none_of(options_.exclude.begin(), options_.exclude.end(),
                      [&](const std::string& s) { return matches_selector(m, s); });
}

void Engine::dispatch_calls(const py::Model& model, const std::vector<bool>& live,
                            std::vector<Finding>& out, taint::Lazy& taint) const {
  std::vector<std::uint32_t> hits;
  for (const py::Call& call : model.calls()) {
    hits.clear();
    // Qualified names only match when the head is not a local variable of the same name.
    if (call.origin == py::NameOrigin::Import || call.origin == py::NameOrigin::Global) {
      if (auto it = by_name_.find(call.name); it != by_name_.end()) {
        hits.insert(hits.end(), it->second.begin(), it->second.end());
      }
    }
    if (!by_method_.empty() && ts_node_symbol(call.callee) == model.grammar().attribute) {
      if (auto it = by_method_.find(std::string(call.method)); it != by_method_.end()) {
        hits.insert(hits.end(), it->second.begin(), it->second.end());
      }
    }
    hits.insert(hits.end(), all_calls_.begin(), all_calls_.end());
    for (std::size_t i = 0; i < hits.size(); ++i) {
      if (!live[hits[i]]) continue;
      if (std::find(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(i), hits[i]) !=
          hits.begin() + static_cast<std::ptrdiff_t>(i)) {
        continue;  // subscribed twice (by name and by method)
      }
      const LoadedRule* rule = active_[hits[i]];
      Context ctx(model, rule->meta, out, &taint);
      rule->check->check_call(call, ctx);
    }
  }
}

FileResult Engine::analyze(const std::string& path, std::string text,
                           taint::Modules* modules) const {
  FileResult result;
  result.path = path;
  result.bytes = text.size();
  SourceFile source(path, std::move(text));
  result.lines = source.line_count();
  result.analysed = true;
  // Which rules can match at all; a file that triggers none is not parsed.
  std::vector<bool> live(active_.size() + 1, false);
  if (options_.prefilter) {
    std::size_t hit = prefilter_.scan(source.text(), live);
    if (hit == 0 && !any_always_live_) return result;
    for (std::size_t i = 0; i < always_live_.size(); ++i) live[i] = live[i] || always_live_[i];
  } else {
    live.assign(live.size(), true);
  }
  py::Tree tree = py::parse(source.text());
  if (!tree) {
    result.analysed = false;
    result.diagnostics.push_back(
        {DiagnosticLevel::Error, path, {}, "the Python parser gave up on this file"});
    return result;
  }
  py::Model model(source, tree.get());
  if (!model.syntax_errors().empty()) {
    Position at = model.syntax_errors().front();
    result.diagnostics.push_back(
        {DiagnosticLevel::Warning, path, at,
         "syntax error; the parts of the file that parse were still reviewed"});
  }
  std::vector<Finding> findings;
  taint::Lazy taint(model, modules);
  dispatch_calls(model, live, findings, taint);
  for (std::uint32_t idx : module_rules_) {
    if (!live[idx]) continue;
    Context ctx(model, active_[idx]->meta, findings, &taint);
    active_[idx]->check->check_module(model, ctx);
  }
  if (const taint::Result* flows = taint.ran()) {
    result.module_calls = flows->imported_calls();
    if (!modules) result.exports = std::make_shared<const taint::ModuleExports>(flows->exports());
  }
  merge_flows(findings);
  if (options_.taint) confirm_by_flows(model, findings, taint);
  std::erase_if(findings, [&](const Finding& f) {
    return f.kind == FindingKind::Defect &&
           (f.severity < options_.min_severity || f.confidence < options_.min_confidence);
  });
  apply_suppressions(model, findings, result.diagnostics);
  sort_findings(findings);
  assign_fingerprints(findings);
  // Findings are kept until the whole review is reported: drop what growing them left spare.
  for (Finding& f : findings) {
    f.issue.shrink_to_fit();
    f.solution.shrink_to_fit();
    f.snippet.shrink_to_fit();
  }
  findings.shrink_to_fit();
  result.findings = std::move(findings);
  return result;
}

void Engine::confirm_by_flows(const py::Model& model, std::vector<Finding>& findings,
                              taint::Lazy& taint) const {
  bool test_code = model.is_test_file();
  for (Finding& f : findings) {
    if (f.kind != FindingKind::Defect || !f.trace.empty()) continue;
    const LoadedRule* rule = registry_.find(f.rule_id);
    if (!rule || !rule->meta.taint_confidence) continue;
    const taint::Flow* confirmed = nullptr;
    for (const taint::Flow& flow : taint.get().flows()) {
      std::uint32_t first = ts_node_start_point(flow.sink).row + 1;
      std::uint32_t last = ts_node_end_point(flow.sink).row + 1;
      if (flow.cwe == f.cwe && f.start.line >= first && f.start.line <= last) {
        confirmed = &flow;
        break;
      }
    }
    std::uint32_t bit = taint::Catalog::builtin().bit(f.cwe);
    taint::Result::Reach reach =
        taint.get().reach_at({f.start.line - 1, model.source().byte_column(f.start)});
    // Evidence of client data raises the rule's confidence (not in test code, which rules
    // already mark low); its absence lowers it, never raises it.
    if (confirmed) {
      f.trace = confirmed->trace;
      if (!test_code) f.confidence = Confidence::High;
    } else if (reach.tainted & bit) {
      if (!test_code) f.confidence = Confidence::High;  // client data; a sink not in the catalog
    } else if (reach.parameter & bit) {
      // The enclosing function's parameters: the callers decide.
      f.confidence = std::min(f.confidence, Confidence::Medium);
    } else {
      f.confidence = Confidence::Low;  // no data found reaching it, or neutralised on the way
    }
  }
}

void Engine::apply_suppressions(const py::Model& model, std::vector<Finding>& findings,
                                std::vector<Diagnostic>& diagnostics) const {
  std::vector<Suppression> marks;
  for (TSNode c : model.comments()) {
    std::string_view text = model.text(c);
    if (text.find("secreview") == std::string_view::npos &&
        text.find("nosec") == std::string_view::npos) {
      continue;
    }
    if (auto s = parse_suppression(text)) {
      Position at = model.start(c);
      s->line = at.line;
      s->column = at.column;
      marks.push_back(std::move(*s));
    }
  }
  if (marks.empty()) return;
  std::vector<bool> used(marks.size(), false);
  for (Finding& f : findings) {
    const LoadedRule* rule = registry_.find(f.rule_id);
    for (std::size_t i = 0; i < marks.size(); ++i) {
      const Suppression& s = marks[i];
      if (s.line != f.start.line && s.line != f.end.line) continue;
      bool applies =
          s.selectors.empty() ||
          std::any_of(s.selectors.begin(), s.selectors.end(), [&](const std::string& sel) {
            return rule && matches_selector(rule->meta, sel);
          });
      if (!applies) continue;
      used[i] = true;
      f.suppressed = true;
      f.suppression_reason = s.reason;
    }
  }
  if (!options_.show_suppressed) {
    std::erase_if(findings, [](const Finding& f) { return f.suppressed; });
  }
  if (!options_.warn_unused_suppressions) return;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (used[i] || marks[i].nosec) continue;
    diagnostics.push_back({DiagnosticLevel::Warning,
                           model.source().path(),
                           {marks[i].line, marks[i].column},
                           "this `secreview: ignore` suppression matches no finding; remove it"});
  }
}

void merge_flows(std::vector<Finding>& findings) {
  // A pattern rule's finding (no trace) of the same CWE on the line of a flow is the same defect,
  // now confirmed: it takes the flow's trace and confidence, and the flow finding goes.
  // Rule ids, fingerprints, suppressions and baselines of pattern findings stay as they were.
  std::vector<bool> drop(findings.size(), false);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& flow = findings[i];
    if (flow.trace.empty() || flow.kind != FindingKind::Defect) continue;
    for (std::size_t j = 0; j < findings.size(); ++j) {
      Finding& f = findings[j];
      if (j == i || !f.trace.empty() || f.kind != FindingKind::Defect || f.cwe != flow.cwe ||
          f.start.line != flow.start.line) {
        continue;
      }
      f.trace = flow.trace;
      f.confidence = flow.confidence;  // high; low in test code (the taint rule lowers it there)
      drop[i] = true;
    }
  }
  std::size_t k = 0;
  std::erase_if(findings, [&](const Finding&) { return drop[k++]; });
}

void assign_fingerprints(std::vector<Finding>& findings) {
  std::map<std::uint64_t, int> seen;
  for (Finding& f : findings) {
    std::string normalised;
    for (char c : f.snippet) {
      if (c != ' ' && c != '\t') normalised += c;
    }
    std::uint64_t h = fnv1a64(normalised, fnv1a64(f.rule_id));
    int occurrence = ++seen[h];
    f.fingerprint = fmt::format("{:016x}:{}", h, occurrence);
  }
}

}  // namespace secreview
