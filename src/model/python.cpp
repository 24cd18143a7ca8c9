#include "model/python.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/text.hpp"

namespace secreview::py {

namespace {
constexpr int kMaxEvalDepth = 16;
constexpr std::size_t kMaxSyntaxErrors = 50;

std::uintptr_t key(TSNode n) {
  return reinterpret_cast<std::uintptr_t>(n.id);
}

bool is_test_path(std::string_view path) {
  auto parts = split(path, '/');
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i] == "tests" || parts[i] == "test" || parts[i] == "testing") return true;
  }
  std::string_view file = parts.back();
  return file.starts_with("test_") || file.ends_with("_test.py") || file == "conftest.py" ||
         file == "tests.py";
}
}  // namespace

// ---------------------------------------------------------------------------------------------
// Small accessors

const Argument* Call::keyword(std::string_view kw) const {
  for (const auto& a : args) {
    if (a.kind == Argument::Kind::Keyword && a.keyword == kw) return &a;
  }
  return nullptr;
}

const Argument* Call::positional(std::size_t i) const {
  std::size_t k = 0;
  for (const auto& a : args) {
    if (a.kind == Argument::Kind::Star) return nullptr;
    if (a.kind != Argument::Kind::Positional) continue;
    if (k++ == i) return &a;
  }
  return nullptr;
}

TSNode Call::argument(std::size_t pos, std::string_view kw) const {
  if (const Argument* a = positional(pos)) return a->value;
  if (const Argument* a = keyword(kw)) return a->value;
  return TSNode{};
}

bool Call::has_splat() const {
  for (const auto& a : args) {
    if (a.kind == Argument::Kind::Star || a.kind == Argument::Kind::DoubleStar) return true;
  }
  return false;
}

bool Value::known() const {
  if (kind == Kind::Unknown || kind == Kind::Mapping) return false;
  for (const auto& v : items) {
    if (!v.known()) return false;
  }
  return true;
}

