#pragma once
// Python string literals as the interpreter reads them, shared by the rules that look inside
// commands, queries and regular expressions.
#include <cctype>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace secreview::rules {

// Appends code point `cp` encoded as UTF-8 (U+FFFD for values outside Unicode).
inline void append_utf8(std::string& out, unsigned long cp) {
  if (cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Python's escape processing for a non-raw literal (unknown escapes such as \d are kept).
inline std::string decode_python_escapes(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char e = s[++i];
    auto hex = [&](std::size_t count) {
      unsigned long v = 0;
      std::size_t k = 0;
      for (; k < count && i + 1 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1]));
           ++k) {
        char h = s[++i];
        v = v * 16 + static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(h)) != 0
                                                    ? h - '0'
                                                    : (h | 0x20) - 'a' + 10);
      }
      return v;
    };
    auto put = [&](unsigned long cp) { append_utf8(out, cp); };
    if (char c = simple_escape(e)) {
      out += c;
      continue;
    }
    switch (e) {
      case '\n':  // a backslash before a newline continues the line
        break;
      case 'x':
        put(hex(2));
        break;
      case 'u':
        put(hex(4));
        break;
      case 'U':
        put(hex(8));
        break;
      default:
        if (e >= '0' && e <= '7') {
          put(read_octal_escape(s, i));
        } else {
          out += '\\';
          out += e;
        }
    }
  }
  return out;
}

}  // namespace secreview::rules
