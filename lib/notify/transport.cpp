#include "notify/transport.hpp"

namespace imi {

std::unique_ptr<Transport> make_transport(const MailSettings& settings)
{
  if (settings.transport == "smtp") return make_smtp_transport(settings);
  if (settings.transport == "sendmail") return make_sendmail_transport(settings);
  return nullptr;
}

} // namespace imi