std::optional<bool> Value::truthy() const {
  switch (kind) {
    case Kind::Unknown:
      return std::nullopt;
    case Kind::None:
      return false;
    case Kind::Bool:
      return boolean;
    case Kind::Int:
      return integer != 0;
    case Kind::Float:
      return real != 0.0;
    case Kind::Str:
    case Kind::Bytes:
      return !str.empty();
    case Kind::Sequence:
      return !items.empty();
    case Kind::Mapping:
      return integer != 0;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Building the model: one walk with a tree cursor (no recursion, so deep nesting is safe).

struct Model::Builder {
  Model& m;
  const Grammar& g;
  std::unordered_map<std::uintptr_t, std::vector<TSNode>> decorators;  // definition -> decorators
  struct Ancestor {
    TSNode node;
    TSSymbol kind;
  };
  std::vector<Ancestor> ancestors;  // of the node being entered, outermost first

  Scope* new_scope(Scope::Kind kind, std::string name, TSNode node, Scope* parent) {
    Scope& s = m.scopes_.emplace_back();
    s.kind = kind;
    s.name = std::move(name);
    s.qualified = parent && !parent->qualified.empty() ? parent->qualified + "." + s.name : s.name;
    s.node = node;
    s.parent = parent;
    return &s;
  }

  static void bind(Scope* scope, std::string_view name, Binding::Kind kind, TSNode value = {},
                   std::string target = {}) {
    Binding& b = scope->bindings[std::string(name)];
    ++b.count;
    if (b.count == 1) {
      b.kind = kind;
      b.value = value;
      b.target = std::move(target);
    } else if (kind == Binding::Kind::Import && b.kind != Binding::Kind::Import) {
      // `try: import cPickle as pickle / except ImportError: pickle = None`: the import wins.
      b.kind = kind;
      b.target = std::move(target);
    }
  }

  // Binds every identifier in an assignment target pattern as a non-constant.
  void bind_pattern(Scope* scope, TSNode target) {
    TSSymbol s = ts_node_symbol(target);
    if (s == g.identifier) {
      bind(scope, m.text(target), Binding::Kind::Other);
      return;
    }
    if (s == g.attribute || s == g.subscript) return;
    uint32_t n = ts_node_named_child_count(target);
    for (uint32_t i = 0; i < n; ++i) bind_pattern(scope, ts_node_named_child(target, i));
  }

  static TSNode final_value(const Grammar& g, TSNode value) {
    while (!ts_node_is_null(value) && ts_node_symbol(value) == g.assignment) {
      value = ts_node_child_by_field_id(value, g.f_right);
    }
    return value;
  }

  void on_assignment(TSNode n, Scope* scope, bool augmented) {
    TSNode left = ts_node_child_by_field_id(n, g.f_left);
    TSNode right = final_value(g, ts_node_child_by_field_id(n, g.f_right));
    if (ts_node_is_null(left)) return;
    if (ts_node_is_null(right)) return;  // `x: int` declares without binding a value
    TSSymbol ls = ts_node_symbol(left);
    if (augmented) {
      if (ls == g.identifier) bind(scope, m.text(left), Binding::Kind::Other);
      m.assignments_.push_back({n, left, right, scope, true});
      return;
    }
    if (ls == g.identifier) {
      bind(scope, m.text(left), Binding::Kind::Value, right);
      m.assignments_.push_back({n, left, right, scope, false});
      return;
    }
    bool pattern = ls == g.pattern_list || ls == g.tuple_pattern || ls == g.list_pattern ||
                   ls == g.tuple || ls == g.list;
    TSSymbol rs = ts_node_symbol(right);
    bool seq = rs == g.expression_list || rs == g.tuple || rs == g.list;
    if (pattern && seq && ts_node_named_child_count(left) == ts_node_named_child_count(right)) {
      uint32_t k = ts_node_named_child_count(left);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode t = ts_node_named_child(left, i);
        TSNode v = ts_node_named_child(right, i);
        if (ts_node_symbol(t) == g.identifier) {
          bind(scope, m.text(t), Binding::Kind::Value, v);
        } else {
          bind_pattern(scope, t);
        }
        m.assignments_.push_back({n, t, v, scope, false});
      }
      return;
    }
    bind_pattern(scope, left);
    m.assignments_.push_back({n, left, right, scope, false});
  }

  void on_import(TSNode n, Scope* scope) {
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode c = ts_node_named_child(n, i);
      TSSymbol s = ts_node_symbol(c);
      if (s == g.dotted_name) {
        std::string full(m.text(c));
        std::string head = full.substr(0, full.find('.'));
        bind(scope, head, Binding::Kind::Import, {}, head);
        m.imports_.push_back({head, full, c, scope, false});
      } else if (s == g.aliased_import) {
        TSNode name = ts_node_child_by_field_id(c, g.f_name);
        TSNode alias = ts_node_child_by_field_id(c, g.f_alias);
        std::string target(m.text(name));
        std::string bound(m.text(alias));
        bind(scope, bound, Binding::Kind::Import, {}, target);
        m.imports_.push_back({bound, target, c, scope, false});
      }
    }
  }

  void on_import_from(TSNode n, Scope* scope) {
    TSNode mod = ts_node_child_by_field_id(n, g.f_module_name);
    std::string module(m.text(mod));
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode c = ts_node_named_child(n, i);
      if (ts_node_eq(c, mod)) continue;
      TSSymbol s = ts_node_symbol(c);
      auto join = [&](std::string_view name) {
        if (!module.empty() && module.back() == '.') return module + std::string(name);
        return module + "." + std::string(name);
      };
      if (s == g.dotted_name) {
        std::string name(m.text(c));
        bind(scope, name, Binding::Kind::Import, {}, join(name));
        m.imports_.push_back({name, join(name), c, scope, true});
      } else if (s == g.aliased_import) {
        TSNode name = ts_node_child_by_field_id(c, g.f_name);
        TSNode alias = ts_node_child_by_field_id(c, g.f_alias);
        std::string bound(m.text(alias));
        bind(scope, bound, Binding::Kind::Import, {}, join(m.text(name)));
        m.imports_.push_back({bound, join(m.text(name)), c, scope, true});
      } else if (s == g.wildcard_import) {
        m.imports_.push_back({"*", join("*"), c, scope, true});
      }
    }
  }

  void on_call(TSNode n, Scope* scope) {
    Call call;
    call.node = n;
    call.callee = ts_node_child_by_field_id(n, g.f_function);
    call.scope = scope;
    TSNode args = ts_node_child_by_field_id(n, g.f_arguments);
    if (!ts_node_is_null(args) && ts_node_symbol(args) == g.argument_list) {
      uint32_t count = ts_node_named_child_count(args);
      call.args.reserve(count);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode a = ts_node_named_child(args, i);
        TSSymbol s = ts_node_symbol(a);
        if (s == g.comment) continue;
        Argument arg;
        if (s == g.keyword_argument) {
          arg.kind = Argument::Kind::Keyword;
          arg.keyword = m.text(ts_node_child_by_field_id(a, g.f_name));
          arg.value = ts_node_child_by_field_id(a, g.f_value);
        } else if (s == g.list_splat) {
          arg.kind = Argument::Kind::Star;
          arg.value = ts_node_named_child(a, 0);
        } else if (s == g.dictionary_splat) {
          arg.kind = Argument::Kind::DoubleStar;
          arg.value = ts_node_named_child(a, 0);
        } else {
          arg.value = a;
        }
        if (ts_node_is_null(arg.value)) continue;
        call.args.push_back(arg);
      }
    } else if (!ts_node_is_null(args)) {
      call.args.push_back({Argument::Kind::Positional, {}, args});  // f(x for x in y)
    }
    m.calls_.push_back(std::move(call));
  }

  void add_parameters(Function& f, Scope* scope, TSNode params) {
    if (ts_node_is_null(params)) return;
    uint32_t count = ts_node_named_child_count(params);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = ts_node_named_child(params, i);
      TSSymbol s = ts_node_symbol(p);
      Parameter param;
      param.node = p;
      TSNode name{};
      if (s == g.identifier) {
        name = p;
      } else if (s == g.default_parameter || s == g.typed_default_parameter) {
        name = ts_node_child_by_field_id(p, g.f_name);
        param.default_value = ts_node_child_by_field_id(p, g.f_value);
        param.annotation = ts_node_child_by_field_id(p, g.f_type);
      } else if (s == g.typed_parameter) {
        param.annotation = ts_node_child_by_field_id(p, g.f_type);
        TSNode inner = ts_node_named_child(p, 0);
        TSSymbol is = ts_node_symbol(inner);
        if (is == g.list_splat_pattern) param.kind = Parameter::Kind::Star;
        if (is == g.dictionary_splat_pattern) param.kind = Parameter::Kind::DoubleStar;
        name = is == g.identifier ? inner : ts_node_named_child(inner, 0);
      } else if (s == g.list_splat_pattern || s == g.dictionary_splat_pattern) {
        param.kind =
            s == g.list_splat_pattern ? Parameter::Kind::Star : Parameter::Kind::DoubleStar;
        name = ts_node_named_child(p, 0);
      } else {
        continue;  // `*` or `/` separators
      }
      if (ts_node_is_null(name)) continue;
      param.name = std::string(m.text(name));
      bind(scope, param.name, Binding::Kind::Parameter);
      f.params.push_back(std::move(param));
    }
  }

  // Called on entering a node; returns the scope its children live in.
  Scope* enter(TSNode n, TSSymbol s, Scope* scope) {
    if (s == g.string) {
      m.strings_.push_back(n);
      m.string_parents_.push_back(ancestors.empty() ? TSNode{} : ancestors.back().node);
    } else if (s == g.call) {
      on_call(n, scope);
    } else if (s == g.comparison_operator) {
      m.comparisons_.push_back(n);
    } else if (s == g.comment) {
      m.comments_.push_back(n);
    } else if (s == g.while_statement) {
      m.loops_.push_back(n);
    } else if (s == g.except_clause) {
      m.except_clauses_.push_back(n);
    } else if (s == g.assert_statement) {
      m.asserts_.push_back(n);
    } else if (s == g.assignment) {
      on_assignment(n, scope, false);
    } else if (s == g.augmented_assignment) {
      on_assignment(n, scope, true);
    } else if (s == g.function_definition) {
      TSNode name = ts_node_child_by_field_id(n, g.f_name);
      std::string fname(m.text(name));
      bind(scope, fname, Binding::Kind::Definition);
      Scope* fs = new_scope(Scope::Kind::Function, fname, n, scope);
      Function f;
      f.node = n;
      f.name = fname;
      f.scope = fs;
      f.body = ts_node_child_by_field_id(n, g.f_body);
      f.return_type = ts_node_child_by_field_id(n, g.f_return_type);
      f.is_method = scope->kind == Scope::Kind::Class;
      if (auto it = decorators.find(key(n)); it != decorators.end()) f.decorators = it->second;
      add_parameters(f, fs, ts_node_child_by_field_id(n, g.f_parameters));
      m.functions_.push_back(std::move(f));
      return fs;
    } else if (s == g.class_definition) {
      TSNode name = ts_node_child_by_field_id(n, g.f_name);
      std::string cname(m.text(name));
      bind(scope, cname, Binding::Kind::Definition);
      Scope* cs = new_scope(Scope::Kind::Class, cname, n, scope);
      Class c;
      c.node = n;
      c.name = cname;
      c.scope = cs;
      TSNode bases = ts_node_child_by_field_id(n, g.f_superclasses);
      if (!ts_node_is_null(bases)) {
        uint32_t k = ts_node_named_child_count(bases);
        for (uint32_t i = 0; i < k; ++i) c.bases.push_back(ts_node_named_child(bases, i));
      }
      m.classes_.push_back(std::move(c));
      return cs;
    } else if (s == g.decorated_definition) {
      TSNode def = ts_node_child_by_field_id(n, g.f_definition);
      std::vector<TSNode> decs;
      uint32_t k = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(n, i);
        if (ts_node_symbol(c) == g.decorator) decs.push_back(c);
      }
      if (!ts_node_is_null(def)) decorators[key(def)] = std::move(decs);
    } else if (s == g.lambda) {
      Scope* ls = new_scope(Scope::Kind::Lambda, "<lambda>", n, scope);
      TSNode params = ts_node_child_by_field_id(n, g.f_parameters);
      Function ignored;
      add_parameters(ignored, ls, params);
      return ls;
    } else if (s == g.import_statement) {
      on_import(n, scope);
    } else if (s == g.import_from_statement) {
      on_import_from(n, scope);
    } else if (s == g.for_statement || s == g.for_in_clause) {
      if (s == g.for_statement) m.loops_.push_back(n);
      TSNode left = ts_node_child_by_field_id(n, g.f_left);
      if (!ts_node_is_null(left)) bind_pattern(scope, left);
    } else if (s == g.as_pattern_target) {
      bind_pattern(scope, n);
    } else if (s == g.named_expression) {
      TSNode name = ts_node_child_by_field_id(n, g.f_name);
      if (!ts_node_is_null(name)) bind(scope, m.text(name), Binding::Kind::Other);
    } else if (s == g.global_statement || s == g.nonlocal_statement) {
      uint32_t k = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < k; ++i) bind_pattern(scope, ts_node_named_child(n, i));
    } else if (ts_node_is_error(n) || ts_node_is_missing(n)) {
      if (m.syntax_errors_.size() < kMaxSyntaxErrors) {
        m.syntax_errors_.push_back(m.start(n));
      }
    }
    return scope;
  }

  void walk() {
    Scope* module = new_scope(Scope::Kind::Module, "", m.root_, nullptr);
    struct Frame {
      std::uint32_t child_depth;
      Scope* scope;
    };
    std::vector<Frame> stack{{0, module}};
    TSTreeCursor cursor = ts_tree_cursor_new(m.root_);
    std::uint32_t depth = 0;
    for (;;) {
      TSNode n = ts_tree_cursor_current_node(&cursor);
      TSSymbol s = ts_node_symbol(n);
      if (s == g.identifier) {
        std::size_t k = ancestors.size();
        TSSymbol p = k == 0 ? 0 : ancestors[k - 1].kind;
        TSSymbol gp = k < 2 ? 0 : ancestors[k - 2].kind;
        // The field is looked up only where it decides (it costs a search of the parent's
        // field map); every other parent kind ignores it.
        TSFieldId field = m.use_depends_on_field(p) ? ts_tree_cursor_current_field_id(&cursor) : 0;
        if (m.counts_as_use(p, field, gp)) m.uses_.push_back(n);
      }
      Scope* here = stack.back().scope;
      Scope* inner = enter(n, s, here);
      if (ts_tree_cursor_goto_first_child(&cursor)) {
        ++depth;
        ancestors.push_back({n, s});
        if (inner != here) stack.push_back({depth, inner});
        continue;
      }
      bool done = false;
      while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
        if (!ts_tree_cursor_goto_parent(&cursor)) {
          done = true;
          break;
        }
        --depth;
        ancestors.pop_back();
      }
      if (done) break;
      while (stack.size() > 1 && stack.back().child_depth > depth) stack.pop_back();
    }
    ts_tree_cursor_delete(&cursor);
  }

  void resolve_calls() {
    for (Call& c : m.calls_) {
      c.name = m.qualify(c.callee, c.scope, &c.origin);
      TSSymbol s = ts_node_symbol(c.callee);
      if (s == g.attribute) {
        c.method = m.text(ts_node_child_by_field_id(c.callee, g.f_attribute));
      } else if (s == g.identifier) {
        c.method = m.text(c.callee);
      }
    }
  }
};

