#pragma once
// Values read from the HTTP request, shared by the rules that follow client data to a sink
// (open-redirect, ssrf-request-url, path-traversal-request).
//
// "Read from the request" means, and only means:
//   - an attribute that carries client data (`args`, `form`, `GET`, `json`, ...: the option
//     `request_attributes`) of a request object, itself subscripted (`request.args["next"]`) or
//     read through an accessor (`request.GET.get("next")`, `request.args.getlist("u")`), or a
//     getter of the request (`request.get_json()`), or a client-named attribute of such a value
//     (`request.files["doc"].filename`);
//   - a request object is a name imported as one of `request_objects` (`from flask import
//     request`, any alias), a function parameter named like `request_parameters` or annotated
//     with one of `request_types` (a view's `request`), or `self.request` (class-based views);
//   - a name bound exactly once, in the same function, to such a value (or to a string built
//     from one) counts as the value itself.
// Anything else (a call to an unknown function, a parameter of a helper, a value reassigned) is
// not followed: the rules stay silent rather than guess.
//
// Every list is data from the rule's [options], so the three rules can be tuned alike.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"
#include "rules/python/web/words.hpp"

namespace secreview::rules::web {

// The innermost function (or the module) a scope belongs to.
inline const py::Scope* function_scope(const py::Scope* s) {
  while (s && s->kind != py::Scope::Kind::Function && s->kind != py::Scope::Kind::Module) {
    s = s->parent;
  }
  return s;
}

// The request model, read from the rule's [options].
struct RequestSources {
  std::vector<std::string> objects;      // imported request objects: "flask.request"
  std::vector<std::string> parameters;   // parameter names of views: "request"
  std::vector<std::string> types;        // parameter annotations: "Request", "HttpRequest"
  std::vector<std::string> attributes;   // attributes holding client data: "args", "GET"
  std::vector<std::string> accessors;    // methods reading one item: "get", "getlist"
  std::vector<std::string> getters;      // methods of the request returning data: "get_json"
  std::vector<std::string> value_attrs;  // client-named attributes of a read value: "filename"
  std::vector<std::string> passthrough;  // calls that keep the value: "strip", "str"

  explicit RequestSources(const RuleMeta& meta)
      : objects(option_strings(meta, "request_objects")),
        parameters(option_strings(meta, "request_parameters")),
        types(option_strings(meta, "request_types")),
        attributes(option_strings(meta, "request_attributes")),
        accessors(option_strings(meta, "request_accessors")),
        getters(option_strings(meta, "request_getters")),
        value_attrs(option_strings(meta, "request_value_attributes")),
        passthrough(option_strings(meta, "request_passthrough")) {}
};

struct RequestRead {
  TSNode node{};          // the expression that reads the request: `request.args.get("next")`
  std::string attribute;  // the request attribute read: "args" (or the getter: "get_json")
};

// Follows one expression of one function back to the request. Not thread-shared: make one per
// check.
class RequestFlow {
 public:
  enum class Mode : std::uint8_t { Url, Path };

  RequestFlow(const py::Model& m, const RequestSources& src, const py::Scope* scope,
              Mode mode = Mode::Url)
      : m_(m), g_(m.grammar()), src_(src), scope_(scope), mode_(mode) {}

  // Path mode: calls that join path components (os.path.join) and that build path objects
  // (pathlib.Path).
  void set_path_builders(const std::vector<std::string>* joiners,
                         const std::vector<std::string>* path_types) {
    joiners_ = joiners;
    path_types_ = path_types;
  }

  // The texts this flow went through: local names followed and the request read itself. A
  // validation of any of them in the function silences a finding.
  const std::vector<std::string>& terms() const { return terms_; }
  // A pathlib constructor (or `/` on one) was seen while flattening (Path mode).
  bool path_object() const { return path_object_; }

