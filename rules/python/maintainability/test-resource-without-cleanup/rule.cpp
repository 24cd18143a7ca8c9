// test-resource-without-cleanup: `self.tmpdir = tempfile.mkdtemp()`, `mock.patch(...).start()`,
// `socket.socket()`, `subprocess.Popen(...)` in a test or setUp with nothing that releases it.
#include <algorithm>
#include <cctype>
#include <set>

#include "engine/rule.hpp"
#include "rules/python/maintainability/common.hpp"

namespace secreview::rules {
namespace {

enum class Kind { Dir, Mkstemp, NamedTemp, Patcher, Socket, Process };

bool is_disk(Kind k) {
  return k == Kind::Dir || k == Kind::Mkstemp || k == Kind::NamedTemp;
}

struct Resource {
  Kind kind;
  TSNode at{};             // the statement the finding starts on
  TSNode call{};           // the creating call (for patchers: the `.start()` call)
  std::string holder;      // name or attribute holding it ("tmpdir", "self.tmpdir"); may be ""
  std::string fd;          // mkstemp: the name holding the descriptor, if unpacked
  std::string patcher;     // a patcher kept in a variable (`self.patcher`), for `.stop`
  std::string patch_call;  // inline patcher: the `mock.patch(...)` excerpt
};

class TestResourceWithoutCleanup final : public Rule {
 public:
  explicit TestResourceWithoutCleanup(const RuleMeta& /*meta*/) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    if (!is_test_code(m)) return;
    for (const auto& f : m.functions()) {
      if (!f.is_method) continue;
      if (!f.name.starts_with("test") && f.name != "setUp" && f.name != "asyncSetUp") continue;
      const py::Class* cls = class_of(m, f.scope->parent);
      if (!cls) continue;
      std::vector<const py::Class*> chain = class_chain(m, cls);
      for (const Resource& r : resources(m, f, chain)) {
        if (cleaned_up(m, f, chain, r)) continue;
        report(m, f, *cls, chain, r, ctx);
      }
    }
  }

 private:
  // --- what counts as test code --------------------------------------------------------------

  static std::string_view last_component(std::string_view dotted) {
    std::size_t dot = dotted.rfind('.');
    return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
  }

  static bool is_test_code(const py::Model& m) {
    if (m.is_test_file()) return true;
    for (const auto& c : m.classes()) {
      for (TSNode b : c.bases) {
        if (last_component(m.text(b)).ends_with("TestCase")) return true;
      }
    }
    return false;
  }

  static const py::Class* class_of(const py::Model& m, const py::Scope* scope) {
    for (const auto& c : m.classes()) {
      if (c.scope == scope) return &c;
    }
    return nullptr;
  }

  // The class and its bases defined in this file (their tearDown and cleanups apply too).
  static std::vector<const py::Class*> class_chain(const py::Model& m, const py::Class* cls) {
    std::vector<const py::Class*> chain{cls};
    for (std::size_t i = 0; i < chain.size() && chain.size() < 16; ++i) {
      for (TSNode b : chain[i]->bases) {
        std::string_view name = m.text(b);
        for (const auto& c : m.classes()) {
          if (c.name == name && std::find(chain.begin(), chain.end(), &c) == chain.end()) {
            chain.push_back(&c);
          }
        }
      }
    }
    return chain;
  }

  // Some base class is defined in another module (and is not unittest's): it may clean up.
  static bool has_external_base(const py::Model& m, const std::vector<const py::Class*>& chain) {
    for (const py::Class* c : chain) {
      for (TSNode b : c->bases) {
        if (ts_node_symbol(b) == m.grammar().keyword_argument) continue;  // metaclass=...
        std::string_view name = m.text(b);
        bool local = false;
        for (const py::Class* d : chain) local = local || d->name == name;
        if (local || name == "object") continue;
        std::string q = m.qualify(b, &m.module_scope());
        if (q == "unittest.TestCase" || q == "unittest.IsolatedAsyncioTestCase") continue;
        return true;
      }
    }
    return false;
  }

