#pragma once
// The taint catalog: sources, sinks, sanitizers and flow helpers, read from the data files under
// data/taint/ (one per framework or library, embedded in the binary). The analysis knows no API
// by name; everything it matches comes from here. Format: docs/taint.md.
//
// Call patterns follow the rule convention: "subprocess.run" matches a call whose resolved
// qualified name is exactly that (the head bound by an import, or a builtin); ".execute" matches
// a method of that name on a value (not a module function: `re.search` is not `.search`).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace secreview::taint {

struct Source {
  enum class Kind : std::uint8_t {
    Object,     // an imported object whose every read is client data (flask.request, sys.argv)
    Call,       // a call returning client data (input())
    Route,      // every parameter of a function with one of `decorators`
    Parameter,  // a parameter with one of `names` or annotated with one of `types`
  };
  Kind kind = Kind::Object;
  std::vector<std::string> names;            // Object, Call, Parameter
  std::vector<std::string> types;            // Parameter annotations ("HttpRequest")
  std::vector<std::string> decorators;       // Route: ".route", ".get"
  std::vector<std::string> injected;         // Route: defaults that are not client data
  std::vector<std::string> safe_attributes;  // Object/Parameter: attributes not client-chosen
  std::string what;                          // for messages: "the Flask request"
};

struct Sink {
  int cwe = 0;
  std::vector<std::string> calls;     // call patterns; empty for a store sink
  std::vector<int> args;              // dangerous positional arguments (0-based)
  std::vector<std::string> keywords;  // the same arguments passed by keyword
  bool receiver = false;              // the receiver of a method is dangerous (`tmpl.format`)
  std::string when;                   // a keyword that must be truthy (`shell`)
  std::vector<std::pair<std::string, std::string>> unless;  // keyword = qualified name: safe
  std::vector<std::string> receiver_contains;  // the receiver text must contain one (any case)
  std::vector<std::string> stores;      // `X[k] = value` sinks: X's qualified name or ".attr"
  std::vector<std::string> returns_of;  // the return value of functions decorated with these
  std::vector<std::string> keys;        // stores: the subscript must be one of these constants
  std::string what;                     // "a shell command"
  std::string file;                     // the data file, for messages
};

struct Sanitizer {
  std::vector<std::string> calls;
  std::vector<int> cwes;  // empty: every CWE
};

struct Catalog {
  std::vector<Source> sources;
  std::vector<Sink> sinks;
  std::vector<Sanitizer> sanitizers;
  std::vector<std::string> mutators;       // method names: `xs.append(v)` taints xs
  std::vector<std::string> terminators;    // call patterns that never return
  std::vector<std::string> validators;     // call patterns whose truth makes the value safe
  std::vector<std::string> normalizers;    // call patterns resolving a path
  std::vector<std::string> prefix_checks;  // call patterns: prefix guard on a normalised path
  std::vector<std::string> url_parsers;    // urlparse
  std::vector<std::string> url_parts;      // netloc, hostname
  std::vector<int> cwes;                   // every sink CWE, sorted: bit i is cwes[i]

  // The bit of a CWE in a taint mask (0 when the catalog has no sink for it).
  std::uint32_t bit(int cwe) const;
  std::uint32_t all_bits() const;
  // Words a module must contain for one of its functions to return client data: the modules
  // of source objects (`flask` for flask.request) and the names of source calls (`input(`,
  // `stdin`).
  std::vector<std::string> source_words() const;

  // Parses (path, contents) pairs of TOML files. Throws std::runtime_error naming the file.
  static Catalog parse(const std::vector<std::pair<std::string, std::string>>& files);
  // The catalog built from the embedded data/taint/*.toml.
  static const Catalog& builtin();
};

}  // namespace secreview::taint
