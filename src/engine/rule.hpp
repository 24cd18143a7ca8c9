#pragma once
// The rule interface, its metadata, and the registry rules add themselves to.
//
// A rule is a folder under rules/: `rule.toml` (metadata and any API lists: data), `README.md`
// (documentation), `positive.py`/`negative.py` (fixtures) and, when matching needs code,
// `rule.cpp`, which ends with SECREVIEW_RULE(Class, "rule-id"). The engine never names a rule: it
// pairs each embedded rule.toml with the check registered under the same id, or with a generic
// check the toml asks for (`check = "calls"`), and dispatches by the subscriptions in the toml.
#include <toml++/toml.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "model/python.hpp"
#include "taint/analysis.hpp"

namespace secreview {

struct RuleMeta {
  std::string id;        // kebab-case, the folder name
  std::string folder;    // "rules/python/injection/subprocess-shell-true"
  std::string title;     // short name for listings and SARIF
  std::string summary;   // one line for `secreview rules`
  std::string issue;     // default issue text; `{name}` is replaced by the matched call name
  std::string solution;  // default solution text
  int cwe = 0;
  Severity severity = Severity::Medium;
  Confidence confidence = Confidence::Medium;
  FindingKind kind = FindingKind::Defect;
  std::string language = "python";
  std::string check;                 // "" (code in rule.cpp) or a generic check ("calls")
  std::vector<std::string> aliases;  // Bandit / Ruff / Semgrep ids ("B602", "S602")
  std::vector<std::string> calls;    // subscriptions: "subprocess.Popen", ".execute", "*"
  bool module = false;               // wants the whole module (check_module)
  // The finding is only as likely as the data reaching it is untrusted: high confidence when the
  // taint analysis shows client data reaching the flagged call (the finding takes the trace),
  // low when it does not (the value's origin is unknown: callers, other modules).
  bool taint_confidence = false;
  // Words at least one of which every file the rule reports on contains (case-sensitive); files
  // with none are not analysed for this rule. Omitted: derived from `calls`.
  std::vector<std::string> triggers;
  std::vector<std::string> references;
  // A regular expression every line a finding cites must match (checked by the rule tests), so
  // a rule cannot cite a line that does not show what it says. Required for suggestions.
  std::string evidence;
  std::string docs;     // README.md
  toml::table options;  // [options]: rule-specific settings, data lists
};

class Context;

class Rule {
 public:
  virtual ~Rule() = default;
  // Called for each call whose resolved name matches one of the rule's `calls`.
  virtual void check_call(const py::Call& /*call*/, Context& /*ctx*/) const {}
  // Called once per file when the rule sets `module = true`.
  virtual void check_module(const py::Model& /*model*/, Context& /*ctx*/) const {}
};

using RuleFactory = std::function<std::unique_ptr<Rule>(const RuleMeta&)>;

struct LoadedRule {
  RuleMeta meta;
  // Checks are immutable once built, so a configured registry shares those of rules whose
  // options it did not change.
  std::shared_ptr<const Rule> check;
};

class RuleRegistry {
 public:
  // Called by SECREVIEW_RULE during static initialisation.
  static bool register_factory(std::string_view id, RuleFactory factory);
  // Generic checks selected by `check = "..."` in rule.toml.
  static bool register_generic(std::string_view name, RuleFactory factory);
  // Ids of every check registered with SECREVIEW_RULE (each needs a rule.toml).
  static std::vector<std::string> registered_check_ids();

  // The registry built from the embedded rule files. Throws std::runtime_error naming the file
  // when a rule.toml is invalid or has no check.
  static const RuleRegistry& builtin();
  // Builds a registry from (path, contents) pairs of rule.toml and README.md files.
  static RuleRegistry load(const std::vector<std::pair<std::string, std::string>>& files);

  // A copy whose rules take the given option values ("rule-id.option=value"). The option must
  // exist in the rule's [options]; the value is parsed as that option's type (integer, boolean,
  // string, or a comma-separated list of strings). Throws std::runtime_error naming the problem.
  RuleRegistry configure(const std::vector<std::string>& settings) const;