  bool is_request_object(TSNode expr) const {
    expr = m_.unwrap(expr);
    if (ts_node_is_null(expr)) return false;
    TSSymbol s = ts_node_symbol(expr);
    if (s == g_.identifier) {
      std::string name(m_.text(expr));
      for (const py::Scope* sc = scope_; sc; sc = sc->parent) {
        if (sc->kind == py::Scope::Kind::Class && sc != scope_) continue;
        auto it = sc->bindings.find(name);
        if (it == sc->bindings.end()) continue;
        const py::Binding& b = it->second;
        if (b.kind == py::Binding::Kind::Import) return in_list(src_.objects, b.target);
        if (b.kind == py::Binding::Kind::Parameter) return is_request_parameter(sc, name);
        return false;
      }
      return false;
    }
    if (s == g_.attribute) {
      TSNode obj = m_.unwrap(ts_node_child_by_field_id(expr, g_.f_object));
      if (m_.text(ts_node_child_by_field_id(expr, g_.f_attribute)) == "request" &&
          ts_node_symbol(obj) == g_.identifier && m_.text(obj) == "self") {
        return true;  // class-based views: self.request
      }
      py::NameOrigin origin = py::NameOrigin::None;
      std::string q = m_.qualify(expr, scope_, &origin);
      return origin == py::NameOrigin::Import && in_list(src_.objects, q);
    }
    return false;
  }

  // `expr` reads client data from the request (see the header comment).
  std::optional<RequestRead> read(TSNode expr, int depth = 0) {
    expr = m_.unwrap(expr);
    if (ts_node_is_null(expr) || depth > kMaxDepth) return std::nullopt;
    TSSymbol s = ts_node_symbol(expr);
    if (s == g_.await_) return read(ts_node_named_child(expr, 0), depth + 1);
    if (s == g_.identifier) {
      TSNode v = local_value(expr);
      if (ts_node_is_null(v)) return std::nullopt;
      terms_.emplace_back(m_.text(expr));
      return read(v, depth + 1);
    }
    if (s == g_.attribute) {
      TSNode obj = ts_node_child_by_field_id(expr, g_.f_object);
      std::string_view attr = m_.text(ts_node_child_by_field_id(expr, g_.f_attribute));
      if (in_list(src_.attributes, attr) && is_request_object(obj)) {
        return found(expr, std::string(attr));
      }
      if (in_list(src_.value_attrs, attr)) {
        if (auto inner = read(obj, depth + 1)) return found(expr, inner->attribute);
      }
      return std::nullopt;
    }
    if (s == g_.subscript) {
      if (auto inner = read(ts_node_child_by_field_id(expr, g_.f_value), depth + 1)) {
        return found(expr, inner->attribute);
      }
      return std::nullopt;
    }
    if (s == g_.call) {
      TSNode callee = m_.unwrap(ts_node_child_by_field_id(expr, g_.f_function));
      if (ts_node_symbol(callee) != g_.attribute) return std::nullopt;
      TSNode obj = ts_node_child_by_field_id(callee, g_.f_object);
      std::string_view method = m_.text(ts_node_child_by_field_id(callee, g_.f_attribute));
      if (in_list(src_.accessors, method)) {
        if (auto inner = read(obj, depth + 1)) return found(expr, inner->attribute);
      }
      if (in_list(src_.getters, method) && is_request_object(obj)) {
        return found(expr, std::string(method));
      }
      // Starlette/FastAPI coroutines: `await request.json()`, `await request.form()`.
      if (in_list(src_.attributes, method) && is_request_object(obj)) {
        return found(expr, std::string(method));
      }
    }
    return std::nullopt;
  }

