// The documents the archive writes from a request: the full report with
// personal data (guide H5 stap 3.5: "volledig rapport met persoonlijke
// gegevens") and the service provider's consent declaration (B2:
// "instemmingsverklaring van de betrokkene"), each in Dutch or English.
#pragma once

#include "requests/requests.hpp"

#include <map>
#include <string>
#include <vector>

namespace imi::archive {

// An attachment as archived: the name in the database, the file written
// (relative to the archive folder) and the checksum of the bytes written.
struct ArchivedFile {
  std::string name, path, sha256;
  std::int64_t size = 0;
};

struct ReportInput {
  const RequestDetails* request = nullptr;      // the full view
  std::string language;                         // "nl" or "en": the labels
  std::map<std::string, std::string> standards; // standard answer code -> text in the request's language
  std::vector<ArchivedFile> attachments;        // in the order of request->attachments
  std::string archived_by;
};
// The report's .docx bytes.
std::string report_docx(const ReportInput& in);

struct ConsentInput {
  const RequestDetails* request = nullptr; // the full view
  std::string language;                    // "nl" or "en"
  std::string requesting_address, responding_address;
  std::string date; // YYYY-MM-DD
};
std::string consent_docx(const ConsentInput& in);

} // namespace imi::archive