Model::Model(const SourceFile& source, const TSTree* tree)
    : source_(source), g_(Grammar::get()), root_(ts_tree_root_node(tree)) {
  is_test_file_ = is_test_path(source.path());
  Builder b{*this, g_, {}, {}};
  b.walk();
  b.resolve_calls();
}

// ---------------------------------------------------------------------------------------------
// Queries

std::string_view Model::text(TSNode n) const {
  if (ts_node_is_null(n)) return {};
  std::string_view all = source_.text();
  uint32_t a = ts_node_start_byte(n);
  uint32_t b = ts_node_end_byte(n);
  if (a > all.size() || b > all.size() || b < a) return {};
  return all.substr(a, b - a);
}

Position Model::start(TSNode n) const {
  TSPoint p = ts_node_start_point(n);
  return source_.position(p.row, p.column);
}

Position Model::end(TSNode n) const {
  TSPoint p = ts_node_end_point(n);
  return source_.position(p.row, p.column);
}

TSNode Model::unwrap(TSNode n) const {
  while (!ts_node_is_null(n) && ts_node_symbol(n) == g_.parenthesized_expression &&
         ts_node_named_child_count(n) == 1) {
    n = ts_node_named_child(n, 0);
  }
  return n;
}

const Binding* Model::lookup(std::string_view name, const Scope* scope) const {
  std::string key_name(name);
  for (const Scope* s = scope; s; s = s->parent) {
    // Names bound in a class body are not visible inside its methods.
    if (s->kind == Scope::Kind::Class && s != scope) continue;
    auto it = s->bindings.find(key_name);
    if (it != s->bindings.end()) return &it->second;
  }
  return nullptr;
}

