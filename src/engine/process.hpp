#pragma once
// Runs an external program (git) without a shell: arguments are passed as they are, so a
// revision or path can never be interpreted as shell syntax.
#include <string>
#include <vector>

namespace secreview {

struct ProcessResult {
  int exit_code = -1;  // -1 when the program could not be started
  std::string out;
  std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd = "");

}  // namespace secreview
