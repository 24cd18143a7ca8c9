// commented-out-code: blocks of consecutive full-line comments whose text parses as Python and
// holds at least one statement that only code has (call, assignment, import, def, ...).
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "core/text.hpp"
#include "engine/rule.hpp"
#include "frontend/python/parser.hpp"

namespace secreview::rules {
namespace {

class CommentedOutCode final : public Rule {
 public:
  explicit CommentedOutCode(const RuleMeta& meta)
      : min_lines_(meta.options["min_lines"].value_or(1)),
        pragmas_(option_strings(meta, "pragmas")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    std::vector<TSNode> block;
    auto flush = [&] {
      check_block(m, ctx, block);
      block.clear();
    };
    for (TSNode c : m.comments()) {
      if (!full_line(m, c) || is_pragma(m.text(c).substr(1))) {
        flush();
        continue;
      }
      if (!block.empty() &&
          ts_node_start_point(c).row != ts_node_start_point(block.back()).row + 1) {
        flush();
      }
      block.push_back(c);
    }
    flush();
  }

 private:
  static bool full_line(const py::Model& m, TSNode comment) {
    std::string_view line = m.source().line(ts_node_start_point(comment).row + 1);
    std::size_t col = ts_node_start_point(comment).column;
    return line.substr(0, std::min(col, line.size())).find_first_not_of(" \t\f") ==
           std::string_view::npos;
  }

  bool is_pragma(std::string_view body) const {
    std::string_view t = trim(body);
    return std::any_of(pragmas_.begin(), pragmas_.end(),
                       [&](const std::string& p) { return starts_with_icase(t, p); });
  }

  static bool blank(std::string_view s) { return trim(s).empty(); }

  void check_block(const py::Model& m, Context& ctx, std::vector<TSNode> block) const {
    // Leading and trailing `#` lines with nothing after them are not part of the finding.
    while (!block.empty() && blank(m.text(block.front()).substr(1))) block.erase(block.begin());
    while (!block.empty() && blank(m.text(block.back()).substr(1))) block.pop_back();
    if (block.empty() ||
        block.size() < static_cast<std::size_t>(std::max<std::int64_t>(min_lines_, 1))) {
      return;
    }
    // The text after `#`, dedented by the indentation the lines share.
    std::vector<std::string_view> lines;
    std::size_t indent = std::string_view::npos;
    for (TSNode c : block) {
      std::string_view body = m.text(c).substr(1);
      lines.push_back(body);
      if (blank(body)) continue;
      indent = std::min(indent, body.find_first_not_of(" \t"));
    }
    std::string joined;
    for (std::string_view l : lines) {
      if (!blank(l)) {
        std::string_view code = l.substr(std::min(indent, l.size()));
        if (is_prose(code)) return;
        joined += code;
      }
      joined += '\n';
    }
    py::Tree tree = py::parse(joined);
    if (!tree) return;
    SourceFile source("<comment>", joined);
    py::Model cm(source, tree.get());
    if (!cm.syntax_errors().empty() || ts_node_has_error(cm.root())) return;

    TSNode first{};
    std::size_t statements = 0;
    TSNode root = cm.root();
    for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
      TSNode st = ts_node_named_child(root, i);
      if (ts_node_symbol(st) == cm.grammar().comment) continue;
      ++statements;
      if (ts_node_is_null(first) && code_like(cm, st, block.size() == 1)) first = st;
    }
    if (ts_node_is_null(first)) return;

    std::uint32_t a = m.start(block.front()).line;
    std::uint32_t b = m.start(block.back()).line;
    bool one = a == b;
    std::string lines_text =
        one ? "line " + std::to_string(a) : "lines " + std::to_string(a) + "-" + std::to_string(b);
    std::string shown = "`" + first_line(cm, first) + "`";
    std::string what = statements == 1
                           ? "1 statement: " + shown
                           : std::to_string(statements) + " statements, among them " + shown;
    Report r;
    r.issue = expand(ctx.meta().issue,
                     {{"where", (one ? "The comment on " : "The comments on ") + lines_text},
                      {"verb", one ? "is" : "are"},
                      {"statements", what}});
    r.solution = expand(ctx.meta().solution, {{"lines", lines_text}});
    if (!one) r.end = block.back();
    ctx.report(block.front(), std::move(r));
  }

  // The first line of a statement, cut to 60 code points.
  static std::string first_line(const py::Model& cm, TSNode st) {
    std::string_view t = cm.text(st);
    t = trim(t.substr(0, t.find('\n')));
    if (utf8_length(t) <= 60) return std::string(t);
    std::string cut;
    std::size_t count = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      bool lead = (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
      if (lead && count++ == 57) break;
      cut += t[i];
    }
    return cut + "...";
  }

