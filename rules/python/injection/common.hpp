#pragma once
// Helpers shared by the command-injection rules.
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"
#include "rules/python/strings.hpp"

namespace secreview::rules {

// Whether a command passed to a shell is fixed when the code is written: a constant string, or
// a list/tuple whose program (first element) is constant. With shell=True only that first
// element is parsed by the shell; later elements become the shell's positional parameters.
inline bool constant_shell_command(const py::Model& m, TSNode cmd, const py::Scope* scope) {
  cmd = m.unwrap(cmd);
  TSSymbol s = ts_node_symbol(cmd);
  const py::Grammar& g = m.grammar();
  if (s == g.list || s == g.tuple) {
    if (ts_node_named_child_count(cmd) == 0) return true;
    return m.evaluate(ts_node_named_child(cmd, 0), scope).known();
  }
  py::Value v = m.evaluate(cmd, scope);
  if (v.kind == py::Value::Kind::Sequence && !v.items.empty()) return v.items.front().known();
  return v.known();
}

// ---------------------------------------------------------------------------------------------
// Fixed text: values the code itself decides.

// Extra leaves a caller accepts as fixed (e.g. calls to an escaping function).
using FixedLeaf = std::function<bool(TSNode, const py::Scope*)>;

namespace detail {
// `resolving`: names bound several times whose assignments are being checked; met again inside
// one of those assignments (`s = s + "x"`), such a name is taken as fixed, by induction.
inline bool fixed_text(const py::Model& m, TSNode e, const py::Scope* scope, const FixedLeaf& allow,
                       int depth, std::vector<const py::Binding*>& resolving) {
  e = m.unwrap(e);
  if (ts_node_is_null(e) || depth > 12) return false;
  if (allow && allow(e, scope)) return true;
  if (m.evaluate(e, scope).known()) return true;
  const py::Grammar& g = m.grammar();
  TSSymbol s = ts_node_symbol(e);
  auto fixed = [&](TSNode n, const py::Scope* sc) {
    return fixed_text(m, n, sc, allow, depth + 1, resolving);
  };
  auto all_named = [&](TSNode n) {
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(n, i);
      TSSymbol cs = ts_node_symbol(c);
      if (cs == g.comment) continue;
      if (cs == g.keyword_argument) c = ts_node_child_by_field_id(c, g.f_value);
      if (cs == g.list_splat || cs == g.dictionary_splat) c = ts_node_named_child(c, 0);
      if (cs == g.pair) {
        if (!fixed(ts_node_child_by_field_id(c, g.f_key), scope)) return false;
        c = ts_node_child_by_field_id(c, g.f_value);
      }
      if (!fixed(c, scope)) return false;
    }
    return true;
  };
  if (s == g.string) {
    uint32_t k = ts_node_named_child_count(e);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(e, i);
      if (ts_node_symbol(c) != g.interpolation) continue;
      if (!fixed(ts_node_child_by_field_id(c, g.f_expression), scope)) return false;
    }
    return true;
  }
  if (s == g.concatenated_string || s == g.tuple || s == g.list || s == g.set ||
      s == g.dictionary || s == g.expression_list) {
    return all_named(e);
  }
  if (s == g.binary_operator) {
    std::string_view op = m.text(ts_node_child_by_field_id(e, g.f_operator));
    if (op != "+" && op != "%") return false;
    return fixed(ts_node_child_by_field_id(e, g.f_left), scope) &&
           fixed(ts_node_child_by_field_id(e, g.f_right), scope);
  }
  if (s == g.conditional_expression) {
    return ts_node_named_child_count(e) >= 3 && fixed(ts_node_named_child(e, 0), scope) &&
           fixed(ts_node_named_child(e, 2), scope);
  }
  if (s == g.call) {
    TSNode callee = ts_node_child_by_field_id(e, g.f_function);
    if (ts_node_symbol(callee) != g.attribute) return false;
    std::string_view method = m.text(ts_node_child_by_field_id(callee, g.f_attribute));
    if (method != "format" && method != "join") return false;
    return fixed(ts_node_child_by_field_id(callee, g.f_object), scope) &&
           all_named(ts_node_child_by_field_id(e, g.f_arguments));
  }
  if (s == g.identifier) {
    TSNode bound = m.single_value(e, scope);
    if (!ts_node_is_null(bound)) return fixed(bound, m.scope_of(bound));
    // Bound several times (`sql = "..."` then `sql = "..." + "..."`): fixed when every binding
    // is an assignment of a fixed value.
    std::string_view name = m.text(e);
    const py::Binding* b = m.lookup(name, scope);
    if (!b || b->kind != py::Binding::Kind::Value || b->count < 2) return false;
    if (std::find(resolving.begin(), resolving.end(), b) != resolving.end()) return true;
    if (b->count > 8 || resolving.size() > 3) return false;  // bounded work
    resolving.push_back(b);
    std::uint32_t seen = 0;
    bool all = true;
    for (const py::Assignment& a : m.assignments()) {
      TSNode t = m.unwrap(a.target);
      if (ts_node_symbol(t) != g.identifier || m.text(t) != name) continue;
      if (m.lookup(name, a.scope) != b) continue;
      if (!fixed(a.value, a.scope)) {
        all = false;
        break;
      }
      ++seen;
    }
    resolving.pop_back();
    return all && seen == b->count;
  }
  return false;
}
}  // namespace detail