  // `expr` is a string (URL) whose beginning comes from the request: the value itself, or a
  // concatenation/f-string/format whose constant text before the request value is at most a
  // scheme ("https://"), so the request chooses the host.
  std::optional<RequestRead> leading(TSNode expr, int depth = 0) {
    expr = m_.unwrap(expr);
    if (ts_node_is_null(expr) || depth > kMaxDepth) return std::nullopt;
    if (auto r = read(expr, depth + 1)) return r;
    for (TSNode alt : alternatives(expr)) {
      if (auto r = leading(alt, depth + 1)) return r;
    }
    std::vector<Part> parts;
    flatten(expr, parts, 0);
    std::string prefix;
    for (const Part& p : parts) {
      if (ts_node_is_null(p.node)) {
        prefix += p.text;
        continue;
      }
      if (ts_node_eq(p.node, expr) || !scheme_only(prefix)) return std::nullopt;
      return leading(p.node, depth + 1);
    }
    return std::nullopt;
  }

  // `expr` (a path) contains a value from the request anywhere: as a path component
  // (os.path.join, pathlib `/`), in an f-string or a concatenation.
  std::optional<RequestRead> anywhere(TSNode expr, int depth = 0) {
    expr = m_.unwrap(expr);
    if (ts_node_is_null(expr) || depth > kMaxDepth) return std::nullopt;
    if (auto r = read(expr, depth + 1)) return r;
    for (TSNode alt : alternatives(expr)) {
      if (auto r = anywhere(alt, depth + 1)) return r;
    }
    std::vector<Part> parts;
    flatten(expr, parts, 0);
    for (const Part& p : parts) {
      if (ts_node_is_null(p.node) || ts_node_eq(p.node, expr)) continue;
      if (auto r = anywhere(p.node, depth + 1)) return r;
    }
    return std::nullopt;
  }

 private:
  static constexpr int kMaxDepth = 12;

  struct Part {
    std::string text;  // constant text when node is null
    TSNode node{};     // an expression whose value is not known
  };

  std::optional<RequestRead> found(TSNode node, std::string attribute) {
    terms_.emplace_back(m_.text(node));
    return RequestRead{node, std::move(attribute)};
  }

  bool is_request_parameter(const py::Scope* sc, std::string_view name) const {
    if (in_list(src_.parameters, name)) return true;
    for (const auto& f : m_.functions()) {
      if (f.scope != sc) continue;
      for (const auto& p : f.params) {
        if (p.name != name || ts_node_is_null(p.annotation)) continue;
        std::string_view t = m_.text(p.annotation);
        while (!t.empty() && (t.front() == '"' || t.front() == '\'')) t.remove_prefix(1);
        while (!t.empty() && (t.back() == '"' || t.back() == '\'')) t.remove_suffix(1);
        if (auto dot = t.rfind('.'); dot != std::string_view::npos) t.remove_prefix(dot + 1);
        return in_list(src_.types, t);
      }
    }
    return false;
  }

  // The value of a name bound exactly once in the sink's own scope.
  TSNode local_value(TSNode id) const {
    if (!scope_ || ts_node_symbol(id) != g_.identifier) return {};
    auto it = scope_->bindings.find(std::string(m_.text(id)));
    if (it == scope_->bindings.end()) return {};
    const py::Binding& b = it->second;
    if (b.count != 1 || b.kind != py::Binding::Kind::Value) return {};
    return b.value;
  }

  // `a or b`, `a and b`, `a if c else b`: the values the expression may take.
  std::vector<TSNode> alternatives(TSNode expr) const {
    TSSymbol s = ts_node_symbol(expr);
    if (s == g_.boolean_operator) {
      return {ts_node_child_by_field_id(expr, g_.f_left),
              ts_node_child_by_field_id(expr, g_.f_right)};
    }
    if (s == g_.conditional_expression && ts_node_named_child_count(expr) >= 3) {
      return {ts_node_named_child(expr, 0), ts_node_named_child(expr, 2)};
    }
    return {};
  }