  // A statement that prose does not produce: a call, an assignment with `=`, an import, a
  // definition, `return`, or a compound statement with a block.
  static bool code_like(const py::Model& cm, TSNode st, bool single_line) {
    const py::Grammar& g = cm.grammar();
    TSSymbol s = ts_node_symbol(st);
    if (s == g.import_statement || s == g.import_from_statement || s == g.future_import_statement ||
        s == g.function_definition || s == g.class_definition || s == g.decorated_definition ||
        s == g.if_statement || s == g.for_statement || s == g.while_statement ||
        s == g.try_statement || s == g.with_statement || s == g.match_statement) {
      return true;
    }
    if (s == g.return_statement) {
      // `# return early` on its own line reads as prose as much as code.
      TSNode v = ts_node_named_child(st, 0);
      return !(single_line && (ts_node_is_null(v) || ts_node_symbol(v) == g.identifier));
    }
    if (s != g.expression_statement || ts_node_named_child_count(st) != 1) return false;
    TSNode e = ts_node_named_child(st, 0);
    TSSymbol k = ts_node_symbol(e);
    if (k == g.augmented_assignment || k == g.await_) return true;
    if (k == g.assignment) {
      // `Note: see below` and `Format: key=value` are annotations, not assignments.
      return ts_node_is_null(ts_node_child_by_field_id(e, g.f_type)) &&
             !ts_node_is_null(ts_node_child_by_field_id(e, g.f_right));
    }
    if (k == g.call) {
      // `# setup ()` marking the end of a function, `# (package) (rest)`: a space before the
      // argument list is how prose writes it, not how code is written.
      TSNode fn = ts_node_child_by_field_id(e, g.f_function);
      TSNode args = ts_node_child_by_field_id(e, g.f_arguments);
      if (ts_node_end_byte(fn) != ts_node_start_byte(args)) return false;
      // `TODO(sbauza)`, `NOTE(jd)`: an upper-case tag with an owner, not a call.
      if (ts_node_symbol(fn) == g.identifier) {
        std::string_view name = cm.text(fn);
        bool upper = std::none_of(name.begin(), name.end(), [](char c) {
          return std::islower(static_cast<unsigned char>(c));
        });
        if (upper) return false;
      }
      return true;
    }
    return false;
  }

  // Three or more plain words in a row, separated by single spaces, outside strings and
  // brackets: prose, even if the parser could make something of it.
  static bool is_prose(std::string_view line) {
    static const std::set<std::string_view> kKeywords = {
        "False",   "None",     "True",     "and",    "as",   "assert", "async",  "await",
        "break",   "class",    "continue", "def",    "del",  "elif",   "else",   "except",
        "finally", "for",      "from",     "global", "if",   "import", "in",     "is",
        "lambda",  "nonlocal", "not",      "or",     "pass", "raise",  "return", "try",
        "while",   "with",     "yield",    "match",  "case", "type",   "print",  "exec"};
    int depth = 0;
    char quote = 0;
    int run = 0;                // plain words in the current run
    bool single_space = false;  // the last word was followed by exactly one space
    std::size_t i = 0;
    while (i < line.size()) {
      char c = line[i];
      if (quote) {
        if (c == '\\')
          ++i;
        else if (c == quote)
          quote = 0;
        ++i;
        continue;
      }
      if (c == '#') break;
      bool word_start = std::isalpha(static_cast<unsigned char>(c)) || c == '_';
      if (depth == 0 && word_start) {
        std::size_t j = i;
        while (j < line.size() &&
               (std::isalnum(static_cast<unsigned char>(line[j])) || line[j] == '_')) {
          ++j;
        }
        bool plain = !kKeywords.count(line.substr(i, j - i));
        run = !plain ? 0 : (run > 0 && single_space) ? run + 1 : 1;
        if (run >= 3) return true;
        i = j;
        single_space = i + 1 < line.size() && line[i] == ' ' && line[i + 1] != ' ';
        if (single_space) ++i;
        continue;
      }
      if (c == '"' || c == '\'') quote = c;
      if (c == '(' || c == '[' || c == '{') ++depth;
      if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
      run = 0;
      single_space = false;
      ++i;
    }
    return false;
  }

  std::int64_t min_lines_;
  std::vector<std::string> pragmas_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::CommentedOutCode, "commented-out-code")
