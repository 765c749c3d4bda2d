#include "users/password_hash.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"

#include <sodium.h>

namespace imi {

HashProfile hash_profile(const std::string& name)
{
  if (name == "interactive") return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
  if (name == "moderate") return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
  if (name == "min") return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
  throw UsageError(_f("security.hash_profile must be interactive, moderate or min, not '{}'", name));
}

std::string hash_password(const std::string& password, const HashProfile& profile)
{
  if (sodium_init() < 0) throw FailureError(_("libsodium could not be initialised"));
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), profile.opslimit, profile.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw FailureError(_("out of memory while hashing a password"));
  return out;
}

bool verify_password(const std::string& hash, const std::string& password)
{
  if (sodium_init() < 0) throw FailureError(_("libsodium could not be initialised"));
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string generate_temporary_password()
{
  if (sodium_init() < 0) throw FailureError(_("libsodium could not be initialised"));
  // No 0/O, 1/l/I: the password is typed from a mail.
  static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 16; ++i)
    out += alphabet[randombytes_uniform(sizeof alphabet - 1)];
  return out;
}

} // namespace imi
