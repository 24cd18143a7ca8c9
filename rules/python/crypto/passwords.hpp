#pragma once
// What a general-purpose hash (hashlib.sha256(...), hashlib.new("md5") + .update(...)) is
// given, for the rules on hashing passwords: weak-password-hash (a fast hash, salted),
// unsalted-password-hash (the password alone) and weak-hash (which leaves passwords to them).
#include <string>
#include <string_view>

#include "engine/rule.hpp"
#include "rules/python/crypto/common.hpp"

namespace secreview::rules::crypto {

// What the data hashed by one hash object is made of.
struct HashedData {
  TSNode password{};   // the first password-like value among the data; null when there is none
  bool other = false;  // something else that changes per call is hashed too (a salt, a user name)
};

// A name that holds a password: its last word is password, passwd, passphrase or pwd
// (`password`, `user_password`, `newPasswd`, `self.pwd`), not `password_reset_token` or
// `password_hash`. The `pwd` module (`pwd.getpwnam`) is not a password.
inline bool names_a_password(std::string_view name) {
  std::vector<std::string> words = identifier_words(name);
  if (words.empty()) return false;
  const std::string& last = words.back();
  return last == "password" || last == "passwords" || last == "passwd" || last == "passphrase" ||
         last == "pwd";
}

namespace detail {

inline void classify(const py::Model& m, TSNode expr, const py::Scope* scope, HashedData& out,
                     int depth = 0) {
  expr = m.unwrap(expr);
  if (ts_node_is_null(expr)) return;
  if (depth > 12) {
    out.other = true;
    return;
  }
  const py::Grammar& g = m.grammar();
  TSSymbol s = ts_node_symbol(expr);
  auto password = [&] {
    if (ts_node_is_null(out.password)) out.password = expr;
  };
  if (s == g.identifier || s == g.attribute) {
    py::NameOrigin origin = py::NameOrigin::None;
    m.qualify(expr, scope, &origin);
    // A module's attribute is no password (`pwd.getpwnam`); a constant is the same for every
    // password, so it is no salt either.
    bool module = origin == py::NameOrigin::Import;
    if (!module && names_a_password(m.text(expr))) {
      password();
    } else if (module || !m.evaluate(expr, scope).known()) {
      out.other = true;
    }
    return;
  }
  if (s == g.string) {
    // Constants add nothing per password; an f-string's interpolations do.
    uint32_t n = ts_node_named_child_count(expr);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(expr, i);
      if (ts_node_symbol(c) == g.interpolation) {
        classify(m, ts_node_named_child(c, 0), scope, out, depth + 1);
      }
    }
    return;
  }
  if (s == g.concatenated_string || s == g.binary_operator || s == g.tuple) {
    // salt + password, "%s%s" % (salt, password)
    uint32_t n = ts_node_named_child_count(expr);
    for (uint32_t i = 0; i < n; ++i) {
      classify(m, ts_node_named_child(expr, i), scope, out, depth + 1);
    }
    return;
  }
  if (s == g.subscript) {
    // request.form["password"], creds["passwd"]
    TSNode key = ts_node_child_by_field_id(expr, g.f_subscript);
    py::Value k = m.evaluate(key, scope);
    if (k.is_str() && names_a_password(k.str)) {
      password();
    } else {
      out.other = true;
    }
    return;
  }
  if (s == g.call) {
    TSNode callee = ts_node_child_by_field_id(expr, g.f_function);
    TSNode args = ts_node_child_by_field_id(expr, g.f_arguments);
    if (ts_node_symbol(callee) == g.attribute) {
      // password.encode("utf-8"), password.strip(): the object is what is hashed.
      std::string_view method = m.text(ts_node_child_by_field_id(callee, g.f_attribute));
      if (method == "encode" || method == "strip" || method == "lower" || method == "upper") {
        classify(m, ts_node_child_by_field_id(callee, g.f_object), scope, out, depth + 1);
        return;
      }
    }
    std::string name = m.qualify(callee, scope);
    if ((name == "str" || name == "bytes" || name == "bytearray") &&
        ts_node_named_child_count(args) >= 1) {
      classify(m, ts_node_named_child(args, 0), scope, out, depth + 1);
      return;
    }
  }
  out.other = true;
}

}  // namespace detail

// What the hash object made by `call` is given: the data argument at `data_pos` (0 for
// hashlib.sha256(data), 1 for hashlib.new(name, data)) and every `.update(...)` on a name bound
// once to the call (`h = hashlib.sha256(); h.update(password)`).
inline HashedData hashed_data(const py::Model& m, const py::Call& call, std::size_t data_pos) {
  HashedData out;
  if (const py::Argument* a = call.positional(data_pos)) {
    detail::classify(m, a->value, call.scope, out);
  } else if (const py::Argument* k = call.keyword("data")) {
    detail::classify(m, k->value, call.scope, out);
  } else if (const py::Argument* k2 = call.keyword("string")) {
    detail::classify(m, k2->value, call.scope, out);
  }
  const py::Grammar& g = m.grammar();
  for (const py::Call& u : m.calls()) {
    if (u.method != "update" || u.scope != call.scope) continue;
    TSNode obj = ts_node_child_by_field_id(u.callee, g.f_object);
    if (ts_node_is_null(obj) || ts_node_symbol(obj) != g.identifier) continue;
    TSNode bound = m.single_value(obj, u.scope);
    if (ts_node_is_null(bound) || !ts_node_eq(m.unwrap(bound), call.node)) continue;
    if (const py::Argument* a = u.positional(0)) detail::classify(m, a->value, u.scope, out);
  }
  return out;
}

// The position of the data argument of a general-purpose hash constructor.
inline std::size_t data_position(const py::Call& call) {
  return call.name == "hashlib.new" ? 1 : 0;
}

// The algorithm a general-purpose hash constructor computes, as it is usually written ("MD5",
// "SHA-256", "SHA3-512", "BLAKE2b"), or "" when `hashlib.new`'s name is not a constant.
inline std::string hash_algorithm(const py::Model& m, const py::Call& call) {
  std::string a;
  if (call.name == "hashlib.new") {
    py::Value v = m.evaluate(call.argument(0, "name"), call.scope);
    if (!v.is_str()) return {};
    a = v.str;
  } else {
    a = std::string(last_component(call.name));
  }
  for (char& c : a) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // As the algorithms are written: SHA-256, SHA3-256, BLAKE2b.
  if (a.starts_with("SHA3_")) return "SHA3-" + a.substr(5);
  if (a.starts_with("SHA") && a.size() > 3 && std::isdigit(static_cast<unsigned char>(a[3]))) {
    return "SHA-" + a.substr(3);
  }
  if (a.starts_with("BLAKE2")) a.back() = static_cast<char>(std::tolower(a.back()));
  return a;
}

}  // namespace secreview::rules::crypto
