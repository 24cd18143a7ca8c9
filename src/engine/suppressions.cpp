#include "engine/suppressions.hpp"

#include <cctype>

#include "core/text.hpp"

namespace secreview {

namespace {
std::vector<std::string> parse_list(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string_view t = trim(cur);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  for (char c : s) {
    if (c == ',' || c == ' ' || c == '\t') {
      flush();
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}
}  // namespace

std::optional<Suppression> parse_suppression(std::string_view comment) {
  // Look at each '#'-introduced part: `x = 1  # noqa # nosec B602` has two.
  for (std::size_t hash = comment.find('#'); hash != std::string_view::npos;
       hash = comment.find('#', hash + 1)) {
    std::string_view body = trim(comment.substr(hash + 1));
    if (starts_with_icase(body, "secreview:")) {
      body = trim(body.substr(10));
      if (!starts_with_icase(body, "ignore")) continue;
      body.remove_prefix(6);
      Suppression s;
      if (!body.empty() && body.front() == '[') {
        std::size_t close = body.find(']');
        if (close == std::string_view::npos) continue;
        s.selectors = parse_list(body.substr(1, close - 1));
        body.remove_prefix(close + 1);
      }
      body = trim(body);
      if (body.starts_with("--")) s.reason = std::string(trim(body.substr(2)));
      return s;
    }
    if (starts_with_icase(body, "nosec") &&
        (body.size() == 5 || !std::isalnum(static_cast<unsigned char>(body[5])))) {
      Suppression s;
      s.nosec = true;
      std::string_view rest = trim(body.substr(5));
      if (rest.starts_with(":")) rest = trim(rest.substr(1));
      // `# nosec B602, B607` lists Bandit ids; anything after them is a comment.
      std::size_t end = 0;
      while (end < rest.size() &&
             (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == ',' ||
              rest[end] == ' ' || rest[end] == '-' || rest[end] == '_')) {
        ++end;
      }
      for (auto& sel : parse_list(rest.substr(0, end))) {
        if (sel.size() >= 2 && (std::isupper(static_cast<unsigned char>(sel[0])) != 0) &&
            std::isdigit(static_cast<unsigned char>(sel[1]))) {
          s.selectors.push_back(sel);
        }
      }
      return s;
    }
  }
  return std::nullopt;
}

}  // namespace secreview
