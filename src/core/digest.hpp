#pragma once
// SHA-256 (OpenSSL's libcrypto), for keys that must change whenever the content does: the result
// cache identifies a file's text, and the modules a cached result depends on, by their digest.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace secreview {

using Digest = std::array<unsigned char, 32>;

Digest sha256(std::string_view data);
// Lower-case hex of the first `bytes` bytes of `d`.
std::string to_hex(const Digest& d, std::size_t bytes = 32);

}  // namespace secreview
