#include "taint/analysis.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <unordered_set>

#include "core/text.hpp"

namespace secreview::taint {

namespace {

// ---- traces: persistent lists, so extending a value's trace never copies it ----------------
struct TraceNode {
  std::shared_ptr<const TraceNode> prev;
  Position at;
  std::string message;
  std::string file;  // empty: this file
};
using TracePtr = std::shared_ptr<const TraceNode>;

TracePtr extend(TracePtr prev, Position at, std::string message, std::string file = {}) {
  if (prev && prev->message == message && prev->at.line == at.line && prev->file == file) {
    return prev;
  }
  return std::make_shared<const TraceNode>(
      TraceNode{std::move(prev), at, std::move(message), std::move(file)});
}

std::vector<TraceStep> steps_of(const TracePtr& t) {
  std::vector<TraceStep> out;
  for (const TraceNode* n = t.get(); n; n = n->prev.get()) {
    out.push_back({n->at, n->message, n->file});
  }
  std::reverse(out.begin(), out.end());
  return out;
}

TracePtr append(TracePtr base, const std::vector<TraceStep>& steps) {
  for (const auto& s : steps) base = extend(std::move(base), s.at, s.message, s.file);
  return base;
}

// ---- taint values ---------------------------------------------------------------------------
// Where tainted data came from: a source in this file (id >= 0: its start byte) or a parameter
// of the function being analysed (id = -(index + 1)), which a summary maps to the caller's
// argument. `mask` holds one bit per sink CWE for which the data is still dangerous.
struct Origin {
  std::int64_t id = 0;
  std::uint32_t mask = 0;
  TracePtr trace;
  std::string source;  // the source expression (real sources)
};

constexpr std::size_t kMaxOrigins = 8;

struct Taint {
  std::vector<Origin> origins;

  bool empty() const { return origins.empty(); }
  void merge(const Taint& o) {
    for (const Origin& b : o.origins) {
      auto it = std::find_if(origins.begin(), origins.end(),
                             [&](const Origin& a) { return a.id == b.id; });
      if (it != origins.end()) {
        it->mask |= b.mask;
      } else if (origins.size() < kMaxOrigins) {
        origins.push_back(b);
      }
    }
  }
  void keep(std::uint32_t bits) {
    for (Origin& o : origins) o.mask &= bits;
    std::erase_if(origins, [](const Origin& o) { return o.mask == 0; });
  }
  Taint stepped(Position at, const std::string& message) const {
    Taint t = *this;
    for (Origin& o : t.origins) o.trace = extend(o.trace, at, message);
    return t;
  }
};

struct Env {
  std::map<std::string, Taint, std::less<>> vars;
  std::map<std::string, std::string, std::less<>> url_of;  // parsed = urlparse(url)
  std::set<std::string, std::less<>> normalized;           // p = os.path.realpath(...)

  void join(const Env& o) {
    for (const auto& [k, v] : o.vars) vars[k].merge(v);
    for (const auto& [k, v] : o.url_of) url_of.emplace(k, v);
    std::erase_if(normalized, [&](const std::string& n) { return !o.normalized.count(n); });
  }
};

// Call patterns ("subprocess.run" or ".execute") compiled for lookup.
template <typename T>
struct Patterns {
  std::unordered_map<std::string, std::vector<T>> exact;
  std::unordered_map<std::string, std::vector<T>> method;
  void add(const std::string& p, T v) {
    if (p.starts_with(".")) {
      method[p.substr(1)].push_back(v);
    } else {
      exact[p].push_back(v);
    }
  }
};

struct CallName {
  std::string qualified;
  py::NameOrigin origin = py::NameOrigin::None;
  std::string_view method;
  bool method_call = false;  // callee is `value.method`, value not a module
};

template <typename T>
std::vector<T> lookup(const Patterns<T>& p, const CallName& cn) {
  std::vector<T> out;
  if (cn.origin == py::NameOrigin::Import || cn.origin == py::NameOrigin::Global) {
    if (auto it = p.exact.find(cn.qualified); it != p.exact.end()) out = it->second;
  }
  if (cn.method_call) {
    if (auto it = p.method.find(std::string(cn.method)); it != p.method.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
    }
  }
  return out;
}

struct ParamSink {
  int param = 0;
  std::uint32_t bit = 0;
  std::vector<TraceStep> inner;  // from the parameter to the sink, inclusive
  const Sink* sink = nullptr;
  TSNode at{};
  TSNode argument{};
  std::string sink_name;
};

struct Summary {
  Taint ret;  // origins: parameters and sources of the function itself
  std::vector<ParamSink> sinks;
};

struct FnInfo {
  const py::Function* fn = nullptr;  // null for the module body
  TSNode body{};
  const py::Scope* scope = nullptr;
  enum class Status : std::uint8_t { New, Running, Done } status = Status::New;
  Summary summary;
  std::map<std::string, const Source*, std::less<>> object_params;  // `request` parameters
  std::vector<const Sink*> return_sinks;      // the function's return value is a sink (a view)
  bool gets_client_data = false;              // some call of this file passes client data to it
  std::vector<std::size_t> passes_params_to;  // functions it calls with its parameters' data
};

}  // namespace

State Result::state(TSNode expr) const {
  TSPoint p = ts_node_start_point(expr);
  auto it = reach_.find({p.row, p.column});
  if (it == reach_.end()) return State::Unknown;
  if (it->second.tainted) return State::Tainted;
  return it->second.parameter ? State::Parameter : State::Clean;
}

class Analyzer {
 public:
  Analyzer(const py::Model& m, const Catalog& c, const Options& options, Result& out)
      : m_(m), g_(m.grammar()), c_(c), options_(options), out_(out) {
    const TSLanguage* lang = tree_sitter_python();
    auto sym = [&](const char* n) {
      return ts_language_symbol_for_name(lang, n, static_cast<uint32_t>(std::strlen(n)), true);
    };
    auto field = [&](const char* n) {
      return ts_language_field_id_for_name(lang, n, static_cast<uint32_t>(std::strlen(n)));
    };
    s_else_ = sym("else_clause");
    s_finally_ = sym("finally_clause");
    s_if_clause_ = sym("if_clause");
    s_assert_ = sym("assert_statement");
    s_with_clause_ = sym("with_clause");
    s_slice_ = sym("slice");
    f_consequence_ = field("consequence");
    f_argument_ = field("argument");
    f_left_ = g_.f_left;
    f_right_ = g_.f_right;
    f_subject_ = field("subject");
    all_ = c_.all_bits();
    for (const Source& s : c_.sources) {
      for (const auto& n : s.names) {
        if (s.kind == Source::Kind::Object) object_sources_[n] = &s;
        if (s.kind == Source::Kind::Call) call_sources_.add(n, &s);
      }
    }
    for (const Sink& sink : c_.sinks) {
      for (const auto& p : sink.calls) sinks_.add(p, &sink);
      for (const auto& p : sink.stores) stores_.add(p, &sink);
    }
    for (const auto& s : c_.sanitizers) {
      std::uint32_t bits = 0;
      for (int cwe : s.cwes) bits |= c_.bit(cwe);
      if (s.cwes.empty()) bits = all_;
      for (const auto& p : s.calls) sanitizers_.add(p, bits);
    }
    for (const auto& p : c_.terminators) terminators_.add(p, true);
    for (const auto& p : c_.validators) validators_.add(p, true);
    for (const auto& p : c_.normalizers) normalizers_.add(p, true);
    for (const auto& p : c_.prefix_checks) prefix_checks_.add(p, true);
    for (const auto& p : c_.url_parsers) url_parsers_.add(p, true);
    mutators_.insert(c_.mutators.begin(), c_.mutators.end());
    path_bit_ = c_.bit(22);
    for (const auto& imp : m_.imports()) {
      if (!imp.from_import) module_names_.insert(imp.bound);
    }
  }

