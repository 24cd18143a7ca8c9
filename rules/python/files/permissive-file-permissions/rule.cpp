// permissive-file-permissions: chmod to a mode writable by the group or others, mkdir/makedirs
// asking for a directory writable by others, and a umask that keeps others' write bit.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

constexpr std::int64_t kGroupWrite = 0020;
constexpr std::int64_t kOtherWrite = 0002;

std::string octal(std::int64_t v) {
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + (v & 7)));
    v >>= 3;
  } while (v > 0);
  if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
  return "0o" + digits;
}

std::string rwx(std::int64_t v) {
  std::string out;
  for (int shift = 6; shift >= 0; shift -= 3) {
    out += (v >> (shift + 2)) & 1 ? 'r' : '-';
    out += (v >> (shift + 1)) & 1 ? 'w' : '-';
    out += (v >> shift) & 1 ? 'x' : '-';
  }
  return out;
}

class PermissiveFilePermissions final : public Rule {
 public:
  explicit PermissiveFilePermissions(const RuleMeta& meta)
      : path_then_mode_(option_strings(meta, "path_then_mode")),
        directory_calls_(option_strings(meta, "directory_calls")),
        umask_calls_(option_strings(meta, "umask_calls")) {
    if (const toml::table* t = meta.options["stat_constants"].as_table()) {
      for (const auto& [k, v] : *t) {
        if (auto i = v.value<std::int64_t>()) stat_["stat." + std::string(k.str())] = *i;
      }
    }
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    bool qualified = call.origin == py::NameOrigin::Import || call.origin == py::NameOrigin::Global;
    auto listed = [&](const std::vector<std::string>& list) {
      if (qualified && std::find(list.begin(), list.end(), call.name) != list.end()) return true;
      return std::find(list.begin(), list.end(), "." + std::string(call.method)) != list.end();
    };
    bool umask = qualified && std::find(umask_calls_.begin(), umask_calls_.end(), call.name) !=
                                  umask_calls_.end();
    TSNode mode_node{};
    if (umask) {
      mode_node = call.argument(0, "mask");
    } else if (const py::Argument* kw = call.keyword("mode")) {
      mode_node = kw->value;
    } else if (qualified && std::find(path_then_mode_.begin(), path_then_mode_.end(), call.name) !=
                                path_then_mode_.end()) {
      if (const py::Argument* a = call.positional(1)) mode_node = a->value;
    } else if (const py::Argument* first = call.positional(0)) {
      // A method: Path.chmod(mode) / Path.mkdir(mode, parents), or SFTP-style chmod(path, mode).
      if (fold(m, first->value, call.scope, 0)) {
        mode_node = first->value;
      } else if (const py::Argument* second = call.positional(1)) {
        mode_node = second->value;
      }
    }
    if (ts_node_is_null(mode_node)) return;
    std::optional<std::int64_t> mode = fold(m, mode_node, call.scope, 0);
    if (!mode) return;
    std::string shown = excerpt(m, call.node, 60);
    Report r;
    std::string what;
    std::string consequence;
    std::string fix;
    std::int64_t v = *mode & 07777;
    if (umask) {
      if (v & kOtherWrite) return;
      what = "sets the process umask to " + octal(v) + ", which keeps write permission for others";
      consequence =
          "every file and directory this process creates afterwards with the usual default "
          "modes (0o666 for files, 0o777 for directories) is writable by every user on the host";
      fix =
          "Use a umask that removes others' write permission, e.g. `os.umask(0o022)`, or "
          "`os.umask(0o077)` when the process writes private files.";
      r.severity = Severity::Medium;
    } else if (listed(directory_calls_)) {
      if (!(v & kOtherWrite)) return;
      std::int64_t safe = v & ~(kOtherWrite | kGroupWrite);
      what = "asks for a directory with mode " + octal(v) + " (" + rwx(v) +
             "), writable by every user";
      consequence =
          "only the process umask stands between this and a world-writable directory, where any "
          "local user can add, replace or (without the sticky bit) delete files";
      fix = "Pass a mode without others' write bit, e.g. mode=" + octal(safe) +
            " (or 0o700 for a private directory), or leave the mode out and rely on the umask.";
      r.severity = Severity::Medium;
      r.confidence = Confidence::Medium;
    } else {
      if (!(v & (kOtherWrite | kGroupWrite))) return;
      std::int64_t safe = v & ~(kOtherWrite | kGroupWrite);
      what = "sets mode " + octal(v) + " (" + rwx(v) + ")";
      if (v & kOtherWrite) {
        consequence =
            "every user on the host can change or replace its contents, so any local account can "
            "tamper with it and with whatever later reads or runs it";
      } else {
        consequence =
            "every member of the file's group can modify it, which is more than the owner "
            "needs unless the group exists only to share it";
        r.severity = Severity::Medium;
      }
      fix = "Grant only what is needed: " + octal(safe) + " (" + rwx(safe) +
            ") here, 0o600 for data or key files, 0o700/0o755 for programs and directories.";
    }
    r.issue =
        expand(ctx.meta().issue, {{"call", shown}, {"what", what}, {"consequence", consequence}});
    r.solution = expand(ctx.meta().solution, {{"fix", fix}});
    ctx.report(call.node, std::move(r));
  }

