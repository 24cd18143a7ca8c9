#pragma once
// Helpers shared by the cryptography, TLS and network-protocol rules (rules/python/crypto/,
// rules/python/tls/, rules/python/network/).
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "engine/rule.hpp"

namespace secreview::rules::crypto {

// Adds a parenthesised remark to an issue, before its final full stop: "... them (in test code)."
inline void add_note(std::string& issue, std::string_view note) {
  if (note.empty()) return;
  bool stop = !issue.empty() && issue.back() == '.';
  if (stop) issue.pop_back();
  issue += " (";
  issue += note;
  issue += ")";
  if (stop) issue += '.';
}

// Test code: the finding stays visible under --profile strict but drops to low confidence, and
// the issue says why.
inline void mark_test_code(const py::Model& m, Report& r) {
  if (!m.is_test_file()) return;
  r.confidence = Confidence::Low;
  add_note(r.issue, "in test code");
}

// The words of an identifier: "dbPassword" -> {"db", "password"}; "CSRF_TOKEN" -> {"csrf",
// "token"}; "self.session_key" -> {"self", "session", "key"}.
inline std::vector<std::string> identifier_words(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    bool upper = std::isupper(c) != 0;
    bool prev_lower = i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])) != 0;
    if (!std::isalnum(c) || (upper && prev_lower)) {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
      if (!std::isalnum(c)) continue;
    }
    cur += static_cast<char>(std::tolower(c));
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

// The first of `words` that `name` mentions, or "". A word of the name matches when it equals a
// listed word or its plural; listed words of five letters or more also match inside a word
// ("sessionid", "resetpassword"), shorter ones ("key", "otp") only as whole words, so "monkey"
// or "hotpot" do not count.
inline std::string mentioned_word(std::string_view name, const std::vector<std::string>& words) {
  for (const auto& part : identifier_words(name)) {
    for (const auto& w : words) {
      if (part == w || part == w + "s" || (w.size() >= 5 && part.find(w) != std::string::npos)) {
        return w;
      }
    }
  }
  return {};
}

// What a reference names once names bound to a single value are followed:
// `mode = AES.MODE_ECB; AES.new(k, mode)` -> "Crypto.Cipher.AES.MODE_ECB". Calls give their
// callee with "()" (`ec.SECP192R1()` -> "cryptography...ec.SECP192R1()"). Empty for anything
// else. `origin` receives where the head of the final name comes from.
inline std::string reference_name(const py::Model& m, TSNode expr, const py::Scope* scope,
                                  py::NameOrigin* origin = nullptr, int depth = 0) {
  expr = m.unwrap(expr);
  if (ts_node_is_null(expr) || depth > 8) return {};
  const py::Grammar& g = m.grammar();
  TSSymbol s = ts_node_symbol(expr);
  if (s == g.identifier) {
    TSNode bound = m.single_value(expr, scope);
    if (!ts_node_is_null(bound)) {
      return reference_name(m, bound, m.scope_of(bound), origin, depth + 1);
    }
  }
  if (s == g.identifier || s == g.attribute || s == g.call) return m.qualify(expr, scope, origin);
  return {};
}