  // "", "//", "https://", "http://", "ftp://": nothing that fixes the host.
  static bool scheme_only(std::string_view prefix) {
    std::size_t i = 0;
    while (i < prefix.size() && (std::isalnum(static_cast<unsigned char>(prefix[i])) != 0 ||
                                 prefix[i] == '+' || prefix[i] == '.' || prefix[i] == '-')) {
      ++i;
    }
    std::string_view rest = prefix;
    if (i > 0 && i < prefix.size() && prefix[i] == ':') rest = prefix.substr(i + 1);
    return rest.empty() || rest == "//";
  }

  void constant(std::vector<Part>& out, std::string text) const {
    out.push_back({std::move(text), {}});
  }
  void dynamic(std::vector<Part>& out, TSNode n) const { out.push_back({{}, n}); }

  void flatten_args(TSNode call, std::vector<Part>& out, int depth, std::string_view sep) {
    TSNode args = ts_node_child_by_field_id(call, g_.f_arguments);
    uint32_t k = ts_node_named_child_count(args);
    bool first = true;
    for (uint32_t i = 0; i < k; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (ts_node_symbol(a) == g_.comment) continue;
      if (ts_node_symbol(a) == g_.keyword_argument) continue;
      if (!first) constant(out, std::string(sep));
      first = false;
      flatten(a, out, depth + 1);
    }
  }

  // Splits a string-building expression into constant text and unknown values, in order.
  void flatten(TSNode expr, std::vector<Part>& out, int depth) {
    expr = m_.unwrap(expr);
    if (ts_node_is_null(expr)) return;
    if (depth > kMaxDepth) {
      dynamic(out, expr);
      return;
    }
    TSSymbol s = ts_node_symbol(expr);
    if (s == g_.string) {
      uint32_t k = ts_node_named_child_count(expr);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(expr, i);
        TSSymbol cs = ts_node_symbol(c);
        if (cs == g_.string_content) constant(out, std::string(m_.text(c)));
        if (cs == g_.interpolation) {
          flatten(ts_node_child_by_field_id(c, g_.f_expression), out, depth + 1);
        }
      }
      return;
    }
    if (s == g_.concatenated_string) {
      uint32_t k = ts_node_named_child_count(expr);
      for (uint32_t i = 0; i < k; ++i) flatten(ts_node_named_child(expr, i), out, depth + 1);
      return;
    }
    if (s == g_.binary_operator) {
      std::string_view op = m_.text(ts_node_child_by_field_id(expr, g_.f_operator));
      TSNode l = ts_node_child_by_field_id(expr, g_.f_left);
      TSNode r = ts_node_child_by_field_id(expr, g_.f_right);
      if (op == "+") {
        flatten(l, out, depth + 1);
        flatten(r, out, depth + 1);
        return;
      }
      if (op == "/" && mode_ == Mode::Path) {  // a path argument: pathlib's join
        path_object_ = true;
        flatten(l, out, depth + 1);
        constant(out, "/");
        flatten(r, out, depth + 1);
        return;
      }
      if (op == "%") {
        py::Value tmpl = m_.evaluate(l, scope_);
        if (!tmpl.is_str()) {
          dynamic(out, expr);
          return;
        }
        constant(out, tmpl.str.substr(0, tmpl.str.find('%')));
        TSNode rr = m_.unwrap(r);
        if (ts_node_symbol(rr) == g_.tuple) {
          uint32_t k = ts_node_named_child_count(rr);
          for (uint32_t i = 0; i < k; ++i) flatten(ts_node_named_child(rr, i), out, depth + 1);
        } else {
          flatten(rr, out, depth + 1);
        }
        return;
      }
      dynamic(out, expr);
      return;
    }
    if (s == g_.call) {
      flatten_call(expr, out, depth);
      return;
    }
    if (s == g_.identifier) {
      TSNode v = local_value(expr);
      if (!ts_node_is_null(v)) {
        terms_.emplace_back(m_.text(expr));
        flatten(v, out, depth + 1);
        return;
      }
      if (mode_ == Mode::Path && path_types_) {
        // UPLOADS = Path("/srv/uploads") at module level: a path object, not a string.
        TSNode g = m_.unwrap(m_.single_value(expr, scope_));
        if (!ts_node_is_null(g) && ts_node_symbol(g) == g_.call) {
          py::NameOrigin o = py::NameOrigin::None;
          std::string q =
              m_.qualify(ts_node_child_by_field_id(g, g_.f_function), m_.scope_of(g), &o);
          if (o == py::NameOrigin::Import && in_list(*path_types_, q)) {
            path_object_ = true;
            dynamic(out, expr);
            return;
          }
        }
      }
    }
    py::Value v = m_.evaluate(expr, scope_);
    if (v.is_str()) {
      constant(out, v.str);
      return;
    }
    dynamic(out, expr);
  }