 private:
  // Folds a mode expression: integer literals, names bound once, stat.S_* constants and the
  // operators | + & ^ - ~.
  std::optional<std::int64_t> fold(const py::Model& m, TSNode n, const py::Scope* scope,
                                   int depth) const {
    const py::Grammar& g = m.grammar();
    n = m.unwrap(n);
    if (ts_node_is_null(n) || depth > 16) return std::nullopt;
    TSSymbol s = ts_node_symbol(n);
    if (s == g.integer) {
      py::Value v = m.evaluate(n, scope);
      if (v.kind == py::Value::Kind::Int) return v.integer;
      return std::nullopt;
    }
    if (s == g.identifier || s == g.attribute) {
      py::NameOrigin origin;
      std::string q = m.qualify(n, scope, &origin);
      if (origin == py::NameOrigin::Import || s == g.attribute) {
        auto it = stat_.find(q);
        if (it != stat_.end()) return it->second;
        return std::nullopt;
      }
      TSNode bound = m.single_value(n, scope);
      if (ts_node_is_null(bound)) return std::nullopt;
      return fold(m, bound, m.scope_of(bound), depth + 1);
    }
    if (s == g.unary_operator) {
      std::string_view op = m.text(ts_node_child_by_field_id(n, g.f_operator));
      TSNode arg = ts_node_child_by_field_id(n, g.f_expression);
      if (ts_node_is_null(arg)) arg = ts_node_named_child(n, 0);
      auto v = fold(m, arg, scope, depth + 1);
      if (!v) return std::nullopt;
      if (op == "~") return ~*v & 07777;
      if (op == "+") return v;
      return std::nullopt;
    }
    if (s == g.binary_operator) {
      auto a = fold(m, ts_node_child_by_field_id(n, g.f_left), scope, depth + 1);
      auto b = fold(m, ts_node_child_by_field_id(n, g.f_right), scope, depth + 1);
      if (!a || !b) return std::nullopt;
      std::string_view op = m.text(ts_node_child_by_field_id(n, g.f_operator));
      if (op == "|") return *a | *b;
      if (op == "+") return *a + *b;
      if (op == "&") return *a & *b;
      if (op == "^") return *a ^ *b;
      if (op == "-") return *a - *b;
      return std::nullopt;
    }
    return std::nullopt;
  }

  std::vector<std::string> path_then_mode_;
  std::vector<std::string> directory_calls_;
  std::vector<std::string> umask_calls_;
  std::map<std::string, std::int64_t> stat_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::PermissiveFilePermissions, "permissive-file-permissions")