// The last component of a dotted name ("ssl.PROTOCOL_TLSv1" -> "PROTOCOL_TLSv1"), without a
// trailing "()".
inline std::string_view last_component(std::string_view name) {
  if (name.ends_with("()")) name.remove_suffix(2);
  std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

inline bool contains(const std::vector<std::string>& list, std::string_view s) {
  for (const auto& e : list) {
    if (e == s) return true;
  }
  return false;
}

// Whether a PyCrypto/PyCryptodome mode argument selects the mode named `names` (MODE_ECB) whose
// value is `value` (1): the constant itself, a name bound to it, or its integer.
inline bool selects_mode(const py::Model& m, TSNode mode, const py::Scope* scope,
                         const std::vector<std::string>& names, std::int64_t value) {
  if (ts_node_is_null(mode)) return false;
  py::Value v = m.evaluate(mode, scope);
  if (v.kind == py::Value::Kind::Int) return v.integer == value;
  std::string name = reference_name(m, mode, scope);
  return !name.empty() && contains(names, last_component(name));
}

// Whether an expression always gives the same bytes, whoever runs the program: a string or
// bytes constant (followed through names bound once), a constant repeated (`b"x" * 16`,
// `b"\0" * AES.block_size`), `bytes(16)`/`bytearray(16)` (zero bytes) or a constant's
// `.encode()`. Anything computed at run time (`os.urandom(16)`, a parameter) is not fixed.
inline bool fixed_bytes(const py::Model& m, TSNode expr, const py::Scope* scope, int depth = 0) {
  expr = m.unwrap(expr);
  if (ts_node_is_null(expr) || depth > 8) return false;
  py::Value v = m.evaluate(expr, scope);
  if (v.known()) return v.kind == py::Value::Kind::Str || v.kind == py::Value::Kind::Bytes;
  const py::Grammar& g = m.grammar();
  TSSymbol s = ts_node_symbol(expr);
  if (s == g.identifier) {
    TSNode bound = m.single_value(expr, scope);
    return !ts_node_is_null(bound) && fixed_bytes(m, bound, m.scope_of(bound), depth + 1);
  }
  if (s == g.binary_operator) {
    if (m.text(ts_node_child_by_field_id(expr, g.f_operator)) != "*") return false;
    // The repeated part decides: a constant repeated any number of times is still constant.
    auto is_text = [&](TSNode side) {
      py::Value sv = m.evaluate(side, scope);
      return sv.known() && (sv.kind == py::Value::Kind::Str || sv.kind == py::Value::Kind::Bytes);
    };
    return is_text(ts_node_child_by_field_id(expr, g.f_left)) ||
           is_text(ts_node_child_by_field_id(expr, g.f_right));
  }
  if (s == g.call) {
    TSNode callee = ts_node_child_by_field_id(expr, g.f_function);
    TSNode args = ts_node_child_by_field_id(expr, g.f_arguments);
    if (ts_node_symbol(callee) == g.attribute) {
      return m.text(ts_node_child_by_field_id(callee, g.f_attribute)) == "encode" &&
             fixed_bytes(m, ts_node_child_by_field_id(callee, g.f_object), scope, depth + 1);
    }
    std::string name = m.qualify(callee, scope);
    if ((name == "bytes" || name == "bytearray") && ts_node_named_child_count(args) == 1) {
      py::Value n = m.evaluate(ts_node_named_child(args, 0), scope);
      return n.kind == py::Value::Kind::Int;
    }
  }
  return false;
}

// The constant text a string expression starts with, as far as it is known when the code is
// written: "https://api/" for `"https://api/" + path`, f"https://{HOST}/x" with HOST constant,
// "https://a/%s" % x, or "https://a/{}".format(x). `complete` is set when the whole value is a
// constant.
inline std::string leading_constant(const py::Model& m, TSNode expr, const py::Scope* scope,
                                    bool* complete = nullptr, int depth = 0) {
  bool dummy = false;
  bool& whole = complete ? *complete : dummy;
  whole = false;
  expr = m.unwrap(expr);
  if (ts_node_is_null(expr) || depth > 8) return {};
  const py::Grammar& g = m.grammar();
  py::Value v = m.evaluate(expr, scope);
  if (v.is_str()) {
    // evaluate() keeps the template of `"..." % constants`; that prefix is still exact up to '%'.
    whole = true;
    return v.str;
  }
  TSSymbol s = ts_node_symbol(expr);
  auto string_prefix = [&](TSNode str, bool& all) {
    std::string out;
    all = true;
    uint32_t k = ts_node_named_child_count(str);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(str, i);
      TSSymbol cs = ts_node_symbol(c);
      if (cs == g.string_content) {
        out += m.text(c);
      } else if (cs == g.interpolation) {
        py::Value iv = m.evaluate(ts_node_named_child(c, 0), scope);
        if (!iv.is_str()) {
          all = false;
          return out;
        }
        out += iv.str;
      }
    }
    return out;
  };
  if (s == g.string) {
    bool all = false;
    return string_prefix(expr, all);
  }
  if (s == g.concatenated_string) {
    std::string out;
    uint32_t k = ts_node_named_child_count(expr);
    for (uint32_t i = 0; i < k; ++i) {
      bool all = false;
      out += string_prefix(ts_node_named_child(expr, i), all);
      if (!all) break;
    }
    return out;
  }
  if (s == g.binary_operator) {
    std::string_view op = m.text(ts_node_child_by_field_id(expr, g.f_operator));
    TSNode left = ts_node_child_by_field_id(expr, g.f_left);
    if (op == "+") {
      bool left_whole = false;
      std::string out = leading_constant(m, left, scope, &left_whole, depth + 1);
      if (left_whole) {
        out += leading_constant(m, ts_node_child_by_field_id(expr, g.f_right), scope, nullptr,
                                depth + 1);
      }
      return out;
    }
    if (op == "%") {
      std::string tmpl = leading_constant(m, left, scope, nullptr, depth + 1);
      return tmpl.substr(0, tmpl.find('%'));
    }
    return {};
  }
  if (s == g.call) {
    TSNode callee = ts_node_child_by_field_id(expr, g.f_function);
    if (ts_node_symbol(callee) == g.attribute &&
        m.text(ts_node_child_by_field_id(callee, g.f_attribute)) == "format") {
      std::string tmpl = leading_constant(m, ts_node_child_by_field_id(callee, g.f_object), scope,
                                          nullptr, depth + 1);
      return tmpl.substr(0, tmpl.find('{'));
    }
    return {};
  }
  if (s == g.identifier) {
    TSNode bound = m.single_value(expr, scope);
    if (ts_node_is_null(bound)) return {};
    return leading_constant(m, bound, m.scope_of(bound), complete, depth + 1);
  }
  return {};
}

