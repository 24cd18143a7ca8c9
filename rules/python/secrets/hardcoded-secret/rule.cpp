// hardcoded-secret: credentials written in the source. Known formats (private keys, AWS, GitHub,
// Slack, Google, Stripe) in any string literal; signing keys (SECRET_KEY) and high-entropy
// strings stored under secret-like names; literal fallbacks of environment reads.
#include <array>
#include <cmath>
#include <regex>
#include <unordered_set>

#include "core/text.hpp"
#include "engine/rule.hpp"
#include "rules/python/secrets/common.hpp"
#include "rules/python/web/settings.hpp"

namespace secreview::rules {
namespace {

struct Pattern {
  std::string kind;
  std::regex re;
  std::vector<std::string> contains;
  std::vector<std::string> names;
  std::optional<std::regex> then;
  bool preview = true;
};

std::vector<std::string> strings_of(const toml::table& t, std::string_view key) {
  std::vector<std::string> out;
  if (const auto* a = t[key].as_array()) {
    for (const auto& e : *a) out.push_back(e.value_or(std::string()));
  }
  return out;
}

double shannon_entropy(std::string_view s) {
  if (s.empty()) return 0;
  std::array<std::size_t, 256> counts{};
  for (char c : s) ++counts[static_cast<unsigned char>(c)];
  double h = 0;
  auto n = static_cast<double>(s.size());
  for (std::size_t c : counts) {
    if (c == 0) continue;
    double p = static_cast<double>(c) / n;
    h -= p * std::log2(p);
  }
  return h;
}

// At most the first 4 characters, never more than half of the value, then "...".
std::string preview_of(std::string_view v) {
  std::size_t n = std::min<std::size_t>(4, v.size() / 2);
  std::string out(v.substr(0, n));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  }
  return out + "...";
}

class HardcodedSecret final : public Rule {
 public:
  explicit HardcodedSecret(const RuleMeta& meta)
      : name_words_(option_strings(meta, "name_words")),
        not_words_(option_strings(meta, "not_words")),
        weak_name_words_(option_strings(meta, "weak_name_words")),
        weak_not_words_(option_strings(meta, "weak_not_words")),
        password_words_(option_strings(meta, "password_words")),
        signing_names_(option_strings(meta, "signing_key_names")),
        placeholders_(option_strings(meta, "placeholders")),
        dev_words_(option_strings(meta, "dev_words")),
        min_length_(
            static_cast<std::size_t>(meta.options["min_length"].value_or(std::int64_t{20}))),
        threshold_(meta.options["entropy_threshold"].value_or(3.5)),
        hex_threshold_(meta.options["hex_entropy_threshold"].value_or(3.0)) {
    if (const auto* arr = meta.options["patterns"].as_array()) {
      for (const auto& e : *arr) {
        const toml::table* t = e.as_table();
        if (!t) continue;
        Pattern p;
        p.kind = (*t)["kind"].value_or(std::string("a secret"));
        p.re = std::regex((*t)["regex"].value_or(std::string()), std::regex::ECMAScript);
        p.contains = strings_of(*t, "contains");
        p.names = strings_of(*t, "names");
        if (auto then = (*t)["then"].value<std::string>()) p.then.emplace(*then);
        p.preview = (*t)["preview"].value_or(true);
        patterns_.push_back(std::move(p));
      }
    }
  }

