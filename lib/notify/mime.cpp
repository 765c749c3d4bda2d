#include "notify/mime.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>

namespace imi::mime {
namespace {

constexpr std::string_view crlf = "\r\n";

std::string base64(std::string_view bytes)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += alphabet[n & 63];
  }
  if (i < bytes.size()) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool is_plain_header_text(std::string_view s)
{
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7e) return false;
  return s.find("=?") == std::string_view::npos;
}

bool is_utf8_continuation(unsigned char c)
{
  return (c & 0xC0) == 0x80;
}

// RFC 5322 atext plus space: a display name made of these needs no quotes.
bool is_plain_phrase(std::string_view s)
{
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == ' ') continue;
    if (std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c)) == std::string_view::npos)
      return false;
  }
  return !s.empty();
}

} // namespace

std::string format_date(util::Instant t)
{
  static const std::array<const char*, 7> weekdays = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  // format_iso8601 does the calendar; take its fields apart again.
  const std::string iso = util::format_iso8601(t); // YYYY-MM-DDTHH:MM:SSZ
  const int month = std::stoi(iso.substr(5, 2));
  std::int64_t days = t / 86400;
  if (t % 86400 < 0) --days;
  const auto weekday = static_cast<size_t>(((days % 7) + 7) % 7); // 1970-01-01 was a Thursday
  return fmt::format("{}, {} {} {} {} +0000", weekdays[weekday], std::stoi(iso.substr(8, 2)),
                     months[static_cast<size_t>(month - 1)], iso.substr(0, 4), iso.substr(11, 8));
}

std::string encode_header_text(std::string_view utf8)
{
  if (is_plain_header_text(utf8)) return std::string(utf8);
  // "=?UTF-8?B?" + 60 base64 characters + "?=" = 72 <= 75: 45 bytes a word.
  constexpr size_t max_bytes = 45;
  std::string out;
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t end = std::min(utf8.size(), pos + max_bytes);
    while (end < utf8.size() && end > pos && is_utf8_continuation(static_cast<unsigned char>(utf8[end])))
      --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(utf8.substr(pos, end - pos)) + "?=";
    pos = end;
  }
  return out;
}

std::string format_mailbox(const Mailbox& mailbox)
{
  if (mailbox.display_name.empty()) return mailbox.address;
  std::string name;
  if (is_plain_phrase(mailbox.display_name)) {
    name = mailbox.display_name;
  } else if (is_plain_header_text(mailbox.display_name)) {
    name = "\"";
    for (char c : mailbox.display_name) {
      if (c == '"' || c == '\\') name += '\\';
      name += c;
    }
    name += '"';
  } else {
    name = encode_header_text(mailbox.display_name);
  }
  return name + " <" + mailbox.address + ">";
}

std::optional<Mailbox> parse_mailbox(std::string_view text)
{
  const std::string trimmed = util::trim(text);
  const auto open = trimmed.rfind('<');
  if (open == std::string::npos) {
    if (!is_plausible_address(trimmed)) return std::nullopt;
    return Mailbox{"", trimmed};
  }
  if (trimmed.back() != '>') return std::nullopt;
  std::string address = trimmed.substr(open + 1, trimmed.size() - open - 2);
  if (!is_plausible_address(address)) return std::nullopt;
  std::string name = util::trim(std::string_view(trimmed).substr(0, open));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
  if (util::has_control_characters(name, false)) return std::nullopt;
  return Mailbox{name, address};
}

bool is_plausible_address(std::string_view address)
{
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  if (address.size() > 254) return false;
  for (unsigned char c : address)
    if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '\\')
      return false;
  const std::string_view domain = address.substr(at + 1);
  return domain.front() != '.' && domain.back() != '.' && domain.find("..") == std::string_view::npos;
}

std::string encode_quoted_printable(std::string_view text)
{
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t line_length = 0;
  auto emit = [&](std::string_view piece) {
    // A soft break keeps every encoded line at 76 characters or fewer.
    if (line_length + piece.size() > 75) {
      out += "=\r\n";
      line_length = 0;
    }
    out += piece;
    line_length += piece.size();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c == '\n') {
      out += crlf;
      line_length = 0;
      continue;
    }
    const bool at_line_end = i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
    const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_line_end);
    // A leading dot would need SMTP dot-stuffing by every transport; encode it.
    if (literal && !(c == '.' && line_length == 0)) {
      const char ch = static_cast<char>(c);
      emit(std::string_view(&ch, 1));
    } else {
      const char encoded[3] = {'=', hex[c >> 4], hex[c & 15]};
      emit(std::string_view(encoded, 3));
    }
  }
  return out;
}

std::string format_message(const Message& m)
{
  std::string out;
  auto header = [&](std::string_view name, const std::string& value) {
    out += name;
    out += ": ";
    out += value;
    out += crlf;
  };
  header("Date", format_date(m.date));
  header("From", format_mailbox(m.from));
  header("To", format_mailbox(m.to));
  if (m.cc) header("Cc", format_mailbox(*m.cc));
  header("Subject", encode_header_text(m.subject));
  header("Message-ID", "<" + m.message_id + ">");
  header("MIME-Version", "1.0");
  header("Content-Type", "text/plain; charset=UTF-8");
  header("Content-Transfer-Encoding", "quoted-printable");
  if (!m.language.empty()) header("Content-Language", m.language);
  // RFC 3834: machine-generated, so auto-responders stay quiet.
  header("Auto-Submitted", "auto-generated");
  out += crlf;
  out += encode_quoted_printable(m.body);
  if (out.size() < 2 || out.compare(out.size() - 2, 2, crlf) != 0) out += crlf;
  return out;
}

std::vector<std::string> envelope_recipients(const Message& message)
{
  std::vector<std::string> out{message.to.address};
  if (message.cc) out.push_back(message.cc->address);
  return out;
}

} // namespace imi::mime