TSNode Model::parent(TSNode n) const {
  if (ts_node_symbol(n) == g_.string) {
    // Strings were recorded in a pre-order walk: sorted by start byte, no two at the same one.
    uint32_t at = ts_node_start_byte(n);
    auto it = std::lower_bound(strings_.begin(), strings_.end(), at,
                               [](TSNode s, uint32_t b) { return ts_node_start_byte(s) < b; });
    if (it != strings_.end() && ts_node_eq(*it, n)) {
      return string_parents_[static_cast<std::size_t>(it - strings_.begin())];
    }
  }
  return ts_node_parent(n);
}

const Scope* Model::scope_of(TSNode n) const {
  // Scopes are nested byte ranges, created in source order: the innermost one that strictly
  // contains the node is the last such in that order. (No ts_node_parent(): it is O(depth).)
  uint32_t a = ts_node_start_byte(n);
  uint32_t b = ts_node_end_byte(n);
  const Scope* best = &scopes_.front();
  for (const Scope& s : scopes_) {
    uint32_t sa = ts_node_start_byte(s.node);
    if (sa > a) break;
    if (&s == &scopes_.front() || ts_node_eq(s.node, n)) continue;
    if (ts_node_end_byte(s.node) >= b) best = &s;
  }
  return best;
}

std::string Model::qualify(TSNode expr, const Scope* scope, NameOrigin* origin) const {
  NameOrigin dummy;
  NameOrigin& o = origin ? *origin : dummy;
  o = NameOrigin::None;
  expr = unwrap(expr);
  if (ts_node_is_null(expr)) return {};
  TSSymbol s = ts_node_symbol(expr);
  if (s == g_.identifier) {
    std::string_view name = text(expr);
    const Binding* b = lookup(name, scope);
    if (!b) {
      o = NameOrigin::Global;
      return std::string(name);
    }
    if (b->kind == Binding::Kind::Import) {
      o = NameOrigin::Import;
      return b->target;
    }
    o = NameOrigin::Local;
    return std::string(name);
  }
  if (s == g_.attribute) {
    std::string base = qualify(ts_node_child_by_field_id(expr, g_.f_object), scope, &o);
    if (base.empty()) return {};
    return base + "." + std::string(text(ts_node_child_by_field_id(expr, g_.f_attribute)));
  }
  if (s == g_.call) {
    // `requests.Session().get` -> "requests.Session().get"
    std::string base = qualify(ts_node_child_by_field_id(expr, g_.f_function), scope, &o);
    if (base.empty()) return {};
    return base + "()";
  }
  return {};
}

