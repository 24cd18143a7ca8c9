#pragma once
// Small text utilities shared by every layer.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secreview {

std::vector<std::string_view> split(std::string_view s, char sep);
std::string_view trim(std::string_view s);
bool starts_with_icase(std::string_view s, std::string_view prefix);
bool contains_icase(std::string_view haystack, std::string_view needle);
std::string to_lower(std::string_view s);
// The lower-case words of an identifier or text, split at non-alphanumerics and camelCase:
// "dbPassword" -> {"db", "password"}; "DB_PASS" -> {"db", "pass"}; "tmp-dir2" -> {"tmp", "dir2"}.
std::vector<std::string> identifier_words(std::string_view s);

// Backslash escapes shared by Python literals and git's quoted paths. The character a
// one-letter escape stands for: `n` -> '\n', also a b f r t v, backslash and both quotes; 0 for
// any other letter.
char simple_escape(char e);
// The value of an octal escape: s[i] is its first digit; reads up to two more and leaves `i` on
// the last digit read.
unsigned read_octal_escape(std::string_view s, std::size_t& i);

// Calls fn(line) for each line of text, without the line terminator (\n, \r\n or \r).
template <typename Fn>
void for_each_line(std::string_view text, Fn&& fn) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && text[j] != '\n' && text[j] != '\r') ++j;
    fn(text.substr(i, j - i));
    if (j < text.size() && text[j] == '\r' && j + 1 < text.size() && text[j + 1] == '\n') ++j;
    i = j + 1;
  }
}

// Number of Unicode code points in a UTF-8 byte range (invalid bytes count one each).
std::size_t utf8_length(std::string_view s);
// The bytes the first `chars` code points of `s` take (invalid bytes count as one each, as in
// utf8_length).
std::size_t utf8_prefix_bytes(std::string_view s, std::size_t chars);
// Replaces invalid UTF-8 sequences with U+FFFD so the text is safe to embed in JSON.
std::string utf8_sanitize(std::string_view s);
// Makes text safe to print on a terminal: control characters (including ESC) become \xNN,
// invalid UTF-8 becomes U+FFFD.
std::string terminal_safe(std::string_view s);

// 64-bit FNV-1a, for fingerprints that must be stable across platforms and versions.
std::uint64_t fnv1a64(std::string_view s, std::uint64_t seed = 0xcbf29ce484222325ULL);

}  // namespace secreview
