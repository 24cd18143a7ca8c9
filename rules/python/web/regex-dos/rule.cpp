// regex-dos: a constant regular expression whose repetition nests another unbounded repetition
// over the same characters ((a+)+, (\w+\s?)*, (.*a){12}) or repeats alternatives that match the
// same character ((a|a)*, (\w|\d)+), followed by something that can fail: the backtracking
// engine then tries exponentially many ways to split the input.
//
// The pattern is parsed conservatively: anything the parser does not model (conditionals, an
// unterminated class, a syntax error) means no finding.
#include <bitset>
#include <optional>

#include "core/text.hpp"
#include "engine/rule.hpp"
#include "rules/python/strings.hpp"
#include "rules/python/web/request.hpp"

namespace secreview::rules {
namespace {

// Bytes 0-255, plus three classes of non-ASCII characters so that \w and \s stay disjoint.
constexpr std::size_t kWordOther = 256;   // non-ASCII letters and digits
constexpr std::size_t kSpaceOther = 257;  // non-ASCII white space
constexpr std::size_t kOther = 258;       // any other non-ASCII character
using CharSet = std::bitset<259>;
constexpr int kInf = -1;

struct Flags {
  bool verbose = false;
  bool icase = false;
  bool dotall = false;
};

struct RNode {
  enum class Kind : std::uint8_t { Empty, Chars, Seq, Alt, Group, Repeat, Assert, Backref };
  Kind kind = Kind::Empty;
  CharSet chars;
  std::vector<int> kids;
  int min = 0;
  int max = 0;              // Repeat: kInf when unbounded
  bool possessive = false;  // Repeat: a++ (Python 3.11+): gives nothing back
  bool atomic = false;      // Group: (?>...) (Python 3.11+): gives nothing back
  std::size_t begin = 0;    // span in the pattern text
  std::size_t end = 0;
};

CharSet range(int lo, int hi) {
  CharSet s;
  for (int c = lo; c <= hi; ++c) s.set(static_cast<std::size_t>(c));
  return s;
}
CharSet digits() {
  return range('0', '9') | CharSet().set(kWordOther);
}
CharSet word() {
  return range('0', '9') | range('a', 'z') | range('A', 'Z') | CharSet().set('_').set(kWordOther);
}
CharSet space() {
  CharSet s;
  for (char c : std::string_view(" \t\n\r\f\v")) s.set(static_cast<unsigned char>(c));
  return s.set(kSpaceOther);
}
CharSet everything() {
  return CharSet().set();
}

class RegexParser {
 public:
  RegexParser(std::string_view pattern, Flags flags) : p_(pattern), f_(flags) {}

  // The root node, or nullopt when the pattern uses something not modelled.
  std::optional<int> parse() {
    int root = alt();
    if (failed_ || i_ != p_.size()) return std::nullopt;
    return root;
  }

  std::vector<RNode> nodes;

 private:
  int add(RNode n) {
    nodes.push_back(std::move(n));
    return static_cast<int>(nodes.size() - 1);
  }
  bool at_end() const { return i_ >= p_.size(); }
  char peek(std::size_t ahead = 0) const { return i_ + ahead < p_.size() ? p_[i_ + ahead] : '\0'; }

  void skip_verbose() {
    if (!f_.verbose) return;
    while (!at_end()) {
      char c = p_[i_];
      if (c == '#') {
        while (!at_end() && p_[i_] != '\n') ++i_;
      } else if (std::isspace(static_cast<unsigned char>(c)) != 0) {
        ++i_;
      } else {
        break;
      }
    }
  }

  CharSet fold(CharSet s) const {
    if (!f_.icase) return s;
    for (int c = 'a'; c <= 'z'; ++c) {
      auto lo = static_cast<std::size_t>(c);
      std::size_t up = lo - 'a' + 'A';
      if (s.test(lo) || s.test(up)) s.set(lo).set(up);
    }
    return s;
  }

