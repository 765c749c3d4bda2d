// The value model and its JSON and CSV encodings, shared by the renderer and
// by anything else that writes JSON (error messages) or CSV cells (export).
#include "core/output.hpp"

#include <array>
#include <fmt/format.h>

namespace imi {

Value Value::of_record(Record r)
{
  Value v;
  v.type = Type::record;
  v.records.push_back(std::move(r));
  return v;
}

Value Value::of_records(std::vector<Record> rs)
{
  Value v;
  v.type = Type::records;
  v.records = std::move(rs);
  return v;
}

void append_json_escaped(std::string& out, const std::string& s)
{
  // Copy runs of plain characters at once; listings write a lot of text.
  static const auto needs_escape = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c)
      t[static_cast<size_t>(c)] = true;
    t['"'] = t['\\'] = t[0x7F] = true;
    return t;
  }();
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  const char* run = begin;
  for (const char* p = begin; p != end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (!needs_escape[c]) continue;
    out.append(run, p);
    run = p + 1;
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default: out += fmt::format("\\u{:04x}", c);
    }
  }
  out.append(run, end);
}

std::string json_escape(const std::string& s)
{
  std::string out;
  out.reserve(s.size() + 2);
  append_json_escaped(out, s);
  return out;
}

namespace {
void write_json(std::string& out, const Value& v);
} // namespace

void write_json_record(std::string& out, const Record& r)
{
  out += '{';
  for (size_t i = 0; i < r.size(); ++i) {
    if (i) out += ", ";
    out += '"';
    append_json_escaped(out, r[i].key);
    out += "\": ";
    write_json(out, r[i].value);
  }
  out += '}';
}

namespace {

void write_json(std::string& out, const Value& v)
{
  switch (v.type) {
  case Value::Type::null: out += "null"; break;
  case Value::Type::boolean: out += v.boolean ? "true" : "false"; break;
  case Value::Type::integer: out += std::to_string(v.integer); break;
  case Value::Type::text:
    out += '"';
    append_json_escaped(out, v.text);
    out += '"';
    break;
  case Value::Type::list:
    out += '[';
    for (size_t i = 0; i < v.list.size(); ++i) {
      if (i) out += ", ";
      out += '"';
      append_json_escaped(out, v.list[i]);
      out += '"';
    }
    out += ']';
    break;
  case Value::Type::record: write_json_record(out, v.records.front()); break;
  case Value::Type::records:
    out += '[';
    for (size_t i = 0; i < v.records.size(); ++i) {
      if (i) out += ", ";
      write_json_record(out, v.records[i]);
    }
    out += ']';
    break;
  }
}

} // namespace

std::string neutralise_csv_cell(const std::string& cell)
{
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
    return "'" + cell;
  return cell;
}

std::string quote_csv_cell(const std::string& cell, char separator)
{
  if (cell.find_first_of(std::string("\"\r\n") + separator) == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

} // namespace imi
