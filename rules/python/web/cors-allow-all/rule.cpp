// cors-allow-all: flask-cors CORS()/cross_origin() with the default or a wildcard origin,
// Starlette/FastAPI CORSMiddleware with allow_origins=["*"], django-cors-headers
// CORS_ALLOW_ALL_ORIGINS = True; severity high when credentials are allowed too.
#include "engine/rule.hpp"
#include "rules/python/web/settings.hpp"

namespace secreview::rules {
namespace {

constexpr const char* kPublicImpact =
    "any website can read this API's responses from its visitors' browsers, including answers "
    "that only their network position (intranet, VPN) entitles them to";
constexpr const char* kCredentialsImpact =
    "any website a signed-in user visits can send requests with the user's cookies and read the "
    "answers: personal data and CSRF tokens leak to every site";

class CorsAllowAll final : public Rule {
 public:
  explicit CorsAllowAll(const RuleMeta& meta)
      : wildcards_(option_strings(meta, "wildcards")),
        middleware_(option_strings(meta, "middleware_classes")),
        allow_all_(option_strings(meta, "allow_all_settings")),
        regex_settings_(option_strings(meta, "origin_regex_settings")),
        credentials_(option_strings(meta, "credentials_settings")),
        flask_credentials_(option_strings(meta, "flask_credentials_settings")),
        origins_config_(meta.options["origins_config"].value_or(std::string("CORS_ORIGINS"))),
        dev_words_(option_strings(meta, "dev_words")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    if (call.has_splat()) return;
    if (call.name == "flask_cors.CORS" || call.name == "flask_cors.cross_origin") {
      check_flask_cors(m, call, ctx);
      return;
    }
    // app.add_middleware(CORSMiddleware, ...) / Middleware(CORSMiddleware, ...)
    const py::Argument* cls = call.positional(0);
    if (!cls) return;
    py::NameOrigin o = py::NameOrigin::None;
    std::string q = m.qualify(cls->value, call.scope, &o);
    if (o != py::NameOrigin::Import || !web::in_list(middleware_, q)) return;
    TSNode origins{};
    if (const py::Argument* a = call.keyword("allow_origins")) {
      if (is_wildcard(m, a->value, call.scope)) origins = a->value;
    }
    if (const py::Argument* a = call.keyword("allow_origin_regex")) {
      if (ts_node_is_null(origins) && is_wildcard(m, a->value, call.scope)) origins = a->value;
    }
    if (ts_node_is_null(origins)) return;
    bool creds = is_true(m, call.keyword("allow_credentials"), call.scope);
    report(ctx, origins,
           "`CORSMiddleware` is added with `" + excerpt(m, ts_node_parent(origins)) + "`" +
               (creds ? " and allow_credentials=True" : ""),
           creds, {});
  }

  void check_module(const py::Model& m, Context& ctx) const override {
    std::vector<std::string> names = allow_all_;
    names.insert(names.end(), regex_settings_.begin(), regex_settings_.end());
    std::vector<web::Setting> settings = web::settings_in(m, names);
    if (settings.empty()) return;
    bool creds = false;
    for (const auto& s : web::settings_in(m, credentials_)) {
      if (m.evaluate(s.value, s.scope).truthy() == true) creds = true;
    }
    for (const auto& s : settings) {
      bool hit = web::in_list(allow_all_, s.name) ? m.evaluate(s.value, s.scope).truthy() == true
                                                  : is_wildcard(m, s.value, s.scope);
      if (!hit) continue;
      report(ctx, s.value,
             "`" + excerpt(m, s.statement, 64) + "` lets every origin call the site" +
                 (creds ? " and CORS_ALLOW_CREDENTIALS is on" : ""),
             creds, web::non_production_note(m, s.holder, dev_words_));
    }
  }

 private:
  void check_flask_cors(const py::Model& m, const py::Call& call, Context& ctx) const {
    bool creds =
        is_true(m, call.keyword("supports_credentials"), call.scope) || config_sets_credentials(m);
    const py::Argument* origins = call.keyword("origins");
    std::string callee = excerpt(m, call.callee);
    if (origins) {
      if (!is_wildcard(m, origins->value, call.scope)) return;
      report(ctx, origins->value,
             "`" + callee + "(..., origins=" + excerpt(m, origins->value, 24) +
                 ")` allows every "
                 "origin" +
                 (creds ? " with supports_credentials=True" : ""),
             creds, test_note(m));
      return;
    }
    // resources={r"/api/*": {"origins": "*"}}: per-path options.
    if (const py::Argument* res = call.keyword("resources")) {
      TSNode dict = m.unwrap(res->value);
      if (ts_node_symbol(dict) == m.grammar().identifier) {
        dict = m.unwrap(m.single_value(dict, call.scope));
      }
      if (!ts_node_is_null(dict) && ts_node_symbol(dict) == m.grammar().dictionary) {
        check_resources(m, call, dict, creds, ctx);
        return;
      }
    }
    // No origins=: flask-cors defaults to "*" unless app.config["CORS_ORIGINS"] says otherwise.
    if (m.source().text().find(origins_config_) != std::string_view::npos) return;
    report(ctx, call.node,
           "`" + excerpt(m, call.node) +
               "` uses flask-cors' default origins, \"*\" (every "
               "origin)" +
               (creds ? ", with supports_credentials=True" : ""),
           creds, test_note(m));
  }