  int chars(CharSet s, std::size_t begin) {
    RNode n;
    n.kind = RNode::Kind::Chars;
    n.chars = fold(s);
    n.begin = begin;
    n.end = i_;
    return add(std::move(n));
  }

  int simple(RNode::Kind kind, std::size_t begin) {
    RNode n;
    n.kind = kind;
    n.begin = begin;
    n.end = i_;
    return add(std::move(n));
  }

  int alt() {
    std::size_t begin = i_;
    std::vector<int> alts{seq()};
    while (!failed_ && peek() == '|') {
      ++i_;
      alts.push_back(seq());
    }
    if (alts.size() == 1) return alts.front();
    RNode n;
    n.kind = RNode::Kind::Alt;
    n.kids = std::move(alts);
    n.begin = begin;
    n.end = i_;
    return add(std::move(n));
  }

  int seq() {
    std::size_t begin = i_;
    std::vector<int> items;
    for (;;) {
      skip_verbose();
      if (failed_ || at_end() || peek() == '|' || peek() == ')') break;
      int a = atom();
      if (failed_) break;
      if (a < 0) continue;  // a comment or a flag group
      items.push_back(quantified(a));
    }
    RNode n;
    n.kind = items.empty() ? RNode::Kind::Empty : RNode::Kind::Seq;
    n.kids = std::move(items);
    n.begin = begin;
    n.end = i_;
    if (n.kids.size() == 1) return n.kids.front();
    return add(std::move(n));
  }

