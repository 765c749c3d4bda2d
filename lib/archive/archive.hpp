// imictl archive and request consent-form (guide H5 stap 3.5, B2; SPEC §4
// "Archive"): the full report of a request with personal data, written into
// a folder the authority keeps in its own archive. Only actors who see a
// request in full may archive it or fill in its consent declaration; a
// blocked request only an LDA who states a reason (access layer).
#pragma once

#include "access/actor.hpp"

#include <optional>
#include <string>
#include <vector>

namespace imi {

class Session;

struct ArchiveOptions {
  std::vector<std::string> requests;        // REQ...; or one of:
  bool all_closed = false;                  // every closed or refused request not yet archived
  std::optional<std::string> closed_before; // DATE: those closed before it
  std::string out_dir;                      // DIR
  bool force = false;                       // replace files; bulk: archived ones again
  bool dry_run = false;                     // check and list, write nothing
  std::optional<std::string> reveal_reason; // --reveal-blocked --reason TEXT
};

struct ArchiveResult {
  std::string reference;
  // archived, skipped (bulk: not the actor's to archive), would-archive (--dry-run)
  std::string status;
  std::optional<std::string> docx, sha256, reason;
  std::vector<std::string> files; // written or to be written, relative to DIR
};

// Per request DIR/REF.docx, DIR/REF.json, DIR/REF/ATTACHMENT... and lines
// appended to DIR/SHA256SUMS; marks each request archived and audits it.
// Every check (visibility 4, existing files 5, a linked folder 6, a missing
// parent of DIR 3) is made for the whole batch before anything is written.
std::vector<ArchiveResult> archive_requests(Session& session, const Actor& actor,
                                            const ArchiveOptions& options);

struct ConsentFormResult {
  std::string reference, language, sha256;
  std::size_t bytes = 0;
};
// The service provider's consent declaration (B2) for REQ, filled in from
// the request, written to `output` ("-": standard output) in `language`
// (nl or en; default the request's). Needs the full view; audited.
ConsentFormResult write_consent_form(Session& session, const Actor& actor, const std::string& request,
                                     const std::string& output, const std::optional<std::string>& language);

} // namespace imi
