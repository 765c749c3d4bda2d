// request consent-form: the service provider's consent declaration of B2
// ("instemmingsverklaring van de betrokkene"), filled in from the request,
// for the provider to sign before the request is sent.
#include "archive/archive.hpp"
#include "archive/archive_access.hpp"
#include "archive/report.hpp"
#include "archive/sha256.hpp"
#include "authority/authority.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/safe_output.hpp"
#include "core/session.hpp"
#include "requests/request_archive.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

namespace imi {

ConsentFormResult write_consent_form(Session& session, const Actor& actor, const std::string& request,
                                     const std::string& output, const std::optional<std::string>& language)
{
  std::string lang;
  if (language) {
    lang = util::trim(*language);
    if (lang != "nl" && lang != "en")
      throw UsageError(_f("--language must be nl or en, not '{}'", *language));
  }
  auto& db = session.db(Access::read_write);
  const RequestDetails r = load_request_as_seen(db, actor, find_request_id(db, request), false);
  archive::require_full_view(session, actor, r, "consent-form");
  if (lang.empty()) lang = r.language == "nl" ? "nl" : "en";

  archive::ConsentInput in{&r, lang, {}, {}, util::format_date(session.now())};
  in.requesting_address = load_authority(db, r.requesting_authority_id).address.value_or("");
  if (r.responding_authority_id)
    in.responding_address = load_authority(db, *r.responding_authority_id).address.value_or("");
  const std::string bytes = archive::consent_docx(in);
  const std::string sha = archive::sha256_hex(bytes);

  SafeOutput out(output, session_output_options(session));
  out.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.commit();
  WriteTransaction tx(db);
  append_audit(db, session.now(), actor.username, "request.consent-form", "request:" + r.reference,
               fmt::format("consent declaration ({}) written, sha256 {}", lang, sha));
  tx.commit();
  return {r.reference, lang, sha, bytes.size()};
}

} // namespace imi
