#pragma once
// Taint across modules. The first pass analyses every file alone and notes its calls to imported
// functions (FileResult::module_calls). A file whose analysis could change with what those
// functions do is analysed again with a Project, which finds each function's module on disk,
// analyses it (on demand, bottom-up, cycles cut off) and hands back its summary. The second
// pass runs files one by one in path order, so its results never depend on thread scheduling.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "taint/analysis.hpp"

namespace secreview::taint {

struct ImportTarget {
  std::string path;      // the module's file
  std::string function;  // the top-level function's name in it
};

// Where an imported function lives. `qualified` is the name as the importer's imports spell it:
// relative (".helpers.run", "..pkg.util.f") resolves from the importer's directory; absolute
// ("pkg.helpers.run") from the closest ancestor directory of the importer that holds
// pkg/helpers.py or pkg/helpers/__init__.py (a project's root on sys.path). Nothing is found
// above a directory holding .git, or more than 8 levels up.
std::optional<ImportTarget> resolve_import(const std::string& importer,
                                           const std::string& qualified);

class Project final : public Modules {
 public:
  explicit Project(std::uint64_t max_file_size) : max_file_size_(max_file_size) {}

  const ExternalSummary* function(const std::string& importer,
                                  const std::string& qualified) override;

  // Whether summaries can change the analysis of a file that made `calls`: some callee returns
  // client data, or gets tainted arguments and passes a parameter on to a sink or its result.
  bool matters(const std::string& importer, const std::vector<ImportedCall>& calls);

 private:
  struct Module {
    bool done = false;
    std::map<std::string, ExternalSummary> functions;
  };
  const Module* module(const std::string& path);

  std::uint64_t max_file_size_;
  std::map<std::string, Module> modules_;
  std::map<std::pair<std::string, std::string>, std::optional<ImportTarget>> resolved_;
  int depth_ = 0;
};

}  // namespace secreview::taint
