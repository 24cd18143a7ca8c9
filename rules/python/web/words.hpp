#pragma once
// Small helpers shared by the request, settings and cookie headers of the web rules: list
// membership, node containment, name words.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"

namespace secreview::rules::web {

inline bool in_list(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Whether node `n` lies inside (or is) node `outer`.
inline bool within(TSNode n, TSNode outer) {
  return ts_node_start_byte(n) >= ts_node_start_byte(outer) &&
         ts_node_end_byte(n) <= ts_node_end_byte(outer);
}

// "DevelopmentConfig" -> {"development", "config"}; "settings_local" -> {"settings", "local"}.
inline std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    bool upper = std::isupper(c) != 0;
    bool prev_lower = i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])) != 0;
    if (std::isalnum(c) == 0 || (upper && prev_lower)) {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
      if (std::isalnum(c) == 0) continue;
    }
    cur += static_cast<char>(std::tolower(c));
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

// Whether one of the words of `name` is in `words`.
inline bool has_word(std::string_view name, const std::vector<std::string>& words) {
  for (const auto& w : name_words(name)) {
    if (in_list(words, w)) return true;
  }
  return false;
}

}  // namespace secreview::rules::web