  void flatten_call(TSNode expr, std::vector<Part>& out, int depth) {
    TSNode callee = m_.unwrap(ts_node_child_by_field_id(expr, g_.f_function));
    TSNode args = ts_node_child_by_field_id(expr, g_.f_arguments);
    TSSymbol cs = ts_node_symbol(callee);
    if (cs == g_.attribute) {
      TSNode obj = ts_node_child_by_field_id(callee, g_.f_object);
      std::string_view method = m_.text(ts_node_child_by_field_id(callee, g_.f_attribute));
      if (method == "format") {
        py::Value tmpl = m_.evaluate(obj, scope_);
        if (tmpl.is_str()) {
          constant(out, tmpl.str.substr(0, tmpl.str.find('{')));
          uint32_t k = ts_node_named_child_count(args);
          for (uint32_t i = 0; i < k; ++i) {
            TSNode a = ts_node_named_child(args, i);
            if (ts_node_symbol(a) == g_.comment) continue;
            if (ts_node_symbol(a) == g_.keyword_argument) {
              a = ts_node_child_by_field_id(a, g_.f_value);
            }
            flatten(a, out, depth + 1);
          }
          return;
        }
      }
      if (in_list(src_.passthrough, method)) {
        flatten(obj, out, depth + 1);
        return;
      }
      if (mode_ == Mode::Path && method == "joinpath") {
        flatten(obj, out, depth + 1);
        if (path_object_) {
          constant(out, "/");
          flatten_args(expr, out, depth, "/");
          return;
        }
      }
    }
    py::NameOrigin origin = py::NameOrigin::None;
    std::string q = m_.qualify(callee, scope_, &origin);
    bool external = origin == py::NameOrigin::Import || origin == py::NameOrigin::Global;
    if (external && origin == py::NameOrigin::Global && in_list(src_.passthrough, q)) {
      TSNode a = ts_node_named_child(args, 0);
      if (!ts_node_is_null(a)) {
        flatten(a, out, depth + 1);
        return;
      }
    }
    if (mode_ == Mode::Path && external) {
      if (joiners_ && in_list(*joiners_, q)) {
        flatten_args(expr, out, depth, "/");
        return;
      }
      if (path_types_ && in_list(*path_types_, q)) {
        path_object_ = true;
        flatten_args(expr, out, depth, "/");
        return;
      }
    }
    dynamic(out, expr);
  }

  const py::Model& m_;
  const py::Grammar& g_;
  const RequestSources& src_;
  const py::Scope* scope_;
  Mode mode_;
  const std::vector<std::string>* joiners_ = nullptr;
  const std::vector<std::string>* path_types_ = nullptr;
  std::vector<std::string> terms_;
  bool path_object_ = false;
};

// Whether the function around `scope` checks one of `terms` (names or the request read's text):
// passes it to (or calls on it) one of `validators` (matched by the last name component:
// url_has_allowed_host_and_scheme(url, ...), secure_filename(name), url.startswith("/")), or
// compares it with something other than None or "" (`if host in ALLOWED_HOSTS`).
inline bool mentions_term(const py::Model& m, TSNode n, const std::vector<std::string>& terms) {
  n = m.unwrap(n);
  if (ts_node_is_null(n)) return false;
  std::string_view t = m.text(n);
  return in_list(terms, t);
}

