#include "engine/gitignore.hpp"

#include "core/text.hpp"

namespace secreview {

namespace {
// Matches a bracket expression at p[0] == '['; returns the length consumed or 0 if malformed.
std::size_t match_class(std::string_view p, char c, bool& matched) {
  std::size_t i = 1;
  bool negate = false;
  if (i < p.size() && (p[i] == '!' || p[i] == '^')) {
    negate = true;
    ++i;
  }
  bool any = false;
  bool first = true;
  while (i < p.size() && (p[i] != ']' || first)) {
    first = false;
    char lo = p[i];
    char hi = lo;
    if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
      hi = p[i + 2];
      i += 2;
    }
    if (c >= lo && c <= hi) any = true;
    ++i;
  }
  if (i >= p.size()) return 0;
  matched = (any != negate) && c != '/';
  return i + 1;
}
}  // namespace

bool glob_match(std::string_view p, std::string_view s) {
  std::size_t pi = 0;
  std::size_t si = 0;
  // Backtracking point for the last single `*` (does not cross '/').
  std::size_t star_p = std::string_view::npos;
  std::size_t star_s = 0;
  while (si < s.size() || pi < p.size()) {
    if (pi < p.size()) {
      if (p.substr(pi).starts_with("**")) {
        std::string_view rest = p.substr(pi + 2);
        if (rest.starts_with("/")) rest.remove_prefix(1);
        // `**` matches any number of path segments (including none).
        for (std::size_t k = si; k <= s.size(); ++k) {
          if ((k == si || s[k - 1] == '/' || rest.empty()) && glob_match(rest, s.substr(k))) {
            return true;
          }
        }
        return false;
      }
      char c = p[pi];
      if (c == '*') {
        star_p = pi++;
        star_s = si;
        continue;
      }
      if (si < s.size()) {
        if (c == '?' && s[si] != '/') {
          ++pi;
          ++si;
          continue;
        }
        if (c == '[') {
          bool ok = false;
          std::size_t n = match_class(p.substr(pi), s[si], ok);
          if (n && ok) {
            pi += n;
            ++si;
            continue;
          }
          if (n) goto backtrack;
        }
        if (c == '\\' && pi + 1 < p.size()) c = p[++pi];
        if (c == s[si]) {
          ++pi;
          ++si;
          continue;
        }
      }
    }
  backtrack:
    if (star_p != std::string_view::npos && star_s < s.size() && s[star_s] != '/') {
      pi = star_p + 1;
      si = ++star_s;
      continue;
    }
    return false;
  }
  return true;
}

void IgnoreRules::add(std::string_view base, std::string_view contents) {
  for_each_line(contents, [&](std::string_view line) {
    // Trailing spaces are ignored unless escaped; leading '#' starts a comment.
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() > 1 && line[line.size() - 2] == '\\')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') return;
    Pattern p;
    p.base = std::string(base);
    if (line.front() == '!') {
      p.negate = true;
      line.remove_prefix(1);
    } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      p.dir_only = true;
      line.remove_suffix(1);
    }
    if (line.empty()) return;
    if (line.find('/') != std::string_view::npos) p.anchored = true;
    if (line.front() == '/') line.remove_prefix(1);
    p.glob = std::string(line);
    rules_.push_back(std::move(p));
  });
}

bool IgnoreRules::ignored(std::string_view path, bool is_dir) const {
  bool result = false;
  for (const auto& r : rules_) {
    if (r.dir_only && !is_dir) continue;
    std::string_view rel = path;
    if (!r.base.empty()) {
      if (!rel.starts_with(r.base) || rel.size() <= r.base.size() || rel[r.base.size()] != '/') {
        continue;
      }
      rel.remove_prefix(r.base.size() + 1);
    }
    bool m = false;
    if (r.anchored) {
      m = glob_match(r.glob, rel);
    } else {
      std::size_t slash = rel.rfind('/');
      m = glob_match(r.glob, slash == std::string_view::npos ? rel : rel.substr(slash + 1));
    }
    if (m) result = !r.negate;
  }
  return result;
}

}  // namespace secreview
