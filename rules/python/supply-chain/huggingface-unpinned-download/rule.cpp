// huggingface-unpinned-download: Hub downloads (from_pretrained, hf_hub_download,
// snapshot_download, load_dataset, pipeline) whose revision= is not a commit hash.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

struct RepoArg {
  std::string function;
  std::size_t position = 0;
  std::string keyword;
};

class HuggingfaceUnpinnedDownload final : public Rule {
 public:
  explicit HuggingfaceUnpinnedDownload(const RuleMeta& meta)
      : packages_(option_strings(meta, "hub_packages")),
        local_builders_(option_strings(meta, "local_builders")),
        min_commit_(meta.options["min_commit_length"].value_or(std::int64_t{7})) {
    for (const auto& spec : option_strings(meta, "repo_arguments")) {
      auto eq = spec.find('=');
      auto colon = spec.find(':', eq);
      if (eq == std::string::npos || colon == std::string::npos) continue;
      RepoArg a;
      a.function = spec.substr(0, eq);
      a.position = static_cast<std::size_t>(std::stoul(spec.substr(eq + 1, colon - eq - 1)));
      a.keyword = spec.substr(colon + 1);
      repo_args_.push_back(std::move(a));
    }
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    if (call.origin != py::NameOrigin::Import) return;
    std::string head = call.name.substr(0, call.name.find('.'));
    if (std::find(packages_.begin(), packages_.end(), head) == packages_.end()) return;
    // The function as defined (`fetch` may be hf_hub_download imported under another name).
    std::string_view function = call.name;
    function.remove_prefix(function.rfind('.') + 1);
    const RepoArg* spec = nullptr;
    for (const auto& a : repo_args_) {
      if (a.function == function) spec = &a;
    }
    if (!spec) return;
    if (const py::Argument* local = call.keyword("local_files_only")) {
      if (m.evaluate(local->value, call.scope).truthy() == true) return;
    }
    Report r;
    std::string detail;
    // The revision: a commit hash is pinned; a name that is not a constant may be one.
    std::string revision;
    if (const py::Argument* rev = call.keyword("revision")) {
      py::Value v = m.evaluate(rev->value, call.scope);
      if (!v.is_str()) return;  // from configuration: cannot tell
      if (is_commit(v.str)) return;
      revision = "`revision=\"" + v.str + "\"`, a branch or tag name";
    } else {
      revision = "the repository's default branch (no `revision=`)";
    }
    // The repository: a local directory downloads nothing.
    TSNode repo = call.argument(spec->position, spec->keyword);
    // No repository argument: pipeline() then uses transformers' own pinned default model;
    // elsewhere it comes through **kwargs, which cannot be checked.
    if (ts_node_is_null(repo)) return;
    std::string repo_text;
    py::Value rv = m.evaluate(repo, call.scope);
    if (rv.is_str()) {
      if (is_local_path(rv.str)) return;
      if ((function == "load_dataset" || function == "load_dataset_builder") &&
          std::find(local_builders_.begin(), local_builders_.end(), rv.str) !=
              local_builders_.end()) {
        return;
      }
      repo_text = "`" + rv.str + "`";
    } else {
      repo_text = "the repository named by `" + excerpt(m, repo, 40) + "`";
      r.confidence = Confidence::Medium;
      detail += " (if that is a local directory, nothing is downloaded)";
    }
    if (const py::Argument* trc = call.keyword("trust_remote_code")) {
      if (m.evaluate(trc->value, call.scope).truthy() == true) {
        r.severity = Severity::High;
        detail += "; with `trust_remote_code=True` that includes Python code this process runs";
      }
    }
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      detail += " (in test code)";
    }
    r.issue = expand(ctx.meta().issue, {{"call", excerpt(m, call.node, 60)},
                                        {"repo", repo_text},
                                        {"revision", revision},
                                        {"detail", detail}});
    r.solution = expand(ctx.meta().solution, {{"fix", fixed(m, call, function)}});
    ctx.report(call.node, std::move(r));
  }

 private:
  bool is_commit(std::string_view s) const {
    if (s.size() < static_cast<std::size_t>(min_commit_) || s.size() > 40) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
  }

  static bool is_local_path(std::string_view s) {
    return s.starts_with("./") || s.starts_with("../") || s.starts_with("/") ||
           s.starts_with("~") || s == "." ||
           (s.size() > 2 && s[1] == ':' && (s[2] == '\\' || s[2] == '/'));
  }

  // The call with the revision pinned, when it is short, on one line and has no revision= yet.
  static std::string fixed(const py::Model& m, const py::Call& call, std::string_view function) {
    std::string_view t = m.text(call.node);
    if (t.find('\n') == std::string_view::npos && t.size() <= 100 && t.ends_with(")") &&
        !call.keyword("revision")) {
      return std::string(t.substr(0, t.size() - 1)) + ", revision=\"<commit hash>\")";
    }
    return std::string(function) + "(..., revision=\"<commit hash>\")";
  }

  std::vector<std::string> packages_;
  std::vector<std::string> local_builders_;
  std::int64_t min_commit_;
  std::vector<RepoArg> repo_args_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::HuggingfaceUnpinnedDownload, "huggingface-unpinned-download")
