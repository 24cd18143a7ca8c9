// urlopen-any-scheme: urllib fetches a URL that is not a constant and whose scheme no constant
// prefix fixes, so data can choose file:// (local files) or reach internal hosts.
#include <cctype>
#include <optional>

#include "core/text.hpp"
#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules {
namespace {

struct Verdict {
  std::string what;
  std::string impact;
  std::vector<std::string> notes;
  std::optional<Confidence> confidence;
};

class UrlopenAnyScheme final : public Rule {
 public:
  explicit UrlopenAnyScheme(const RuleMeta& meta)
      : opener_classes_(option_strings(meta, "opener_classes")),
        opener_methods_(option_strings(meta, "opener_methods")),
        request_classes_(option_strings(meta, "request_classes")),
        fixed_schemes_(option_strings(meta, "fixed_schemes")),
        untrusted_(option_strings(meta, "untrusted_sources")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    if (crypto::contains(opener_classes_, call.name)) {
      check_opener(call, ctx);
      return;
    }
    const py::Model& m = ctx.model();
    TSNode url = request_url(m, call.argument(0, "url"), call.scope);
    if (ts_node_is_null(url)) return;
    std::optional<Verdict> v = judge(m, url, m.scope_of(url));
    if (!v) return;
    report(ctx, call, url, *v, {});
  }

 private:
  void report(Context& ctx, const py::Call& call, TSNode url, Verdict v,
              std::vector<TSNode> related) const {
    const py::Model& m = ctx.model();
    Report r;
    r.issue = expand(ctx.meta().issue, {{"call", excerpt(m, call.node)},
                                        {"url", excerpt(m, url, 40)},
                                        {"what", v.what},
                                        {"impact", v.impact}});
    std::string note;
    for (const auto& n : v.notes) note += (note.empty() ? "" : "; ") + n;
    crypto::add_note(r.issue, note);
    r.confidence = v.confidence;
    r.related = std::move(related);
    crypto::mark_test_code(m, r);
    ctx.report(call.node, std::move(r));
  }

  // URLopener()/FancyURLopener(): judge the URLs its open()/retrieve() calls receive.
  void check_opener(const py::Call& ctor, Context& ctx) const {
    const py::Model& m = ctx.model();
    const py::Grammar& g = m.grammar();
    std::vector<const py::Call*> uses;
    TSNode parent = crypto::parent_skipping_parens(m, ctor.node);
    TSNode name = crypto::bound_name(m, ctor.node);
    for (const py::Call& c : m.calls()) {
      if (ts_node_symbol(c.callee) != g.attribute || !crypto::contains(opener_methods_, c.method)) {
        continue;
      }
      TSNode object = ts_node_child_by_field_id(c.callee, g.f_object);
      bool inline_use = ts_node_eq(c.callee, parent);  // URLopener().open(url)
      bool named_use = !ts_node_is_null(name) && c.scope == ctor.scope &&
                       ts_node_symbol(object) == g.identifier && m.text(object) == m.text(name);
      if (inline_use || named_use) uses.push_back(&c);
    }
    for (const py::Call* use : uses) {
      TSNode url = use->argument(0, use->method == "open" ? "fullurl" : "url");
      if (ts_node_is_null(url)) continue;
      std::optional<Verdict> v = judge(m, url, use->scope);
      if (!v) continue;
      v->notes.insert(v->notes.begin(),
                      "the opener is `" + excerpt(m, ctor.node) + "`, which handles every scheme");
      report(ctx, *use, url, *v, {ctor.node});
    }
    if (!uses.empty()) return;
    if (!ts_node_is_null(name) && !crypto::leaves_scope(m, ctor.node, ctor.scope)) return;
    // The opener is handed on: its URLs cannot be seen here.
    Report r;
    r.issue = "`" + excerpt(m, ctor.node) +
              "` creates an opener that handles every scheme, file:// included, and the URLs it "
              "will open are not visible here: if one comes from data, it can read local files "
              "or reach hosts inside the network.";
    r.confidence = Confidence::Low;
    crypto::mark_test_code(m, r);
    ctx.report(ctor.node, std::move(r));
  }