  // --- finding resources ---------------------------------------------------------------------

  static bool is_patcher_call(const py::Model& m, TSNode n, const py::Scope* scope) {
    n = m.unwrap(n);
    if (ts_node_symbol(n) != m.grammar().call) return false;
    std::string q = m.qualify(ts_node_child_by_field_id(n, m.grammar().f_function), scope);
    for (std::string_view tail :
         {"mock.patch", "mock.patch.object", "mock.patch.dict", "mock.patch.multiple"}) {
      if (q == tail || std::string_view(q).ends_with("." + std::string(tail))) return true;
    }
    return false;
  }

  static bool contains(TSNode outer, TSNode inner) {
    return ts_node_start_byte(inner) >= ts_node_start_byte(outer) &&
           ts_node_end_byte(inner) <= ts_node_end_byte(outer);
  }

  static std::string lower(std::string_view t) {
    std::string out(t);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  }

  // Whether the creation at `n` is managed or expected to fail, so there is nothing to release:
  // it sits in a `with` item or in `self.useFixture(...)`, in `with self.assertRaises(...)`, in
  // the body of a `try` whose `else` fails the test, or (for files and directories) in a `with`
  // that sets up a temporary directory, which may redirect and remove the temp folder.
  static bool excused(const py::Model& m, TSNode n, TSNode fn, bool disk) {
    const py::Grammar& g = m.grammar();
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p) && !ts_node_eq(p, fn);
         p = ts_node_parent(p)) {
      TSSymbol s = ts_node_symbol(p);
      if (s == g.with_item) return true;
      if (s == g.call) {
        TSNode callee = ts_node_child_by_field_id(p, g.f_function);
        if (ts_node_symbol(callee) == g.attribute) {
          std::string_view method = m.text(ts_node_child_by_field_id(callee, g.f_attribute));
          if (method == "useFixture" || method == "enterContext") return true;
        }
      } else if (s == g.with_statement) {
        std::uint32_t k = ts_node_named_child_count(p);
        for (std::uint32_t i = 0; i < k; ++i) {
          TSNode c = ts_node_named_child(p, i);
          if (ts_node_symbol(c) == g.block) continue;
          std::string items = lower(m.text(c));
          if (items.find("assertraises") != std::string::npos ||
              items.find("raises(") != std::string::npos) {
            return true;
          }
          if (disk &&
              (items.find("temp") != std::string::npos || items.find("tmp") != std::string::npos)) {
            return true;
          }
        }
      } else if (s == g.try_statement) {
        TSNode body = ts_node_child_by_field_id(p, g.f_body);
        if (ts_node_is_null(body) || !contains(body, n)) continue;
        std::uint32_t k = ts_node_named_child_count(p);
        for (std::uint32_t i = 0; i < k; ++i) {
          TSNode c = ts_node_named_child(p, i);
          if (std::string_view(ts_node_type(c)) == "else_clause" &&
              m.text(c).find("fail(") != std::string_view::npos) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // Whether a patch call at `n` applies to the test function `f`: it is in `f` or its
  // decorators, in a setUp, in a class decorator or in the class body.
  static bool applies_to(const py::Model& m, TSNode n, const py::Function& f) {
    const py::Grammar& g = m.grammar();
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
      TSSymbol s = ts_node_symbol(p);
      if (s == g.function_definition) {
        if (ts_node_eq(p, f.node)) return true;
        std::string_view name = m.text(ts_node_child_by_field_id(p, g.f_name));
        return name == "setUp" || name == "asyncSetUp" || name == "setUpClass";
      }
      if (s == g.decorator) {
        TSNode def = ts_node_child_by_field_id(ts_node_parent(p), g.f_definition);
        return ts_node_eq(def, f.node) || ts_node_symbol(def) == g.class_definition;
      }
      if (s == g.class_definition) return true;
    }
    return true;
  }

  // The creating function is patched for this test (decorators, setUp, fixtures, `with`): the
  // call returns a mock, not a real resource.
  static bool mocked(const py::Model& m, Kind kind, const py::Function& f,
                     const std::vector<const py::Class*>& chain) {
    std::vector<std::string_view> needles;
    switch (kind) {
      case Kind::Dir:
        needles = {"mkdtemp"};
        break;
      case Kind::Mkstemp:
        needles = {"mkstemp"};
        break;
      case Kind::NamedTemp:
        needles = {"NamedTemporaryFile"};
        break;
      case Kind::Socket:
        needles = {"socket.socket", "'socket'", "\"socket\""};
        break;
      case Kind::Process:
        needles = {"Popen"};
        break;
      case Kind::Patcher:
        return false;
    }
    std::vector<TSNode> ranges;
    for (const py::Class* c : chain) {
      TSNode parent = ts_node_parent(c->node);
      bool decorated =
          !ts_node_is_null(parent) && ts_node_symbol(parent) == m.grammar().decorated_definition;
      ranges.push_back(decorated ? parent : c->node);
    }
    for (const auto& c : m.calls()) {
      bool in = false;
      for (TSNode r : ranges) in = in || contains(r, c.node);
      if (!in || !applies_to(m, c.node, f)) continue;
      std::string callee = lower(m.text(c.callee));
      if (callee.find("patch") == std::string::npos && callee.find("stub") == std::string::npos) {
        continue;
      }
      std::string_view text = m.text(c.node);
      for (std::string_view needle : needles) {
        if (text.find(needle) != std::string_view::npos) return true;
      }
    }
    return false;
  }

  // The assignment whose value is exactly `call` (parentheses aside), or null.
  static const py::Assignment* binding_of(const py::Model& m, TSNode call) {
    for (const auto& a : m.assignments()) {
      if (!a.augmented && ts_node_eq(m.unwrap(a.value), call)) return &a;
    }
    return nullptr;
  }

  // `dir=` of a tempfile function names a directory that is cleaned up already (a fixture's,
  // one bound by `with`, one removed by a cleanup) or is itself a new temporary directory,
  // which this rule checks on its own.
  static bool dir_managed(const py::Model& m, const py::Function& f, const py::Call& c,
                          std::size_t dir_pos, const std::vector<const py::Class*>& chain) {
    const py::Grammar& g = m.grammar();
    TSNode dir = m.unwrap(c.argument(dir_pos, "dir"));
    if (ts_node_is_null(dir)) return false;
    if (m.text(dir).find("useFixture") != std::string_view::npos) return true;
    TSSymbol s = ts_node_symbol(dir);
    if (s != g.identifier && s != g.attribute) return false;
    std::string d(m.text(dir));
    for (const auto& a : m.assignments()) {
      if (m.text(a.target) != d || !in_chain(a.node, chain)) continue;
      std::string_view v = m.text(a.value);
      for (std::string_view owner : {"useFixture", "mkdtemp", "TemporaryDirectory"}) {
        if (v.find(owner) != std::string_view::npos) return true;
      }
    }
    bool with_bound = false;
    walk(m, f.body, true, [&](TSNode n) {
      if (ts_node_symbol(n) == g.as_pattern_target && mentions(m, n, d)) with_bound = true;
      return !with_bound;
    });
    if (with_bound) return true;
    return released(m, Kind::Dir, regions(m, f, chain, d), d) || in_teardown(m, chain, d);
  }

  std::vector<Resource> resources(const py::Model& m, const py::Function& f,
                                  const std::vector<const py::Class*>& chain) const {
    const py::Grammar& g = m.grammar();
    std::vector<Resource> out;
    for (const auto& c : m.calls()) {
      if (c.scope != f.scope) continue;
      Resource r{};
      r.call = c.node;
      bool imported = c.origin != py::NameOrigin::Local;
      if (imported && c.name == "tempfile.mkdtemp") {
        if (dir_managed(m, f, c, 2, chain)) continue;
        r.kind = Kind::Dir;
      } else if (imported && c.name == "tempfile.mkstemp") {
        if (dir_managed(m, f, c, 2, chain)) continue;
        r.kind = Kind::Mkstemp;
      } else if (imported && c.name == "tempfile.NamedTemporaryFile") {
        TSNode del = c.argument(7, "delete");
        if (ts_node_is_null(del) || m.evaluate(del, c.scope).truthy() != false) continue;
        if (dir_managed(m, f, c, 6, chain)) continue;
        r.kind = Kind::NamedTemp;
      } else if (imported && c.name == "socket.socket") {
        r.kind = Kind::Socket;
      } else if (imported && c.name == "subprocess.Popen") {
        r.kind = Kind::Process;
      } else if (c.method == "start" && c.args.empty() && ts_node_symbol(c.callee) == g.attribute) {
        TSNode obj = m.unwrap(ts_node_child_by_field_id(c.callee, g.f_object));
        r.kind = Kind::Patcher;
        if (is_patcher_call(m, obj, c.scope)) {
          r.patch_call = excerpt(m, obj, 60);
        } else if (ts_node_symbol(obj) == g.identifier || ts_node_symbol(obj) == g.attribute) {
          if (!patcher_variable(m, f, chain, obj)) continue;  // `thread.start()` and the like
          r.patcher = std::string(m.text(obj));
        } else {
          continue;
        }
      } else {
        continue;
      }
      if (excused(m, c.node, f.node, is_disk(r.kind)) || mocked(m, r.kind, f, chain)) continue;
      const py::Assignment* a = binding_of(m, c.node);
      if (a) {
        r.at = a->node;
        TSNode t = m.unwrap(a->target);
        TSSymbol ts = ts_node_symbol(t);
        if (ts == g.identifier || ts == g.attribute) {
          r.holder = std::string(m.text(t));
        } else if (r.kind == Kind::Mkstemp && ts_node_named_child_count(t) == 2) {
          // `fd, path = tempfile.mkstemp()`
          r.fd = std::string(m.text(ts_node_named_child(t, 0)));
          r.holder = std::string(m.text(ts_node_named_child(t, 1)));
        } else {
          continue;
        }
      } else if (r.kind == Kind::Patcher) {
        // `mock.patch(...).start()` or `patcher.start()` as a statement.
        TSNode parent = ts_node_parent(c.node);
        if (ts_node_symbol(parent) != g.expression_statement) continue;
        r.at = c.node;
      } else {
        continue;  // not kept in a name: passed on or discarded, so not ours to track
      }
      if (!r.holder.empty() && returned(m, f, r.holder)) continue;
      out.push_back(std::move(r));
    }
    return out;
  }

  // `patcher` / `self.patcher` is assigned a `mock.patch(...)` in this function or the class.
  static bool patcher_variable(const py::Model& m, const py::Function& f,
                               const std::vector<const py::Class*>& chain, TSNode obj) {
    std::string_view name = m.text(obj);
    bool attribute = ts_node_symbol(obj) == m.grammar().attribute;
    for (const auto& a : m.assignments()) {
      if (a.augmented || m.text(a.target) != name) continue;
      if (!is_patcher_call(m, a.value, a.scope)) continue;
      if (!attribute && a.scope == f.scope) return true;
      if (attribute && in_chain(a.node, chain)) return true;
    }
    return false;
  }

  static bool in_chain(TSNode n, const std::vector<const py::Class*>& chain) {
    for (const py::Class* c : chain) {
      if (ts_node_start_byte(n) >= ts_node_start_byte(c->node) &&
          ts_node_end_byte(n) <= ts_node_end_byte(c->node)) {
        return true;
      }
    }
    return false;
  }

  static bool returned(const py::Model& m, const py::Function& f, const std::string& holder) {
    bool found = false;
    walk(m, f.body, false, [&](TSNode n) {
      if (ts_node_symbol(n) == m.grammar().return_statement && mentions(m, n, holder)) {
        found = true;
      }
      return !found;
    });
    return found;
  }

  // --- finding cleanups ----------------------------------------------------------------------

  // Whether `root` (or a node under it) is the name or attribute chain `target`.
  static bool mentions(const py::Model& m, TSNode root, std::string_view target) {
    if (target.empty() || ts_node_is_null(root)) return false;
    const py::Grammar& g = m.grammar();
    bool dotted = target.find('.') != std::string_view::npos;
    auto is = [&](TSNode n) {
      TSSymbol s = ts_node_symbol(n);
      if (dotted) return s == g.attribute && m.text(n) == target;
      if (s != g.identifier || m.text(n) != target) return false;
      TSNode p = ts_node_parent(n);
      if (ts_node_is_null(p)) return true;
      if (ts_node_symbol(p) == g.attribute &&
          ts_node_eq(ts_node_child_by_field_id(p, g.f_attribute), n)) {
        return false;
      }
      if (ts_node_symbol(p) == g.keyword_argument &&
          ts_node_eq(ts_node_child_by_field_id(p, g.f_name), n)) {
        return false;
      }
      return true;
    };
    if (is(root)) return true;
    bool found = false;
    walk(m, root, true, [&](TSNode n) {
      if (!found && is(n)) found = true;
      return !found;
    });
    return found;
  }

  // The function bodies to search for a cleanup of `target`: the function itself for a local
  // name, every method of the class (and its bases in this file) for an attribute.
  static std::vector<TSNode> regions(const py::Model& m, const py::Function& f,
                                     const std::vector<const py::Class*>& chain,
                                     std::string_view target) {
    if (target.find('.') == std::string_view::npos) return {f.node};
    std::vector<TSNode> out;
    for (const auto& fn : m.functions()) {
      for (const py::Class* c : chain) {
        if (fn.scope->parent == c->scope) out.push_back(fn.node);
      }
    }
    return out;
  }

  static bool inside(TSNode n, const std::vector<TSNode>& regions) {
    for (TSNode r : regions) {
      if (ts_node_start_byte(n) >= ts_node_start_byte(r) &&
          ts_node_end_byte(n) <= ts_node_end_byte(r)) {
        return true;
      }
    }
    return false;
  }

  static bool any_arg_mentions(const py::Model& m, const py::Call& c, std::string_view target) {
    for (const auto& a : c.args) {
      if (mentions(m, a.value, target)) return true;
    }
    return false;
  }

  // The socket or process itself is passed to another call (`loop.create_server(sock=sock)`,
  // `ctx.wrap_socket(sock)`), which may take it over; assertions and printing do not.
  static bool passed_on(const py::Model& m, const py::Call& c, std::string_view target) {
    if (c.method.starts_with("assert")) return false;
    static const std::set<std::string_view> kInspect = {
        "print", "repr", "str", "isinstance", "id", "type", "len", "hash", "getattr", "hasattr"};
    if (kInspect.count(c.name)) return false;
    for (const auto& a : c.args) {
      if (m.text(m.unwrap(a.value)) == target) return true;
    }
    return false;
  }

  // Whether `target` is released somewhere in `where`.
  static bool released(const py::Model& m, Kind kind, const std::vector<TSNode>& where,
                       std::string_view target) {
    const py::Grammar& g = m.grammar();
    static const std::set<std::string_view> kRegister = {
        "addCleanup", "addClassCleanup", "addAsyncCleanup", "useFixture", "enterContext"};
    static const std::vector<std::string_view> kRemoveWords = {"rmtree", "remove", "unlink",
                                                               "rmdir",  "delete", "cleanup"};
    static const std::vector<std::string_view> kReleaseWords = {
        "close", "stop", "kill", "terminate", "wait", "reap", "cleanup"};
    for (const auto& c : m.calls()) {
      if (!inside(c.node, where)) continue;
      if (kRegister.count(c.method) && any_arg_mentions(m, c, target)) return true;
      // `shutil.rmtree(tmp)`, `os.unlink(path)`, `kill_python(proc)`, `support.reap(proc)`
      std::string callee = lower(c.name.empty() ? m.text(c.callee) : c.name);
      const auto& words = is_disk(kind) ? kRemoveWords : kReleaseWords;
      for (std::string_view word : words) {
        if (callee.find(word) != std::string::npos && any_arg_mentions(m, c, target)) return true;
      }
      if (is_disk(kind)) {
        // `pathlib.Path(tmp).unlink()`, `Path(self.tmpdir).rmdir()`
        TSNode obj = ts_node_symbol(c.callee) == g.attribute
                         ? ts_node_child_by_field_id(c.callee, g.f_object)
                         : TSNode{};
        if ((c.method == "unlink" || c.method == "rmdir") && mentions(m, obj, target)) {
          return true;
        }
      } else if (kind != Kind::Patcher && passed_on(m, c, target)) {
        return true;
      }
    }
    // `sock.close()`, `proc.kill()`, `patcher.stop()`, or the bound method passed on
    // (`self.assertRaises(OSError, proc.__exit__, ...)`).
    if (!is_disk(kind)) {
      static const std::set<std::string_view> kRelease = {
          "close", "detach", "stop", "terminate", "kill", "wait", "communicate", "__exit__"};
      for (TSNode region : where) {
        bool found = false;
        walk(m, region, true, [&](TSNode n) {
          if (ts_node_symbol(n) == g.attribute &&
              kRelease.count(m.text(ts_node_child_by_field_id(n, g.f_attribute))) &&
              m.text(ts_node_child_by_field_id(n, g.f_object)) == target) {
            found = true;
          }
          return !found;
        });
        if (found) return true;
      }
    }
    // `with sock:`, `with contextlib.closing(sock):`, `with proc:`, `with patcher:`; leaving a
    // `with` closes an object but does not delete a file or directory. `del sock` and
    // `sock = None` drop it on purpose (tests of ResourceWarning do that).
    if (!is_disk(kind)) {
      for (TSNode region : where) {
        bool found = false;
        walk(m, region, true, [&](TSNode n) {
          TSSymbol s = ts_node_symbol(n);
          bool managed = (s == g.with_item || s == g.delete_statement) && mentions(m, n, target);
          bool dropped = s == g.assignment &&
                         m.text(ts_node_child_by_field_id(n, g.f_left)) == target &&
                         m.text(ts_node_child_by_field_id(n, g.f_right)) == "None";
          if (managed || dropped) found = true;
          return !found;
        });
        if (found) return true;
      }
    }
    return false;
  }

  // `self._check_client(sock)`: the resource is handed to a method of the class (or of a base
  // in this file), which may release it.
  static bool handed_off(const py::Model& m, const std::vector<const py::Class*>& chain,
                         const std::vector<TSNode>& where, std::string_view target) {
    const py::Grammar& g = m.grammar();
    for (const auto& c : m.calls()) {
      if (!inside(c.node, where) || ts_node_symbol(c.callee) != g.attribute) continue;
      TSNode obj = ts_node_child_by_field_id(c.callee, g.f_object);
      if (ts_node_symbol(obj) != g.identifier) continue;  // `self.method(...)`
      bool passed = false;
      for (const auto& a : c.args) passed = passed || m.text(m.unwrap(a.value)) == target;
      if (!passed) continue;
      for (const auto& fn : m.functions()) {
        if (fn.name != c.method) continue;
        for (const py::Class* cls : chain) {
          if (fn.scope->parent == cls->scope) return true;
        }
      }
    }
    return false;
  }

  // A tearDown of the class (or of its bases in this file) mentions the attribute.
  static bool in_teardown(const py::Model& m, const std::vector<const py::Class*>& chain,
                          std::string_view target) {
    if (target.find('.') == std::string_view::npos) return false;  // a local cannot be there
    for (const auto& fn : m.functions()) {
      if (fn.name != "tearDown" && fn.name != "asyncTearDown" && fn.name != "doCleanups") {
        continue;
      }
      for (const py::Class* c : chain) {
        if (fn.scope->parent == c->scope && mentions(m, fn.body, target)) return true;
      }
    }
    return false;
  }

  static bool uses_stopall(const py::Model& m, const py::Function& f,
                           const std::vector<const py::Class*>& chain) {
    if (m.text(f.node).find("stopall") != std::string_view::npos) return true;
    for (const py::Class* c : chain) {
      if (m.text(c->node).find("patch.stopall") != std::string_view::npos) return true;
    }
    return false;
  }

  // Names and attributes the resource is also stored in, or derived from it (`self.tmpdir =
  // tmpdir`, `path = tmp.name`, `self.fname = fname.lower()`).
  static std::vector<std::string> aliases(const py::Model& m, const py::Function& f,
                                          const std::string& holder) {
    std::vector<std::string> out;
    for (const auto& a : m.assignments()) {
      if (a.scope != f.scope || a.augmented) continue;
      TSSymbol s = ts_node_symbol(a.target);
      if (s != m.grammar().attribute && s != m.grammar().identifier) continue;
      if (m.text(a.target) == holder) continue;
      if (mentions(m, a.value, holder)) out.emplace_back(m.text(a.target));
    }
    return out;
  }

  bool cleaned_up(const py::Model& m, const py::Function& f,
                  const std::vector<const py::Class*>& chain, const Resource& r) const {
    if (r.kind == Kind::Patcher) {
      if (uses_stopall(m, f, chain)) return true;
      if (r.patcher.empty()) return false;  // inline patcher: nothing else can stop it
      auto where = regions(m, f, chain, r.patcher);
      return released(m, r.kind, where, r.patcher) || in_teardown(m, chain, r.patcher) ||
             handed_off(m, chain, where, r.patcher);
    }
    std::vector<std::string> targets{r.holder};
    for (auto& a : aliases(m, f, r.holder)) targets.push_back(std::move(a));
    for (const auto& t : targets) {
      auto where = regions(m, f, chain, t);
      if (released(m, r.kind, where, t) || in_teardown(m, chain, t) ||
          handed_off(m, chain, where, t)) {
        return true;
      }
    }
    return false;
  }

  // --- the message ---------------------------------------------------------------------------

  void report(const py::Model& m, const py::Function& f, const py::Class& cls,
              const std::vector<const py::Class*>& chain, const Resource& r, Context& ctx) const {
    std::string self = f.params.empty() ? "self" : f.params.front().name;
    std::string line = std::to_string(m.start(r.at).line);
    std::string call = excerpt(m, r.call, 60);
    auto code = [](const std::string& s) { return "`" + s + "`"; };
    std::string subject;
    std::string released;
    std::string missing;
    std::string fix;
    // "no `addCleanup`, `shutil.rmtree` or fixture in `test_x` refers to `tmpdir`"
    auto nothing = [&](std::string what, const std::string& target) {
      bool attr = target.find('.') != std::string::npos;
      std::string in = attr ? "class `" + cls.name + "`" : code(f.name);
      if (attr) what += ", `tearDown`";
      std::size_t last = what.rfind(", ");
      what.replace(last, 2, " or ");
      return "no " + what + " in " + in + " refers to " + code(target);
    };
    switch (r.kind) {
      case Kind::Dir:
        subject = "The temporary directory in " + code(r.holder) + " (line " + line + ", " +
                  code(call) + ")";
        released = "removed";
        missing = nothing("`addCleanup`, `shutil.rmtree`, fixture", r.holder) +
                  ", so it stays on disk after the test";
        fix = code(self + ".addCleanup(shutil.rmtree, " + r.holder + ")");
        break;
      case Kind::Mkstemp:
      case Kind::NamedTemp: {
        std::string file = r.kind == Kind::NamedTemp ? r.holder + ".name"
                           : r.fd.empty()            ? r.holder + "[1]"
                                                     : r.holder;
        subject =
            "The temporary file in " + code(r.holder) + " (line " + line + ", " + code(call) + ")";
        released = "deleted";
        missing = nothing("`addCleanup`, `os.remove`, `os.unlink`, fixture", r.holder) +
                  ", so it stays on disk after the test";
        if (r.kind == Kind::NamedTemp) {
          missing += " (`delete=False` turns off the delete on close)";
        }
        fix = code(self + ".addCleanup(os.remove, " + file + ")");
        if (!r.fd.empty() && !released_fd(m, f, r.fd)) {
          fix += ", and close the descriptor with " + code("os.close(" + r.fd + ")");
        }
        break;
      }
      case Kind::Patcher:
        released = "stopped";
        if (!r.patcher.empty()) {
          subject = "The patch " + code(r.patcher) + " started on line " + line;
          std::string in_class = "class `" + cls.name + "`";
          missing = nothing("`" + r.patcher + ".stop()`, `addCleanup`, `with`", r.patcher) +
                    ", and " + in_class +
                    " never calls `mock.patch.stopall`, so the patch stays active after the test";
          fix = code(self + ".addCleanup(" + r.patcher + ".stop)");
        } else {
          subject = "The patch started on line " + line + " (" + code(call) + ")";
          std::string in_class = "class `" + cls.name + "`";
          missing =
              "the patcher object is not kept, so only `mock.patch.stopall` can stop it, and " +
              in_class + " never calls that; the patch stays active after the test";
          std::string holder = r.holder.empty() ? "" : r.holder + " = ";
          fix = "keep the patcher, " + code("patcher = " + r.patch_call) + ", then " +
                code(holder + "patcher.start()") + " and " +
                code(self + ".addCleanup(patcher.stop)") + " (or call " +
                code(self + ".addCleanup(mock.patch.stopall)") + " once in `setUp`)";
        }
        break;
      case Kind::Socket:
        subject = "The socket in " + code(r.holder) + " (line " + line + ", " + code(call) + ")";
        released = "closed";
        missing = nothing("`close()`, `addCleanup`, `with`", r.holder) +
                  ", so its descriptor stays open after the test";
        fix = code(self + ".addCleanup(" + r.holder + ".close)");
        break;
      case Kind::Process:
        subject =
            "The child process in " + code(r.holder) + " (line " + line + ", " + code(call) + ")";
        released = "stopped or waited for";
        missing = nothing(
                      "`terminate()`, `kill()`, `wait()`, `communicate()`, `addCleanup`, "
                      "`with`",
                      r.holder) +
                  ", so it can outlive the test";
        fix = code(self + ".addCleanup(" + r.holder + ".kill)");
        break;
    }
    bool external = has_external_base(m, chain);
    Report rep;
    rep.issue = expand(ctx.meta().issue,
                       {{"subject", subject},
                        {"released", released},
                        {"missing", missing},
                        {"caveat", external ? " (unless a base class defined in another module "
                                              "cleans it up)"
                                            : ""}});
    rep.solution = expand(ctx.meta().solution, {{"fix", fix}});
    if (external) rep.confidence = Confidence::Low;
    ctx.report(r.at, std::move(rep));
  }

  static bool released_fd(const py::Model& m, const py::Function& f, const std::string& fd) {
    for (const auto& c : m.calls()) {
      if (c.scope != f.scope) continue;
      if ((c.method == "close" || c.method == "fdopen" || c.method == "closerange") &&
          any_arg_mentions(m, c, fd)) {
        return true;
      }
      if (c.method == "addCleanup" && any_arg_mentions(m, c, fd)) return true;
    }
    return false;
  }
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::TestResourceWithoutCleanup, "test-resource-without-cleanup")
