// The username sheet of guide H6.1 ("gebruikersgegevens afdrukken"): the
// username travels outside the system, on paper or in a document the LDA
// hands over, while the temporary password arrives by mail. One sheet per
// user, in the user's language (Dutch, else English).
#pragma once

#include "access/actor.hpp"
#include "users/user_store.hpp"

#include <string>
#include <vector>

namespace imi {

class Session;

struct UserSheet {
  std::string heading;
  std::vector<std::pair<std::string, std::string>> fields; // label, value
  std::vector<std::string> instructions;
};

UserSheet make_user_sheet(const UserView& user);

// Loads the users (each USER a username or e-mail) after the permission
// check; an unknown one fails the whole command before anything is printed.
std::vector<UserSheet> load_user_sheets(Session& session, const Actor& actor,
                                        const std::vector<std::string>& users);

// Plain text, sheets separated by a form feed so a printer starts a page.
std::string user_sheets_text(const std::vector<UserSheet>& sheets);
// A PDF with one page per sheet.
std::string user_sheets_pdf(const std::vector<UserSheet>& sheets);

} // namespace imi