// Calls fn(node) for `root` and every node below it, in source order.
template <typename Fn>
void walk(TSNode root, Fn&& fn) {
  if (ts_node_is_null(root)) return;
  TSTreeCursor c = ts_tree_cursor_new(root);
  for (;;) {
    fn(ts_tree_cursor_current_node(&c));
    if (ts_tree_cursor_goto_first_child(&c)) continue;
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c) || ts_node_eq(ts_tree_cursor_current_node(&c), root)) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&c);
}

// The parent of `n`, skipping parentheses.
inline TSNode parent_skipping_parens(const py::Model& m, TSNode n) {
  TSNode p = ts_node_parent(n);
  while (!ts_node_is_null(p) && ts_node_symbol(p) == m.grammar().parenthesized_expression) {
    p = ts_node_parent(p);
  }
  return p;
}

// The name a call's result is bound to: `x = call()` or `with call() as x:`; null otherwise.
inline TSNode bound_name(const py::Model& m, TSNode call) {
  const py::Grammar& g = m.grammar();
  TSNode p = parent_skipping_parens(m, call);
  if (ts_node_is_null(p)) return {};
  TSSymbol s = ts_node_symbol(p);
  if (s == g.assignment) {
    TSNode left = ts_node_child_by_field_id(p, g.f_left);
    if (ts_node_symbol(left) == g.identifier) return left;
  } else if (s == g.as_pattern) {
    TSNode alias = ts_node_child_by_field_id(p, g.f_alias);
    if (!ts_node_is_null(alias) && ts_node_symbol(alias) == g.as_pattern_target) {
      alias = ts_node_named_child(alias, 0);
    }
    if (!ts_node_is_null(alias) && ts_node_symbol(alias) == m.grammar().identifier) return alias;
  }
  return {};
}

// Whether the object a call creates can be used outside the code that creates it: it is
// returned or yielded, stored in an attribute or item, or bound to a name that is returned,
// yielded, stored that way or passed to another call in the same function.
inline bool leaves_scope(const py::Model& m, TSNode call, const py::Scope* scope) {
  const py::Grammar& g = m.grammar();
  auto escapes_here = [&](TSNode n) {
    TSNode p = parent_skipping_parens(m, n);
    if (ts_node_is_null(p)) return false;
    TSSymbol s = ts_node_symbol(p);
    if (s == g.return_statement || s == g.argument_list ||
        ts_node_type(p) == std::string_view("yield")) {
      return true;
    }
    if (s == g.keyword_argument) return ts_node_eq(ts_node_child_by_field_id(p, g.f_value), n);
    if (s == g.assignment) {
      TSNode left = ts_node_child_by_field_id(p, g.f_left);
      TSSymbol ls = ts_node_symbol(left);
      return !ts_node_eq(left, n) && (ls == g.attribute || ls == g.subscript);
    }
    return false;
  };
  if (escapes_here(call)) return true;
  TSNode name = bound_name(m, call);
  if (ts_node_is_null(name)) return false;
  std::string_view x = m.text(name);
  bool escapes = false;
  walk(scope ? scope->node : m.root(), [&](TSNode n) {
    if (escapes || ts_node_symbol(n) != g.identifier || m.text(n) != x) return;
    escapes = escapes_here(n);
  });
  return escapes;
}

}  // namespace secreview::rules::crypto
