// subprocess-untrusted-program: a process started without a shell whose program is not fixed.
#include <algorithm>

#include "engine/rule.hpp"
#include "rules/python/injection/common.hpp"

namespace secreview::rules {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

class SubprocessUntrustedProgram final : public Rule {
 public:
  explicit SubprocessUntrustedProgram(const RuleMeta& meta)
      : argv_calls_(option_strings(meta, "argv_calls")),
        program_second_(option_strings(meta, "program_second")),
        trusted_(option_strings(meta, "trusted_programs")),
        lookups_(option_strings(meta, "trusted_lookups")),
        sources_(option_strings(meta, "untrusted_sources")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    TSNode program{};  // the expression to cite
    const py::Scope* scope = call.scope;
    if (contains(argv_calls_, call.name)) {
      if (const py::Argument* shell = call.keyword("shell")) {
        // shell=True or an expression: the subprocess-shell-true rule reports those.
        if (m.evaluate(shell->value, call.scope).truthy() != false) return;
      }
      if (const py::Argument* exe = call.keyword("executable")) {
        if (trusted(m, exe->value, call.scope)) return;
        program = exe->value;
      } else {
        TSNode argv = call.argument(0, "args");
        if (ts_node_is_null(argv)) return;
        ScopedNode p = argv_program(m, argv, call.scope);
        if (ts_node_is_null(p.node)) return;  // an empty list
        if (p.from_list) {
          if (trusted(m, p.node, p.scope)) return;
        } else if (fixed_first_word(m, p) || trusted(m, p.node, p.scope)) {
          return;
        }
        program = p.node;
        scope = p.scope;
      }
    } else {
      std::size_t pos = contains(program_second_, call.name) ? 1 : 0;
      if (call.has_splat() && !call.positional(pos)) return;
      program = call.argument(pos, "path");
      if (ts_node_is_null(program)) program = call.argument(pos, "file");
      if (ts_node_is_null(program) && call.name == "asyncio.create_subprocess_exec") {
        program = call.argument(0, "program");
      }
      if (ts_node_is_null(program) || trusted(m, program, call.scope)) return;
    }
    Report r;
    bool opens = call.name == "os.startfile";  // opens a file with its associated program
    r.issue = expand(ctx.meta().issue,
                     {{"name", call.name},
                      {"action", opens ? "opens" : "starts the program"},
                      {"program", excerpt(m, program)},
                      {"what", opens ? "which file is opened or run (an executable runs as it is)"
                                     : "which executable runs"}});
    std::string source = reads_source(m, program, scope, sources_);
    if (!source.empty()) {
      r.confidence = Confidence::High;
      r.issue += " (the program is read from `" + source + "`)";
    }
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  // A fixed value, a trusted name (sys.executable) or a lookup of a constant (shutil.which("git")).
  bool trusted(const py::Model& m, TSNode e, const py::Scope* scope) const {
    if (fixed_text(m, e, scope)) return true;
    e = m.unwrap(e);
    const py::Grammar& g = m.grammar();
    if (ts_node_symbol(e) == g.identifier) {
      TSNode bound = m.single_value(e, scope);
      if (!ts_node_is_null(bound)) return trusted(m, bound, m.scope_of(bound));
    }
    if (ts_node_symbol(e) == g.subscript) {
      // TOOLS[name] with TOOLS a constant table: the program is one of its values.
      TSNode table = m.unwrap(ts_node_child_by_field_id(e, g.f_value));
      TSNode bound = m.single_value(table, scope);
      if (ts_node_is_null(bound)) return false;
      bound = m.unwrap(bound);
      TSSymbol bs = ts_node_symbol(bound);
      if (bs != g.dictionary && bs != g.list && bs != g.tuple) return false;
      return fixed_text(m, bound, m.scope_of(bound));
    }
    std::string q = m.qualify(e, scope);
    if (!q.empty() && contains(trusted_, q)) return true;
    if (ts_node_symbol(e) == g.call) {
      std::string callee = m.qualify(ts_node_child_by_field_id(e, g.f_function), scope);
      if (contains(lookups_, callee)) {
        TSNode args = ts_node_child_by_field_id(e, g.f_arguments);
        return ts_node_named_child_count(args) > 0 &&
               fixed_text(m, ts_node_named_child(args, 0), scope);
      }
    }
    return false;
  }

  // A command string whose first word (the program) is written in the code: "git " + ref.
  static bool fixed_first_word(const py::Model& m, const ScopedNode& p) {
    std::string t = command_template(m, p.node, p.scope);
    std::size_t start = t.find_first_not_of(" \t");
    if (start == std::string::npos) return false;
    std::size_t end = t.find_first_of(" \t", start);
    std::string_view first = std::string_view(t).substr(start, end - start);
    // The word must not reach into a hole: "ls " + x fixes the program, "ls" + x does not.
    return first.find(kHole) == std::string_view::npos;
  }

  std::vector<std::string> argv_calls_;
  std::vector<std::string> program_second_;
  std::vector<std::string> trusted_;
  std::vector<std::string> lookups_;
  std::vector<std::string> sources_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SubprocessUntrustedProgram, "subprocess-untrusted-program")
