#pragma once
// .gitignore semantics for the file walk: patterns from each directory's .gitignore, last match
// wins, `!` re-includes, a trailing `/` matches directories only, a `/` elsewhere anchors the
// pattern to its directory, `*`/`?`/`[...]` do not cross `/`, `**` does.
#include <string>
#include <string_view>
#include <vector>

namespace secreview {

// Glob match of a whole string; `*`, `?` and classes stop at '/', `**` crosses it.
bool glob_match(std::string_view pattern, std::string_view text);

class IgnoreRules {
 public:
  // Adds the patterns of a .gitignore located in `base` (a path relative to the walk, "" = root).
  void add(std::string_view base, std::string_view contents);
  // Whether `path` (relative to the walk, '/'-separated) is ignored.
  bool ignored(std::string_view path, bool is_dir) const;
  bool empty() const { return rules_.empty(); }

 private:
  struct Pattern {
    std::string base;
    std::string glob;
    bool negate = false;
    bool dir_only = false;
    bool anchored = false;
  };
  std::vector<Pattern> rules_;
};

}  // namespace secreview
