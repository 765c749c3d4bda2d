// Turning a queued mail into an Internet message (RFC 5322 + MIME): headers
// in 7-bit ASCII (non-ASCII text as RFC 2047 encoded words), the UTF-8 body
// quoted-printable, CRLF line ends. Pure functions; no I/O.
#pragma once

#include "util/time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imi::mime {

struct Mailbox {
  std::string display_name; // UTF-8, may be empty
  std::string address;      // addr-spec, ASCII
};

struct Message {
  Mailbox from;
  Mailbox to;
  std::optional<Mailbox> cc;
  std::string subject;  // UTF-8
  std::string body;     // UTF-8, "\n" line ends
  std::string language; // Content-Language, "nl"
  util::Instant date = 0;
  std::string message_id; // without angle brackets
};

// "Sat, 28 Nov 2026 15:42:09 +0000"
std::string format_date(util::Instant t);

// Header text as-is when it is printable ASCII without "=?", else RFC 2047
// "B" encoded words of at most 75 characters, folded onto continuation lines,
// split only between UTF-8 code points.
std::string encode_header_text(std::string_view utf8);

// "Name <addr>", the name quoted or encoded as needed; the bare address when
// there is no name.
std::string format_mailbox(const Mailbox& mailbox);

// Parses "addr" or "Name <addr>" (the form mail.from takes).
std::optional<Mailbox> parse_mailbox(std::string_view text);

// A deliberately small address check: one '@', a dot-free-or-dotted domain,
// no spaces, control characters, angle brackets or non-ASCII. Enough to keep
// header injection and obvious typos out; the MTA judges the rest.
bool is_plausible_address(std::string_view address);

// Quoted-printable (RFC 2045 6.7) with CRLF line ends and soft breaks so no
// encoded line exceeds 76 characters. Input line ends are "\n" (or "\r\n").
std::string encode_quoted_printable(std::string_view text);

// The full message, headers and body, CRLF line ends.
std::string format_message(const Message& message);

// The envelope recipients: To, then Cc.
std::vector<std::string> envelope_recipients(const Message& message);

} // namespace imi::mime