bool Model::is_local_instance(TSNode expr, const Scope* scope) const {
  expr = unwrap(expr);
  if (ts_node_symbol(expr) == g_.identifier) {
    TSNode bound = single_value(expr, scope);
    if (ts_node_is_null(bound)) return false;
    scope = scope_of(bound);
    expr = unwrap(bound);
  }
  if (ts_node_symbol(expr) != g_.call) return false;
  TSNode callee = ts_node_child_by_field_id(expr, g_.f_function);
  if (ts_node_symbol(callee) != g_.identifier) return false;
  const Binding* b = lookup(text(callee), scope);
  return b && b->kind == Binding::Kind::Definition;
}

TSNode Model::single_value(TSNode identifier, const Scope* scope) const {
  identifier = unwrap(identifier);
  if (ts_node_is_null(identifier) || ts_node_symbol(identifier) != g_.identifier) return {};
  const Binding* b = lookup(text(identifier), scope);
  if (!b || b->count != 1 || b->kind != Binding::Kind::Value) return {};
  return b->value;
}

namespace {
std::optional<std::int64_t> parse_int(std::string_view t) {
  std::string digits;
  for (char c : t) {
    if (c != '_') digits += c;
  }
  int base = 10;
  std::string_view d = digits;
  if (d.size() > 2 && d[0] == '0') {
    char p = static_cast<char>(d[1] | 0x20);
    if (p == 'x') base = 16;
    if (p == 'o') base = 8;
    if (p == 'b') base = 2;
    if (base != 10) d.remove_prefix(2);
  }
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(d.data(), d.data() + d.size(), v, base);
  if (ec != std::errc() || ptr != d.data() + d.size()) return std::nullopt;
  return v;
}
}  // namespace

