#include "core/digest.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace secreview {

Digest sha256(std::string_view data) {
  Digest d{};
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), d.data(), &len, EVP_sha256(), nullptr) != 1 ||
      len != d.size()) {
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  }
  return d;
}

std::string to_hex(const Digest& d, std::size_t bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * bytes);
  for (std::size_t i = 0; i < bytes && i < d.size(); ++i) {
    out.push_back(kHex[d[i] >> 4]);
    out.push_back(kHex[d[i] & 15]);
  }
  return out;
}

}  // namespace secreview
