// SHA-256 in lower-case hex, as sha256sum prints it (libsodium).
#pragma once

#include <sodium.h>
#include <string>
#include <string_view>

namespace imi::archive {

inline std::string sha256_hex(std::string_view bytes)
{
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char b : digest) {
    hex += digits[b >> 4];
    hex += digits[b & 15];
  }
  return hex;
}

} // namespace imi::archive