Value Model::string_value(TSNode str) const {
  Value v;
  v.kind = Value::Kind::Str;
  uint32_t k = ts_node_named_child_count(str);
  for (uint32_t i = 0; i < k; ++i) {
    TSNode c = ts_node_named_child(str, i);
    TSSymbol s = ts_node_symbol(c);
    if (s == g_.string_start) {
      for (char ch : text(c)) {
        if (ch == 'b' || ch == 'B') v.kind = Value::Kind::Bytes;
      }
    } else if (s == g_.string_content) {
      v.str += text(c);
    } else if (s == g_.interpolation) {
      return Value{};
    }
  }
  return v;
}

Value Model::evaluate(TSNode expr, const Scope* scope) const {
  return evaluate(expr, scope, 0);
}

Value Model::evaluate(TSNode expr, const Scope* scope, int depth) const {
  Value v;
  expr = unwrap(expr);
  if (ts_node_is_null(expr) || depth > kMaxEvalDepth) return v;
  TSSymbol s = ts_node_symbol(expr);
  if (s == g_.string) return string_value(expr);
  if (s == g_.concatenated_string) {
    Value out;
    out.kind = Value::Kind::Str;
    uint32_t k = ts_node_named_child_count(expr);
    for (uint32_t i = 0; i < k; ++i) {
      Value part = string_value(ts_node_named_child(expr, i));
      if (!part.known()) return Value{};
      out.kind = part.kind;
      out.str += part.str;
    }
    return out;
  }
  if (s == g_.integer) {
    if (auto i = parse_int(text(expr))) {
      v.kind = Value::Kind::Int;
      v.integer = *i;
    }
    return v;
  }
  if (s == g_.float_) {
    v.kind = Value::Kind::Float;
    std::string t;
    for (char c : text(expr)) {
      if (c != '_') t += c;
    }
    v.real = std::strtod(t.c_str(), nullptr);
    return v;
  }
  if (s == g_.true_ || s == g_.false_) {
    v.kind = Value::Kind::Bool;
    v.boolean = s == g_.true_;
    return v;
  }
  if (s == g_.none) {
    v.kind = Value::Kind::None;
    return v;
  }
  if (s == g_.tuple || s == g_.list || s == g_.set || s == g_.expression_list) {
    v.kind = Value::Kind::Sequence;
    uint32_t k = ts_node_named_child_count(expr);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(expr, i);
      if (ts_node_symbol(c) == g_.comment) continue;
      v.items.push_back(evaluate(c, scope, depth + 1));
    }
    return v;
  }
  if (s == g_.dictionary) {
    v.kind = Value::Kind::Mapping;
    uint32_t k = ts_node_named_child_count(expr);
    for (uint32_t i = 0; i < k; ++i) {
      if (ts_node_symbol(ts_node_named_child(expr, i)) != g_.comment) ++v.integer;
    }
    return v;
  }
  if (s == g_.unary_operator) {
    Value inner = evaluate(ts_node_child_by_field_id(expr, g_.f_expression), scope, depth + 1);
    if (ts_node_is_null(ts_node_child_by_field_id(expr, g_.f_expression))) {
      inner = evaluate(ts_node_named_child(expr, 0), scope, depth + 1);
    }
    std::string_view op = text(ts_node_child_by_field_id(expr, g_.f_operator));
    if (inner.kind == Value::Kind::Int && op == "-")
      inner.integer = -inner.integer;
    else if (inner.kind == Value::Kind::Float && op == "-")
      inner.real = -inner.real;
    else if (op != "+")
      return Value{};
    return inner;
  }
  if (s == g_.binary_operator) {
    Value a = evaluate(ts_node_child_by_field_id(expr, g_.f_left), scope, depth + 1);
    Value b = evaluate(ts_node_child_by_field_id(expr, g_.f_right), scope, depth + 1);
    std::string_view op = text(ts_node_child_by_field_id(expr, g_.f_operator));
    if (!a.known() || !b.known()) return Value{};
    if (a.kind == Value::Kind::Str && b.kind == Value::Kind::Str && op == "+") {
      a.str += b.str;
      return a;
    }
    if (a.kind == Value::Kind::Int && b.kind == Value::Kind::Int) {
      if (op == "+")
        a.integer += b.integer;
      else if (op == "-")
        a.integer -= b.integer;
      else if (op == "*")
        a.integer *= b.integer;
      else if (op == "|")
        a.integer |= b.integer;
      else if (op == "&")
        a.integer &= b.integer;
      else if (op == "^")
        a.integer ^= b.integer;
      else if (op == "<<" && b.integer >= 0 && b.integer < 62)
        a.integer <<= b.integer;
      else if (op == "**" && b.integer >= 0 && b.integer < 63) {
        std::int64_t r = 1;
        for (std::int64_t i = 0; i < b.integer && r < (std::int64_t{1} << 62); ++i) r *= a.integer;
        a.integer = r;
      } else {
        return Value{};
      }
      return a;
    }
    if (a.kind == Value::Kind::Str && op == "%") {
      Value out;  // formatting two constants gives a constant whose text we do not compute
      out.kind = Value::Kind::Str;
      out.str = a.str;
      return out;
    }
    return Value{};
  }
  if (s == g_.identifier) {
    TSNode bound = single_value(expr, scope);
    if (ts_node_is_null(bound)) return v;
    return evaluate(bound, scope_of(bound), depth + 1);
  }
  return v;
}