  void run() {
    // Attributes of `self` that hold client data are known only after the method setting them
    // ran; when there are any, a second pass lets every method read them.
    pass();
    if (!fields_.empty()) pass();
    std::sort(out_.flows_.begin(), out_.flows_.end(), [](const Flow& a, const Flow& b) {
      if (ts_node_start_byte(a.sink) != ts_node_start_byte(b.sink)) {
        return ts_node_start_byte(a.sink) < ts_node_start_byte(b.sink);
      }
      return a.cwe < b.cwe;
    });
    auto& calls = out_.imported_calls_;
    // A parameter's data passed to another module matters only in a function that client data
    // of this file reaches (through calls between its functions).
    std::vector<bool> reached(infos_.size(), false);
    std::vector<std::size_t> work;
    for (std::size_t i = 0; i < infos_.size(); ++i) {
      if (infos_[i].gets_client_data) work.push_back(i);
    }
    while (!work.empty()) {
      std::size_t i = work.back();
      work.pop_back();
      if (reached[i]) continue;
      reached[i] = true;
      for (std::size_t j : infos_[i].passes_params_to) work.push_back(j);
    }
    std::vector<bool> keep(calls.size(), false);
    for (auto [call, fn] : calls_in_) keep[call] = reached[static_cast<std::size_t>(fn)];
    for (std::size_t i = 0; i < calls.size(); ++i) {
      if (!keep[i]) calls[i].parameter_args = false;
    }
    std::sort(calls.begin(), calls.end());
    calls.erase(std::unique(calls.begin(), calls.end()), calls.end());
    if (options_.export_summaries) export_summaries();
  }

  void pass() {
    out_.flows_.clear();
    out_.reach_.clear();
    out_.imported_calls_.clear();
    calls_in_.clear();
    seen_flows_.clear();
    infos_.clear();
    by_name_.clear();
    infos_.reserve(m_.functions().size() + 1);
    for (const auto& f : m_.functions()) {
      FnInfo info;
      info.fn = &f;
      info.body = f.body;
      info.scope = f.scope;
      infos_.push_back(std::move(info));
    }
    FnInfo module;
    module.body = m_.root();
    module.scope = &m_.module_scope();
    infos_.push_back(std::move(module));
    for (std::size_t i = 0; i + 1 < infos_.size(); ++i) {
      const py::Function& f = *infos_[i].fn;
      if (f.scope && f.scope->parent) by_name_[{f.scope->parent, f.name}] = i;
    }
    for (std::size_t i = 0; i < infos_.size(); ++i) analyse(i);
  }

  // `self.<attr>` inside a method: the class scope and the attribute; else null scope.
  std::pair<const py::Scope*, std::string> self_field(TSNode attribute) const {
    if (!frame_ || !frame_->info->fn || sym(attribute) != g_.attribute) return {};
    const py::Function& f = *frame_->info->fn;
    TSNode obj = m_.unwrap(field(attribute, g_.f_object));
    if (!f.is_method || f.params.empty() || !f.scope || !f.scope->parent ||
        sym(obj) != g_.identifier || m_.text(obj) != f.params[0].name) {
      return {};
    }
    return {f.scope->parent, std::string(m_.text(field(attribute, g_.f_attribute)))};
  }

 private:
  struct Frame {
    FnInfo* info = nullptr;
    Taint ret;
  };

  // ---- helpers ------------------------------------------------------------------------------
  Position pos(TSNode n) const { return m_.start(n); }

  std::string excerpt(TSNode n, std::size_t max = 40) const {
    std::string out;
    bool space = false;
    for (char ch : m_.text(n)) {
      if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
        space = !out.empty();
        continue;
      }
      if (space) out += ' ';
      space = false;
      out += ch;
    }
    if (utf8_length(out) <= max) return out;
    std::string cut;
    std::size_t count = 0;
    for (char ch : out) {
      bool lead = (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
      if (lead && ++count > max - 3) break;
      cut += ch;
    }
    return cut + "...";
  }

  TSNode field(TSNode n, TSFieldId f) const { return ts_node_child_by_field_id(n, f); }
  // Null-safe: a comment among named children has none of the fields asked for.
  static TSSymbol sym(TSNode n) { return ts_node_is_null(n) ? TSSymbol{0} : ts_node_symbol(n); }

  CallName name_of(TSNode call) const {
    CallName cn;
    TSNode callee = m_.unwrap(field(call, g_.f_function));
    cn.qualified = m_.qualify(callee, scope(), &cn.origin);
    if (sym(callee) == g_.attribute) {
      cn.method = m_.text(field(callee, g_.f_attribute));
      TSNode obj = m_.unwrap(field(callee, g_.f_object));
      bool module = sym(obj) == g_.identifier && module_names_.count(std::string(m_.text(obj))) &&
                    cn.origin == py::NameOrigin::Import;
      cn.method_call = !module;
    } else {
      cn.method = m_.text(callee);
    }
    return cn;
  }

  const py::Scope* scope() const { return frame_ ? frame_->info->scope : &m_.module_scope(); }

  Taint source(TSNode at, const std::string& text, const std::string& message) const {
    Taint t;
    Origin o;
    o.id = ts_node_start_byte(at);
    o.mask = all_;
    o.source = text;
    o.trace = extend(nullptr, pos(at), message);
    t.origins.push_back(std::move(o));
    return t;
  }

  // Keeps which sink CWEs the data reaching `n` is dangerous for, by `n`'s start point.
  void record(TSNode n, const Taint& t) {
    TSPoint p = ts_node_start_point(n);
    Result::Reach& r = out_.reach_[{p.row, p.column}];
    for (const Origin& o : t.origins) (o.id >= 0 ? r.tainted : r.parameter) |= o.mask;
  }

  // ---- functions ----------------------------------------------------------------------------
  void analyse(std::size_t idx) {
    FnInfo& info = infos_[idx];
    if (info.status != FnInfo::Status::New) return;
    info.status = FnInfo::Status::Running;
    Frame frame;
    frame.info = &info;
    Frame* saved = frame_;
    frame_ = &frame;
    ++frames_;
    Env env;
    if (info.fn) {
      bind_parameters(info, env);
      std::string ignored;
      for (const Sink& sink : c_.sinks) {
        if (!sink.returns_of.empty() && decorated_with(*info.fn, sink.returns_of, ignored)) {
          info.return_sinks.push_back(&sink);
        }
      }
    }
    exec_block(info.body, env);
    info.summary.ret = std::move(frame.ret);
    frame_ = saved;
    --frames_;
    info.status = FnInfo::Status::Done;
  }

  bool route_decorated(const py::Function& f, const Source& s, std::string& route) const {
    return decorated_with(f, s.decorators, route);
  }

  // Whether `f` has a decorator `@x.method(...)` with ".method" in `decorators`; `route` gets the
  // decorator's first argument when it is a constant string.
  bool decorated_with(const py::Function& f, const std::vector<std::string>& decorators,
                      std::string& route) const {
    for (TSNode d : f.decorators) {
      TSNode e = m_.unwrap(ts_node_named_child(d, 0));
      if (sym(e) != g_.call) continue;
      TSNode callee = m_.unwrap(field(e, g_.f_function));
      if (sym(callee) != g_.attribute) continue;
      std::string method = "." + std::string(m_.text(field(callee, g_.f_attribute)));
      if (std::find(decorators.begin(), decorators.end(), method) == decorators.end()) continue;
      TSNode args = field(e, g_.f_arguments);
      TSNode first = ts_node_named_child_count(args) ? ts_node_named_child(args, 0) : TSNode{};
      if (!ts_node_is_null(first)) route = m_.evaluate(first, scope()).str;
      return true;
    }
    return false;
  }

  static std::string_view annotation_name(std::string_view t) {
    while (!t.empty() && (t.front() == '"' || t.front() == '\'')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == '"' || t.back() == '\'')) t.remove_suffix(1);
    if (auto dot = t.rfind('.'); dot != std::string_view::npos) t.remove_prefix(dot + 1);
    return t;
  }

