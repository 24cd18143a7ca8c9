// tarfile-unsafe-extract: TarFile.extractall()/extract() and shutil.unpack_archive() without a
// safe filter= ("data" or "tar").
#include <algorithm>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

enum class Archive { Tar, Zip, Unknown };

class TarfileUnsafeExtract final : public Rule {
 public:
  explicit TarfileUnsafeExtract(const RuleMeta& meta)
      : tar_openers_(option_strings(meta, "tar_openers")),
        zip_openers_(option_strings(meta, "zip_openers")),
        safe_filters_(option_strings(meta, "safe_filters")),
        unsafe_filters_(option_strings(meta, "unsafe_filters")),
        unpack_calls_(option_strings(meta, "unpack_calls")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    const py::Grammar& g = m.grammar();
    bool unpack =
        (call.origin == py::NameOrigin::Import || call.origin == py::NameOrigin::Global) &&
        listed(unpack_calls_, call.name);
    Report r;
    std::string what;
    if (unpack) {
      if (zip_format(m, call)) return;
      what = "the archive (a tar file unless it is a .zip)";
      r.confidence = Confidence::Medium;
    } else {
      if (ts_node_symbol(call.callee) != g.attribute) return;
      TSNode receiver = ts_node_child_by_field_id(call.callee, g.f_object);
      Archive kind = archive_kind(m, receiver, call.scope);
      if (kind == Archive::Zip) return;
      if (kind == Archive::Unknown) {
        if (!likely_tar(m, receiver)) return;
        r.confidence = Confidence::Medium;
      }
      what =
          call.method == "extract" ? "a member of a tar archive" : "every member of a tar archive";
    }
    std::string detail;
    if (const py::Argument* f = call.keyword("filter")) {
      std::string value = filter_name(m, f->value, call.scope);
      if (listed(safe_filters_, value)) return;
      if (!listed(unsafe_filters_, value)) return;  // a custom filter function: trusted
      detail = "`filter=" + std::string(m.text(f->value)) +
               "` keeps every name and link as it is in the archive";
    } else {
      detail = "before Python 3.14 the default extracts members exactly as they are named";
    }
    if (const py::Argument* members = call.keyword("members")) {
      TSNode v = m.unwrap(members->value);
      TSSymbol s = ts_node_symbol(v);
      if (s == g.list && ts_node_named_child_count(v) == 0) return;  // extracts nothing
      if (s == g.call &&
          !m.text(ts_node_child_by_field_id(v, g.f_function)).ends_with("getmembers")) {
        r.confidence = Confidence::Low;
        detail += "; members= comes from `" + excerpt(m, v, 40) +
                  "`, which may filter the members: check that it rejects unsafe names";
      } else if (s == g.list_comprehension || s == g.generator_expression) {
        r.confidence = Confidence::Low;
        detail += "; members= is a comprehension that may filter the members";
      }
    }
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      detail += "; in test code";
    }
    r.issue = expand(
        ctx.meta().issue,
        {{"call", excerpt(m, call.node, 60)}, {"what", what}, {"detail", " (" + detail + ")"}});
    r.solution = expand(ctx.meta().solution, {{"fix", fixed(m, call)}});
    ctx.report(call.node, std::move(r));
  }

 private:
  static bool listed(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  }

  // "data", "fully_trusted", "tarfile.data_filter"... or "" when not known.
  static std::string filter_name(const py::Model& m, TSNode v, const py::Scope* scope) {
    py::Value c = m.evaluate(v, scope);
    if (c.is_str()) return c.str;
    TSNode n = m.unwrap(v);
    TSSymbol s = ts_node_symbol(n);
    if (s == m.grammar().identifier || s == m.grammar().attribute) {
      py::NameOrigin origin;
      std::string q = m.qualify(n, scope, &origin);
      if (origin == py::NameOrigin::Import) return q;
    }
    return {};
  }

  bool opener_of(const py::Model& m, TSNode value, const std::vector<std::string>& list) const {
    value = m.unwrap(value);
    if (ts_node_is_null(value) || ts_node_symbol(value) != m.grammar().call) return false;
    py::NameOrigin origin;
    std::string name = m.qualify(ts_node_child_by_field_id(value, m.grammar().f_function),
                                 m.scope_of(value), &origin);
    return origin == py::NameOrigin::Import && listed(list, name);
  }

  Archive kind_of_value(const py::Model& m, TSNode value) const {
    if (opener_of(m, value, tar_openers_)) return Archive::Tar;
    if (opener_of(m, value, zip_openers_)) return Archive::Zip;
    return Archive::Unknown;
  }

  // What the receiver of .extractall()/.extract() is: a direct opener call, a name bound once
  // to one, or the target of `with tarfile.open(...) as tar`.
  Archive archive_kind(const py::Model& m, TSNode receiver, const py::Scope* scope) const {
    const py::Grammar& g = m.grammar();
    receiver = m.unwrap(receiver);
    Archive direct = kind_of_value(m, receiver);
    if (direct != Archive::Unknown) return direct;
    if (ts_node_symbol(receiver) != g.identifier) return Archive::Unknown;
    TSNode bound = m.single_value(receiver, scope);
    if (!ts_node_is_null(bound)) return kind_of_value(m, bound);
    // `with tarfile.open(p) as tar:` in the same function (or module).
    std::string_view name = m.text(receiver);
    TSNode root = scope ? scope->node : m.root();
    Archive found = Archive::Unknown;
    TSTreeCursor c = ts_tree_cursor_new(root);
    for (;;) {
      TSNode n = ts_tree_cursor_current_node(&c);
      if (ts_node_symbol(n) == g.as_pattern) {
        TSNode alias = ts_node_child_by_field_id(n, g.f_alias);
        TSNode target = ts_node_named_child(alias, 0);
        if (!ts_node_is_null(target) && m.text(target) == name) {
          Archive k = kind_of_value(m, ts_node_named_child(n, 0));
          if (k != Archive::Unknown) found = k;
        }
      }
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
    return found;
  }

  // Unknown receiver: the file imports tarfile, and the receiver is named like a tar archive or
  // the file does not also use zipfile.
  static bool likely_tar(const py::Model& m, TSNode receiver) {
    bool tar = false;
    bool zip = false;
    for (const auto& i : m.imports()) {
      if (i.target == "tarfile" || i.target.starts_with("tarfile.")) tar = true;
      if (i.target == "zipfile" || i.target.starts_with("zipfile.")) zip = true;
    }
    if (!tar) return false;
    std::string name = to_lower(m.text(receiver));
    if (name.find("zip") != std::string::npos) return false;
    return !zip || name.find("tar") != std::string::npos;
  }

  // shutil.unpack_archive(..., format="zip") or a constant "*.zip" file name.
  static bool zip_format(const py::Model& m, const py::Call& call) {
    py::Value format = m.evaluate(call.argument(2, "format"), call.scope);
    if (format.is_str()) return format.str == "zip";
    py::Value file = m.evaluate(call.argument(0, "filename"), call.scope);
    return file.is_str() && to_lower(file.str).ends_with(".zip");
  }

  // The call with filter="data" added, when it is short and on one line.
  static std::string fixed(const py::Model& m, const py::Call& call) {
    std::string_view t = m.text(call.node);
    if (t.find('\n') != std::string_view::npos || t.size() > 100 || !t.ends_with(")") ||
        call.keyword("filter")) {
      return std::string(call.method) + "(..., filter=\"data\")";
    }
    std::string head(t.substr(0, t.size() - 1));
    bool empty = call.args.empty();
    return head + (empty ? "" : ", ") + "filter=\"data\")";
  }

  std::vector<std::string> tar_openers_;
  std::vector<std::string> zip_openers_;
  std::vector<std::string> safe_filters_;
  std::vector<std::string> unsafe_filters_;
  std::vector<std::string> unpack_calls_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::TarfileUnsafeExtract, "tarfile-unsafe-extract")
