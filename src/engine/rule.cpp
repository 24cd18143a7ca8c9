#include "engine/rule.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>

#include "core/embedded.hpp"
#include "core/text.hpp"

namespace secreview {

namespace {
std::unique_ptr<Rule> instantiate(const RuleMeta& m);
std::map<std::string, RuleFactory, std::less<>>& factories() {
  static std::map<std::string, RuleFactory, std::less<>> f;
  return f;
}
std::map<std::string, RuleFactory, std::less<>>& generics() {
  static std::map<std::string, RuleFactory, std::less<>> f;
  return f;
}

[[noreturn]] void fail(std::string_view path, const std::string& what) {
  throw std::runtime_error(std::string(path) + ": " + what);
}

std::string required_string(std::string_view path, const toml::table& t, std::string_view key) {
  auto v = t[key].value<std::string>();
  if (!v || v->empty()) fail(path, "missing string key '" + std::string(key) + "'");
  return *v;
}

std::vector<std::string> string_list(std::string_view path, const toml::node* n,
                                     std::string_view key) {
  std::vector<std::string> out;
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) fail(path, "'" + std::string(key) + "' must be an array of strings");
  for (const auto& e : *arr) {
    auto s = e.value<std::string>();
    if (!s) fail(path, "'" + std::string(key) + "' must be an array of strings");
    out.push_back(*s);
  }
  return out;
}
}  // namespace

bool RuleRegistry::register_factory(std::string_view id, RuleFactory factory) {
  factories().emplace(std::string(id), std::move(factory));
  return true;
}

bool RuleRegistry::register_generic(std::string_view name, RuleFactory factory) {
  generics().emplace(std::string(name), std::move(factory));
  return true;
}

std::vector<std::string> RuleRegistry::registered_check_ids() {
  std::vector<std::string> ids;
  for (const auto& [id, f] : factories()) ids.push_back(id);
  return ids;
}

RuleMeta parse_rule_meta(std::string_view path, std::string_view toml_text) {
  toml::table t;
  try {
    t = toml::parse(toml_text, std::string(path));
  } catch (const toml::parse_error& e) {
    fail(path, std::string("line ") + std::to_string(e.source().begin.line) + ": " +
                   std::string(e.description()));
  }
  static const std::vector<std::string_view> kKnown = {
      "id",       "title",      "summary",  "issue",    "solution", "cwe",
      "severity", "confidence", "category", "language", "check",    "aliases",
      "triggers", "references", "match",    "options",  "evidence", "taint_confidence"};
  for (const auto& [k, v] : t) {
    if (std::find(kKnown.begin(), kKnown.end(), k.str()) == kKnown.end()) {
      fail(path, "unknown key '" + std::string(k.str()) + "'");
    }
  }
  RuleMeta m;
  m.id = required_string(path, t, "id");
  m.title = required_string(path, t, "title");
  m.summary = required_string(path, t, "summary");
  m.issue = required_string(path, t, "issue");
  m.solution = required_string(path, t, "solution");
  auto cwe = t["cwe"].value<int64_t>();
  if (!cwe || *cwe <= 0) fail(path, "'cwe' must be a positive integer");
  m.cwe = static_cast<int>(*cwe);
  auto sev = parse_severity(t["severity"].value_or(std::string("medium")));
  if (!sev) fail(path, "'severity' must be low, medium or high");
  m.severity = *sev;
  auto conf = parse_confidence(t["confidence"].value_or(std::string("medium")));
  if (!conf) fail(path, "'confidence' must be low, medium or high");
  m.confidence = *conf;
  std::string category = t["category"].value_or(std::string("security"));
  if (category == "security") {
    m.kind = FindingKind::Defect;
  } else if (category == "maintainability") {
    m.kind = FindingKind::Suggestion;
  } else {
    fail(path, "'category' must be security or maintainability");
  }
  m.language = t["language"].value_or(std::string("python"));
  m.check = t["check"].value_or(std::string());
  m.taint_confidence = t["taint_confidence"].value_or(false);
  m.evidence = t["evidence"].value_or(std::string());
  if (m.kind == FindingKind::Suggestion && m.evidence.empty()) {
    fail(path, "a maintainability rule needs 'evidence' (a regex its cited lines match)");
  }
  m.aliases = string_list(path, t.get("aliases"), "aliases");
  m.triggers = string_list(path, t.get("triggers"), "triggers");
  m.references = string_list(path, t.get("references"), "references");
  if (const toml::node* match = t.get("match")) {
    const toml::table* mt = match->as_table();
    if (!mt) fail(path, "'match' must be a table");
    for (const auto& [k, v] : *mt) {
      if (k.str() != "calls" && k.str() != "module") {
        fail(path, "unknown key 'match." + std::string(k.str()) + "'");
      }
    }
    m.calls = string_list(path, mt->get("calls"), "match.calls");
    m.module = (*mt)["module"].value_or(false);
  }
  if (m.calls.empty() && !m.module) fail(path, "'match' must subscribe to calls or the module");
  if (const toml::node* o = t.get("options")) {
    if (!o->as_table()) fail(path, "'options' must be a table");
    m.options = *o->as_table();
  }
  m.folder = std::string(path.substr(0, path.rfind('/')));
  if (m.folder.substr(m.folder.rfind('/') + 1) != m.id) {
    fail(path, "rule id '" + m.id + "' must equal its folder name");
  }
  return m;
}