inline bool call_checks(const py::Model& m, const py::Call& c,
                        const std::vector<std::string>& terms) {
  for (const auto& a : c.args) {
    if (mentions_term(m, a.value, terms)) return true;
  }
  if (ts_node_symbol(c.callee) == m.grammar().attribute) {
    return mentions_term(m, ts_node_child_by_field_id(c.callee, m.grammar().f_object), terms);
  }
  return false;
}

inline bool validated(const py::Model& m, const py::Scope* scope,
                      const std::vector<std::string>& terms,
                      const std::vector<std::string>& validators, bool comparisons = true) {
  const py::Scope* fs = function_scope(scope);
  TSNode body = fs ? fs->node : m.root();
  for (const auto& c : m.calls()) {
    if (!within(c.node, body) || !in_list(validators, c.method)) continue;
    if (call_checks(m, c, terms)) return true;
  }
  if (!comparisons) return false;
  const py::Grammar& g = m.grammar();
  for (TSNode cmp : m.comparisons()) {
    if (!within(cmp, body)) continue;
    bool trivial = false;
    bool hit = false;
    uint32_t k = ts_node_named_child_count(cmp);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode operand = m.unwrap(ts_node_named_child(cmp, i));
      TSSymbol s = ts_node_symbol(operand);
      if (s == g.none) trivial = true;
      if ((s == g.string) && m.evaluate(operand, nullptr).str.empty()) trivial = true;
      std::string_view text = m.text(operand);
      for (const auto& t : terms) {
        if (t.empty()) continue;
        bool ident = std::all_of(t.begin(), t.end(), [](char ch) {
          return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_';
        });
        if (ident ? m.count_name(operand, t) > 0 : text.find(t) != std::string_view::npos) {
          hit = true;
        }
      }
    }
    if (hit && !trivial) return true;
  }
  return false;
}

// Whether any call in the function around `scope` has one of `methods` as its last name.
inline bool function_calls(const py::Model& m, const py::Scope* scope,
                           const std::vector<std::string>& methods) {
  const py::Scope* fs = function_scope(scope);
  TSNode body = fs ? fs->node : m.root();
  return std::any_of(m.calls().begin(), m.calls().end(), [&](const py::Call& c) {
    return within(c.node, body) && in_list(methods, c.method);
  });
}

// Whether a call in the function around `scope` with one of `methods` as its last name checks
// one of `terms` (as an argument or its receiver).
inline bool function_checks(const py::Model& m, const py::Scope* scope,
                            const std::vector<std::string>& terms,
                            const std::vector<std::string>& methods) {
  return validated(m, scope, terms, methods, false);
}

// The sink's argument: positional `pos` or the first of `keywords` present.
inline TSNode argument_of(const py::Call& call, std::size_t pos,
                          const std::vector<std::string>& keywords) {
  if (const py::Argument* a = call.positional(pos)) return a->value;
  for (const auto& kw : keywords) {
    if (const py::Argument* a = call.keyword(kw)) return a->value;
  }
  return {};
}

// How a finding names where the value came from: "read straight from the request" when the
// argument is the read itself, else "which comes from `request.args["next"]` (line 17)".
inline std::string source_phrase(const py::Model& m, const RequestRead& read, TSNode argument,
                                 TSNode sink, std::string_view verb = "which comes from") {
  std::string src = excerpt(m, read.node);
  if (excerpt(m, argument) == src) return "read straight from the request";
  std::string out = std::string(verb) + " `" + src + "`";
  std::uint32_t line = m.start(read.node).line;
  if (line != m.start(sink).line) out += " (line " + std::to_string(line) + ")";
  return out;
}

}  // namespace secreview::rules::web
