#include "engine/prefilter.hpp"

#include <array>
#include <deque>

namespace secreview {

void Prefilter::add(std::string_view pattern, std::uint32_t group) {
  if (!pattern.empty()) patterns_.push_back({std::string(pattern), group});
}

void Prefilter::build() {
  // Byte classes, in byte order.
  std::array<bool, 256> used{};
  std::size_t total = 0;
  for (const auto& p : patterns_) {
    for (unsigned char c : p.text) used[c] = true;
    total += p.text.size();
  }
  class_.fill(0);
  classes_ = 1;
  for (std::size_t c = 0; c < 256; ++c) {
    if (used[c]) class_[c] = static_cast<std::uint8_t>(classes_++);
  }
  const std::size_t k = classes_;
  // Trie (at most one state per pattern byte, plus the root).
  next_.reserve((total + 1) * k);
  next_.assign(k, -1);
  out_.assign(1, {});
  for (const auto& p : patterns_) {
    std::size_t s = 0;
    for (unsigned char c : p.text) {
      std::size_t at = s * k + class_[c];
      if (next_[at] < 0) {
        next_[at] = static_cast<std::int32_t>(out_.size());
        out_.emplace_back();
        next_.resize(next_.size() + k, -1);
      }
      s = static_cast<std::size_t>(next_[at]);
    }
    out_[s].push_back(p.group);
  }
  // Failure links folded into a full transition table (breadth first).
  std::vector<std::size_t> fail(out_.size(), 0);
  std::deque<std::size_t> queue;
  for (std::size_t c = 0; c < k; ++c) {
    std::int32_t& t = next_[c];
    if (t < 0) {
      t = 0;
    } else {
      queue.push_back(static_cast<std::size_t>(t));
    }
  }
  while (!queue.empty()) {
    std::size_t s = queue.front();
    queue.pop_front();
    const auto& inherited = out_[fail[s]];
    out_[s].insert(out_[s].end(), inherited.begin(), inherited.end());
    for (std::size_t c = 0; c < k; ++c) {
      std::int32_t& t = next_[s * k + c];
      std::int32_t via_fail = next_[fail[s] * k + c];
      if (t < 0) {
        t = via_fail;
      } else {
        fail[static_cast<std::size_t>(t)] = static_cast<std::size_t>(via_fail);
        queue.push_back(static_cast<std::size_t>(t));
      }
    }
  }
}

std::size_t Prefilter::scan(std::string_view text, std::vector<bool>& hit) const {
  std::size_t count = 0;
  std::size_t s = 0;
  const std::int32_t* table = next_.data();
  for (unsigned char c : text) {
    s = static_cast<std::size_t>(table[s * classes_ + class_[c]]);
    const auto& out = out_[s];
    if (out.empty()) continue;
    for (std::uint32_t g : out) {
      if (!hit[g]) {
        hit[g] = true;
        ++count;
      }
    }
  }
  return count;
}

}  // namespace secreview