  const std::vector<LoadedRule>& rules() const { return rules_; }
  // By id or alias (case-insensitive for aliases such as "b602").
  const LoadedRule* find(std::string_view id_or_alias) const;
  // Rules whose CWE is `cwe`.
  std::vector<const LoadedRule*> by_cwe(int cwe) const;

 private:
  std::vector<LoadedRule> rules_;  // sorted by id
};

// Parses one rule.toml. `path` is used in error messages.
RuleMeta parse_rule_meta(std::string_view path, std::string_view toml_text);

// What a check says when it reports; empty strings take the rule's defaults.
struct Report {
  std::string issue;
  std::string solution;
  TSNode end{};                  // when set, the finding spans from `at` to this node's end
  std::vector<TSNode> related;   // other places the finding cites
  std::vector<TraceStep> trace;  // data-flow findings: source, steps, sink
  std::optional<Severity> severity;
  std::optional<Confidence> confidence;
};

class Context {
 public:
  // `taint` is the file's shared taint analysis; without one, the context makes its own.
  Context(const py::Model& model, const RuleMeta& meta, std::vector<Finding>& out,
          taint::Lazy* taint = nullptr)
      : model_(model), meta_(meta), out_(out), taint_(taint) {}
  const py::Model& model() const { return model_; }
  const RuleMeta& meta() const { return meta_; }
  // Where client data flows in this file (computed once per file, on first use).
  const taint::Result& taint();

  void report(TSNode at, Report r = {});
  // The rule's issue text with `{name}` replaced.
  std::string issue_for(std::string_view name) const;

 private:
  const py::Model& model_;
  const RuleMeta& meta_;
  std::vector<Finding>& out_;
  taint::Lazy* taint_ = nullptr;
  std::unique_ptr<taint::Lazy> own_taint_;
};

// A rule option that is a list of strings (`[options] key = ["a", "b"]`); empty if absent.
std::vector<std::string> option_strings(const RuleMeta& meta, std::string_view key);

// A rule option that is a table of strings (`[options.key] name = "text"`); empty if absent.
std::map<std::string, std::string, std::less<>> option_string_table(const RuleMeta& meta,
                                                                    std::string_view key);

// Calls fn(name, entry) for each entry of a rule option that is a table of tables
// (`[options.key] name = { field = ... }`), in name order; other entries are skipped.
template <typename Fn>
void for_each_option_entry(const RuleMeta& meta, std::string_view key, Fn&& fn) {
  const toml::table* t = meta.options[key].as_table();
  if (!t) return;
  for (const auto& [name, v] : *t) {
    if (const toml::table* e = v.as_table()) fn(std::string(name.str()), *e);
  }
}

// Where a function takes one of its arguments, as rule data: `{ position = 2, keyword = "salt" }`
// (position -1 or absent: keyword only; `keywords = ["iv", "IV"]` names several spellings).
struct ArgumentSlot {
  std::int64_t position = -1;
  std::vector<std::string> keywords;

  static ArgumentSlot from(const toml::table& entry);
  // The slot a rule option names (`[options] key = { position = 2, keyword = "iv" }`).
  static ArgumentSlot option(const RuleMeta& meta, std::string_view key);
  // The argument's value in `call`, or a null node when it is not passed.
  TSNode in(const py::Call& call) const;
};

// Source text of a node for messages: one line, at most `max` code points ("..." when cut).
std::string excerpt(const py::Model& model, TSNode node, std::size_t max = 48);

// Replaces each `{key}` in text with its value.
std::string expand(std::string_view text,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> vars);

}  // namespace secreview

#define SECREVIEW_CONCAT_INNER(a, b) a##b
#define SECREVIEW_CONCAT(a, b) SECREVIEW_CONCAT_INNER(a, b)
// Registers the check class `Class` (constructible from const RuleMeta&) for the rule `id`.
#define SECREVIEW_RULE(Class, id)                                                        \
  namespace {                                                                            \
  [[maybe_unused]] const bool SECREVIEW_CONCAT(kRegistered, __LINE__) =                  \
      ::secreview::RuleRegistry::register_factory(                                       \
          id, [](const ::secreview::RuleMeta& m) -> std::unique_ptr<::secreview::Rule> { \
            return std::make_unique<Class>(m);                                           \
          });                                                                            \
  }