  // {m}, {m,}, {,n}, {m,n} at i_; false (and i_ unchanged) when it is a literal brace.
  bool brace(int& lo, int& hi) {
    std::size_t j = i_ + 1;
    auto number = [&](int& out) {
      std::size_t start = j;
      long v = 0;
      while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j])) != 0) {
        v = std::min(v * 10 + (p_[j] - '0'), 100000L);
        ++j;
      }
      out = static_cast<int>(v);
      return j > start;
    };
    int a = 0;
    int b = 0;
    bool has_a = number(a);
    if (j < p_.size() && p_[j] == '}') {
      if (!has_a) return false;
      lo = hi = a;
    } else if (j < p_.size() && p_[j] == ',') {
      ++j;
      bool has_b = number(b);
      if (j >= p_.size() || p_[j] != '}') return false;
      lo = has_a ? a : 0;
      hi = has_b ? b : kInf;
    } else {
      return false;
    }
    i_ = j + 1;
    return true;
  }

  int quantified(int a) {
    skip_verbose();
    int lo = 0;
    int hi = 0;
    char c = peek();
    if (c == '*') {
      lo = 0, hi = kInf, ++i_;
    } else if (c == '+') {
      lo = 1, hi = kInf, ++i_;
    } else if (c == '?') {
      lo = 0, hi = 1, ++i_;
    } else if (c != '{' || !brace(lo, hi)) {
      return a;
    }
    RNode n;
    n.kind = RNode::Kind::Repeat;
    n.kids = {a};
    n.min = lo;
    n.max = hi;
    if (peek() == '?') {
      ++i_;  // lazy: backtracks just the same
    } else if (peek() == '+') {
      ++i_;
      n.possessive = true;
    }
    n.begin = nodes[static_cast<std::size_t>(a)].begin;
    n.end = i_;
    skip_verbose();
    char next = peek();
    if (next == '*' || next == '+' || next == '?') failed_ = true;  // "multiple repeat"
    return add(std::move(n));
  }

  int atom() {
    std::size_t begin = i_;
    char c = p_[i_];
    auto uc = static_cast<unsigned char>(c);
    if (c == '(') return group();
    if (c == '[') return char_class();
    if (c == '\\') return escape();
    ++i_;
    if (c == '.') {
      CharSet s = everything();
      if (!f_.dotall) s.reset('\n');
      return chars(s, begin);
    }
    if (c == '^' || c == '$') return simple(RNode::Kind::Assert, begin);
    if (c == '*' || c == '+' || c == '?') {
      failed_ = true;  // nothing to repeat
      return -1;
    }
    if (uc >= 0x80) {
      while (!at_end() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
      return chars(CharSet().set(kWordOther), begin);
    }
    return chars(CharSet().set(uc), begin);
  }

  int group() {
    std::size_t begin = i_;
    ++i_;  // (
    RNode n;
    n.kind = RNode::Kind::Group;
    Flags saved = f_;
    if (peek() == '?') {
      char k = peek(1);
      if (k == ':' || k == '>') {
        n.atomic = k == '>';
        i_ += 2;
      } else if (k == 'P' && peek(2) == '<') {
        i_ = p_.find('>', i_);
        if (i_ == std::string_view::npos) return fail();
        ++i_;
      } else if (k == 'P' && peek(2) == '=') {
        i_ = p_.find(')', i_);
        if (i_ == std::string_view::npos) return fail();
        ++i_;
        return simple(RNode::Kind::Backref, begin);
      } else if (k == '=' || k == '!' || (k == '<' && (peek(2) == '=' || peek(2) == '!'))) {
        i_ += k == '<' ? 3 : 2;
        alt();  // a lookaround: zero width; its inside is not repeated by the outer pattern
        if (failed_ || peek() != ')') return fail();
        ++i_;
        return simple(RNode::Kind::Assert, begin);
      } else if (k == '#') {
        i_ = p_.find(')', i_);
        if (i_ == std::string_view::npos) return fail();
        ++i_;
        return -1;
      } else if (std::string_view("aiLmsux-").find(k) != std::string_view::npos) {
        i_ += 1;
        bool on = true;
        while (!at_end() && p_[i_] != ':' && p_[i_] != ')') {
          char fl = p_[i_++];
          if (fl == '-') on = false;
          if (fl == 'x') f_.verbose = on;
          if (fl == 'i') f_.icase = on;
          if (fl == 's') f_.dotall = on;
        }
        if (at_end()) return fail();
        if (p_[i_] == ')') {  // (?x): flags for the whole pattern
          ++i_;
          return -1;
        }
        ++i_;  // (?i:...): flags for the group only
      } else {
        return fail();  // conditionals (?(1)...) and anything else not modelled
      }
    }
    n.kids = {alt()};
    f_ = saved;
    if (failed_ || peek() != ')') return fail();
    ++i_;
    n.begin = begin;
    n.end = i_;
    return add(std::move(n));
  }

  int fail() {
    failed_ = true;
    return -1;
  }

  // One character of a class (at i_), returned as a code (0-255 or a kWordOther/kSpaceOther/
  // kOther class), or -1 after adding a class escape (\d, \w, ...) to `s`.
  int class_char(CharSet& s) {
    char c = p_[i_++];
    auto uc = static_cast<unsigned char>(c);
    if (uc >= 0x80) {
      while (!at_end() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
      return static_cast<int>(kWordOther);
    }
    if (c != '\\') return uc;
    if (at_end()) return fail();
    char e = p_[i_++];
    switch (e) {
      case 'd':
        s |= digits();
        return -1;
      case 'D':
        s |= ~digits();
        return -1;
      case 'w':
        s |= word();
        return -1;
      case 'W':
        s |= ~word();
        return -1;
      case 's':
        s |= space();
        return -1;
      case 'S':
        s |= ~space();
        return -1;
      default:
        return escaped_char(e);
    }
  }

  // The character a simple escape stands for (after the backslash and `e`).
  int escaped_char(char e) {
    auto hex = [&](std::size_t digits_count) {
      long v = 0;
      for (std::size_t k = 0; k < digits_count && !at_end(); ++k) {
        char h = p_[i_];
        if (std::isxdigit(static_cast<unsigned char>(h)) == 0) break;
        v = v * 16 +
            (std::isdigit(static_cast<unsigned char>(h)) != 0 ? h - '0' : (h | 0x20) - 'a' + 10);
        ++i_;
      }
      return v > 255 ? static_cast<int>(kOther) : static_cast<int>(v);
    };
    // \b is backspace here: callers handle the word boundary outside classes first.
    if (char c = simple_escape(e)) return static_cast<unsigned char>(c);
    switch (e) {
      case 'x':
        return hex(2);
      case 'u':
        return hex(4);
      case 'U':
        return hex(8);
      case 'N': {
        std::size_t close = p_.find('}', i_);
        if (close == std::string_view::npos) return fail();
        i_ = close + 1;
        return static_cast<int>(kOther);
      }
      default:
        if (e >= '0' && e <= '7') {
          std::size_t last = i_ - 1;  // `e`, just read
          unsigned v = read_octal_escape(p_, last);
          i_ = last + 1;
          return v > 255 ? static_cast<int>(kOther) : static_cast<int>(v);
        }
        return static_cast<unsigned char>(e);
    }
  }

  int char_class() {
    std::size_t begin = i_;
    ++i_;  // [
    bool negate = false;
    if (peek() == '^') {
      negate = true;
      ++i_;
    }
    CharSet s;
    bool first = true;
    for (;;) {
      if (at_end()) return fail();
      if (p_[i_] == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      int lo = class_char(s);
      if (failed_) return -1;
      if (lo < 0) continue;
      if (peek() == '-' && peek(1) != ']' && i_ + 1 < p_.size()) {
        ++i_;
        CharSet ignored;
        int hi = class_char(ignored);
        if (failed_) return -1;
        if (hi < 0) {  // [a-\d]: Python rejects it
          return fail();
        }
        if (lo > 255 || hi > 255) {  // a range into non-ASCII characters
          if (lo <= 255) s |= range(lo, 255);
          s.set(kWordOther).set(kSpaceOther).set(kOther);
        } else if (hi >= lo) {
          s |= range(lo, hi);
        }
        continue;
      }
      s.set(static_cast<std::size_t>(lo));
    }
    s = fold(s);
    if (negate) s = ~s;
    RNode n;
    n.kind = RNode::Kind::Chars;
    n.chars = s;
    n.begin = begin;
    n.end = i_;
    return add(std::move(n));
  }

  int escape() {
    std::size_t begin = i_;
    ++i_;  // backslash
    if (at_end()) return fail();
    char e = p_[i_++];
    switch (e) {
      case 'd':
        return chars(digits(), begin);
      case 'D':
        return chars(~digits(), begin);
      case 'w':
        return chars(word(), begin);
      case 'W':
        return chars(~word(), begin);
      case 's':
        return chars(space(), begin);
      case 'S':
        return chars(~space(), begin);
      case 'b':
      case 'B':
      case 'A':
      case 'Z':
      case 'z':
      case 'G':
        return simple(RNode::Kind::Assert, begin);
      default:
        break;
    }
    if (e >= '1' && e <= '9') {
      while (!at_end() && std::isdigit(static_cast<unsigned char>(p_[i_])) != 0 && i_ - begin < 3) {
        ++i_;
      }
      return simple(RNode::Kind::Backref, begin);
    }
    int c = escaped_char(e);
    if (failed_) return -1;
    return chars(CharSet().set(static_cast<std::size_t>(c)), begin);
  }

  std::string_view p_;
  Flags f_;
  std::size_t i_ = 0;
  bool failed_ = false;
};

struct Ambiguity {
  int outer = -1;        // the repetition that is reported
  std::string part;      // its text
  std::string why;       // what makes it ambiguous
  bool bounded = false;  // {n,m} rather than * or +
};

class Analyzer {
 public:
  Analyzer(const std::vector<RNode>& nodes, std::string_view pattern, int bounded_threshold)
      : n_(nodes), p_(pattern), threshold_(bounded_threshold) {}

  std::optional<Ambiguity> find(int root, bool end_can_fail) {
    follow_.assign(n_.size(), false);
    mark_follow(root, end_can_fail);
    for (std::size_t i = 0; i < n_.size(); ++i) {
      if (auto a = check(static_cast<int>(i))) return a;
    }
    return std::nullopt;
  }

 private:
  const RNode& at(int i) const { return n_[static_cast<std::size_t>(i)]; }

  bool nullable(int i) const {
    const RNode& n = at(i);
    switch (n.kind) {
      case RNode::Kind::Empty:
      case RNode::Kind::Assert:
      case RNode::Kind::Backref:
        return true;
      case RNode::Kind::Chars:
        return false;
      case RNode::Kind::Seq:
        return std::all_of(n.kids.begin(), n.kids.end(), [&](int k) { return nullable(k); });
      case RNode::Kind::Alt:
        return std::any_of(n.kids.begin(), n.kids.end(), [&](int k) { return nullable(k); });
      case RNode::Kind::Group:
        return nullable(n.kids[0]);
      case RNode::Kind::Repeat:
        return n.min == 0 || nullable(n.kids[0]);
    }
    return true;
  }

  CharSet chars(int i) const {
    const RNode& n = at(i);
    if (n.kind == RNode::Kind::Chars) return n.chars;
    if (n.kind == RNode::Kind::Backref) return everything();
    if (n.kind == RNode::Kind::Repeat && n.max == 0) return {};
    CharSet s;
    if (n.kind != RNode::Kind::Assert) {
      for (int k : n.kids) s |= chars(k);
    }
    return s;
  }

  // Through groups, but not atomic ones: what is inside those cannot be split differently.
  int strip(int i) const {
    while (at(i).kind == RNode::Kind::Group && !at(i).atomic) i = at(i).kids[0];
    return i;
  }

  // The items of a sequence, with groups and nested sequences flattened.
  void items(int i, std::vector<int>& out) const {
    i = strip(i);
    if (at(i).kind == RNode::Kind::Seq) {
      for (int k : at(i).kids) items(k, out);
    } else {
      out.push_back(i);
    }
  }

  // Whether something after node i can fail (so the engine backtracks into it).
  void mark_follow(int i, bool after) {
    follow_[static_cast<std::size_t>(i)] = after;
    const RNode& n = at(i);
    if (n.kind == RNode::Kind::Seq) {
      for (std::size_t k = 0; k < n.kids.size(); ++k) {
        bool later = after;
        for (std::size_t j = k + 1; j < n.kids.size() && !later; ++j) {
          int kid = n.kids[j];
          RNode::Kind kk = at(kid).kind;
          later = !nullable(kid) || kk == RNode::Kind::Assert || kk == RNode::Kind::Backref;
        }
        mark_follow(n.kids[k], later);
      }
      return;
    }
    for (int k : n.kids) mark_follow(k, after || n.kind == RNode::Kind::Repeat);
  }

  std::string text(int i) const {
    const RNode& n = at(i);
    std::string t(p_.substr(n.begin, n.end - n.begin));
    if (utf8_length(t) > 40) t = t.substr(0, 37) + "...";
    return t;
  }

  static std::string quoted(const std::string& s) { return "`" + s + "`"; }

  // An alternative made of one character class only: `a`, `\d`, `aa`, `a?`, `[ab]{2}`; its
  // class, or nullopt.
  std::optional<CharSet> uniform(int i) const {
    std::vector<int> parts;
    items(i, parts);
    std::optional<CharSet> set;
    for (int p : parts) {
      int c = p;
      if (at(c).kind == RNode::Kind::Repeat) c = strip(at(c).kids[0]);
      if (at(c).kind != RNode::Kind::Chars) return std::nullopt;
      if (set && *set != at(c).chars) return std::nullopt;
      set = at(c).chars;
    }
    return set;
  }

  std::optional<Ambiguity> check(int i) const {
    const RNode& r = at(i);
    if (r.kind != RNode::Kind::Repeat || r.possessive) return std::nullopt;
    // Backtracking needs a failure after the ambiguous part: something that follows it, or the
    // repetition itself when it must match at least twice ((.*a){12} with eleven a's).
    if (!follow_[static_cast<std::size_t>(i)] && r.min < 2) return std::nullopt;
    bool unbounded = r.max == kInf;
    if (!unbounded && r.max < threshold_) return std::nullopt;
    // A part that can take any character never leaves one for a following check to fail on.
    if (chars(r.kids[0]).all()) return std::nullopt;
    int body = strip(r.kids[0]);
    std::vector<int> alts =
        at(body).kind == RNode::Kind::Alt ? at(body).kids : std::vector<int>{body};
    // (a+)+, (\w+\s?)*, (.*a){12}, (([a-z])+.)+: the part contains an unbounded repetition U
    // and everything else the part must match can also be matched by U, so the input can be
    // split between iterations of the outer and of U in many ways.
    for (int alt : alts) {
      std::vector<int> parts;
      items(alt, parts);
      // An anchor or lookaround inside ((?<=\s)\w+, \b) usually pins where an iteration may
      // start or end: not modelled, so not reported.
      if (std::any_of(parts.begin(), parts.end(),
                      [&](int q) { return at(q).kind == RNode::Kind::Assert; })) {
        continue;
      }
      for (int p : parts) {
        const RNode& u = at(p);
        if (u.kind != RNode::Kind::Repeat || u.max != kInf || u.possessive) continue;
        if (nullable(u.kids[0])) continue;
        CharSet uc = chars(u.kids[0]);
        if (uc.none()) continue;
        bool overlapping = std::all_of(parts.begin(), parts.end(), [&](int q) {
          return q == p || nullable(q) || (chars(q) & uc).any();
        });
        if (!overlapping) continue;
        Ambiguity a;
        a.outer = i;
        a.part = text(i);
        a.bounded = !unbounded;
        a.why = "whose repeated part contains " + quoted(text(p)) +
                ", itself unbounded and able to match the characters around it";
        return a;
      }
    }
    // (a|a)*, (\w|\d)+, (.|\s)*, (a|aa)+: two alternatives made of the same characters.
    if (alts.size() >= 2) {
      for (std::size_t x = 0; x < alts.size(); ++x) {
        for (std::size_t y = x + 1; y < alts.size(); ++y) {
          int ax = strip(alts[x]);
          int ay = strip(alts[y]);
          std::optional<CharSet> cx = uniform(ax);
          std::optional<CharSet> cy = uniform(ay);
          bool same_text = text(ax) == text(ay);
          if (!same_text && !(cx && cy && (*cx & *cy).any())) continue;
          Ambiguity a;
          a.outer = i;
          a.part = text(i);
          a.bounded = !unbounded;
          a.why = "which repeats the alternatives " + quoted(text(ax)) + " and " +
                  quoted(text(ay)) + ", both able to match the same characters";
          return a;
        }
      }
    }
    return std::nullopt;
  }

  const std::vector<RNode>& n_;
  std::string_view p_;
  int threshold_;
  std::vector<bool> follow_;
};

class RegexDos final : public Rule {
 public:
  explicit RegexDos(const RuleMeta& meta)
      : sources_(meta),
        keywords_(option_strings(meta, "pattern_keywords")),
        fullmatch_(option_strings(meta, "fullmatch_calls")),
        threshold_(
            static_cast<int>(meta.options["bounded_repeat_threshold"].value_or(std::int64_t{10}))) {
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    const py::Grammar& g = m.grammar();
    TSNode arg{};
    if (const py::Argument* a = call.positional(0)) arg = a->value;
    for (const auto& kw : keywords_) {
      if (ts_node_is_null(arg)) {
        if (const py::Argument* a = call.keyword(kw)) arg = a->value;
      }
    }
    if (ts_node_is_null(arg)) return;
    // A pattern taken from the request: the client picks its complexity.
    web::RequestFlow flow(m, sources_, call.scope);
    if (std::optional<web::RequestRead> read = flow.anywhere(arg)) {
      Report r;
      r.issue =
          expand(ctx.meta().issue,
                 {{"what", "`" + call.name + "` uses the regular expression `" + excerpt(m, arg) +
                               "`, " + web::source_phrase(m, *read, arg, call.node)},
                  {"how",
                   "a client can send a pattern such as `(a+)+$` with a matching "
                   "input, which"}});
      if (m.is_test_file()) {
        r.confidence = Confidence::Low;
        r.issue += " (in test code)";
      }
      ctx.report(arg, std::move(r));
      return;
    }
    // Follow a name bound once (PATTERN = r"...") to its literal.
    TSNode lit = m.unwrap(arg);
    const py::Scope* scope = call.scope;
    for (int hops = 0; hops < 4 && !ts_node_is_null(lit) && ts_node_symbol(lit) == g.identifier;
         ++hops) {
      TSNode v = m.single_value(lit, scope);
      if (ts_node_is_null(v)) return;
      scope = m.scope_of(v);
      lit = m.unwrap(v);
    }
    if (ts_node_is_null(lit)) return;
    std::optional<std::string> pattern = pattern_text(m, lit);
    if (!pattern) return;
    Flags flags = flags_of(m, call);
    RegexParser parser(*pattern, flags);
    std::optional<int> root = parser.parse();
    if (!root) return;
    Analyzer analyzer(parser.nodes, *pattern, threshold_);
    bool whole = web::in_list(fullmatch_, call.method);
    std::optional<Ambiguity> a = analyzer.find(*root, whole);
    if (!a) return;
    Report r;
    r.issue =
        expand(ctx.meta().issue,
               {{"what", "The pattern `" + excerpt(m, lit) + "` has `" + a->part + "`, " + a->why},
                {"how",
                 "a short input that almost matches (e.g. many repeated characters "
                 "and a mismatch at the end)"}});
    if (a->bounded) {
      r.confidence = Confidence::Medium;
      r.issue +=
          " (the outer repetition is bounded, so the time grows polynomially, with a "
          "high degree)";
    }
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(lit, std::move(r));
  }

 private:
  // The pattern a literal spells (after Python's escape processing); nullopt for f-strings and
  // anything that is not a string literal.
  static std::optional<std::string> pattern_text(const py::Model& m, TSNode lit) {
    const py::Grammar& g = m.grammar();
    std::vector<TSNode> parts;
    if (ts_node_symbol(lit) == g.string) {
      parts.push_back(lit);
    } else if (ts_node_symbol(lit) == g.concatenated_string) {
      uint32_t k = ts_node_named_child_count(lit);
      for (uint32_t i = 0; i < k; ++i) parts.push_back(ts_node_named_child(lit, i));
    } else {
      return std::nullopt;
    }
    std::string out;
    for (TSNode s : parts) {
      if (ts_node_symbol(s) != g.string) return std::nullopt;
      bool raw = false;
      std::string body;
      uint32_t k = ts_node_named_child_count(s);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(s, i);
        TSSymbol cs = ts_node_symbol(c);
        if (cs == g.string_start) {
          for (char ch : m.text(c)) raw = raw || ch == 'r' || ch == 'R';
        } else if (cs == g.string_content) {
          body += m.text(c);
        } else if (cs == g.interpolation) {
          return std::nullopt;
        }
      }
      out += raw ? body : decode_python_escapes(body);
    }
    return out;
  }

  // re.X / re.VERBOSE, re.I / re.IGNORECASE, re.S / re.DOTALL among the other arguments.
  static Flags flags_of(const py::Model& m, const py::Call& call) {
    Flags f;
    for (std::size_t k = 0; k < call.args.size(); ++k) {
      const py::Argument& a = call.args[k];
      if (k == 0 && a.kind == py::Argument::Kind::Positional) continue;
      for (auto token : split(m.text(a.value), '|')) {
        token = trim(token);
        if (auto dot = token.rfind('.'); dot != std::string_view::npos) {
          token.remove_prefix(dot + 1);
        }
        if (token == "X" || token == "VERBOSE") f.verbose = true;
        if (token == "I" || token == "IGNORECASE") f.icase = true;
        if (token == "S" || token == "DOTALL") f.dotall = true;
      }
    }
    return f;
  }

  web::RequestSources sources_;
  std::vector<std::string> keywords_;
  std::vector<std::string> fullmatch_;
  int threshold_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::RegexDos, "regex-dos")
