#pragma once
// The CWE catalog (MITRE CWE 4.14, view 1000): id, name and CWE-1000 pillar of each weakness.
// Loaded from data/cwe.tsv, which tools/gen-cwe-data derives from MITRE's catalog.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace secreview {

struct CweEntry {
  int id = 0;
  std::string name;
  int pillar = 0;
};

class CweCatalog {
 public:
  // Parses the TSV text (header row "id\tname\tpillar", '#' comments). Throws on malformed rows.
  static CweCatalog parse(std::string_view tsv);
  // The catalog compiled into the binary.
  static const CweCatalog& builtin();

  const CweEntry* find(int id) const;
  // Name of the entry, or "Unknown CWE" when the id is not in the catalog.
  std::string_view name(int id) const;
  // The pillar of a weakness (a pillar is its own pillar); 0 when unknown.
  int pillar(int id) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::unordered_map<int, CweEntry> entries_;
};

}  // namespace secreview
