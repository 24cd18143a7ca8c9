// todo-without-reference: TODO/FIXME/XXX/HACK comments with no bug number, URL or owner.
#include <algorithm>
#include <cctype>
#include <regex>
#include <string>
#include <vector>

#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class TodoWithoutReference final : public Rule {
 public:
  explicit TodoWithoutReference(const RuleMeta& meta) : tags_(option_strings(meta, "tags")) {
    std::string alt;
    for (const auto& t : tags_) {
      std::string quoted;
      for (char c : t) {
        if (!std::isalnum(static_cast<unsigned char>(c))) quoted += '\\';
        quoted += c;
      }
      alt += (alt.empty() ? "" : "|") + quoted;
    }
    if (alt.empty()) {
      alt = "TODO";
      tags_ = {"TODO"};
    }
    // A whole upper-case word: not inside an identifier (`TODO_LIST`, `XXXL`).
    tag_ = std::regex("(^|[^A-Za-z0-9_])(" + alt + ")(?![A-Za-z0-9_])");
    // The owner form must follow the tag directly: `TODO(sbauza)`.
    owner_ = std::regex("^\\([A-Za-z0-9_.@ -]+\\)");
  }

  void check_module(const py::Model& m, Context& ctx) const override {
    const auto& comments = m.comments();
    for (std::size_t i = 0; i < comments.size(); ++i) {
      // Most comments name no tag at all: a plain search first, the regular expression after.
      std::string_view raw = m.text(comments[i]);
      if (std::none_of(tags_.begin(), tags_.end(), [&](const std::string& t) {
            return raw.find(t) != std::string_view::npos;
          })) {
        continue;
      }
      std::string text(raw);
      std::smatch tag;
      if (!std::regex_search(text, tag, tag_)) continue;
      std::string after = text.substr(static_cast<std::size_t>(tag.position(2) + tag.length(2)));
      if (std::regex_search(after, owner_)) continue;
      if (has_reference(text)) continue;
      // A reference on the following full-line comments of the same block counts too.
      bool found = false;
      for (std::size_t j = i + 1; j < comments.size() && !found; ++j) {
        if (ts_node_start_point(comments[j]).row != ts_node_start_point(comments[j - 1]).row + 1 ||
            !full_line(m, comments[j])) {
          break;
        }
        std::string next(m.text(comments[j]));
        if (std::regex_search(next, tag_)) break;  // the next item starts
        found = has_reference(next);
      }
      if (found) continue;
      Report r;
      std::string name = tag.str(2);
      std::string line = std::to_string(m.start(comments[i]).line);
      r.issue = expand(ctx.meta().issue,
                       {{"tag", name}, {"line", line}, {"comment", excerpt(m, comments[i], 60)}});
      r.solution = expand(ctx.meta().solution, {{"tag", name}});
      ctx.report(comments[i], std::move(r));
    }
  }

 private:
  static bool full_line(const py::Model& m, TSNode comment) {
    std::string_view line = m.source().line(ts_node_start_point(comment).row + 1);
    std::size_t col = ts_node_start_point(comment).column;
    return line.substr(0, std::min(col, line.size())).find_first_not_of(" \t\f") ==
           std::string_view::npos;
  }

  static bool has_reference(const std::string& text) {
    // #123, bug 123, bug #123, issue 45, LP #123, LP: #123, a URL.
    static const std::regex kRef(
        "(#[0-9]+\\b)|(\\b([Bb]ug|[Ii]ssue|LP|lp)[: ]*#?[0-9]+\\b)|"
        "([a-z][a-z0-9+.-]*://[^ \t]+)|(\\bwww\\.[^ \t]+)");
    if (std::regex_search(text, kRef)) return true;
    // A tracker key such as NOVA-1234, but not UTF-8, SHA-256, PEP-8 and the like.
    static const std::regex kKey("\\b([A-Z][A-Z0-9]+)-[0-9]+\\b");
    static const std::vector<std::string> kNotKeys = {"UTF", "UCS",  "ISO", "SHA", "MD",
                                                      "RFC", "PEP",  "AES", "RSA", "TLS",
                                                      "SSL", "HTTP", "IPV", "CP"};
    for (std::sregex_iterator it(text.begin(), text.end(), kKey), end; it != end; ++it) {
      std::string prefix = (*it)[1].str();
      if (std::find(kNotKeys.begin(), kNotKeys.end(), prefix) == kNotKeys.end()) return true;
    }
    return false;
  }

  std::vector<std::string> tags_;
  std::regex tag_;
  std::regex owner_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::TodoWithoutReference, "todo-without-reference")
