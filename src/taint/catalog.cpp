#include "taint/catalog.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <stdexcept>

#include "core/embedded.hpp"

namespace secreview::taint {

namespace {

[[noreturn]] void fail(std::string_view path, const std::string& what) {
  throw std::runtime_error(std::string(path) + ": " + what);
}

std::vector<std::string> strings(std::string_view path, const toml::table& t,
                                 std::string_view key) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) fail(path, "'" + std::string(key) + "' must be an array of strings");
  for (const auto& e : *a) {
    auto s = e.value<std::string>();
    if (!s) fail(path, "'" + std::string(key) + "' must be an array of strings");
    out.push_back(*s);
  }
  return out;
}

std::vector<int> ints(std::string_view path, const toml::table& t, std::string_view key) {
  std::vector<int> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) fail(path, "'" + std::string(key) + "' must be an array of integers");
  for (const auto& e : *a) {
    auto v = e.value<std::int64_t>();
    if (!v || *v < 0) fail(path, "'" + std::string(key) + "' must hold non-negative integers");
    out.push_back(static_cast<int>(*v));
  }
  return out;
}

void known_keys(std::string_view path, const toml::table& t, std::string_view what,
                std::initializer_list<std::string_view> keys) {
  for (const auto& [k, v] : t) {
    if (std::find(keys.begin(), keys.end(), k.str()) == keys.end()) {
      fail(path, "unknown key '" + std::string(k.str()) + "' in " + std::string(what));
    }
  }
}

template <typename Fn>
void each_table(std::string_view path, const toml::table& doc, std::string_view key, Fn&& fn) {
  const toml::node* n = doc.get(key);
  if (!n) return;
  const toml::array* a = n->as_array();
  if (!a)
    fail(path,
         "'" + std::string(key) + "' must be an array of tables ([[" + std::string(key) + "]])");
  for (const auto& e : *a) {
    const toml::table* t = e.as_table();
    if (!t) fail(path, "'" + std::string(key) + "' must be an array of tables");
    fn(*t);
  }
}

