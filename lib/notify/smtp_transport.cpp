// SMTP through libcurl, loaded with dlopen on first use: linking it would
// cost every imictl invocation its start-up time, and only `notify send`
// needs it. The headers give the types; the symbols come from dlsym.
//
// A failure is recorded by curl's result code, its fixed text for that code
// and the server's reply code only: no error buffer, no reply text, since a
// server may quote the message it refuses (transport_failure.hpp).
#include "core/error.hpp"
#include "notify/transport.hpp"
#include "notify/transport_failure.hpp"
#include "util/i18n.hpp"

#define CURL_DISABLE_TYPECHECK 1
#include <cstring>
#include <curl/curl.h>
#include <dlfcn.h>
#include <fmt/format.h>

namespace imi {
namespace {

struct CurlApi {
  decltype(&curl_global_init) global_init = nullptr;
  decltype(&curl_easy_init) easy_init = nullptr;
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...) = nullptr;
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...) = nullptr;
  decltype(&curl_easy_perform) easy_perform = nullptr;
  decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&curl_easy_strerror) easy_strerror = nullptr;
  decltype(&curl_slist_append) slist_append = nullptr;
  decltype(&curl_slist_free_all) slist_free_all = nullptr;
};

template <typename F>
void bind_symbol(void* library, const char* name, F& target)
{
  void* symbol = dlsym(library, name);
  if (!symbol) throw FailureError(_f("libcurl.so.4 lacks {}; cannot send mail over SMTP", name));
  target = reinterpret_cast<F>(symbol);
}

// Loaded once and kept for the life of the process.
const CurlApi& curl_api()
{
  static const CurlApi api = [] {
    void* library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library)
      throw FailureError(_f(
          "cannot load libcurl.so.4 ({}); install libcurl4, or set mail.transport to sendmail", dlerror()));
    CurlApi a;
    bind_symbol(library, "curl_global_init", a.global_init);
    bind_symbol(library, "curl_easy_init", a.easy_init);
    bind_symbol(library, "curl_easy_setopt", a.easy_setopt);
    bind_symbol(library, "curl_easy_getinfo", a.easy_getinfo);
    bind_symbol(library, "curl_easy_perform", a.easy_perform);
    bind_symbol(library, "curl_easy_cleanup", a.easy_cleanup);
    bind_symbol(library, "curl_easy_strerror", a.easy_strerror);
    bind_symbol(library, "curl_slist_append", a.slist_append);
    bind_symbol(library, "curl_slist_free_all", a.slist_free_all);
    if (a.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw FailureError(_("libcurl could not be initialised"));
    return a;
  }();
  return api;
}

struct Upload {
  const std::string* data;
  size_t offset = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user)
{
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->data->size() - upload->offset);
  std::memcpy(buffer, upload->data->data() + upload->offset, n);
  upload->offset += n;
  return n;
}

class SmtpTransport : public Transport {
public:
  explicit SmtpTransport(const MailSettings& settings) : settings_(settings), api_(curl_api())
  {
    if (settings.smtp_url.rfind("smtp://", 0) != 0 && settings.smtp_url.rfind("smtps://", 0) != 0)
      throw UsageError(_f("mail.smtp_url must start with smtp:// or smtps://, not '{}'", settings.smtp_url));
    password_ = read_smtp_password(settings);
  }

  std::string describe() const override { return transport_failure::redacted_url(settings_.smtp_url); }

  DeliveryOutcome deliver(const MailEnvelope& envelope, const std::string& message) override
  {
    CURL* curl = api_.easy_init();
    if (!curl)
      return transport_failure::described(false, N_("{}: libcurl could not create a handle"), describe());
    curl_slist* recipients = nullptr;
    for (const auto& r : envelope.recipients)
      recipients = api_.slist_append(recipients, ("<" + r + ">").c_str());
    Upload upload{&message};
    const std::string from = "<" + envelope.mail_from + ">";
    const long timeout = settings_.timeout_seconds;

    api_.easy_setopt(curl, CURLOPT_URL, settings_.smtp_url.c_str());
    api_.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    api_.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, timeout);
    api_.easy_setopt(curl, CURLOPT_TIMEOUT, timeout);
    api_.easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout);
    api_.easy_setopt(curl, CURLOPT_USE_SSL, tls_level());
    if (!settings_.ca_file.empty()) api_.easy_setopt(curl, CURLOPT_CAINFO, settings_.ca_file.c_str());
    if (!settings_.smtp_user.empty()) {
      api_.easy_setopt(curl, CURLOPT_USERNAME, settings_.smtp_user.c_str());
      api_.easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
    }
    api_.easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    api_.easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    api_.easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    api_.easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    api_.easy_setopt(curl, CURLOPT_READFUNCTION, &read_upload);
    api_.easy_setopt(curl, CURLOPT_READDATA, &upload);

    const CURLcode code = api_.easy_perform(curl);
    long response = 0;
    api_.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    api_.easy_cleanup(curl);
    api_.slist_free_all(recipients);
    if (code == CURLE_OK) return {true, {}};
    return transport_failure::smtp(settings_.smtp_url, code, api_.easy_strerror(code), response, timeout);
  }

private:
  long tls_level() const
  {
    if (settings_.tls == "none") return CURLUSESSL_NONE;
    if (settings_.tls == "starttls" || !settings_.smtp_user.empty()) return CURLUSESSL_ALL;
    return CURLUSESSL_TRY;
  }

  MailSettings settings_;
  const CurlApi& api_;
  std::string password_;
};

} // namespace

std::unique_ptr<Transport> make_smtp_transport(const MailSettings& settings)
{
  return std::make_unique<SmtpTransport>(settings);
}

} // namespace imi
