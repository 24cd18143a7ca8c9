// cookie-without-secure: set_cookie without secure=True; SESSION_COOKIE_SECURE = False.
#include "rules/python/web/cookies.hpp"

namespace secreview::rules {
namespace {

class CookieWithoutSecure final : public web::CookieAttributeRule {
 public:
  using CookieAttributeRule::CookieAttributeRule;

 protected:
  std::optional<Verdict> judge_call(const py::Model& m, const py::Call& call,
                                    TSNode flag) const override {
    if (ts_node_is_null(flag)) return Verdict{"without secure=True", {}, {}, "the browser"};
    if (m.evaluate(flag, call.scope).truthy() != false) return std::nullopt;
    return Verdict{"with secure=" + std::string(m.text(flag)), {}, {}, "the browser"};
  }

  std::optional<Verdict> judge_setting(const py::Value& v) const override {
    if (v.truthy() != false) return std::nullopt;
    return Verdict{"turns the Secure flag off", {}, {}, "the browser"};
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::CookieWithoutSecure, "cookie-without-secure")