  void bind_parameters(FnInfo& info, Env& env) {
    const py::Function& f = *info.fn;
    const Source* route = nullptr;
    std::string route_text;
    for (const Source& s : c_.sources) {
      if (s.kind == Source::Kind::Route && route_decorated(f, s, route_text)) {
        route = &s;
        break;
      }
    }
    static const std::vector<std::string_view> kTypedSafe = {"int",  "float",    "bool",   "UUID",
                                                             "date", "datetime", "Decimal"};
    for (std::size_t k = 0; k < f.params.size(); ++k) {
      const py::Parameter& p = f.params[k];
      std::string_view type = ts_node_is_null(p.annotation)
                                  ? std::string_view()
                                  : annotation_name(m_.text(p.annotation));
      const Source* object = nullptr;
      for (const Source& s : c_.sources) {
        if (s.kind != Source::Kind::Parameter) continue;
        bool by_name = std::find(s.names.begin(), s.names.end(), p.name) != s.names.end();
        bool by_type =
            !type.empty() && std::find(s.types.begin(), s.types.end(), type) != s.types.end();
        if ((by_name && (type.empty() || by_type)) || by_type) object = &s;
      }
      if (object) {
        info.object_params[p.name] = object;
        continue;
      }
      if (route && !(k == 0 && f.is_method) && p.kind == py::Parameter::Kind::Plain) {
        bool injected = false;
        if (!ts_node_is_null(p.default_value) && sym(m_.unwrap(p.default_value)) == g_.call) {
          py::NameOrigin o = py::NameOrigin::None;
          std::string q = m_.qualify(field(m_.unwrap(p.default_value), g_.f_function), scope(), &o);
          injected =
              std::find(route->injected.begin(), route->injected.end(), q) != route->injected.end();
        }
        bool typed_safe = std::find(kTypedSafe.begin(), kTypedSafe.end(), type) != kTypedSafe.end();
        for (std::string_view conv : {"<int:", "<float:", "<uuid:"}) {
          if (route_text.find(std::string(conv) + p.name + ">") != std::string::npos) {
            typed_safe = true;
          }
        }
        if (!injected && !typed_safe) {
          env.vars[p.name] = source(p.node, p.name, p.name + " (" + route->what + ")");
          continue;
        }
      }
      Taint t;
      Origin o;
      o.id = -static_cast<std::int64_t>(k) - 1;
      o.mask = all_;
      o.trace = extend(nullptr, pos(p.node), "parameter " + p.name);
      t.origins.push_back(std::move(o));
      env.vars[p.name] = std::move(t);
    }
  }

  // The function a call refers to, in this file: `helper(...)` or `self.method(...)`.
  FnInfo* callee_function(TSNode callee, bool& method) {
    method = false;
    callee = m_.unwrap(callee);
    if (sym(callee) == g_.identifier) {
      std::string name(m_.text(callee));
      for (const py::Scope* s = scope(); s; s = s->parent) {
        if (s->kind == py::Scope::Kind::Class && s != scope()) continue;
        auto b = s->bindings.find(name);
        if (b == s->bindings.end()) continue;
        if (b->second.kind != py::Binding::Kind::Definition) return nullptr;
        auto it = by_name_.find({s, name});
        return it == by_name_.end() ? nullptr : &infos_[it->second];
      }
      return nullptr;
    }
    if (sym(callee) != g_.attribute || !frame_ || !frame_->info->fn) return nullptr;
    const py::Function& cur = *frame_->info->fn;
    TSNode obj = m_.unwrap(field(callee, g_.f_object));
    if (!cur.is_method || cur.params.empty() || sym(obj) != g_.identifier ||
        m_.text(obj) != cur.params[0].name || !cur.scope->parent) {
      return nullptr;
    }
    auto it =
        by_name_.find({cur.scope->parent, std::string(m_.text(field(callee, g_.f_attribute)))});
    if (it == by_name_.end()) return nullptr;
    method = true;
    return &infos_[it->second];
  }

  // ---- flows --------------------------------------------------------------------------------
  void add_flow(const Sink& sink, TSNode at, TSNode argument, const std::string& sink_name,
                const Origin& o, const std::vector<TraceStep>& tail) {
    std::uint64_t key = (static_cast<std::uint64_t>(ts_node_start_byte(at)) << 16) ^
                        static_cast<std::uint64_t>(sink.cwe);
    if (!seen_flows_.insert(key).second) return;
    Flow f;
    f.cwe = sink.cwe;
    f.sink = at;
    f.argument = argument;
    f.sink_name = sink_name;
    f.what = sink.what;
    f.source = o.source;
    f.trace = steps_of(append(o.trace, tail));
    constexpr std::size_t kMaxSteps = 12;
    if (f.trace.size() > kMaxSteps) {
      f.trace.erase(f.trace.begin() + kMaxSteps / 2,
                    f.trace.end() - static_cast<std::ptrdiff_t>(kMaxSteps / 2));
    }
    out_.flows_.push_back(std::move(f));
  }

  // Data `t` reaches `sink` at `at` (a call or a store).
  void reach(const Sink& sink, TSNode at, TSNode argument, const std::string& sink_name,
             const Taint& t) {
    deliver(sink, c_.bit(sink.cwe), at, argument, sink_name, t, {{pos(at), sink_name, {}}});
  }

  // The origins of `t` still dangerous for `bit` reach `sink` (reported at `at`) by the steps
  // `tail`: client data is a flow; a parameter's data becomes part of the function's summary.
  void deliver(const Sink& sink, std::uint32_t bit, TSNode at, TSNode argument,
               const std::string& sink_name, const Taint& t, const std::vector<TraceStep>& tail) {
    for (const Origin& o : t.origins) {
      if (!(o.mask & bit)) continue;
      if (o.id >= 0) {
        add_flow(sink, at, argument, sink_name, o, tail);
      } else if (frame_) {
        ParamSink ps;
        ps.param = static_cast<int>(-o.id - 1);
        ps.bit = bit;
        ps.inner = steps_of(append(o.trace, tail));
        ps.sink = &sink;
        ps.at = at;
        ps.argument = argument;
        ps.sink_name = sink_name;
        frame_->info->summary.sinks.push_back(std::move(ps));
      }
    }
  }

  // A callee's parameter, for bind_arguments.
  struct ParamRef {
    std::string_view name;
    bool positional = true;
  };

  // ---- expressions --------------------------------------------------------------------------
  struct Arg {
    TSNode node{};
    std::string_view keyword;  // empty for positional
    bool splat = false;
    Taint taint;
  };

  // The source object an attribute/subscript/call chain starts from, if any: `request` in
  // `request.args.get("x")`. Sets `safe` when the first attribute read is a safe one.
  const Source* chain_source(TSNode e, Env& env, bool& safe) const {
    TSNode n = e;
    std::string_view first_attr;
    for (int guard = 0; guard < 64; ++guard) {
      n = m_.unwrap(n);
      TSSymbol s = sym(n);
      if (s == g_.attribute) {
        TSNode obj = field(n, g_.f_object);
        py::NameOrigin o = py::NameOrigin::None;
        std::string q = m_.qualify(n, scope(), &o);
        if (o == py::NameOrigin::Import) {
          if (auto it = object_sources_.find(q); it != object_sources_.end()) {
            safe = is_safe(*it->second, first_attr);
            return it->second;
          }
        }
        // `self.request` in a method: a class-based view's request.
        if (const Source* src = self_request(n)) {
          safe = is_safe(*src, first_attr);
          return src;
        }
        first_attr = m_.text(field(n, g_.f_attribute));
        n = obj;
      } else if (s == g_.subscript) {
        n = field(n, g_.f_value);
        first_attr = {};
      } else if (s == g_.call) {
        TSNode callee = m_.unwrap(field(n, g_.f_function));
        if (sym(callee) != g_.attribute) return nullptr;
        n = callee;
        first_attr = {};
      } else if (s == g_.identifier) {
        std::string_view name = m_.text(n);
        if (env.vars.count(name)) return nullptr;
        if (frame_) {
          auto& ops = frame_->info->object_params;
          if (auto it = ops.find(name); it != ops.end()) {
            safe = is_safe(*it->second, first_attr);
            return it->second;
          }
        }
        py::NameOrigin o = py::NameOrigin::None;
        std::string q = m_.qualify(n, scope(), &o);
        if (o == py::NameOrigin::Import) {
          if (auto it = object_sources_.find(q); it != object_sources_.end()) {
            safe = is_safe(*it->second, first_attr);
            return it->second;
          }
        }
        return nullptr;
      } else {
        return nullptr;
      }
    }
    return nullptr;
  }

