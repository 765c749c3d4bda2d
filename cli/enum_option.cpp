#include "enum_option.hpp"

#include "authority/authority.hpp"
#include "core/error.hpp"
#include "requests/lifecycle.hpp"
#include "users/role.hpp"
#include "users/user_list.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace imi::cli {

CLI::Validator enum_value(const std::string& name, std::function<void(const std::string&)> parse)
{
  return CLI::Validator(
      [parse = std::move(parse)](std::string& value) -> std::string {
        try {
          parse(value);
          return {};
        } catch (const Error& e) {
          std::string message = e.what();
          for (const auto& h : e.hints())
            message += "; " + h;
          return message;
        }
      },
      "", name);
}

CLI::Validator role_value()
{
  return enum_value("role", [](const std::string& v) { parse_role_or_throw(v); });
}

CLI::Validator user_status_value()
{
  return enum_value("status", [](const std::string& v) { check_user_status(v); });
}

CLI::Validator request_state_value()
{
  return enum_value("state", [](const std::string& v) { parse_request_state(v); });
}

CLI::Validator refusal_reason_value()
{
  return enum_value("reason", [](const std::string& v) { check_refusal_reason(v); });
}

CLI::Validator authority_type_value()
{
  return enum_value("type", [](const std::string& v) { parse_authority_type(v); });
}

} // namespace imi::cli
