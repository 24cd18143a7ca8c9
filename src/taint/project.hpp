#pragma once
// Taint across modules. The first pass analyses every file alone and notes its calls to imported
// functions (FileResult::module_calls). A file whose analysis could change with what those
// functions do is analysed again with a FileModules view of the Project, which finds each
// function's module on disk, analyses it once and hands back its summary. A module the first
// pass already analysed (a reviewed file with a taint rule's trigger) is seeded with the
// summaries that pass exported instead of being read and parsed again.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/digest.hpp"
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

// A module the cross-module pass of a file consulted: the name the file calls it by, the file it
// resolved to ("" when none) and the digest of that file's text. A cached result of the pass
// holds while every dependency it recorded still resolves and reads the same.
struct ModuleDependency {
  std::string qualified;
  std::string path;
  Digest text{};
  bool operator==(const ModuleDependency&) const = default;
};

// The modules of a review, shared by every worker of the cross-module pass (thread-safe). A
// module is analysed at most once, on its own: its functions' summaries see into the functions of
// its own file, not into further modules (A -> B is followed, A -> B -> C is not), so a summary
// depends only on the module's text and the pass gives the same result on any number of threads.
class Project {
 public:
  explicit Project(std::uint64_t max_file_size) : max_file_size_(max_file_size) {}

  // The summary of the imported function `qualified` called from `importer`; null when its
  // module is not found or the function passes nothing on.
  const ExternalSummary* function(const std::string& importer, const std::string& qualified);
  // False when no function of that module can return client data (its text has no source word).
  bool may_return_source(const std::string& importer, const std::string& qualified);
  // Whether summaries can change the analysis of a file that made `calls`: some callee returns
  // client data, or gets tainted arguments and passes a parameter on to a sink or its result.
  bool matters(const std::string& importer, const std::vector<ImportedCall>& calls);

  // Where `qualified`, called from `importer`, leads, and the digest of that module's text as
  // this review read it (all zero if it read two different texts).
  ModuleDependency dependency(const std::string& importer, const std::string& qualified);

  // The summaries of a reviewed file, as its first pass computed them: the same as analysing it
  // here, without reading and parsing it again. Call before the pass starts (not thread-safe).
  void seed(const std::string& path, std::shared_ptr<const ModuleExports> exports);
  // How many modules were read and analysed from disk (not seeded).
  std::size_t analysed() const { return analysed_; }

 private:
  const ModuleExports& module(const std::string& path);
  std::optional<ImportTarget> target(const std::string& importer, const std::string& qualified);
  std::string read(const std::string& path);
  bool mentions_sources(const std::string& path);

  std::uint64_t max_file_size_;
  std::mutex mutex_;  // guards the maps; analyses run outside it
  std::map<std::string, std::shared_ptr<const ModuleExports>> modules_;
  std::size_t analysed_ = 0;
  std::map<std::pair<std::string, std::string>, std::optional<ImportTarget>> resolved_;
  std::map<std::string, bool> mentions_;
  std::map<std::string, Digest> digests_;  // of every module read, by path
  std::set<std::string> unstable_;         // modules read twice with different texts
};

// What the taint analysis of one file sees of the project: the summaries of the functions it
// imports, for the calls the file's first, single-file pass found worth following.
class FileModules final : public Modules {
 public:
  FileModules(Project& project, const std::vector<ImportedCall>& first_pass);
  const ExternalSummary* function(const std::string& importer,
                                  const std::string& qualified) override {
    asked_.push_back(qualified);
    return project_.function(importer, qualified);
  }
  bool may_return_source(const std::string& importer, const std::string& qualified) override {
    asked_.push_back(qualified);
    return project_.may_return_source(importer, qualified);
  }
  bool passes_client_data(const std::string& importer, const std::string& qualified) override;

  // Every name the analysis asked the project about (sorted, unique).
  std::vector<std::string> asked() const;

 private:
  Project& project_;
  std::vector<std::string> reached_;  // called with parameter data client data reaches, sorted
  std::vector<std::string> asked_;
};

}  // namespace secreview::taint
