// pycrypto-unmaintained: imports of the `Crypto` package (PyCrypto). One finding per file, at
// the first import statement, citing the others; confidence low unless a PyCrypto-only module
// is imported, since PyCryptodome installs the same package name.
#include <algorithm>
#include <string>
#include <vector>

#include "engine/rule.hpp"

namespace secreview::rules {
namespace {

class PycryptoUnmaintained final : public Rule {
 public:
  explicit PycryptoUnmaintained(const RuleMeta& meta)
      : package_(meta.options["package"].value_or(std::string("Crypto"))),
        only_(option_strings(meta, "pycrypto_only")) {}

  void check_module(const py::Model& m, Context& ctx) const override {
    std::vector<TSNode> statements;
    std::string only_module;
    for (const py::Import& i : m.imports()) {
      if (i.target != package_ && !i.target.starts_with(package_ + ".")) continue;
      TSNode stmt = ts_node_parent(i.node);
      if (ts_node_is_null(stmt)) continue;
      if (std::none_of(statements.begin(), statements.end(),
                       [&](TSNode s) { return ts_node_eq(s, stmt); })) {
        statements.push_back(stmt);
      }
      if (only_module.empty()) {
        for (const auto& o : only_) {
          if (i.target == o || i.target.starts_with(o + ".")) only_module = o;
        }
      }
    }
    if (statements.empty()) return;
    Report r;
    std::string detail;
    if (!only_module.empty()) {
      r.confidence = Confidence::Medium;
      r.severity = Severity::High;
      detail = "; `" + only_module + "` exists only in PyCrypto, so that is the package in use";
    } else {
      detail =
          ". PyCryptodome installs the same `Crypto` package, so this is reported with low "
          "confidence: check which of the two the requirements name";
    }
    if (statements.size() > 1) {
      detail += " (also imported on line";
      detail += statements.size() > 2 ? "s " : " ";
      for (std::size_t k = 1; k < statements.size(); ++k) {
        if (k > 1) detail += k + 1 == statements.size() ? " and " : ", ";
        detail += std::to_string(m.start(statements[k]).line);
        r.related.push_back(statements[k]);
      }
      detail += ")";
    }
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      detail += " (in test code)";
    }
    r.issue = expand(ctx.meta().issue,
                     {{"stmt", excerpt(m, statements.front(), 60)}, {"detail", detail}});
    ctx.report(statements.front(), std::move(r));
  }

 private:
  std::string package_;
  std::vector<std::string> only_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::PycryptoUnmaintained, "pycrypto-unmaintained")
