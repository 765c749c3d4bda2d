// argon2id password hashing (libsodium). The cost profile comes from config
// key security.hash_profile ("interactive", "moderate", or "min" for tests).
#pragma once

#include <string>

namespace imi {

struct HashProfile {
  unsigned long long opslimit;
  size_t memlimit;
};
// Throws UsageError for an unknown profile name.
HashProfile hash_profile(const std::string& name);

std::string hash_password(const std::string& password, const HashProfile& profile);
bool verify_password(const std::string& hash, const std::string& password);

// A random temporary password: 16 characters from an unambiguous alphabet.
std::string generate_temporary_password();

} // namespace imi