  // urlopen(Request(url)) or `req = Request(url); urlopen(req)` -> url.
  TSNode request_url(const py::Model& m, TSNode arg, const py::Scope* scope) const {
    TSNode e = m.unwrap(arg);
    if (ts_node_is_null(e)) return arg;
    if (ts_node_symbol(e) == m.grammar().identifier) {
      TSNode bound = m.single_value(e, scope);
      if (!ts_node_is_null(bound) && ts_node_symbol(m.unwrap(bound)) == m.grammar().call) {
        e = m.unwrap(bound);
      }
    }
    if (ts_node_symbol(e) != m.grammar().call) return arg;
    for (const py::Call& c : m.calls()) {
      if (!ts_node_eq(c.node, e)) continue;
      if (!crypto::contains(request_classes_, c.name)) return arg;
      return c.argument(0, "url");
    }
    return arg;
  }

  static std::string scheme_of(std::string_view prefix) {
    std::size_t colon = prefix.find(':');
    if (colon == std::string_view::npos || colon == 0) return {};
    for (char c : prefix.substr(0, colon)) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
        return {};
      }
    }
    return to_lower(prefix.substr(0, colon));
  }

  std::optional<Verdict> judge(const py::Model& m, TSNode url, const py::Scope* scope) const {
    bool complete = false;
    std::string prefix = crypto::leading_constant(m, url, scope, &complete);
    if (complete) return std::nullopt;  // a constant URL: the code chose it, not the data
    std::string scheme = scheme_of(prefix);
    if (crypto::contains(fixed_schemes_, scheme)) return std::nullopt;
    Verdict v;
    if (scheme == "file") {
      v.what = "a file:// URL whose path is not a constant";
      v.impact = "whoever controls the path chooses which local file is read";
    } else {
      v.what = "a URL that is not a constant and whose scheme nothing fixes";
      v.impact =
          "urllib accepts any scheme, file:// included, so whoever controls this value can read "
          "local files (file:///etc/passwd) or reach hosts inside the network";
    }
    if (std::string src = untrusted_source(m, url, scope); !src.empty()) {
      v.confidence = Confidence::High;
      v.notes.push_back("the URL comes from `" + src + "`");
    } else if (scheme_checked(m, url, scope)) {
      v.confidence = Confidence::Low;
      v.notes.emplace_back(
          "the function checks the URL's scheme first; make sure file:// is refused");
    }
    return v;
  }

  // The expression the URL comes from, when it reads request data, input() or argv.
  std::string untrusted_source(const py::Model& m, TSNode url, const py::Scope* scope) const {
    TSNode e = m.unwrap(url);
    TSNode bound = m.single_value(e, scope);
    for (TSNode n : {e, bound}) {
      if (ts_node_is_null(n)) continue;
      std::string_view t = m.text(n);
      for (const auto& s : untrusted_) {
        if (t.find(s) != std::string_view::npos) return excerpt(m, n, 40);
      }
    }
    return {};
  }

  // `url.startswith(...)`, or urlparse(url)/urlsplit(url) with `.scheme` read, in the function.
  static bool scheme_checked(const py::Model& m, TSNode url, const py::Scope* scope) {
    const py::Grammar& g = m.grammar();
    TSNode e = m.unwrap(url);
    if (ts_node_symbol(e) != g.identifier || !scope || scope->kind != py::Scope::Kind::Function) {
      return false;
    }
    std::string_view x = m.text(e);
    std::string_view body = m.text(scope->node);
    for (const py::Call& c : m.calls()) {
      if (c.scope != scope) continue;
      if (c.method == "startswith" && ts_node_symbol(c.callee) == g.attribute) {
        std::string_view object = m.text(ts_node_child_by_field_id(c.callee, g.f_object));
        if (object == x || (object.starts_with(x) && object.substr(x.size()).starts_with("."))) {
          return true;
        }
      }
      if ((c.method == "urlparse" || c.method == "urlsplit") &&
          body.find(".scheme") != std::string_view::npos) {
        const py::Argument* a = c.positional(0);
        if (a && m.text(m.unwrap(a->value)) == x) return true;
      }
    }
    return false;
  }

  std::vector<std::string> opener_classes_;
  std::vector<std::string> opener_methods_;
  std::vector<std::string> request_classes_;
  std::vector<std::string> fixed_schemes_;
  std::vector<std::string> untrusted_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::UrlopenAnyScheme, "urlopen-any-scheme")
