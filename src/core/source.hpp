#pragma once
// A source file held in memory, with the line index needed to turn byte offsets into
// line/column positions that editors agree with.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace secreview {

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::size_t line_count() const { return line_starts_.size(); }

  // Text of a 1-based line, without its terminator; empty when out of range.
  std::string_view line(std::uint32_t line) const;
  // 1-based line and code-point column of a 0-based row and byte column (tree-sitter's points).
  Position position(std::uint32_t row, std::uint32_t byte_column) const;
  // The inverse: the byte column of a position's code-point column on its line.
  std::uint32_t byte_column(Position at) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;  // byte offset of each line
};

// Reads a regular file of at most `max_size` bytes into `text` (without following it past that
// size if it grows while being read). Returns why it could not ("cannot open: ...", "not a
// regular file", "skipped: N bytes exceeds --max-file-size (M bytes)", ...), empty on success.
std::string read_source_file(const std::string& path, std::uint64_t max_size, std::string& text);

}  // namespace secreview