  void check_module(const py::Model& m, Context& ctx) const override {
    const py::Grammar& g = m.grammar();
    std::unordered_set<const void*> done;
    for (const auto& a : m.assignments()) {
      if (a.augmented) continue;
      std::string holder = a.scope && a.scope->kind == py::Scope::Kind::Class ? a.scope->name : "";
      check_named(m, ctx, done, secrets::target_name(m, a.target), a.value, a.scope, holder);
    }
    for (const auto& call : m.calls()) {
      for (const auto& arg : call.args) {
        if (arg.kind == py::Argument::Kind::Keyword) {
          check_named(m, ctx, done, std::string(arg.keyword), arg.value, call.scope, {});
        }
      }
    }
    for (const auto& f : m.functions()) {
      for (const auto& p : f.params) {
        if (!ts_node_is_null(p.default_value)) {
          check_named(m, ctx, done, p.name, p.default_value, f.scope->parent, {});
        }
      }
    }
    for (TSNode cmp : m.comparisons()) {
      if (ts_node_named_child_count(cmp) != 2) continue;
      std::string_view op = m.text(ts_node_child(cmp, 1));
      if (op != "==" && op != "!=") continue;
      TSNode l = ts_node_named_child(cmp, 0);
      TSNode r = ts_node_named_child(cmp, 1);
      const py::Scope* scope = m.scope_of(cmp);
      check_named(m, ctx, done, secrets::target_name(m, l), r, scope, {});
      check_named(m, ctx, done, secrets::target_name(m, r), l, scope, {});
    }
    for (TSNode s : m.strings()) {
      TSNode parent = m.parent(s);
      // {"api_token": "..."}: the key names the value.
      if (!ts_node_is_null(parent) && ts_node_symbol(parent) == g.pair &&
          ts_node_eq(ts_node_child_by_field_id(parent, g.f_key), s)) {
        py::Value key = m.evaluate(s, nullptr);
        if (key.is_str()) {
          check_named(m, ctx, done, key.str, ts_node_child_by_field_id(parent, g.f_value),
                      m.scope_of(parent), {});
        }
      }
    }
    // Known formats anywhere else (an argument, a list item, a header value).
    for (TSNode s : m.strings()) {
      TSNode node = s;
      TSNode parent = m.parent(s);
      if (!ts_node_is_null(parent) && ts_node_symbol(parent) == g.concatenated_string) {
        if (!ts_node_eq(ts_node_named_child(parent, 0), s)) continue;
        node = parent;  // a key written as "line" "line" "line": the whole literal
      }
      if (done.count(node.id)) continue;
      std::string text = literal_text(m, node);
      const Pattern* p = match_format(text, {});
      if (!p) continue;
      done.insert(node.id);
      Report r;
      r.issue = expand(ctx.meta().issue,
                       {{"what", "A string literal holds " + p->kind + shown(*p, text)}});
      TSNode stmt = m.parent(node);
      if (!ts_node_is_null(stmt) && ts_node_symbol(stmt) == g.expression_statement) {
        r.confidence = Confidence::Low;
        r.issue += " (in a docstring or bare string, probably an example)";
      }
      lower(m, r, {});
      ctx.report(node, std::move(r));
    }
  }

 private:
  // The value of a literal: folded when constant, else the raw text (an f-string).
  static std::string literal_text(const py::Model& m, TSNode node) {
    py::Value v = m.evaluate(node, nullptr);
    if (v.is_str() || v.kind == py::Value::Kind::Bytes) return v.str;
    return std::string(m.text(node));
  }

  // "_api_key_" in "_my_api_key_": the name's words contain the word sequence.
  static bool has_sequence(const std::string& joined, std::string_view entry) {
    std::string needle = "_" + std::string(entry) + "_";
    return joined.find(needle) != std::string::npos;
  }

  static std::string joined_words(std::string_view name) {
    std::string out = "_";
    for (const auto& w : identifier_words(name)) out += w + "_";
    return out;
  }

  const Pattern* match_format(const std::string& text, const std::string& joined_name) const {
    for (const auto& p : patterns_) {
      if (!p.names.empty()) {
        if (joined_name.empty()) continue;
        bool named = std::any_of(p.names.begin(), p.names.end(), [&](const std::string& n) {
          return has_sequence(joined_name, n);
        });
        if (!named) continue;
      }
      if (!p.contains.empty() &&
          std::none_of(p.contains.begin(), p.contains.end(),
                       [&](const std::string& c) { return text.find(c) != std::string::npos; })) {
        continue;
      }
      std::smatch match;
      if (!std::regex_search(text, match, p.re)) continue;
      if (is_placeholder(text)) continue;
      if (p.then) {
        std::string rest = match.suffix().str();
        if (!std::regex_search(rest, *p.then)) continue;
      }
      return &p;
    }
    return nullptr;
  }

  bool is_placeholder(std::string_view v) const {
    std::string lower = to_lower(v);
    for (const auto& ph : placeholders_) {
      if (lower.find(ph) != std::string::npos) return true;
    }
    if (v.empty() || (v.starts_with("<") && v.ends_with(">"))) return true;
    return std::all_of(v.begin(), v.end(), [&](char c) { return c == v.front() || c == '-'; });
  }