// Whether an expression's value is fixed when the code is written: a constant (folded through
// names bound once, or every assignment of a name bound several times), or an f-string, `%`, `+`,
// `.format()`, `.join()` or conditional whose every inserted part is fixed. `allow` accepts further
// leaves.
inline bool fixed_text(const py::Model& m, TSNode e, const py::Scope* scope,
                       const FixedLeaf& allow = {}) {
  std::vector<const py::Binding*> resolving;
  return detail::fixed_text(m, e, scope, allow, 0, resolving);
}

// A command whose program is fixed: a fixed string, or a list/tuple whose first item is fixed.
inline bool fixed_command(const py::Model& m, TSNode cmd, const py::Scope* scope) {
  cmd = m.unwrap(cmd);
  const py::Grammar& g = m.grammar();
  TSSymbol s = ts_node_symbol(cmd);
  if (s == g.list || s == g.tuple) {
    if (ts_node_named_child_count(cmd) == 0) return true;
    return fixed_text(m, ts_node_named_child(cmd, 0), scope);
  }
  return fixed_text(m, cmd, scope) || constant_shell_command(m, cmd, scope);
}

// ---------------------------------------------------------------------------------------------
// Programs and command lines.

// An expression together with the scope it is evaluated in.
struct ScopedNode {
  TSNode node{};
  const py::Scope* scope = nullptr;
  bool from_list = false;  // node is the first item of an argument list, not the whole command
};

// Where the program of an argument vector is written: the first item of a list or tuple
// (through `*base`, `base + [...]` and names bound once), or else the command expression itself
// (a string whose first word is the program, or a value the model cannot see into). A null node
// for an empty list.
inline ScopedNode argv_program(const py::Model& m, TSNode argv, const py::Scope* scope,
                               int depth = 0) {
  argv = m.unwrap(argv);
  if (ts_node_is_null(argv) || depth > 8) return {argv, scope, false};
  const py::Grammar& g = m.grammar();
  TSSymbol s = ts_node_symbol(argv);
  if (s == g.list || s == g.tuple) {
    uint32_t k = ts_node_named_child_count(argv);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(argv, i);
      if (ts_node_symbol(c) == g.comment) continue;
      if (ts_node_symbol(c) == g.list_splat) {
        ScopedNode inner = argv_program(m, ts_node_named_child(c, 0), scope, depth + 1);
        if (!inner.from_list) return {c, scope, true};  // `*args`: the program is args[0]
        if (ts_node_is_null(inner.node)) continue;      // `*[]`: look at the next item
        return inner;
      }
      return {c, scope, true};
    }
    return {TSNode{}, scope, true};
  }
  if (s == g.binary_operator && m.text(ts_node_child_by_field_id(argv, g.f_operator)) == "+") {
    ScopedNode left = argv_program(m, ts_node_child_by_field_id(argv, g.f_left), scope, depth + 1);
    if (!left.from_list) return {argv, scope, false};  // string concatenation: the whole command
    if (ts_node_is_null(left.node)) {
      return argv_program(m, ts_node_child_by_field_id(argv, g.f_right), scope, depth + 1);
    }
    return left;
  }
  if (s == g.identifier) {
    TSNode bound = m.single_value(argv, scope);
    if (!ts_node_is_null(bound)) {
      TSSymbol bs = ts_node_symbol(m.unwrap(bound));
      if (bs == g.list || bs == g.tuple || bs == g.binary_operator || bs == g.identifier) {
        ScopedNode inner = argv_program(m, bound, m.scope_of(bound), depth + 1);
        if (inner.from_list) return inner;
      }
    }
  }
  return {argv, scope, false};
}