StringShape Model::string_shape(TSNode expr, const Scope* scope) const {
  return string_shape(expr, scope, 0);
}

// The parent kinds for which counts_as_use() looks at the field (keep the two in step).
bool Model::use_depends_on_field(TSSymbol p) const {
  return p == g_.attribute || p == g_.keyword_argument || p == g_.function_definition ||
         p == g_.class_definition || p == g_.default_parameter || p == g_.typed_default_parameter;
}

// Whether an identifier is a use of a name, given its parent's kind, the field it fills there
// and the grandparent's kind. (Computed from the walk: ts_node_parent() costs O(depth).)
bool Model::counts_as_use(TSSymbol p, TSFieldId field, TSSymbol gp) const {
  if (p == g_.attribute) return field != g_.f_attribute;
  if (p == g_.keyword_argument) return field != g_.f_name;
  if (p == g_.function_definition || p == g_.class_definition) return field != g_.f_name;
  if (p == g_.default_parameter || p == g_.typed_default_parameter) return field != g_.f_name;
  if (p == g_.parameters || p == g_.lambda_parameters) return false;
  if (p == g_.typed_parameter || p == g_.list_splat_pattern || p == g_.dictionary_splat_pattern) {
    return !(gp == g_.parameters || gp == g_.lambda_parameters || gp == g_.typed_parameter);
  }
  if (p == g_.dotted_name || p == g_.aliased_import) return false;
  return true;
}

template <typename Fn>
void Model::for_each_use(TSNode subtree, Fn&& fn) const {
  // Parent and grandparent kinds are kept on a stack as the cursor moves.
  std::vector<TSSymbol> kinds;
  TSTreeCursor c = ts_tree_cursor_new(subtree);
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    TSSymbol s = ts_node_symbol(n);
    if (s == g_.identifier) {
      TSSymbol p = kinds.empty() ? 0 : kinds.back();
      TSSymbol gp = kinds.size() < 2 ? 0 : kinds[kinds.size() - 2];
      if (counts_as_use(p, ts_tree_cursor_current_field_id(&c), gp)) fn(n);
    }
    if (ts_tree_cursor_goto_first_child(&c)) {
      kinds.push_back(s);
      continue;
    }
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (kinds.empty() || !ts_tree_cursor_goto_parent(&c)) {
        done = true;
        break;
      }
      kinds.pop_back();
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&c);
}

const std::unordered_map<std::string_view, std::uint32_t>& Model::name_uses() const {
  if (name_uses_) return *name_uses_;
  name_uses_ = std::make_unique<std::unordered_map<std::string_view, std::uint32_t>>();
  for (TSNode n : uses_) ++(*name_uses_)[text(n)];
  return *name_uses_;
}

std::uint32_t Model::count_name(TSNode subtree, std::string_view name) const {
  std::uint32_t count = 0;
  TSSymbol s = ts_node_is_null(subtree) ? 0 : ts_node_symbol(subtree);
  if (ts_node_is_null(subtree) || name.empty() || s == g_.identifier || s == g_.typed_parameter ||
      s == g_.list_splat_pattern || s == g_.dictionary_splat_pattern) {
    // The subtree root's own context is unknown here (an identifier root counts as a use, and so
    // do the names directly under a parameter root); uses inside it are counted exactly.
    for_each_use(subtree, [&](TSNode n) { count += text(n) == name; });
    return count;
  }
  // Any other root: its context decides nothing about the names inside it, so the uses the
  // model's walk recorded within its bytes are the same, without walking the subtree again.
  std::uint32_t begin = ts_node_start_byte(subtree), end = ts_node_end_byte(subtree);
  auto it = std::lower_bound(uses_.begin(), uses_.end(), begin,
                             [](TSNode n, std::uint32_t at) { return ts_node_start_byte(n) < at; });
  for (; it != uses_.end() && ts_node_start_byte(*it) < end; ++it) count += text(*it) == name;
  return count;
}