  bool is_secret_name(std::string_view name) const {
    std::vector<std::string> words = identifier_words(name);
    for (const auto& w : words) {
      if (web::in_list(not_words_, w) || web::in_list(password_words_, w)) return false;
    }
    std::string joined = joined_words(name);
    auto in_name = [&](const std::string& e) { return has_sequence(joined, e); };
    if (std::any_of(name_words_.begin(), name_words_.end(), in_name)) return true;
    if (std::none_of(weak_name_words_.begin(), weak_name_words_.end(), in_name)) return false;
    return std::none_of(words.begin(), words.end(),
                        [&](const std::string& w) { return web::in_list(weak_not_words_, w); });
  }

  bool is_signing_name(std::string_view name) const {
    std::string lower = to_lower(name);
    return web::in_list(signing_names_, lower);
  }

  // A value that names a key rather than being one: an environment variable or config key
  // ('AWS_SECRET_ACCESS_KEY', 'aws_secret_access_key', 'AWSSecretKey').
  static bool names_a_key(std::string_view v) {
    static const std::regex kEnvName(R"(^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$)");
    std::string s(v);
    if (std::regex_match(s, kEnvName)) return true;
    bool identifier = std::all_of(v.begin(), v.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    });
    if (!identifier) return false;
    std::vector<std::string> words = identifier_words(v);
    return words.size() > 1 && (web::in_list(words, "secret") || web::in_list(words, "key"));
  }

  // Made of readable words ("AWS::S3::DisableS3ExpressSessionAuth"): words of four letters or
  // more (an optional capital, then lower case) with a vowel in every four letters cover at
  // least 60% of it. Random strings almost never do (under 2% of 24-character ones).
  static bool word_like(std::string_view v) {
    std::size_t covered = 0;
    std::size_t i = 0;
    auto is_vowel = [](char c) {
      return std::string_view("aeiouAEIOU").find(c) != std::string_view::npos;
    };
    while (i < v.size()) {
      std::size_t start = i;
      if (std::isupper(static_cast<unsigned char>(v[i])) != 0) ++i;
      while (i < v.size() && std::islower(static_cast<unsigned char>(v[i])) != 0) ++i;
      if (i == start) {
        ++i;
        continue;
      }
      std::size_t len = i - start;
      if (len == 1 && std::isupper(static_cast<unsigned char>(v[start])) != 0) continue;
      std::size_t vowels = static_cast<std::size_t>(
          std::count_if(v.begin() + static_cast<std::ptrdiff_t>(start),
                        v.begin() + static_cast<std::ptrdiff_t>(i), is_vowel));
      if (len >= 4 && vowels * 4 >= len) covered += len;
    }
    return covered * 10 >= v.size() * 6;
  }

  // Random-looking: long, no spaces, a letter and a digit, not a URL, path, dotted name or
  // environment-variable name, and with enough entropy.
  bool looks_random(std::string_view v) const {
    if (v.size() < min_length_ || is_placeholder(v)) return false;
    bool digit = false;
    bool alpha = false;
    bool hex = true;
    for (char ch : v) {
      auto c = static_cast<unsigned char>(ch);
      if (std::isspace(c) != 0) return false;
      digit = digit || std::isdigit(c) != 0;
      alpha = alpha || std::isalpha(c) != 0;
      hex = hex && std::isxdigit(c) != 0;
    }
    if (!digit || !alpha) return false;
    if (v.find("://") != std::string_view::npos || v.starts_with("/") || v.starts_with("./") ||
        v.starts_with("~")) {
      return false;
    }
    static const std::regex kDotted(R"(^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$)");
    static const std::regex kEnvName(R"(^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$)");
    std::string s(v);
    if (std::regex_match(s, kDotted) || std::regex_match(s, kEnvName) || word_like(v)) {
      return false;
    }
    return shannon_entropy(v) >= (hex ? hex_threshold_ : threshold_);
  }