  // The parameter source whose names include `attr` in `self.<attr>`, inside a method.
  const Source* self_request(TSNode attribute) const {
    if (!frame_ || !frame_->info->fn) return nullptr;
    const py::Function& f = *frame_->info->fn;
    TSNode obj = m_.unwrap(field(attribute, g_.f_object));
    if (!f.is_method || f.params.empty() || sym(obj) != g_.identifier ||
        m_.text(obj) != f.params[0].name) {
      return nullptr;
    }
    std::string_view attr = m_.text(field(attribute, g_.f_attribute));
    for (const Source& s : c_.sources) {
      if (s.kind == Source::Kind::Parameter &&
          std::find(s.names.begin(), s.names.end(), attr) != s.names.end()) {
        return &s;
      }
    }
    return nullptr;
  }

  static bool is_safe(const Source& s, std::string_view first_attr) {
    return !first_attr.empty() && std::find(s.safe_attributes.begin(), s.safe_attributes.end(),
                                            first_attr) != s.safe_attributes.end();
  }

  Taint eval(TSNode e, Env& env, int depth = 0) {
    e = m_.unwrap(e);
    if (ts_node_is_null(e) || depth > kMaxDepth) return {};
    TSSymbol s = sym(e);
    if (s == g_.identifier) {
      if (auto it = env.vars.find(m_.text(e)); it != env.vars.end()) return it->second;
      bool safe = false;
      if (chain_source(e, env, safe)) {
        return safe ? Taint{} : source(e, std::string(m_.text(e)), excerpt(e));
      }
      return {};
    }
    if (s == g_.attribute || s == g_.subscript || s == g_.call) {
      bool safe = false;
      // A read of a source (`request.args.get("x")`) is one value; a sink called on one
      // (`request.args["t"].format(...)`) is evaluated as a call.
      if (chain_source(e, env, safe) && (s != g_.call || lookup(sinks_, name_of(e)).empty())) {
        if (s == g_.call) eval_arguments(e, env, depth);  // sinks nested in the arguments
        if (safe) return {};
        // The source is the first read: `request.cookies["s"]` in
        // `request.cookies["s"].encode()`, not the whole chain.
        TSNode inner = s == g_.call        ? m_.unwrap(field(e, g_.f_function))
                       : s == g_.subscript ? field(e, g_.f_value)
                                           : field(e, g_.f_object);
        if (s == g_.call && sym(inner) == g_.attribute) inner = field(inner, g_.f_object);
        inner = m_.unwrap(inner);
        if (sym(inner) == g_.subscript || sym(inner) == g_.call) {
          Taint t = eval(inner, env, depth + 1);
          if (!t.empty()) return t;
        }
        return source(e, excerpt(e), excerpt(e));
      }
      if (s == g_.attribute) {
        Taint t = eval(field(e, g_.f_object), env, depth + 1);
        if (auto key = self_field(e); key.first) {
          if (auto it = fields_.find(key); it != fields_.end()) {
            t.merge(it->second.stepped(pos(e), "self." + key.second));
          }
        }
        return t;
      }
      if (s == g_.subscript) {
        eval(field(e, g_.f_subscript), env, depth + 1);
        return eval(field(e, g_.f_value), env, depth + 1);
      }
      return eval_call(e, env, depth);
    }
    if (s == g_.string || s == g_.integer || s == g_.float_ || s == g_.true_ || s == g_.false_ ||
        s == g_.none) {
      if (s != g_.string) return {};
      Taint t;
      uint32_t k = ts_node_named_child_count(e);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(e, i);
        if (sym(c) == g_.interpolation) t.merge(eval(field(c, g_.f_expression), env, depth + 1));
      }
      return t;
    }
    if (s == g_.comparison_operator || s == g_.not_operator) {
      eval_children(e, env, depth);
      return {};
    }
    if (s == g_.conditional_expression) {
      Taint t = eval(ts_node_named_child(e, 0), env, depth + 1);
      eval(ts_node_named_child(e, 1), env, depth + 1);
      t.merge(eval(ts_node_named_child(e, 2), env, depth + 1));
      return t;
    }
    if (s == g_.list_comprehension || s == g_.set_comprehension ||
        s == g_.dictionary_comprehension || s == g_.generator_expression) {
      Env local = env;
      uint32_t k = ts_node_named_child_count(e);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(e, i);
        if (sym(c) == g_.for_in_clause) {
          Taint it = eval(field(c, f_right_), local, depth + 1);
          assign(field(c, f_left_), it, local, {});
        } else if (sym(c) == s_if_clause_) {
          TSNode cond = ts_node_named_child(c, 0);
          eval(cond, local, depth + 1);
          refine(cond, local, true);
        }
      }
      return eval(field(e, g_.f_body), local, depth + 1);
    }
    if (s == g_.lambda) {
      Env local = env;
      return eval(field(e, g_.f_body), local, depth + 1);
    }
    if (s == g_.named_expression) {
      Taint t = eval(field(e, g_.f_value), env, depth + 1);
      assign(field(e, g_.f_name), t, env, field(e, g_.f_value));
      return t;
    }
    if (s == g_.keyword_argument) return eval(field(e, g_.f_value), env, depth + 1);
    if (s == s_slice_) {
      eval_children(e, env, depth);
      return {};
    }
    // Operators, containers, f-string parts, await, splats: the union of the parts.
    return eval_children(e, env, depth);
  }

  Taint eval_children(TSNode e, Env& env, int depth) {
    Taint t;
    uint32_t k = ts_node_named_child_count(e);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(e, i);
      if (sym(c) == g_.comment) continue;
      t.merge(eval(c, env, depth + 1));
    }
    return t;
  }

  std::vector<Arg> eval_arguments(TSNode call, Env& env, int depth) {
    std::vector<Arg> out;
    TSNode args = field(call, g_.f_arguments);
    if (ts_node_is_null(args)) return out;
    if (sym(args) == g_.generator_expression) {
      Arg a;
      a.node = args;
      a.taint = eval(args, env, depth + 1);
      record(args, a.taint);
      out.push_back(std::move(a));
      return out;
    }
    uint32_t k = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(args, i);
      TSSymbol s = sym(c);
      if (s == g_.comment) continue;
      Arg a;
      if (s == g_.keyword_argument) {
        a.keyword = m_.text(field(c, g_.f_name));
        a.node = field(c, g_.f_value);
      } else {
        a.node = c;
        a.splat = s == g_.list_splat || s == g_.dictionary_splat;
      }
      a.taint = eval(a.node, env, depth + 1);
      record(a.node, a.taint);
      out.push_back(std::move(a));
    }
    return out;
  }

  // The taint of each parameter of a callee from a call's arguments: by keyword, or by position
  // (after `offset` implicit ones such as `self`) for parameters that take positions.
  static std::vector<Taint> bind_arguments(const std::vector<ParamRef>& params,
                                           const std::vector<Arg>& args, std::size_t offset) {
    std::vector<Taint> out(params.size());
    std::size_t n = 0;
    for (const Arg& a : args) {
      if (a.splat) break;
      if (!a.keyword.empty()) {
        for (std::size_t k = 0; k < params.size(); ++k) {
          if (params[k].name == a.keyword) out[k].merge(a.taint);
        }
        continue;
      }
      std::size_t k = n++ + offset;
      if (k < params.size() && params[k].positional) out[k].merge(a.taint);
    }
    return out;
  }

  static const Arg* positional(const std::vector<Arg>& args, std::size_t i) {
    std::size_t n = 0;
    for (const Arg& a : args) {
      if (a.splat) return nullptr;
      if (!a.keyword.empty()) continue;
      if (n++ == i) return &a;
    }
    return nullptr;
  }
  static const Arg* keyword(const std::vector<Arg>& args, std::string_view kw) {
    for (const Arg& a : args) {
      if (a.keyword == kw) return &a;
    }
    return nullptr;
  }

  Taint eval_call(TSNode call, Env& env, int depth) {
    TSNode callee = m_.unwrap(field(call, g_.f_function));
    Taint receiver;
    TSNode receiver_node{};
    if (sym(callee) == g_.attribute) {
      receiver_node = field(callee, g_.f_object);
      receiver = eval(receiver_node, env, depth + 1);
      record(receiver_node, receiver);
    } else if (sym(callee) != g_.identifier) {
      receiver = eval(callee, env, depth + 1);  // f()(x), x[0](y)
    }
    std::vector<Arg> args = eval_arguments(call, env, depth);
    CallName cn = name_of(call);
    record(call, receiver);
    for (const Arg& a : args) record(call, a.taint);

    if (!lookup(call_sources_, cn).empty()) {
      const Source* src = lookup(call_sources_, cn).front();
      (void)src;
      return source(call, excerpt(call), excerpt(call));
    }
    // A sink's result is reported once, at the innermost sink: `execute(text(q))` once.
    std::uint32_t cleared = check_sinks(call, cn, receiver_node, receiver, args);

    for (std::uint32_t bits : lookup(sanitizers_, cn)) cleared |= bits;

    bool method = false;
    if (FnInfo* f = callee_function(callee, method)) {
      Taint t = apply_summary(*f, method, call, args, env);
      t.keep(~cleared);
      return t;
    }
    if (cleared == 0 && cn.origin == py::NameOrigin::Import) {
      ImportedCall ic{cn.qualified, false, false};
      auto flag = [&](const Taint& t) {
        for (const Origin& o : t.origins) (o.id >= 0 ? ic.client_args : ic.parameter_args) = true;
      };
      flag(receiver);
      for (const Arg& a : args) flag(a.taint);
      Modules* mods = options_.modules;
      const std::string& path = m_.source().path();
      bool wanted = mods && (ic.client_args ||
                             (ic.parameter_args && mods->passes_client_data(path, cn.qualified)) ||
                             mods->may_return_source(path, cn.qualified));
      if (frame_) calls_in_.emplace_back(out_.imported_calls_.size(), frame_->info - infos_.data());
      out_.imported_calls_.push_back(std::move(ic));
      if (wanted) {
        if (const ExternalSummary* x = mods->function(path, cn.qualified)) {
          return apply_external(*x, call, args);
        }
      }
    }
    if (cleared == all_) return {};

    Taint t = receiver;
    for (const Arg& a : args) t.merge(a.taint);
    if (cn.method_call && mutators_.count(std::string(cn.method))) {
      TSNode root = root_name(receiver_node);
      if (!ts_node_is_null(root)) {
        Taint added;
        for (const Arg& a : args) added.merge(a.taint);
        if (!added.empty()) {
          env.vars[std::string(m_.text(root))].merge(
              added.stepped(pos(root), std::string(m_.text(root))));
        }
      }
    }
    t.keep(~cleared);
    return t;
  }

  TSNode root_name(TSNode n) const {
    for (int guard = 0; guard < 64; ++guard) {
      n = m_.unwrap(n);
      if (ts_node_is_null(n)) return {};
      TSSymbol s = sym(n);
      if (s == g_.identifier) return n;
      if (s == g_.attribute) {
        n = field(n, g_.f_object);
      } else if (s == g_.subscript) {
        n = field(n, g_.f_value);
      } else {
        return {};
      }
    }
    return {};
  }

  // Reports tainted arguments of the sinks `call` matches; returns the bits of their CWEs.
  std::uint32_t check_sinks(TSNode call, const CallName& cn, TSNode receiver_node,
                            const Taint& receiver, const std::vector<Arg>& args) {
    std::vector<const Sink*> sinks = lookup(sinks_, cn);
    if (sinks.empty()) return 0;
    std::uint32_t bits = 0;
    std::string name = excerpt(field(call, g_.f_function));
    for (const Sink* s : sinks) {
      if (!s->when.empty()) {
        const Arg* w = keyword(args, s->when);
        if (!w || m_.evaluate(w->node, scope()).truthy() == false) continue;
      }
      bool safe = false;
      for (const auto& [kw, q] : s->unless) {
        if (const Arg* a = keyword(args, kw); a && m_.qualify(a->node, scope()) == q) safe = true;
      }
      if (safe) continue;
      if (!s->receiver_contains.empty() &&
          (ts_node_is_null(receiver_node) ||
           std::none_of(
               s->receiver_contains.begin(), s->receiver_contains.end(),
               [&](const std::string& w) { return contains_icase(m_.text(receiver_node), w); }))) {
        continue;
      }
      if (s->receiver && !ts_node_is_null(receiver_node)) {
        reach(*s, call, receiver_node, name, receiver);
      }
      for (int p : s->args) {
        if (const Arg* a = positional(args, static_cast<std::size_t>(p))) {
          reach(*s, call, a->node, name, a->taint);
        }
      }
      for (const auto& kw : s->keywords) {
        if (const Arg* a = keyword(args, kw)) reach(*s, call, a->node, name, a->taint);
      }
      bits |= c_.bit(s->cwe);
    }
    return bits;
  }

  Taint apply_summary(FnInfo& f, bool method, TSNode call, const std::vector<Arg>& args,
                      Env& /*env*/) {
    for (const Arg& a : args) {
      for (const Origin& o : a.taint.origins) {
        if (o.id >= 0) {
          f.gets_client_data = true;
        } else if (frame_) {
          frame_->info->passes_params_to.push_back(static_cast<std::size_t>(&f - infos_.data()));
        }
      }
    }
    if (f.status == FnInfo::Status::New && frames_ < kMaxFrames) {
      std::size_t idx = static_cast<std::size_t>(&f - infos_.data());
      analyse(idx);
    }
    if (f.status != FnInfo::Status::Done) {  // recursion or too deep: propagate the arguments
      Taint t;
      for (const Arg& a : args) t.merge(a.taint);
      return t;
    }
    std::vector<ParamRef> refs;
    for (const py::Parameter& p : f.fn->params) {
      refs.push_back({p.name, p.kind == py::Parameter::Kind::Plain});
    }
    std::vector<Taint> params = bind_arguments(refs, args, method ? 1 : 0);
    std::string call_name = excerpt(field(call, g_.f_function)) + "()";
    Position at = pos(call);
    // Parameters that reach a sink inside the function: flows reported at that sink.
    for (const ParamSink& ps : f.summary.sinks) {
      if (ps.param < 0 || static_cast<std::size_t>(ps.param) >= params.size()) continue;
      std::vector<TraceStep> inner{{at, call_name, {}}};
      inner.insert(inner.end(), ps.inner.begin(), ps.inner.end());
      deliver(*ps.sink, ps.bit, ps.at, ps.argument, ps.sink_name,
              params[static_cast<std::size_t>(ps.param)], inner);
    }
    // The return value.
    Taint out;
    for (const Origin& r : f.summary.ret.origins) {
      if (r.id >= 0) {
        Taint t;
        t.origins.push_back(r);
        out.merge(t.stepped(at, call_name));
        continue;
      }
      std::size_t k = static_cast<std::size_t>(-r.id - 1);
      if (k < params.size()) returned(out, params[k], r.mask, steps_of(r.trace), at, call_name);
    }
    return out;
  }

  // Adds to `out` the data of a parameter that reaches the callee's return value (still dangerous
  // for `mask`), through the callee's `inner` steps.
  static void returned(Taint& out, const Taint& param, std::uint32_t mask,
                       const std::vector<TraceStep>& inner, Position at,
                       const std::string& call_name) {
    for (Origin o : param.origins) {
      o.mask &= mask;
      if (!o.mask) continue;
      o.trace = extend(append(extend(o.trace, at, call_name), inner), at, call_name);
      Taint t;
      t.origins.push_back(std::move(o));
      out.merge(t);
    }
  }

  // ---- other modules ------------------------------------------------------------------------
  // Maps the arguments of a call to an imported function through that function's summary: into
  // flows reported at this call (the sink is in the other module) and into the result.
  Taint apply_external(const ExternalSummary& x, TSNode call, const std::vector<Arg>& args) {
    std::vector<ParamRef> refs;
    for (const ExternalSummary::Param& p : x.params) refs.push_back({p.name, p.positional});
    std::vector<Taint> params = bind_arguments(refs, args, 0);
    std::string call_name = excerpt(field(call, g_.f_function)) + "()";
    Position at = pos(call);
    for (const ExternalSummary::ParamSink& ps : x.sinks) {
      if (ps.param >= params.size()) continue;
      std::vector<TraceStep> inner{{at, call_name, {}}};
      inner.insert(inner.end(), ps.inner.begin(), ps.inner.end());
      TSNode argument = call;
      if (const Arg* a = positional(args, ps.param)) argument = a->node;
      deliver(*ps.sink, c_.bit(ps.sink->cwe), call, argument, call_name + " \u2192 " + ps.sink_name,
              params[ps.param], inner);
    }
    Taint out;
    for (const ExternalSummary::Return& r : x.ret) {
      if (r.param < 0) {
        Origin o;
        // Outside this file's byte range, and the same for every call of that source.
        o.id = static_cast<std::int64_t>(
            (fnv1a64(r.source, fnv1a64(r.steps.empty() ? "" : r.steps.front().file)) >> 2) |
            (1ULL << 61));
        o.mask = r.mask;
        o.source = r.source;
        o.trace = extend(append(nullptr, r.steps), at, call_name);
        Taint t;
        t.origins.push_back(std::move(o));
        out.merge(t);
        continue;
      }
      auto k = static_cast<std::size_t>(r.param);
      if (k < params.size()) returned(out, params[k], r.mask, r.steps, at, call_name);
    }
    return out;
  }

  // The summaries of the module's top-level functions, with this file's path on every step.
  void export_summaries() {
    const std::string& path = m_.source().path();
    auto located = [&](std::vector<TraceStep> steps) {
      for (TraceStep& t : steps) {
        if (t.file.empty()) t.file = path;
      }
      return steps;
    };
    for (FnInfo& info : infos_) {
      if (!info.fn || !info.fn->scope || info.fn->scope->parent != &m_.module_scope() ||
          info.status != FnInfo::Status::Done) {
        continue;
      }
      ExternalSummary x;
      for (const py::Parameter& p : info.fn->params) {
        x.params.push_back({p.name, p.kind == py::Parameter::Kind::Plain});
      }
      for (const ParamSink& ps : info.summary.sinks) {
        x.sinks.push_back(
            {static_cast<std::size_t>(ps.param), ps.sink, ps.sink_name, located(ps.inner)});
      }
      for (const Origin& o : info.summary.ret.origins) {
        x.ret.push_back({o.id >= 0 ? -1 : -o.id - 1, o.mask, o.source, located(steps_of(o.trace))});
      }
      if (!x.sinks.empty() || !x.ret.empty()) out_.exports_.functions[info.fn->name] = std::move(x);
    }
  }

  // ---- statements ---------------------------------------------------------------------------
  // Runs a block; true when it cannot complete normally (return, raise, abort, continue).
  bool exec_block(TSNode block, Env& env) {
    if (ts_node_is_null(block)) return false;
    if (++nesting_ > kMaxDepth) {
      --nesting_;
      return false;
    }
    bool done = false;
    uint32_t k = ts_node_named_child_count(block);
    for (uint32_t i = 0; i < k && !done; ++i) done = exec(ts_node_named_child(block, i), env);
    --nesting_;
    return done;
  }

  bool exec(TSNode st, Env& env) {
    TSSymbol s = sym(st);
    if (s == g_.expression_statement) {
      uint32_t k = ts_node_named_child_count(st);
      bool done = false;
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(st, i);
        TSSymbol cs = sym(c);
        if (cs == g_.assignment) {
          exec_assignment(c, env);
        } else if (cs == g_.augmented_assignment) {
          exec_augmented(c, env);
        } else {
          eval(c, env);
          TSNode e = m_.unwrap(c);
          if (sym(e) == g_.call && !lookup(terminators_, name_of(e)).empty()) done = true;
        }
      }
      return done;
    }
    if (s == g_.return_statement) {
      if (ts_node_named_child_count(st) && frame_) {
        TSNode value = ts_node_named_child(st, 0);
        Taint t = eval(value, env);
        for (const Sink* sink : frame_->info->return_sinks) {
          if (builds_string(value, env)) reach(*sink, value, value, "return", t);
        }
        frame_->ret.merge(t);
      }
      return true;
    }
    if (s == g_.raise_statement) {
      eval_children(st, env, 0);
      return true;
    }
    if (s == g_.continue_statement || s == g_.break_statement) return true;
    if (s == g_.if_statement) return exec_if(st, env);
    if (s == g_.for_statement) {
      Taint items = eval(field(st, f_right_), env);
      Env loop = env;
      for (int round = 0; round < 2; ++round) {
        Env body = loop;
        assign(field(st, f_left_), items, body, {});
        if (!exec_block(field(st, g_.f_body), body)) loop.join(body);
      }
      env.join(loop);
      exec_else(st, env);
      return false;
    }
    if (s == g_.while_statement) {
      eval(field(st, g_.f_condition), env);
      Env loop = env;
      for (int round = 0; round < 2; ++round) {
        Env body = loop;
        refine(field(st, g_.f_condition), body, true);
        if (!exec_block(field(st, g_.f_body), body)) loop.join(body);
      }
      env.join(loop);
      exec_else(st, env);
      return false;
    }
    if (s == g_.with_statement) {
      uint32_t k = ts_node_named_child_count(st);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode clause = ts_node_named_child(st, i);
        if (sym(clause) != s_with_clause_) continue;
        uint32_t n = ts_node_named_child_count(clause);
        for (uint32_t j = 0; j < n; ++j) {
          TSNode item = ts_node_named_child(clause, j);
          TSNode v = field(item, g_.f_value);
          if (sym(v) == g_.as_pattern) {
            TSNode value = ts_node_named_child(v, 0);
            Taint t = eval(value, env);
            TSNode target = field(v, g_.f_alias);
            if (!ts_node_is_null(target) && ts_node_named_child_count(target)) {
              target = ts_node_named_child(target, 0);
            }
            assign(target, t, env, value);
          } else {
            eval(v, env);
          }
        }
      }
      return exec_block(field(st, g_.f_body), env);
    }
    if (s == g_.try_statement) {
      Env before = env;
      bool done = exec_block(field(st, g_.f_body), env);
      std::vector<Env> outs;
      uint32_t k = ts_node_named_child_count(st);
      Env handler_in = before;
      handler_in.join(env);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(st, i);
        if (sym(c) == s_else_ && !done) done = exec_block(field(c, g_.f_body), env);
      }
      if (!done) outs.push_back(env);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(st, i);
        if (sym(c) != g_.except_clause) continue;
        Env h = handler_in;
        bool hd = false;
        uint32_t n = ts_node_named_child_count(c);
        for (uint32_t j = 0; j < n; ++j) {
          TSNode b = ts_node_named_child(c, j);
          if (sym(b) == g_.block) hd = exec_block(b, h);
        }
        if (!hd) outs.push_back(std::move(h));
      }
      bool all_done = outs.empty();
      if (!outs.empty()) {
        env = outs.front();
        for (std::size_t i = 1; i < outs.size(); ++i) env.join(outs[i]);
      }
      for (uint32_t i = 0; i < k; ++i) {
        TSNode c = ts_node_named_child(st, i);
        if (sym(c) != s_finally_) continue;
        uint32_t n = ts_node_named_child_count(c);
        for (uint32_t j = 0; j < n; ++j) {
          TSNode b = ts_node_named_child(c, j);
          if (sym(b) == g_.block && exec_block(b, env)) all_done = true;
        }
      }
      return all_done;
    }
    if (s == g_.match_statement) {
      eval(field(st, f_subject_), env);
      Env joined = env;
      uint32_t k = ts_node_named_child_count(st);
      for (uint32_t i = 0; i < k; ++i) {
        TSNode body = ts_node_named_child(st, i);
        if (sym(body) != g_.block) continue;
        uint32_t n = ts_node_named_child_count(body);
        for (uint32_t j = 0; j < n; ++j) {
          TSNode cc = ts_node_named_child(body, j);
          if (sym(cc) != g_.case_clause) continue;
          Env branch = env;
          uint32_t q = ts_node_named_child_count(cc);
          bool done = false;
          for (uint32_t r = 0; r < q; ++r) {
            TSNode b = ts_node_named_child(cc, r);
            if (sym(b) == g_.block) done = exec_block(b, branch);
          }
          if (!done) joined.join(branch);
        }
      }
      env = std::move(joined);
      return false;
    }
    if (s == s_assert_) {
      uint32_t k = ts_node_named_child_count(st);
      if (k) {
        eval(ts_node_named_child(st, 0), env);
        refine(ts_node_named_child(st, 0), env, true);
      }
      return false;
    }
    if (s == g_.block) return exec_block(st, env);
    return false;  // definitions (analysed on their own), imports, pass, global, ...
  }

  void exec_else(TSNode st, Env& env) {
    uint32_t k = ts_node_named_child_count(st);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(st, i);
      if (sym(c) == s_else_) exec_block(field(c, g_.f_body), env);
    }
  }

  bool exec_if(TSNode st, Env& env) {
    TSNode cond = field(st, g_.f_condition);
    eval(cond, env);
    std::vector<Env> outs;
    Env yes = env;
    refine(cond, yes, true);
    if (!exec_block(field(st, f_consequence_), yes)) outs.push_back(std::move(yes));
    Env no = env;
    refine(cond, no, false);
    bool has_else = false;
    uint32_t k = ts_node_named_child_count(st);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode c = ts_node_named_child(st, i);
      TSSymbol cs = sym(c);
      if (cs == g_.elif_clause) {
        TSNode c2 = field(c, g_.f_condition);
        eval(c2, no);
        Env y2 = no;
        refine(c2, y2, true);
        if (!exec_block(field(c, f_consequence_), y2)) outs.push_back(std::move(y2));
        refine(c2, no, false);
      } else if (cs == s_else_) {
        has_else = true;
        if (!exec_block(field(c, g_.f_body), no)) outs.push_back(no);
      }
    }
    if (!has_else) outs.push_back(std::move(no));
    if (outs.empty()) return true;
    env = std::move(outs.front());
    for (std::size_t i = 1; i < outs.size(); ++i) env.join(outs[i]);
    return false;
  }

  void exec_assignment(TSNode a, Env& env) {
    TSNode left = field(a, f_left_);
    TSNode right = field(a, f_right_);
    if (ts_node_is_null(right)) return;  // `x: int`
    Taint t;
    TSNode value = right;
    if (sym(right) == g_.assignment) {  // a = b = v
      exec_assignment(right, env);
      value = field(right, f_right_);
      t = eval_target(field(right, f_left_), env);
    } else if (is_sequence(left) && is_sequence(right) &&
               ts_node_named_child_count(left) == ts_node_named_child_count(right)) {
      std::vector<Taint> parts;
      uint32_t k = ts_node_named_child_count(right);
      for (uint32_t i = 0; i < k; ++i) parts.push_back(eval(ts_node_named_child(right, i), env));
      for (uint32_t i = 0; i < k; ++i) {
        assign(ts_node_named_child(left, i), parts[i], env, ts_node_named_child(right, i));
      }
      return;
    } else {
      t = eval(right, env);
    }
    assign(left, t, env, value);
  }

  Taint eval_target(TSNode target, Env& env) {
    target = m_.unwrap(target);
    if (sym(target) == g_.identifier) {
      auto it = env.vars.find(m_.text(target));
      return it == env.vars.end() ? Taint{} : it->second;
    }
    return {};
  }

  // A returned expression that is text, not a response object: a string built here
  // (f-string, `+`, `%`, `.format`, `.join`) or a value read straight from a source.
  bool builds_string(TSNode n, Env& env) const {
    n = m_.unwrap(n);
    TSSymbol s = sym(n);
    if (s == g_.string || s == g_.concatenated_string) return true;
    if (s == g_.binary_operator) {
      std::string_view op = m_.text(field(n, g_.f_operator));
      return op == "+" || op == "%";
    }
    if (s == g_.call) {
      TSNode callee = m_.unwrap(field(n, g_.f_function));
      if (sym(callee) == g_.attribute) {
        std::string_view method = m_.text(field(callee, g_.f_attribute));
        if (method == "format" || method == "join") return true;
      }
    }
    bool safe = false;
    return (s == g_.attribute || s == g_.subscript || s == g_.call) && chain_source(n, env, safe);
  }

  bool is_sequence(TSNode n) const {
    TSSymbol s = sym(n);
    return s == g_.pattern_list || s == g_.tuple_pattern || s == g_.list_pattern ||
           s == g_.expression_list || s == g_.tuple || s == g_.list;
  }

  void exec_augmented(TSNode a, Env& env) {
    TSNode left = m_.unwrap(field(a, f_left_));
    Taint t = eval(field(a, f_right_), env);
    if (sym(left) == g_.identifier) {
      std::string name(m_.text(left));
      Taint cur = eval(left, env);
      cur.merge(t.stepped(pos(left), name));
      env.vars[name] = std::move(cur);
      env.normalized.erase(name);
      return;
    }
    assign(left, t, env, {});
  }

  bool is_call_to(TSNode value, const Patterns<bool>& p) const {
    value = m_.unwrap(value);
    return !ts_node_is_null(value) && sym(value) == g_.call && !lookup(p, name_of(value)).empty();
  }

  void assign(TSNode target, const Taint& t, Env& env, TSNode value) {
    target = m_.unwrap(target);
    if (ts_node_is_null(target)) return;
    TSSymbol s = sym(target);
    if (s == g_.identifier) {
      std::string name(m_.text(target));
      env.vars[name] = t.stepped(pos(target), name);
      if (!ts_node_is_null(value) && is_call_to(value, normalizers_)) {
        env.normalized.insert(name);
      } else {
        env.normalized.erase(name);
      }
      env.url_of.erase(name);
      if (!ts_node_is_null(value) && is_call_to(value, url_parsers_)) {
        TSNode args = field(m_.unwrap(value), g_.f_arguments);
        TSNode first = ts_node_named_child_count(args) ? ts_node_named_child(args, 0) : TSNode{};
        if (!ts_node_is_null(first) && sym(m_.unwrap(first)) == g_.identifier) {
          env.url_of[name] = std::string(m_.text(m_.unwrap(first)));
        }
      }
      return;
    }
    if (is_sequence(target) || s == g_.list_splat_pattern) {
      uint32_t k = ts_node_named_child_count(target);
      for (uint32_t i = 0; i < k; ++i) assign(ts_node_named_child(target, i), t, env, {});
      return;
    }
    if (s == g_.subscript) {
      TSNode obj = m_.unwrap(field(target, g_.f_value));
      check_store(target, obj, t);
    }
    if (s == g_.attribute) {
      if (auto key = self_field(target); key.first) {
        Taint real = t;
        std::erase_if(real.origins, [](const Origin& o) { return o.id < 0; });
        if (!real.empty()) fields_[key].merge(real.stepped(pos(target), "self." + key.second));
      }
    }
    if (s == g_.subscript || s == g_.attribute) {
      if (t.empty()) return;
      TSNode root = root_name(target);
      if (ts_node_is_null(root)) return;
      std::string name(m_.text(root));
      if (!env.vars.count(name) && frame_ && frame_->info->object_params.count(name)) return;
      env.vars[name].merge(t.stepped(pos(target), excerpt(target)));
    }
  }

  void check_store(TSNode target, TSNode obj, const Taint& t) {
    if (t.empty() || ts_node_is_null(obj)) return;
    std::vector<const Sink*> hits;
    py::NameOrigin o = py::NameOrigin::None;
    std::string q = m_.qualify(obj, scope(), &o);
    if (o == py::NameOrigin::Import || o == py::NameOrigin::Global) {
      if (auto it = stores_.exact.find(q); it != stores_.exact.end()) hits = it->second;
    }
    if (sym(obj) == g_.attribute) {
      std::string attr(m_.text(field(obj, g_.f_attribute)));
      if (auto it = stores_.method.find(attr); it != stores_.method.end()) {
        hits.insert(hits.end(), it->second.begin(), it->second.end());
      }
    }
    if (auto it = stores_.exact.find("*"); it != stores_.exact.end()) {
      hits.insert(hits.end(), it->second.begin(), it->second.end());
    }
    py::Value key = m_.evaluate(field(target, g_.f_subscript), scope());
    for (const Sink* s : hits) {
      if (!s->keys.empty() &&
          (!key.is_str() || std::none_of(s->keys.begin(), s->keys.end(), [&](const std::string& k) {
            return to_lower(k) == to_lower(key.str);
          }))) {
        continue;
      }
      reach(*s, target, target, excerpt(obj) + "[...]", t);
    }
  }

  // ---- guards -------------------------------------------------------------------------------
  // Narrows `env` to the paths where `cond` is `positive`.
  void refine(TSNode cond, Env& env, bool positive, int depth = 0) {
    cond = m_.unwrap(cond);
    if (ts_node_is_null(cond) || depth > 16) return;
    TSSymbol s = sym(cond);
    if (s == g_.not_operator) {
      refine(field(cond, f_argument_), env, !positive, depth + 1);
      return;
    }
    if (s == g_.boolean_operator) {
      std::string_view op = m_.text(field(cond, g_.f_operator));
      if ((op == "and" && positive) || (op == "or" && !positive)) {
        refine(field(cond, f_left_), env, positive, depth + 1);
        refine(field(cond, f_right_), env, positive, depth + 1);
      }
      return;
    }
    if (s == g_.comparison_operator && ts_node_named_child_count(cond) == 2) {
      TSNode lhs = ts_node_named_child(cond, 0);
      TSNode rhs = ts_node_named_child(cond, 1);
      std::string op;
      std::string_view between = m_.source().text().substr(
          ts_node_end_byte(lhs), ts_node_start_byte(rhs) - ts_node_end_byte(lhs));
      for (auto part : split(between, ' ')) {
        part = trim(part);
        if (part.empty()) continue;
        if (!op.empty()) op += ' ';
        op += part;
      }
      if (op == "in" || op == "not in") {
        if ((op == "in") == positive && is_constant_collection(rhs, env)) clean(lhs, env, all_);
      } else if (op == "==" || op == "!=") {
        if ((op == "==") != positive) return;
        py::Value lv = m_.evaluate(lhs, scope());
        py::Value rv = m_.evaluate(rhs, scope());
        if (rv.known() && rv.kind != py::Value::Kind::None) clean(lhs, env, all_);
        if (lv.known() && lv.kind != py::Value::Kind::None) clean(rhs, env, all_);
      }
      return;
    }
    if (s == g_.call && positive) {
      CallName cn = name_of(cond);
      TSNode callee = m_.unwrap(field(cond, g_.f_function));
      TSNode receiver = sym(callee) == g_.attribute ? field(callee, g_.f_object) : TSNode{};
      if (!lookup(validators_, cn).empty()) {
        if (!ts_node_is_null(receiver) && cn.method_call) clean(receiver, env, all_);
        TSNode args = field(cond, g_.f_arguments);
        uint32_t k = ts_node_named_child_count(args);
        for (uint32_t i = 0; i < k; ++i) clean(ts_node_named_child(args, i), env, all_);
      }
      if (!lookup(prefix_checks_, cn).empty() && !ts_node_is_null(receiver)) {
        TSNode r = m_.unwrap(receiver);
        if (sym(r) == g_.identifier && env.normalized.count(m_.text(r))) {
          clean(r, env, path_bit_);
        } else if (is_call_to(r, normalizers_)) {
          TSNode rcallee = m_.unwrap(field(r, g_.f_function));
          if (sym(rcallee) == g_.attribute) clean(field(rcallee, g_.f_object), env, path_bit_);
          TSNode args = field(r, g_.f_arguments);
          if (ts_node_named_child_count(args)) clean(ts_node_named_child(args, 0), env, path_bit_);
        }
      }
    }
  }

  // An allow-list: a literal collection or a name whose value carries no client data.
  bool is_constant_collection(TSNode n, Env& env) {
    n = m_.unwrap(n);
    TSSymbol s = sym(n);
    if (s == g_.identifier || s == g_.attribute || s == g_.list || s == g_.tuple || s == g_.set ||
        s == g_.dictionary || s == g_.call || s == g_.subscript) {
      return eval(n, env).empty();
    }
    return false;
  }

  // The value `n` names is safe for `bits` on this path.
  void clean(TSNode n, Env& env, std::uint32_t bits) {
    n = m_.unwrap(n);
    if (ts_node_is_null(n)) return;
    TSSymbol s = sym(n);
    if (s == g_.identifier) {
      std::string_view name = m_.text(n);
      if (auto it = env.vars.find(name); it != env.vars.end()) it->second.keep(~bits);
      if (auto u = env.url_of.find(name); u != env.url_of.end()) {
        if (auto it = env.vars.find(u->second); it != env.vars.end()) it->second.keep(~bits);
      }
      return;
    }
    if (s == g_.attribute) {
      // urlparse(url).netloc / parsed.hostname: the URL's host is checked.
      std::string attr(m_.text(field(n, g_.f_attribute)));
      if (std::find(c_.url_parts.begin(), c_.url_parts.end(), attr) == c_.url_parts.end()) return;
      TSNode obj = m_.unwrap(field(n, g_.f_object));
      if (sym(obj) == g_.identifier) {
        clean(obj, env, bits);
      } else if (is_call_to(obj, url_parsers_)) {
        TSNode args = field(obj, g_.f_arguments);
        if (ts_node_named_child_count(args)) clean(ts_node_named_child(args, 0), env, bits);
      }
    }
  }

  static constexpr int kMaxDepth = 200;
  static constexpr int kMaxFrames = 16;  // functions being analysed at once (call chain depth)

  const py::Model& m_;
  const py::Grammar& g_;
  const Catalog& c_;
  const Options& options_;
  Result& out_;
  std::uint32_t all_ = 0;
  std::uint32_t path_bit_ = 0;
  TSSymbol s_else_ = 0, s_finally_ = 0, s_if_clause_ = 0, s_assert_ = 0, s_with_clause_ = 0,
           s_slice_ = 0;
  TSFieldId f_consequence_ = 0, f_argument_ = 0, f_left_ = 0, f_right_ = 0, f_subject_ = 0;
  std::unordered_map<std::string, const Source*> object_sources_;
  Patterns<const Source*> call_sources_;
  Patterns<const Sink*> sinks_;
  Patterns<const Sink*> stores_;
  Patterns<std::uint32_t> sanitizers_;
  Patterns<bool> terminators_, validators_, normalizers_, prefix_checks_, url_parsers_;
  std::unordered_set<std::string> mutators_;
  std::unordered_set<std::string> module_names_;
  std::vector<FnInfo> infos_;
  std::map<std::pair<const py::Scope*, std::string>, std::size_t> by_name_;
  std::unordered_set<std::uint64_t> seen_flows_;
  // Client data stored in `self.<attr>` by some method of a class, kept across passes.
  std::map<std::pair<const py::Scope*, std::string>, Taint> fields_;
  Frame* frame_ = nullptr;
  // (index in imported_calls_, index of the calling function in infos_)
  std::vector<std::pair<std::size_t, std::ptrdiff_t>> calls_in_;
  int nesting_ = 0;
  int frames_ = 0;
};

bool ExternalSummary::returns_source() const {
  return std::any_of(ret.begin(), ret.end(), [](const Return& r) { return r.param < 0; });
}

bool ExternalSummary::uses_parameters() const {
  return !sinks.empty() ||
         std::any_of(ret.begin(), ret.end(), [](const Return& r) { return r.param >= 0; });
}

Result analyze(const py::Model& model, const Catalog& catalog, const Options& options) {
  Result r;
  Analyzer a(model, catalog, options, r);
  a.run();
  return r;
}

}  // namespace secreview::taint