RuleRegistry RuleRegistry::load(const std::vector<std::pair<std::string, std::string>>& files) {
  RuleRegistry reg;
  std::map<std::string, std::string> docs;  // folder -> README
  for (const auto& [path, text] : files) {
    if (path.ends_with("/README.md")) docs[path.substr(0, path.rfind('/'))] = text;
  }
  for (const auto& [path, text] : files) {
    if (!path.ends_with("/rule.toml")) continue;
    LoadedRule lr;
    lr.meta = parse_rule_meta(path, text);
    if (auto it = docs.find(lr.meta.folder); it != docs.end()) lr.meta.docs = it->second;
    lr.check = instantiate(lr.meta);
    reg.rules_.push_back(std::move(lr));
  }
  std::sort(reg.rules_.begin(), reg.rules_.end(),
            [](const LoadedRule& a, const LoadedRule& b) { return a.meta.id < b.meta.id; });
  for (std::size_t i = 1; i < reg.rules_.size(); ++i) {
    if (reg.rules_[i].meta.id == reg.rules_[i - 1].meta.id) {
      fail(reg.rules_[i].meta.folder, "duplicate rule id '" + reg.rules_[i].meta.id + "'");
    }
  }
  return reg;
}

const RuleRegistry& RuleRegistry::builtin() {
  static const RuleRegistry reg = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& f : embedded::files()) {
      if (f.path.starts_with("rules/")) files.emplace_back(f.path, f.contents);
    }
    return load(files);
  }();
  return reg;
}

namespace {
std::unique_ptr<Rule> instantiate(const RuleMeta& m) {
  if (m.check.empty()) {
    auto f = factories().find(m.id);
    if (f == factories().end()) fail(m.folder, "no check is registered for rule '" + m.id + "'");
    return f->second(m);
  }
  auto g = generics().find(m.check);
  if (g == generics().end()) fail(m.folder, "unknown generic check '" + m.check + "'");
  return g->second(m);
}

void set_option(RuleMeta& m, std::string_view option, std::string_view value,
                std::string_view setting) {
  toml::node* current = m.options.get(option);
  auto bad = [&](std::string_view why) {
    throw std::runtime_error("--set " + std::string(setting) + ": " + std::string(why));
  };
  if (!current) {
    std::string known;
    for (const auto& [k, v] : m.options)
      known += (known.empty() ? "" : ", ") + std::string(k.str());
    bad("rule '" + m.id + "' has no option '" + std::string(option) + "'" +
        (known.empty() ? " (it has none)" : " (options: " + known + ")"));
  }
  if (current->is_integer()) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || p != value.data() + value.size()) bad("expected an integer");
    m.options.insert_or_assign(option, v);
  } else if (current->is_boolean()) {
    if (value != "true" && value != "false") bad("expected true or false");
    m.options.insert_or_assign(option, value == "true");
  } else if (current->is_string()) {
    m.options.insert_or_assign(option, std::string(value));
  } else if (current->is_array()) {
    toml::array arr;
    for (auto part : split(value, ',')) arr.push_back(std::string(trim(part)));
    m.options.insert_or_assign(option, std::move(arr));
  } else {
    bad("this option cannot be set from the command line");
  }
}
}  // namespace

RuleRegistry RuleRegistry::configure(const std::vector<std::string>& settings) const {
  RuleRegistry out;
  out.rules_ = rules_;
  std::vector<bool> changed(rules_.size(), false);
  for (const auto& s : settings) {
    std::size_t eq = s.find('=');
    std::size_t dot = s.substr(0, eq).rfind('.');
    if (eq == std::string::npos || dot == std::string::npos) {
      throw std::runtime_error("--set " + s + ": expected RULE.OPTION=VALUE");
    }
    std::string id = s.substr(0, dot);
    auto it = std::find_if(out.rules_.begin(), out.rules_.end(),
                           [&](const LoadedRule& lr) { return lr.meta.id == id; });
    if (it == out.rules_.end()) {
      std::string why = "--set ";
      why += s;
      why += ": unknown rule '" + id + "'";
      throw std::runtime_error(why);
    }
    set_option(it->meta, s.substr(dot + 1, eq - dot - 1), std::string_view(s).substr(eq + 1), s);
    changed[static_cast<std::size_t>(it - out.rules_.begin())] = true;
  }
  for (std::size_t i = 0; i < out.rules_.size(); ++i) {
    if (changed[i]) out.rules_[i].check = instantiate(out.rules_[i].meta);
  }
  return out;
}