  void check_resources(const py::Model& m, const py::Call& call, TSNode dict, bool creds,
                       Context& ctx) const {
    const py::Grammar& g = m.grammar();
    uint32_t k = ts_node_named_child_count(dict);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode pair = ts_node_named_child(dict, i);
      if (ts_node_symbol(pair) != g.pair) continue;
      TSNode opts = m.unwrap(ts_node_child_by_field_id(pair, g.f_value));
      if (ts_node_symbol(opts) != g.dictionary) continue;
      TSNode origins{};
      bool local_creds = creds;
      uint32_t n = ts_node_named_child_count(opts);
      for (uint32_t j = 0; j < n; ++j) {
        TSNode p = ts_node_named_child(opts, j);
        if (ts_node_symbol(p) != g.pair) continue;
        py::Value key = m.evaluate(ts_node_child_by_field_id(p, g.f_key), call.scope);
        TSNode value = ts_node_child_by_field_id(p, g.f_value);
        if (!key.is_str()) continue;
        if (key.str == "origins") origins = value;
        if (key.str == "supports_credentials" && m.evaluate(value, call.scope).truthy() == true) {
          local_creds = true;
        }
      }
      if (ts_node_is_null(origins)) {
        // No "origins" for this resource: flask-cors' default, "*", unless configured.
        if (m.source().text().find(origins_config_) != std::string_view::npos) continue;
        report(ctx, opts,
               "`" + excerpt(m, call.callee) + "(...)` gives the resource " +
                   excerpt(m, ts_node_child_by_field_id(pair, g.f_key), 32) +
                   " flask-cors' default origins, \"*\" (every origin)" +
                   (local_creds ? ", with supports_credentials=True" : ""),
               local_creds, test_note(m));
        continue;
      }
      if (!is_wildcard(m, origins, call.scope)) continue;
      report(ctx, origins,
             "`" + excerpt(m, call.callee) + "(...)` gives the resource " +
                 excerpt(m, ts_node_child_by_field_id(pair, g.f_key), 32) + " `" +
                 excerpt(m, ts_node_parent(origins), 40) + "`" +
                 (local_creds ? " with supports_credentials=True" : ""),
             local_creds, test_note(m));
    }
  }

  bool is_wildcard(const py::Model& m, TSNode value, const py::Scope* scope) const {
    py::Value v = m.evaluate(value, scope);
    if (v.is_str()) return web::in_list(wildcards_, v.str);
    if (v.kind != py::Value::Kind::Sequence) return false;
    for (const auto& item : v.items) {
      if (item.is_str() && web::in_list(wildcards_, item.str)) return true;
    }
    return false;
  }

  static bool is_true(const py::Model& m, const py::Argument* a, const py::Scope* scope) {
    return a && m.evaluate(a->value, scope).truthy() == true;
  }

  // app.config["CORS_SUPPORTS_CREDENTIALS"] = True in the same file.
  bool config_sets_credentials(const py::Model& m) const {
    for (const auto& s : web::settings_in(m, flask_credentials_)) {
      if (m.evaluate(s.value, s.scope).truthy() == true) return true;
    }
    return false;
  }

  static std::string test_note(const py::Model& m) {
    return m.is_test_file() ? " (in test code)" : std::string();
  }

  static void report(Context& ctx, TSNode at, const std::string& what, bool creds,
                     const std::string& note) {
    Report r;
    r.issue = expand(ctx.meta().issue,
                     {{"what", what}, {"impact", creds ? kCredentialsImpact : kPublicImpact}});
    if (creds) {
      r.severity = Severity::High;
      r.confidence = Confidence::High;
    }
    if (!note.empty()) {
      r.issue += note;
      r.confidence = Confidence::Low;
    }
    ctx.report(at, std::move(r));
  }

  std::vector<std::string> wildcards_;
  std::vector<std::string> middleware_;
  std::vector<std::string> allow_all_;
  std::vector<std::string> regex_settings_;
  std::vector<std::string> credentials_;
  std::vector<std::string> flask_credentials_;
  std::string origins_config_;
  std::vector<std::string> dev_words_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::CorsAllowAll, "cors-allow-all")
