// The folder an archive is written into, and the only ways files get there:
// every path is DIR joined with a name the archive made (a validated
// reference, a sanitised attachment name), every file goes through the safe
// writer (no link followed, never the database), the request's folder is
// never a symbolic link, and nothing existing is replaced without --force.
#pragma once

#include "core/safe_output.hpp"

#include <string>
#include <vector>

namespace imi::archive {

class ArchiveFolder {
public:
  ArchiveFolder(std::string dir, OutputOptions options, bool force);

  // Checks, before anything is written: DIR is a folder or can be created
  // (its parent exists: 3 otherwise); `sub` (a request's folder) is not a
  // link or file (6); none of `files` (relative) exists unless force (5),
  // and none is a link or folder (6).
  void check(const std::string& sub, const std::vector<std::string>& files) const;

  // Creates DIR (0700) when missing.
  void create() const;
  // Creates DIR/sub (0700) when missing, refusing a link put there since check().
  void create_sub(const std::string& sub) const;
  // Writes DIR/relative through the safe writer; returns the SHA-256.
  std::string write(const std::string& relative, std::string_view bytes) const;
  // Appends "SHA256  PATH" lines to DIR/SHA256SUMS, dropping older lines for
  // the same paths (a forced re-archive), so `sha256sum -c` passes.
  void append_sums(const std::vector<std::pair<std::string, std::string>>& sums) const;

  std::string path_of(const std::string& relative) const;
  const std::string& dir() const { return dir_; }

private:
  std::string dir_;
  OutputOptions options_;
  bool force_;
};

} // namespace imi::archive
