// The 12-character security code (guide H2.1). Every login asks for three
// of its characters, so it cannot be hashed like a password: it is encrypted
// (libsodium secretbox, XSalsa20-Poly1305) under a 32-byte key kept in a file
// outside the database, mode 0600. A copy of the database alone reveals
// nothing; the column holds nonce || ciphertext.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace imi {

class Session;

// Creates the key file with fresh random bytes and mode 0600 unless it
// exists; refuses (FailureError) a symbolic link at the path (dangling or
// not), an existing file of the wrong size or one readable by group or others.
void ensure_key_file(const std::string& path);

// Config key security.key_file when set, else the database's real path (every
// link resolved) + ".key", so each spelling of the path finds the same key.
std::string security_key_path(const Session& session);

using SecretKey = std::array<unsigned char, 32>;
// Reads the key; a missing file is NotFoundError naming the path.
SecretKey load_key_file(const std::string& path);

std::vector<unsigned char> seal_security_code(const SecretKey& key, std::string_view code);
// Throws FailureError when the blob does not open with this key (wrong or
// replaced key file, tampered column).
std::string open_security_code(const SecretKey& key, const std::vector<unsigned char>& sealed);

// Three distinct positions, 1-based, ascending, chosen uniformly at random.
std::array<int, 3> pick_code_positions();
// "1, 5 and 11"
std::string describe_positions(const std::array<int, 3>& positions);

// The answer to a challenge: "Fu0", or the characters separated by spaces
// ("F u 0"). Compared in constant time. Returns false for a malformed answer.
bool check_code_answer(std::string_view code, const std::array<int, 3>& positions, std::string_view answer);

} // namespace imi