// Marks a part of a command template that the code does not fix (an interpolated value).
inline constexpr char kHole = '\x01';

// The text of a string expression with each part the code does not fix replaced by kHole:
// f-string interpolations, `%` conversions, `.format()` fields, non-constant operands of `+`.
// A value the model cannot see into at all gives a single kHole.
inline std::string command_template(const py::Model& m, TSNode e, const py::Scope* scope,
                                    int depth = 0) {
  e = m.unwrap(e);
  std::string hole(1, kHole);
  if (ts_node_is_null(e) || depth > 12) return hole;
  const py::Grammar& g = m.grammar();
  TSSymbol s = ts_node_symbol(e);
  if (s == g.string) {
    std::string out;
    bool raw = false;
    uint32_t k = ts_node_named_child_count(e);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(e, i);
      TSSymbol cs = ts_node_symbol(c);
      if (cs == g.string_start) {
        for (char ch : m.text(c)) raw = raw || ch == 'r' || ch == 'R';
      } else if (cs == g.string_content) {
        out += raw ? std::string(m.text(c)) : decode_python_escapes(m.text(c));
      } else if (cs == g.interpolation) {
        py::Value v = m.evaluate(ts_node_child_by_field_id(c, g.f_expression), scope);
        out += v.is_str() ? v.str : hole;
      }
    }
    return out;
  }
  if (s == g.concatenated_string) {
    std::string out;
    uint32_t k = ts_node_named_child_count(e);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(e, i);
      if (ts_node_symbol(c) == g.string) out += command_template(m, c, scope, depth + 1);
    }
    return out;
  }
  if (s == g.binary_operator) {
    std::string_view op = m.text(ts_node_child_by_field_id(e, g.f_operator));
    std::string left =
        command_template(m, ts_node_child_by_field_id(e, g.f_left), scope, depth + 1);
    if (op == "+") {
      return left + command_template(m, ts_node_child_by_field_id(e, g.f_right), scope, depth + 1);
    }
    if (op != "%") return hole;
    // Each conversion (%s, %(name)s, %-10d) becomes a hole; %% is a percent sign.
    std::string out;
    for (std::size_t i = 0; i < left.size(); ++i) {
      if (left[i] != '%' || i + 1 >= left.size()) {
        out += left[i];
        continue;
      }
      if (left[i + 1] == '%') {
        out += '%';
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      if (left[j] == '(') {
        while (j < left.size() && left[j] != ')') ++j;
        ++j;
      }
      while (j < left.size() &&
             std::string_view("#0- +*.0123456789hlL").find(left[j]) != std::string_view::npos) {
        ++j;
      }
      out += kHole;
      i = j;  // the conversion character
    }
    return out;
  }
  if (s == g.call) {
    TSNode callee = ts_node_child_by_field_id(e, g.f_function);
    TSNode args = ts_node_child_by_field_id(e, g.f_arguments);
    // "git log -1".split(), shlex.split(line): the words of the string, so its text.
    if (ts_node_symbol(callee) == g.attribute &&
        m.text(ts_node_child_by_field_id(callee, g.f_attribute)) == "split" &&
        ts_node_named_child_count(args) == 0) {
      return command_template(m, ts_node_child_by_field_id(callee, g.f_object), scope, depth + 1);
    }
    if (m.qualify(callee, scope) == "shlex.split" && ts_node_named_child_count(args) > 0) {
      return command_template(m, ts_node_named_child(args, 0), scope, depth + 1);
    }
    if (ts_node_symbol(callee) == g.attribute &&
        m.text(ts_node_child_by_field_id(callee, g.f_attribute)) == "format") {
      std::string recv =
          command_template(m, ts_node_child_by_field_id(callee, g.f_object), scope, depth + 1);
      std::string out;
      for (std::size_t i = 0; i < recv.size(); ++i) {
        char c = recv[i];
        if ((c == '{' || c == '}') && i + 1 < recv.size() && recv[i + 1] == c) {
          out += c;
          ++i;
        } else if (c == '{') {
          while (i < recv.size() && recv[i] != '}') ++i;
          out += kHole;
        } else {
          out += c;
        }
      }
      return out;
    }
  }
  if (s == g.identifier) {
    TSNode bound = m.single_value(e, scope);
    if (!ts_node_is_null(bound)) return command_template(m, bound, m.scope_of(bound), depth + 1);
  }
  py::Value v = m.evaluate(e, scope);
  return v.is_str() ? v.str : hole;
}

