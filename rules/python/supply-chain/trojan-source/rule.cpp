// trojan-source: Unicode bidirectional control characters (U+202A-U+202E, U+2066-U+2069) in
// the source text. One finding per line, at the comment, string or token that holds the first
// control; lines inside one multi-line string or comment share a finding at its start.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

struct Control {
  std::uint32_t offset = 0;  // byte offset in the file
  char32_t code = 0;
};

struct LineHits {
  std::uint32_t row = 0;  // 0-based
  std::vector<Control> controls;
};

class TrojanSource final : public Rule {
 public:
  explicit TrojanSource(const RuleMeta& meta) {
    auto parse = [](const std::string& hex) {
      return static_cast<char32_t>(std::stoul(hex, nullptr, 16));
    };
    for (const auto& h : option_strings(meta, "openers")) openers_.push_back(parse(h));
    for (const auto& h : option_strings(meta, "closers")) closers_.push_back(parse(h));
    std::vector<std::string> names = option_strings(meta, "names");
    std::size_t k = 0;
    for (char32_t c : openers_) names_[c] = k < names.size() ? names[k++] : "";
    for (char32_t c : closers_) names_[c] = k < names.size() ? names[k++] : "";
  }

  void check_module(const py::Model& m, Context& ctx) const override {
    std::vector<LineHits> lines = scan(m.source().text());
    if (lines.empty()) return;
    // Group lines by the node that holds their first control: a node starting on the line gets
    // its own finding; lines inside a multi-line string or comment share one at its start.
    struct Group {
      TSNode node{};
      std::vector<const LineHits*> lines;
    };
    std::vector<Group> groups;
    for (const LineHits& l : lines) {
      TSNode n = holder(m, l.controls.front().offset);
      if (ts_node_is_null(n)) continue;
      auto same = [&](const Group& g) { return ts_node_eq(g.node, n); };
      auto it = std::find_if(groups.begin(), groups.end(), same);
      if (it == groups.end() || ts_node_start_point(n).row == l.row) {
        groups.push_back({n, {&l}});
      } else {
        it->lines.push_back(&l);
      }
    }
    for (const Group& g : groups) report(m, ctx, g.node, g.lines);
  }

 private:
  bool is_control(char32_t c) const {
    return std::find(openers_.begin(), openers_.end(), c) != openers_.end() ||
           std::find(closers_.begin(), closers_.end(), c) != closers_.end();
  }

  // Lines that hold at least one control, with the controls' offsets.
  std::vector<LineHits> scan(std::string_view text) const {
    std::vector<LineHits> out;
    std::uint32_t row = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      unsigned char b = static_cast<unsigned char>(text[i]);
      if (b == '\n' || (b == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
        ++row;
        continue;
      }
      // Every control is a three-byte UTF-8 sequence (U+202A..U+2069).
      if (b != 0xE2 || i + 2 >= text.size()) continue;
      unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
      unsigned char b2 = static_cast<unsigned char>(text[i + 2]);
      if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) continue;
      char32_t c = static_cast<char32_t>(((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
      if (!is_control(c)) continue;
      if (out.empty() || out.back().row != row) out.push_back({row, {}});
      out.back().controls.push_back({static_cast<std::uint32_t>(i), c});
      i += 2;
    }
    return out;
  }

  // The comment or string holding the byte, else the smallest node around it.
  static TSNode holder(const py::Model& m, std::uint32_t offset) {
    const py::Grammar& g = m.grammar();
    TSNode n = ts_node_descendant_for_byte_range(m.root(), offset, offset + 1);
    for (TSNode p = n; !ts_node_is_null(p); p = ts_node_parent(p)) {
      TSSymbol s = ts_node_symbol(p);
      if (s == g.comment || s == g.string) return p;
    }
    return n;
  }

  void report(const py::Model& m, Context& ctx, TSNode node,
              const std::vector<const LineHits*>& lines) const {
    const py::Grammar& g = m.grammar();
    TSSymbol s = ts_node_symbol(node);
    std::string context = s == g.comment  ? "in a comment"
                          : s == g.string ? "in a string literal"
                                          : "outside any comment or string";
    // Distinct controls, by name, in order of appearance.
    std::vector<std::string> names;
    std::size_t count = 0;
    for (const LineHits* l : lines) {
      for (const Control& c : l->controls) {
        ++count;
        std::string name = describe(c.code);
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
    std::string chars;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i) chars += i + 1 == names.size() ? " and " : ", ";
      chars += names[i];
    }
    std::string where;
    if (lines.size() == 1) {
      where = "Line " + std::to_string(lines.front()->row + 1);
    } else {
      where = "Lines ";
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) where += i + 1 == lines.size() ? " and " : ", ";
        where += std::to_string(lines[i]->row + 1);
      }
    }
    Report r;
    std::string detail;
    if (s == g.string && balanced(m, node)) {
      // Every control is closed inside the literal: often genuine right-to-left text.
      r.confidence = Confidence::Medium;
      detail = "; each is closed inside the literal, which genuine right-to-left text also does";
    } else if (s == g.comment || s == g.string) {
      detail =
          "; at least one is left open, so the rest of the line is displayed in an order "
          "different from the one Python reads";
    }
    // Controls of these lines that lie outside the holding comment or string.
    bool elsewhere = false;
    for (const LineHits* l : lines) {
      for (const Control& c : l->controls) {
        if (c.offset < ts_node_start_byte(node) || c.offset >= ts_node_end_byte(node)) {
          elsewhere = true;
        }
      }
    }
    if (elsewhere) context += " and later on the line";
    r.issue = expand(ctx.meta().issue, {{"where", where},
                                        {"s", lines.size() == 1 ? "s" : ""},
                                        {"plural", count == 1 ? "" : "s"},
                                        {"chars", chars},
                                        {"context", context},
                                        {"them", count == 1 ? "it" : "them"},
                                        {"detail", detail}});
    ctx.report(node, std::move(r));
  }

  std::string describe(char32_t c) const {
    static const char* kHex = "0123456789ABCDEF";
    std::string hex;
    for (int shift = 12; shift >= 0; shift -= 4) hex += kHex[(c >> shift) & 0xF];
    auto it = names_.find(c);
    std::string name = it != names_.end() && !it->second.empty() ? " (" + it->second + ")" : "";
    return "U+" + hex + name;
  }

  // Every opener in the node's text is matched by a closer before the node ends.
  bool balanced(const py::Model& m, TSNode node) const {
    std::string_view t = m.text(node);
    int depth = 0;
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
      unsigned char b = static_cast<unsigned char>(t[i]);
      if (b != 0xE2) continue;
      char32_t c = static_cast<char32_t>(((b & 0x0F) << 12) |
                                         ((static_cast<unsigned char>(t[i + 1]) & 0x3F) << 6) |
                                         (static_cast<unsigned char>(t[i + 2]) & 0x3F));
      if (std::find(openers_.begin(), openers_.end(), c) != openers_.end()) ++depth;
      if (std::find(closers_.begin(), closers_.end(), c) != closers_.end() && depth > 0) --depth;
    }
    return depth == 0;
  }

  std::vector<char32_t> openers_;
  std::vector<char32_t> closers_;
  std::map<char32_t, std::string> names_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::TrojanSource, "trojan-source")