void append(std::vector<std::string>& to, std::vector<std::string> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

std::uint32_t Catalog::bit(int cwe) const {
  auto it = std::lower_bound(cwes.begin(), cwes.end(), cwe);
  if (it == cwes.end() || *it != cwe) return 0;
  return std::uint32_t{1} << static_cast<unsigned>(it - cwes.begin());
}

std::vector<std::string> Catalog::source_words() const {
  std::vector<std::string> words;
  for (const Source& s : sources) {
    for (const std::string& n : s.names) {
      std::size_t dot = n.rfind('.');
      if (s.kind == Source::Kind::Object) {  // flask.request: the module must import flask
        words.push_back(n.substr(0, n.find('.')));
      } else if (s.kind == Source::Kind::Call && dot == std::string::npos) {
        words.push_back(n + "(");
      } else if (s.kind == Source::Kind::Call) {  // sys.stdin.read: "stdin"
        std::size_t prev = n.rfind('.', dot - 1);
        std::size_t from = prev == std::string::npos ? 0 : prev + 1;
        words.push_back(n.substr(from, dot - from));
      }
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::uint32_t Catalog::all_bits() const {
  return cwes.size() >= 32 ? ~std::uint32_t{0}
                           : (std::uint32_t{1} << static_cast<unsigned>(cwes.size())) - 1;
}

Catalog Catalog::parse(const std::vector<std::pair<std::string, std::string>>& files) {
  Catalog c;
  for (const auto& file : files) {
    // Named references, not structured bindings: clang 14 (the fuzz build) cannot capture
    // bindings in the lambdas below.
    const std::string& path = file.first;
    const std::string& text = file.second;
    toml::table doc;
    try {
      doc = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
      fail(path,
           "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    known_keys(path, doc, "the file", {"source", "sink", "sanitizer", "flow"});
    each_table(path, doc, "source", [&](const toml::table& t) {
      known_keys(path, t, "[[source]]",
                 {"kind", "names", "types", "decorators", "injected", "safe_attributes", "what"});
      Source s;
      std::string kind = t["kind"].value_or(std::string());
      if (kind == "object") {
        s.kind = Source::Kind::Object;
      } else if (kind == "call") {
        s.kind = Source::Kind::Call;
      } else if (kind == "route") {
        s.kind = Source::Kind::Route;
      } else if (kind == "parameter") {
        s.kind = Source::Kind::Parameter;
      } else {
        fail(path, "[[source]] kind must be object, call, route or parameter");
      }
      s.names = strings(path, t, "names");
      s.types = strings(path, t, "types");
      s.decorators = strings(path, t, "decorators");
      s.injected = strings(path, t, "injected");
      s.safe_attributes = strings(path, t, "safe_attributes");
      s.what = t["what"].value_or(std::string("client data"));
      if (s.names.empty() && s.decorators.empty()) fail(path, "[[source]] matches nothing");
      c.sources.push_back(std::move(s));
    });
    each_table(path, doc, "sink", [&](const toml::table& t) {
      known_keys(path, t, "[[sink]]",
                 {"cwe", "calls", "args", "keywords", "receiver", "when", "unless",
                  "receiver_contains", "stores", "keys", "returns_of", "what"});
      Sink s;
      auto cwe = t["cwe"].value<std::int64_t>();
      if (!cwe || *cwe <= 0) fail(path, "[[sink]] needs a positive 'cwe'");
      s.cwe = static_cast<int>(*cwe);
      s.calls = strings(path, t, "calls");
      s.args = ints(path, t, "args");
      s.keywords = strings(path, t, "keywords");
      s.receiver = t["receiver"].value_or(false);
      s.when = t["when"].value_or(std::string());
      for (const auto& u : strings(path, t, "unless")) {
        auto eq = u.find('=');
        if (eq == std::string::npos) fail(path, "'unless' entries are KEYWORD=qualified.name");
        s.unless.emplace_back(u.substr(0, eq), u.substr(eq + 1));
      }
      s.receiver_contains = strings(path, t, "receiver_contains");
      s.stores = strings(path, t, "stores");
      s.keys = strings(path, t, "keys");
      s.returns_of = strings(path, t, "returns_of");
      s.what = t["what"].value_or(std::string("a sink"));
      s.file = path;
      if (!s.calls.empty() + !s.stores.empty() + !s.returns_of.empty() != 1) {
        fail(path, "[[sink]] needs one of 'calls', 'stores' or 'returns_of'");
      }
      if (!s.calls.empty() && s.args.empty() && s.keywords.empty() && !s.receiver) {
        fail(path, "[[sink]] names no dangerous argument (args, keywords or receiver)");
      }
      c.sinks.push_back(std::move(s));
    });
    each_table(path, doc, "sanitizer", [&](const toml::table& t) {
      known_keys(path, t, "[[sanitizer]]", {"calls", "cwes"});
      Sanitizer s;
      s.calls = strings(path, t, "calls");
      s.cwes = ints(path, t, "cwes");
      if (s.calls.empty()) fail(path, "[[sanitizer]] needs 'calls'");
      c.sanitizers.push_back(std::move(s));
    });
    if (const toml::node* f = doc.get("flow")) {
      const toml::table* t = f->as_table();
      if (!t) fail(path, "'flow' must be a table");
      known_keys(path, *t, "[flow]",
                 {"mutators", "terminators", "validators", "normalizers", "prefix_checks",
                  "url_parsers", "url_parts"});
      append(c.mutators, strings(path, *t, "mutators"));
      append(c.terminators, strings(path, *t, "terminators"));
      append(c.validators, strings(path, *t, "validators"));
      append(c.normalizers, strings(path, *t, "normalizers"));
      append(c.prefix_checks, strings(path, *t, "prefix_checks"));
      append(c.url_parsers, strings(path, *t, "url_parsers"));
      append(c.url_parts, strings(path, *t, "url_parts"));
    }
  }
  for (const auto& s : c.sinks) c.cwes.push_back(s.cwe);
  std::sort(c.cwes.begin(), c.cwes.end());
  c.cwes.erase(std::unique(c.cwes.begin(), c.cwes.end()), c.cwes.end());
  if (c.cwes.size() > 32) throw std::runtime_error("data/taint: more than 32 sink CWEs");
  for (const auto& s : c.sanitizers) {
    for (int cwe : s.cwes) {
      if (!c.bit(cwe)) {
        throw std::runtime_error("data/taint: a sanitizer names CWE-" + std::to_string(cwe) +
                                 ", which no sink has");
      }
    }
  }
  return c;
}

const Catalog& Catalog::builtin() {
  static const Catalog catalog = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& f : embedded::files()) {
      if (f.path.starts_with("data/taint/") && f.path.ends_with(".toml")) {
        files.emplace_back(std::string(f.path), std::string(f.contents));
      }
    }
    return parse(files);
  }();
  return catalog;
}

}  // namespace secreview::taint
