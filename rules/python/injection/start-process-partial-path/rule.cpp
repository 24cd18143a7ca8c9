// start-process-partial-path: a constant program given by a bare or relative name.
#include <algorithm>

#include "engine/rule.hpp"
#include "rules/python/injection/common.hpp"

namespace secreview::rules {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// "/bin/ls", "\\server\tool", "C:\tools\x.exe", "./run.sh", "~/bin/tool": not searched for.
bool explicit_location(std::string_view p) {
  if (p.empty()) return true;
  char c = p[0];
  if (c == '/' || c == '\\' || c == '.' || c == '~') return true;
  return p.size() >= 2 && p[1] == ':' && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
}

class StartProcessPartialPath final : public Rule {
 public:
  explicit StartProcessPartialPath(const RuleMeta& meta)
      : argv_calls_(option_strings(meta, "argv_calls")),
        shell_calls_(option_strings(meta, "shell_calls")),
        program_second_(option_strings(meta, "program_second")),
        path_search_(option_strings(meta, "path_search")),
        builtins_(option_strings(meta, "shell_builtins")),
        reserved_(option_strings(meta, "shell_reserved")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    bool search = contains(path_search_, call.name);
    std::string program;
    if (contains(argv_calls_, call.name)) {
      search = true;
      bool shell = false;
      if (const py::Argument* s = call.keyword("shell")) {
        shell = m.evaluate(s->value, call.scope).truthy() == true;
      }
      if (const py::Argument* exe = call.keyword("executable")) {
        program = constant(m, exe->value, call.scope);
      } else {
        ScopedNode p = argv_program(m, call.argument(0, "args"), call.scope);
        if (ts_node_is_null(p.node)) return;
        if (shell) {
          program = shell_program(command_template(m, p.node, p.scope));
        } else if (p.from_list) {
          program = constant(m, p.node, p.scope);
        } else {
          program = first_word(command_template(m, p.node, p.scope));
        }
      }
    } else if (contains(shell_calls_, call.name)) {
      search = true;
      TSNode cmd = call.argument(0, "cmd");
      if (ts_node_is_null(cmd)) cmd = call.argument(0, "command");
      if (ts_node_is_null(cmd)) return;
      ScopedNode p = argv_program(m, cmd, call.scope);
      if (ts_node_is_null(p.node)) return;
      program = shell_program(command_template(m, p.node, p.scope));
    } else {
      std::size_t pos = contains(program_second_, call.name) ? 1 : 0;
      TSNode arg = call.argument(pos, "path");
      if (ts_node_is_null(arg)) arg = call.argument(pos, "file");
      if (ts_node_is_null(arg)) arg = call.argument(pos, "program");
      program = constant(m, arg, call.scope);
    }
    if (program.empty() || explicit_location(program)) return;
    bool relative =
        program.find('/') != std::string::npos || program.find('\\') != std::string::npos;
    std::string lookup =
        search && !relative
            ? "it is looked up in the directories of PATH, so whoever can write to one of them "
              "(or set PATH) supplies the program"
            : "it is resolved against the current working directory, so whoever controls that "
              "directory supplies the program";
    std::string base = program.substr(program.find_last_of("/\\") + 1);
    Report r;
    r.issue =
        expand(ctx.meta().issue, {{"name", call.name}, {"program", program}, {"lookup", lookup}});
    r.solution = expand(ctx.meta().solution, {{"base", base}});
    ctx.report(call.node, std::move(r));
  }

 private:
  static std::string constant(const py::Model& m, TSNode e, const py::Scope* scope) {
    if (ts_node_is_null(e)) return {};
    py::Value v = m.evaluate(e, scope);
    return v.is_str() ? v.str : std::string();
  }

  // The first word of a command string run without a shell, when the code fixes it.
  static std::string first_word(const std::string& t) {
    std::size_t start = t.find_first_not_of(" \t");
    if (start == std::string::npos) return {};
    std::size_t end = t.find_first_of(" \t", start);
    std::string w = t.substr(start, end == std::string::npos ? std::string::npos : end - start);
    return w.find(kHole) == std::string::npos ? w : std::string();
  }

  // The first program of a shell command line that the shell looks up by name. Stops at a
  // program the code does not fix ($VAR, an interpolated value).
  std::string shell_program(const std::string& line) const {
    for (const ShellCommand& cmd : shell_commands(line)) {
      std::size_t i = 0;
      while (i < cmd.size() &&
             (shell_assignment(cmd[i].text) || contains(reserved_, cmd[i].text))) {
        ++i;
      }
      if (i == cmd.size()) continue;
      const std::string& w = cmd[i].text;
      if (w.find(kHole) != std::string::npos || w.find('$') != std::string::npos) return {};
      if (contains(builtins_, w) || explicit_location(w)) continue;
      return w;
    }
    return {};
  }

  std::vector<std::string> argv_calls_;
  std::vector<std::string> shell_calls_;
  std::vector<std::string> program_second_;
  std::vector<std::string> path_search_;
  std::vector<std::string> builtins_;
  std::vector<std::string> reserved_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::StartProcessPartialPath, "start-process-partial-path")
