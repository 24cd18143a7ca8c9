#pragma once
// Data files compiled into the binary (see cmake/Embed.cmake).
#include <span>
#include <string_view>

namespace secreview::embedded {

struct File {
  std::string_view path;  // relative to the source tree, e.g. "data/cwe.tsv"
  std::string_view contents;
};

std::span<const File> files();

}  // namespace secreview::embedded