TSNode Model::docstring(TSNode body) const {
  if (ts_node_is_null(body)) return {};
  uint32_t k = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < k; ++i) {
    TSNode st = ts_node_named_child(body, i);
    if (ts_node_symbol(st) == g_.comment) continue;
    if (ts_node_symbol(st) != g_.expression_statement) return {};
    TSNode e = ts_node_named_child(st, 0);
    TSSymbol es = ts_node_symbol(e);
    return es == g_.string || es == g_.concatenated_string ? e : TSNode{};
  }
  return {};
}

StringShape Model::string_shape(TSNode expr, const Scope* scope, int depth) const {
  StringShape out;
  expr = unwrap(expr);
  out.site = expr;
  if (ts_node_is_null(expr) || depth > kMaxEvalDepth) return out;
  TSSymbol s = ts_node_symbol(expr);
  auto combine = [&](const StringShape& a, const StringShape& b) {
    StringShape r;
    r.site = expr;
    r.literal = a.literal + b.literal;
    if (a.kind == StringShape::Kind::Constant && b.kind == StringShape::Kind::Constant) {
      r.kind = StringShape::Kind::Constant;
    } else if (a.kind == StringShape::Kind::Opaque && b.kind == StringShape::Kind::Opaque) {
      r.kind = StringShape::Kind::Opaque;
    } else {
      r.kind = StringShape::Kind::Interpolated;
    }
    return r;
  };
  if (s == g_.string || s == g_.concatenated_string) {
    bool interpolated = false;
    auto visit = [&](TSNode str) {
      uint32_t k = ts_node_named_child_count(str);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(str, i);
        TSSymbol cs = ts_node_symbol(c);
        if (cs == g_.string_content) out.literal += text(c);
        if (cs == g_.interpolation) {
          interpolated = true;
          out.literal += ' ';
        }
      }
    };
    if (s == g_.string) {
      visit(expr);
    } else {
      uint32_t k = ts_node_named_child_count(expr);
      for (uint32_t i = 0; i < k; ++i) visit(ts_node_named_child(expr, i));
    }
    out.kind = interpolated ? StringShape::Kind::Interpolated : StringShape::Kind::Constant;
    return out;
  }
  if (s == g_.binary_operator) {
    std::string_view op = text(ts_node_child_by_field_id(expr, g_.f_operator));
    StringShape a = string_shape(ts_node_child_by_field_id(expr, g_.f_left), scope, depth + 1);
    if (op == "%") {
      if (a.kind == StringShape::Kind::Opaque) return out;
      Value rhs = evaluate(ts_node_child_by_field_id(expr, g_.f_right), scope, depth + 1);
      a.site = expr;
      if (!rhs.known()) a.kind = StringShape::Kind::Interpolated;
      return a;
    }
    if (op == "+") {
      StringShape b = string_shape(ts_node_child_by_field_id(expr, g_.f_right), scope, depth + 1);
      return combine(a, b);
    }
    return out;
  }
  if (s == g_.call) {
    TSNode callee = ts_node_child_by_field_id(expr, g_.f_function);
    if (ts_node_symbol(callee) == g_.attribute &&
        text(ts_node_child_by_field_id(callee, g_.f_attribute)) == "format") {
      StringShape recv =
          string_shape(ts_node_child_by_field_id(callee, g_.f_object), scope, depth + 1);
      if (recv.kind == StringShape::Kind::Opaque) return out;
      recv.site = expr;
      TSNode args = ts_node_child_by_field_id(expr, g_.f_arguments);
      uint32_t k = ts_node_named_child_count(args);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode a = ts_node_named_child(args, i);
        if (ts_node_symbol(a) == g_.comment) continue;
        if (ts_node_symbol(a) == g_.keyword_argument) a = ts_node_child_by_field_id(a, g_.f_value);
        if (!evaluate(a, scope, depth + 1).known()) recv.kind = StringShape::Kind::Interpolated;
      }
      return recv;
    }
    return out;
  }
  if (s == g_.identifier) {
    TSNode bound = single_value(expr, scope);
    if (ts_node_is_null(bound)) return out;
    StringShape r = string_shape(bound, scope_of(bound), depth + 1);
    return r;
  }
  Value v = evaluate(expr, scope, depth + 1);
  if (v.known() && v.kind == Value::Kind::Str) {
    out.kind = StringShape::Kind::Constant;
    out.literal = v.str;
  }
  return out;
}

}  // namespace secreview::py
