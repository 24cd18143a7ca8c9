// cookie-samesite-none: set_cookie with samesite="None" (or, at low confidence, without
// samesite=); SESSION_COOKIE_SAMESITE = "None".
#include "core/text.hpp"
#include "rules/python/web/cookies.hpp"

namespace secreview::rules {
namespace {

class CookieSamesiteNone final : public web::CookieAttributeRule {
 public:
  explicit CookieSamesiteNone(const RuleMeta& meta)
      : CookieAttributeRule(meta),
        lax_default_(option_strings(meta, "lax_default_modules")),
        no_default_(option_strings(meta, "no_default_modules")) {}

 protected:
  std::optional<Verdict> judge_call(const py::Model& m, const py::Call& call,
                                    TSNode flag) const override {
    if (ts_node_is_null(flag)) {
      if (lax_by_default(m)) return std::nullopt;
      return Verdict{"without samesite=", Confidence::Low, {}, kNoDefault};
    }
    std::string written = "with samesite=" + std::string(m.text(flag));
    return judge(m.evaluate(flag, call.scope), written, written + ", i.e. no SameSite attribute");
  }

  std::optional<Verdict> judge_setting(const py::Value& v) const override {
    return judge(v, "sets SameSite=None", "removes the SameSite attribute");
  }

 private:
  static std::optional<Verdict> judge(const py::Value& v, std::string problem, std::string absent) {
    if (v.is_str() && to_lower(v.str) == "none") {
      return Verdict{std::move(problem), {}, {}, "the browser"};
    }
    if (v.kind == py::Value::Kind::None || (v.kind == py::Value::Kind::Bool && !v.boolean)) {
      return Verdict{std::move(absent), Confidence::Low, {}, kNoDefault};
    }
    return std::nullopt;
  }

  // Starlette's (and so FastAPI's) set_cookie defaults to samesite="lax".
  bool lax_by_default(const py::Model& m) const {
    bool lax = false;
    for (const auto& imp : m.imports()) {
      std::string_view top = imp.target;
      top = top.substr(0, top.find('.'));
      if (web::in_list(no_default_, top)) return false;
      if (web::in_list(lax_default_, top)) lax = true;
    }
    return lax;
  }

  static constexpr const char* kNoDefault =
      "a browser that does not default to SameSite=Lax (Safari, older browsers, embedded views)";

  std::vector<std::string> lax_default_;
  std::vector<std::string> no_default_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::CookieSamesiteNone, "cookie-samesite-none")