const LoadedRule* RuleRegistry::find(std::string_view id_or_alias) const {
  for (const auto& r : rules_) {
    if (r.meta.id == id_or_alias) return &r;
  }
  std::string want = to_lower(id_or_alias);
  for (const auto& r : rules_) {
    for (const auto& a : r.meta.aliases) {
      if (to_lower(a) == want) return &r;
    }
  }
  return nullptr;
}

std::vector<const LoadedRule*> RuleRegistry::by_cwe(int cwe) const {
  std::vector<const LoadedRule*> out;
  for (const auto& r : rules_) {
    if (r.meta.cwe == cwe) out.push_back(&r);
  }
  return out;
}

std::string expand(std::string_view text,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> vars) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      std::size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view k = text.substr(i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [key, value] : vars) {
          if (key == k) {
            out += value;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

std::vector<std::string> option_strings(const RuleMeta& meta, std::string_view key) {
  std::vector<std::string> out;
  if (const auto* a = meta.options[key].as_array()) {
    for (const auto& e : *a) out.push_back(e.value_or(std::string()));
  }
  return out;
}

std::map<std::string, std::string, std::less<>> option_string_table(const RuleMeta& meta,
                                                                    std::string_view key) {
  std::map<std::string, std::string, std::less<>> out;
  if (const toml::table* t = meta.options[key].as_table()) {
    for (const auto& [name, v] : *t) {
      if (auto text = v.value<std::string>()) out.emplace(std::string(name.str()), *text);
    }
  }
  return out;
}

ArgumentSlot ArgumentSlot::from(const toml::table& entry) {
  ArgumentSlot slot;
  slot.position = entry["position"].value_or(std::int64_t{-1});
  if (auto kw = entry["keyword"].value<std::string>()) slot.keywords.push_back(*kw);
  if (const toml::array* a = entry["keywords"].as_array()) {
    for (const auto& k : *a) {
      if (auto kw = k.value<std::string>()) slot.keywords.push_back(*kw);
    }
  }
  return slot;
}

ArgumentSlot ArgumentSlot::option(const RuleMeta& meta, std::string_view key) {
  const toml::table* t = meta.options[key].as_table();
  return t ? from(*t) : ArgumentSlot{};
}

TSNode ArgumentSlot::in(const py::Call& call) const {
  if (position >= 0) {
    if (const py::Argument* a = call.positional(static_cast<std::size_t>(position)))
      return a->value;
  }
  for (const auto& kw : keywords) {
    if (const py::Argument* a = call.keyword(kw)) return a->value;
  }
  return TSNode{};
}

std::string excerpt(const py::Model& model, TSNode node, std::size_t max) {
  std::string one_line;
  bool space = false;
  for (char c : model.text(node)) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !one_line.empty();
      continue;
    }
    if (space) one_line += ' ';
    space = false;
    one_line += c;
  }
  if (utf8_length(one_line) <= max) return one_line;
  std::string cut;
  std::size_t count = 0;
  for (std::size_t i = 0; i < one_line.size() && count < max - 3; ++i) {
    cut += one_line[i];
    if ((static_cast<unsigned char>(one_line[i]) & 0xC0) != 0x80) ++count;
  }
  while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
  if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0x80)) cut.pop_back();
  return cut + "...";
}

std::string Context::issue_for(std::string_view name) const {
  return expand(meta_.issue, {{"name", name}});
}

void Context::report(TSNode at, Report r) {
  Finding f;
  f.rule_id = meta_.id;
  f.cwe = meta_.cwe;
  f.kind = meta_.kind;
  f.severity = r.severity.value_or(meta_.severity);
  f.confidence = r.confidence.value_or(meta_.confidence);
  f.path = model_.source().path();
  f.start = model_.start(at);
  f.end = model_.end(ts_node_is_null(r.end) ? at : r.end);
  for (TSNode n : r.related) f.related.push_back(model_.start(n));
  f.issue = r.issue.empty() ? issue_for("") : std::move(r.issue);
  if (r.solution.empty()) {
    f.solution = meta_.solution;
  } else {
    f.solution = std::move(r.solution);
  }
  f.snippet = std::string(model_.source().line(f.start.line));
  f.trace = std::move(r.trace);
  out_.push_back(std::move(f));
}

const taint::Result& Context::taint() {
  if (!taint_) {
    if (!own_taint_) own_taint_ = std::make_unique<taint::Lazy>(model_);
    return own_taint_->get();
  }
  return taint_->get();
}

}  // namespace secreview
