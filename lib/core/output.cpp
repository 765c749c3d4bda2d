#include "core/output.hpp"

#include "core/error.hpp"
#include "core/field_labels.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <ostream>

namespace imi {
namespace {

// Cell text for CSV output: lists joined, null as empty. Data for scripts
// and spreadsheets, so never translated.
std::string cell_text(const Value& v)
{
  switch (v.type) {
  case Value::Type::null: return "";
  case Value::Type::boolean: return v.boolean ? "yes" : "no";
  case Value::Type::integer: return std::to_string(v.integer);
  case Value::Type::text: return v.text;
  case Value::Type::list: return util::join(v.list, ", ");
  case Value::Type::record: return "{...}";
  case Value::Type::records: return std::to_string(v.records.size()) + " items";
  }
  return {};
}

// Cell text for a table, read by a person: null as "-", and words, roles,
// states and statuses in the interface language.
std::string table_cell(const Field& f)
{
  const Value& v = f.value;
  switch (v.type) {
  case Value::Type::null: return "-";
  case Value::Type::boolean: return v.boolean ? _("yes") : _("no");
  case Value::Type::text: return code_label(f.key, v.text);
  case Value::Type::list: {
    std::vector<std::string> labels;
    labels.reserve(v.list.size());
    for (const auto& item : v.list)
      labels.push_back(code_label(f.key, item));
    return util::join(labels, ", ");
  }
  case Value::Type::records: return _n("{} item", "{} items", v.records.size(), v.records.size());
  default: return cell_text(v); // numbers and "{...}" read the same everywhere
  }
}

// Table cells stay on one line.
std::string one_line(std::string s)
{
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

} // namespace

Renderer::Renderer(std::ostream& out, Format format, bool color) : out_(out), format_(format), color_(color)
{
}

Renderer::~Renderer() = default;

void Renderer::object(const Record& record)
{
  if (format_ == Format::json) {
    std::string s;
    write_json_record(s, record);
    out_ << s << '\n';
    return;
  }
  if (format_ == Format::csv) {
    std::vector<std::string> keys, nested;
    for (const auto& f : record) {
      keys.push_back(f.key);
      if (f.value.type == Value::Type::record || f.value.type == Value::Type::records)
        nested.push_back(f.key);
    }
    if (!nested.empty())
      throw UsageError(
          _f("this record holds nested data ({}) that CSV cannot carry", util::join(nested, ", ")),
          {_("use --json for all of it, or --format table to read it")});
    list(keys, {record});
    return;
  }
  size_t width = 0;
  for (const auto& f : record)
    width = std::max(width, util::utf8_length(field_label(f.key)));
  for (const auto& f : record) {
    if (f.value.type == Value::Type::record) {
      out_ << '\n' << (color_ ? "\033[1m" : "") << header_label(f.key) << (color_ ? "\033[0m" : "") << '\n';
      size_t w = 0;
      for (const auto& g : f.value.records.front())
        w = std::max(w, util::utf8_length(field_label(g.key)));
      for (const auto& g : f.value.records.front())
        out_ << "  " << fmt::format("{:<{}}", field_label(g.key) + ":", w + 1) << ' '
             << one_line(table_cell(g)) << '\n';
    } else if (f.value.type == Value::Type::records) {
      out_ << '\n' << (color_ ? "\033[1m" : "") << header_label(f.key) << (color_ ? "\033[0m" : "") << '\n';
      if (f.value.records.empty()) {
        out_ << "  " << _("(none)") << '\n';
        continue;
      }
      std::vector<std::string> cols;
      for (const auto& g : f.value.records.front())
        cols.push_back(g.key);
      Renderer nested(out_, Format::table, color_);
      nested.list(cols, f.value.records);
    } else {
      out_ << fmt::format("{:<{}}", field_label(f.key) + ":", width + 1) << ' ' << one_line(table_cell(f))
           << '\n';
    }
  }
}

void Renderer::begin_list(std::vector<std::string> columns)
{
  columns_ = std::move(columns);
  buffered_.clear();
  rows_written_ = 0;
  if (format_ == Format::json) out_ << '[';
  if (format_ == Format::csv) {
    std::string line;
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i) line += ',';
      line += quote_csv_cell(columns_[i], ',');
    }
    out_ << line << "\r\n";
  }
}

void Renderer::row(const Record& record)
{
  if (format_ == Format::table) {
    buffered_.push_back(record);
    return;
  }
  // Rows are written straight into the pending buffer, whose capacity
  // survives flushes, so a row costs no allocation of its own.
  std::string& s = pending_;
  if (format_ == Format::json) {
    s += rows_written_ ? ",\n  " : "\n  ";
    write_json_record(s, record);
  } else {
    for (size_t i = 0; i < record.size(); ++i) {
      if (i) s += ',';
      // A number is data, never a formula: -1 stays -1.
      const std::string cell = cell_text(record[i].value);
      const bool guard = !csv_raw_ && record[i].value.type != Value::Type::integer;
      s += quote_csv_cell(guard ? neutralise_csv_cell(cell) : cell, ',');
    }
    s += "\r\n";
  }
  ++rows_written_;
  // One write per 64 KiB instead of one per row: stdout locks per call.
  if (pending_.size() > 65536) flush_pending();
}

void Renderer::flush_pending()
{
  out_ << pending_;
  pending_.clear();
}

void Renderer::end_list()
{
  flush_pending();
  if (format_ == Format::json) {
    out_ << (rows_written_ ? "\n]\n" : "]\n");
    return;
  }
  if (format_ == Format::csv) return;
  std::vector<size_t> widths;
  for (const auto& c : columns_)
    widths.push_back(util::utf8_length(header_label(c)));
  std::vector<std::vector<std::string>> cells;
  cells.reserve(buffered_.size());
  for (const auto& r : buffered_) {
    std::vector<std::string> line;
    for (size_t i = 0; i < r.size() && i < widths.size(); ++i) {
      line.push_back(one_line(table_cell(r[i])));
      widths[i] = std::max(widths[i], util::utf8_length(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto emit = [&](const std::vector<std::string>& line, bool header) {
    std::string s;
    for (size_t i = 0; i < line.size(); ++i) {
      const bool last = i + 1 == line.size();
      s += line[i];
      if (!last) s.append(widths[i] - util::utf8_length(line[i]) + 2, ' ');
    }
    if (header && color_) s = "\033[1m" + s + "\033[0m";
    out_ << s << '\n';
  };
  std::vector<std::string> headers;
  for (const auto& c : columns_)
    headers.push_back(header_label(c));
  emit(headers, true);
  for (const auto& line : cells)
    emit(line, false);
  buffered_.clear();
}

void Renderer::list(std::vector<std::string> columns, const std::vector<Record>& rows)
{
  begin_list(std::move(columns));
  for (const auto& r : rows)
    row(r);
  end_list();
}

void Renderer::line(const std::string& text)
{
  if (format_ == Format::table) out_ << text << '\n';
}

} // namespace imi
