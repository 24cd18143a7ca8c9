#pragma once
// Shared by cookie-without-secure, cookie-without-httponly and cookie-samesite-none: one cookie
// attribute, checked on `response.set_cookie(...)` / `set_signed_cookie(...)` (Flask/Werkzeug,
// Django, Starlette/FastAPI share the parameter names and positions) and on the framework
// settings that set it for the session, CSRF and remember-me cookies.
//
// Each rule reads from its [options]:
//   attribute     the keyword ("secure", "httponly", "samesite")
//   position      its positional index in set_cookie(key, value, max_age, expires, path, domain,
//                 secure, httponly, samesite)
//   settings      setting names that control the attribute (SESSION_COOKIE_SECURE, ...)
//   sensitive_words   cookie-name words that say it is a session or credential cookie
//   dev_words     file/class-name words of development or test configuration
#include <optional>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "engine/rule.hpp"
#include "rules/python/web/settings.hpp"

namespace secreview::rules::web {

class CookieAttributeRule : public Rule {
 public:
  explicit CookieAttributeRule(const RuleMeta& meta)
      : attribute_(meta.options["attribute"].value_or(std::string())),
        position_(static_cast<std::size_t>(meta.options["position"].value_or(std::int64_t{0}))),
        settings_(option_strings(meta, "settings")),
        sensitive_(option_strings(meta, "sensitive_words")),
        dev_words_(option_strings(meta, "dev_words")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    if (call.has_splat()) return;  // the attribute may be in **kwargs
    TSNode key = call.argument(0, "key");
    if (ts_node_is_null(key)) return;
    py::Value name = m.evaluate(key, call.scope);
    // http.cookiejar's CookieJar.set_cookie(cookie) takes one Cookie object, not a name.
    if (call.args.size() == 1 && !name.is_str()) return;
    TSNode flag = call.method == "set_cookie" ? call.argument(position_, attribute_)
                                              : keyword(call, attribute_);
    std::optional<Verdict> f = judge_call(m, call, flag);
    if (!f) return;
    Report r;
    std::string cookie = name.is_str() ? "`" + name.str + "`" : "`" + excerpt(m, key, 32) + "`";
    r.issue = expand(ctx.meta().issue,
                     {{"what", "`" + excerpt(m, call.callee) + "(...)` sets the cookie " + cookie +
                                   " " + f->problem},
                      {"who", f->who}});
    if (name.is_str()) {
      if (has_word(name.str, sensitive_) || contains_any(to_lower(name.str), sensitive_)) {
        r.confidence = Confidence::High;
      } else {
        r.confidence = Confidence::Low;
        r.issue += " (`" + name.str + "` does not look like a session or credential cookie)";
      }
    }
    if (f->confidence) r.confidence = f->confidence;
    r.issue += f->note;
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(ts_node_is_null(flag) ? call.node : flag, std::move(r));
  }

  void check_module(const py::Model& m, Context& ctx) const override {
    for (const Setting& s : settings_in(m, settings_)) {
      py::Value v = m.evaluate(s.value, s.scope);
      std::optional<Verdict> f = judge_setting(v);
      if (!f) continue;
      Report r;
      r.issue = expand(ctx.meta().issue, {{"what", "`" + excerpt(m, s.statement, 64) + "` " +
                                                       f->problem + " " + framework_cookie(s.name)},
                                          {"who", f->who}});
      if (f->confidence) r.confidence = f->confidence;
      r.issue += f->note;
      std::string why = non_production_note(m, s.holder, dev_words_);
      if (!why.empty()) {
        r.confidence = Confidence::Low;
        r.issue += why;
      }
      ctx.report(s.value, std::move(r));
    }
  }

 protected:
  struct Verdict {
    std::string problem;                   // "without secure=True"
    std::optional<Confidence> confidence;  // overrides the cookie-name confidence
    std::string note;                      // appended to the issue
    std::string who = "the browser";       // `{who}` in the issue: which browsers send it
  };

  // A set_cookie call whose attribute is `flag` (null when not passed): the finding, if any.
  virtual std::optional<Verdict> judge_call(const py::Model& m, const py::Call& call,
                                            TSNode flag) const = 0;
  // A setting with value `v`: the finding, if any.
  virtual std::optional<Verdict> judge_setting(const py::Value& v) const = 0;

  const std::string& attribute() const { return attribute_; }

 private:
  // SESSION_COOKIE_SECURE -> "for the session cookie".
  static std::string framework_cookie(std::string_view setting) {
    std::string_view prefix = setting.substr(0, setting.find("_COOKIE"));
    std::string which = to_lower(prefix);
    if (which == "csrf") which = "CSRF";
    if (which == "remember") which = "remember-me";
    return "for the " + which + " cookie";
  }

  static TSNode keyword(const py::Call& call, std::string_view kw) {
    const py::Argument* a = call.keyword(kw);
    return a ? a->value : TSNode{};
  }

  static bool contains_any(const std::string& lower, const std::vector<std::string>& words) {
    for (const auto& w : words) {
      if (w.size() >= 4 && lower.find(w) != std::string::npos) return true;
    }
    return false;
  }

  std::string attribute_;
  std::size_t position_;
  std::vector<std::string> settings_;
  std::vector<std::string> sensitive_;
  std::vector<std::string> dev_words_;
};

}  // namespace secreview::rules::web