  // A value read from the environment with a literal default: os.environ.get("KEY", "..."),
  // os.getenv("KEY", "..."), config("KEY", default="..."), env.str("KEY", default="...").
  static TSNode env_default(const py::Model& m, TSNode value, const py::Scope* scope) {
    const py::Grammar& g = m.grammar();
    if (ts_node_symbol(value) != g.call) return {};
    TSNode args = ts_node_child_by_field_id(value, g.f_arguments);
    TSNode first{};
    TSNode fallback{};
    uint32_t k = ts_node_named_child_count(args);
    uint32_t positional = 0;
    for (uint32_t i = 0; i < k; ++i) {
      TSNode a = ts_node_named_child(args, i);
      TSSymbol s = ts_node_symbol(a);
      if (s == g.comment) continue;
      if (s == g.keyword_argument) {
        if (m.text(ts_node_child_by_field_id(a, g.f_name)) == "default") {
          fallback = ts_node_child_by_field_id(a, g.f_value);
        }
        continue;
      }
      if (positional == 0) first = a;
      if (positional == 1 && ts_node_is_null(fallback)) fallback = a;
      ++positional;
    }
    py::Value key = m.evaluate(first, scope);
    static const std::regex kEnvName(R"(^[A-Z][A-Z0-9_]*$)");
    if (!key.is_str() || !std::regex_match(key.str, kEnvName)) return {};
    return fallback;
  }

  void check_named(const py::Model& m, Context& ctx, std::unordered_set<const void*>& done,
                   const std::string& name, TSNode value, const py::Scope* scope,
                   const std::string& holder) const {
    if (name.empty() || ts_node_is_null(value)) return;
    const py::Grammar& g = m.grammar();
    value = m.unwrap(value);
    bool fallback = false;
    if (TSNode d = m.unwrap(env_default(m, value, scope)); !ts_node_is_null(d)) {
      value = d;
      fallback = true;
    }
    TSSymbol s = ts_node_symbol(value);
    if (s != g.string && s != g.concatenated_string) return;  // literals only
    if (done.count(value.id)) return;
    py::Value v = m.evaluate(value, scope);
    if (!v.is_str() && v.kind != py::Value::Kind::Bytes) return;
    std::string kind;
    std::string preview;
    std::optional<Confidence> confidence;
    if (const Pattern* p = match_format(v.str, joined_words(name))) {
      kind = p->kind;
      preview = shown(*p, v.str);
    } else if (is_signing_name(name)) {
      if (v.str.empty() || is_placeholder(v.str) || names_a_key(v.str)) return;
      kind = "a signing key";
      preview = " (`" + preview_of(v.str) + "`)";
    } else if (is_secret_name(name) && looks_random(v.str)) {
      kind = "a high-entropy string";
      preview = " (`" + preview_of(v.str) + "`, " + std::to_string(v.str.size()) + " characters)";
      confidence = Confidence::Medium;
    } else {
      return;
    }
    done.insert(value.id);
    Report r;
    std::string what = fallback ? "`" + name + "` falls back to " + kind + preview +
                                      " whenever the environment variable is not set"
                                : "`" + name + "` is set to " + kind + preview;
    r.issue = expand(ctx.meta().issue, {{"what", what}});
    if (confidence) r.confidence = confidence;
    if (fallback) r.confidence = Confidence::Medium;
    lower(m, r, holder);
    ctx.report(value, std::move(r));
  }

  static std::string shown(const Pattern& p, const std::string& text) {
    return p.preview ? " (`" + preview_of(text) + "`)" : std::string();
  }

  void lower(const py::Model& m, Report& r, const std::string& holder) const {
    std::string why = web::non_production_note(m, holder, dev_words_);
    if (why.empty()) return;
    r.confidence = Confidence::Low;
    r.issue += why;
  }

  std::vector<Pattern> patterns_;
  std::vector<std::string> name_words_;
  std::vector<std::string> not_words_;
  std::vector<std::string> weak_name_words_;
  std::vector<std::string> weak_not_words_;
  std::vector<std::string> password_words_;
  std::vector<std::string> signing_names_;
  std::vector<std::string> placeholders_;
  std::vector<std::string> dev_words_;
  std::size_t min_length_;
  double threshold_;
  double hex_threshold_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::HardcodedSecret, "hardcoded-secret")