// Whether an expression (or the value of a name bound once in it) reads one of `sources`: a
// qualified name such as "flask.request", "request" (a view's parameter), "sys.argv" or "input"
// (the builtin), or an attribute of one. Returns the first source found, or "".
inline std::string reads_source(const py::Model& m, TSNode e, const py::Scope* scope,
                                const std::vector<std::string>& sources, int depth = 0) {
  e = m.unwrap(e);
  if (ts_node_is_null(e) || depth > 4 || sources.empty()) return {};
  const py::Grammar& g = m.grammar();
  TSSymbol s = ts_node_symbol(e);
  if (s == g.identifier || s == g.attribute) {
    std::string q = m.qualify(e, scope);
    for (const auto& src : sources) {
      if (q == src || (q.size() > src.size() && q.starts_with(src) && q[src.size()] == '.')) {
        return src;
      }
    }
    if (s == g.identifier) {
      TSNode bound = m.single_value(e, scope);
      if (!ts_node_is_null(bound))
        return reads_source(m, bound, m.scope_of(bound), sources, depth + 1);
      return {};
    }
  }
  uint32_t k = ts_node_named_child_count(e);
  for (uint32_t i = 0; i < k; ++i) {
    TSNode c = ts_node_named_child(e, i);
    // The attribute name in `x.attr` and keyword names are not reads of a variable.
    if (s == g.attribute && ts_node_eq(c, ts_node_child_by_field_id(e, g.f_attribute))) continue;
    if (ts_node_symbol(c) == g.keyword_argument) c = ts_node_child_by_field_id(c, g.f_value);
    std::string found = reads_source(m, c, scope, sources, depth);
    if (!found.empty()) return found;
  }
  return {};
}

// One word of a shell command line, with its quotes removed.
struct ShellWord {
  std::string text;
  bool leading_glob = false;  // starts with an unquoted *, ? or [ (expands to file names)
  bool quoted = false;        // some part of it was quoted
};
using ShellCommand = std::vector<ShellWord>;

// Splits a command line the way /bin/sh would at the level that matters here: into simple
// commands (at ; & | newline, parentheses and backquotes) made of words (at blanks, with '...',
// "..." and backslash quoting). Expansions are not performed.
inline std::vector<ShellCommand> shell_commands(std::string_view line) {
  std::vector<ShellCommand> out(1);
  ShellWord w;
  bool in_word = false;
  char quote = 0;
  auto end_word = [&] {
    if (in_word) out.back().push_back(std::move(w));
    w = ShellWord{};
    in_word = false;
  };
  auto end_command = [&] {
    end_word();
    if (!out.back().empty()) out.emplace_back();
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (quote == '"' && c == '\\' && i + 1 < line.size()) {
        w.text += line[++i];
      } else {
        w.text += c;
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
      w.quoted = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      w.text += line[++i];
      in_word = true;
      w.quoted = true;
    } else if (c == '#' && !in_word) {
      while (i + 1 < line.size() && line[i + 1] != '\n') ++i;  // a comment
    } else if (c == ' ' || c == '\t' || c == '\r') {
      end_word();
    } else if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '`') {
      end_command();
    } else {
      if (!in_word && (c == '*' || c == '?' || c == '[')) w.leading_glob = true;
      in_word = true;
      w.text += c;
    }
  }
  end_command();
  if (out.back().empty()) out.pop_back();
  return out;
}

// `NAME=value`, an environment assignment before a command's program.
inline bool shell_assignment(std::string_view word) {
  std::size_t eq = word.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  for (std::size_t i = 0; i < eq; ++i) {
    char c = word[i];
    bool ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

}  // namespace secreview::rules
