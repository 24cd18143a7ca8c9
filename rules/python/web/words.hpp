#pragma once
// Small helpers shared by the request, settings and cookie headers of the web rules: list
// membership, node containment, name words (core identifier_words).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
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

// Whether one of the words of `name` is in `words`.
inline bool has_word(std::string_view name, const std::vector<std::string>& words) {
  for (const auto& w : identifier_words(name)) {
    if (in_list(words, w)) return true;
  }
  return false;
}

}  // namespace secreview::rules::web
