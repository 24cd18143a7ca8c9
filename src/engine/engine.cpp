#include "engine/engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "frontend/python/parser.hpp"
#include "model/python.hpp"

namespace secreview {

namespace {
bool matches_selector(const RuleMeta& m, const std::string& sel) {
  if (sel == m.id) return true;
  if (starts_with_icase(sel, "CWE-") && sel.substr(4) == std::to_string(m.cwe)) return true;
  std::string lower = to_lower(sel);
  return std::any_of(m.aliases.begin(), m.aliases.end(),
                     [&](const std::string& a) { return to_lower(a) == lower; });
}
}  // namespace

Engine::Engine(const RuleRegistry& registry, EngineOptions options)
    : registry_(registry), options_(std::move(options)) {
  for (const auto& r : registry_.rules()) {
    if (!selected(r.meta)) continue;
    active_.push_back(&r);
    for (const auto& c : r.meta.calls) {
      if (c == "*") {
        all_calls_.push_back(&r);
      } else if (c.starts_with(".")) {
        by_method_[c.substr(1)].push_back(&r);
      } else {
        by_name_[c].push_back(&r);
      }
    }
    if (r.meta.module) module_rules_.push_back(&r);
  }
}

bool Engine::selected(const RuleMeta& m) const {
  if (m.language != "python") return false;
  if (m.kind == FindingKind::Defect && !options_.defects) return false;
  if (m.kind == FindingKind::Suggestion && !options_.suggestions) return false;
  if (!options_.only.empty() &&
      std::none_of(options_.only.begin(), options_.only.end(),
                   [&](const std::string& s) { return matches_selector(m, s); })) {
    return false;
  }
  return std::none_of(options_.exclude.begin(), options_.exclude.end(),
                      [&](const std::string& s) { return matches_selector(m, s); });
}

void Engine::dispatch_calls(const py::Model& model, std::vector<Finding>& out) const {
  std::vector<const LoadedRule*> hits;
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
      if (std::find(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(i), hits[i]) !=
          hits.begin() + static_cast<std::ptrdiff_t>(i)) {
        continue;  // subscribed twice (by name and by method)
      }
      Context ctx(model, hits[i]->meta, out);
      hits[i]->check->check_call(call, ctx);
    }
  }
}

FileResult Engine::analyze(const std::string& path, std::string text) const {
  FileResult result;
  result.path = path;
  result.bytes = text.size();
  SourceFile source(path, std::move(text));
  result.lines = source.line_count();
  result.analysed = true;
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
  dispatch_calls(model, findings);
  for (const LoadedRule* r : module_rules_) {
    Context ctx(model, r->meta, findings);
    r->check->check_module(model, ctx);
  }
  std::erase_if(findings, [&](const Finding& f) {
    return f.kind == FindingKind::Defect &&
           (f.severity < options_.min_severity || f.confidence < options_.min_confidence);
  });
  sort_findings(findings);
  assign_fingerprints(findings);
  result.findings = std::move(findings);
  return result;
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
