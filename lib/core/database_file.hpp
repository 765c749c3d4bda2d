// The database file on disk, before SQLite opens it: what is at the path,
// and creating it private. SQLite would open a FIFO and wait forever, report
// a folder as "disk I/O error", and create files and folders with whatever
// the umask allows; these checks come first so that every such case is a
// clear error with the exit code of SPEC §1.
#pragma once

#include <string>

namespace imi {

enum class DatabaseFileState {
  missing, // nothing at the path (its folder may be missing too)
  empty,   // a regular file of 0 bytes: init may fill it
  present, // a regular file with content
};

// Follows symbolic links (a database reached through a link is fine).
// Throws UsageError (2) for a path too long for the system, and
// UnavailableError (7) when the path names a folder, a FIFO, a device or a
// socket, or passes through a regular file ("file.txt/imi.db").
DatabaseFileState inspect_database_file(const std::string& path);

// Creates the missing folders with mode 0700 and the file with mode 0600,
// whatever the umask. Returns true when this call created the file, false
// when it appeared meanwhile. UnavailableError (7) naming the path and the
// reason otherwise.
bool create_database_file(const std::string& path);

// An existing empty file gets mode 0600 before any schema is written into
// it; SQLite gives the -wal and -shm files the database file's mode.
void make_database_file_private(const std::string& path);

} // namespace imi
