// The one renderer every command prints through. Commands build Records
// (ordered key/value fields, keys in snake_case) and hand them over; the
// renderer turns them into a table, JSON or CSV. Lists stream row by row in
// JSON and CSV, so large listings never sit in memory twice.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace imi {

struct Field;
using Record = std::vector<Field>;

struct Value {
  enum class Type { null, boolean, integer, text, list, record, records };
  Type type = Type::null;
  bool boolean = false;
  std::int64_t integer = 0;
  std::string text;
  std::vector<std::string> list; // rendered as a JSON array of strings
  std::vector<Record> records;   // type record: records[0]; type records: all

  // Defined below Field: a constructor's clean-up destroys `records`, which
  // needs Field complete (clang insists; GCC is lenient).
  Value();
  Value(std::nullptr_t);
  Value(bool b);
  Value(int i);
  Value(std::int64_t i);
  Value(std::string s);
  Value(const char* s);
  Value(std::vector<std::string> l);
  Value(std::optional<std::string> s);
  static Value of_record(Record r);
  static Value of_records(std::vector<Record> rs);
};

struct Field {
  std::string key;
  Value value;
};

inline Value::Value() = default;
inline Value::Value(std::nullptr_t) {}
inline Value::Value(bool b) : type(Type::boolean), boolean(b) {}
inline Value::Value(int i) : type(Type::integer), integer(i) {}
inline Value::Value(std::int64_t i) : type(Type::integer), integer(i) {}
inline Value::Value(std::string s) : type(Type::text), text(std::move(s)) {}
inline Value::Value(const char* s) : type(Type::text), text(s) {}
inline Value::Value(std::vector<std::string> l) : type(Type::list), list(std::move(l)) {}
inline Value::Value(std::optional<std::string> s)
    : type(s ? Type::text : Type::null), text(s ? std::move(*s) : "")
{
}

enum class Format { table, json, csv };

class Renderer {
public:
  Renderer(std::ostream& out, Format format, bool color);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  Format format() const { return format_; }
  // --csv-raw: cells exactly as stored, for scripts; by default a cell that
  // a spreadsheet would execute gets a leading quote (neutralise_csv_cell).
  void set_csv_raw(bool raw) { csv_raw_ = raw; }

  // show/add: one object. CSV has no place for nested data (an authority's
  // users, a request's questions): such an object is a UsageError there,
  // before anything is written, that points to --json.
  void object(const Record& record);

  // list: columns are the keys in order; rows must carry them in that order.
  void begin_list(std::vector<std::string> columns);
  void row(const Record& record);
  void end_list();
  // Convenience for small lists.
  void list(std::vector<std::string> columns, const std::vector<Record>& rows);

  // A plain line for table output only (ignored in JSON/CSV so stdout stays
  // parseable), e.g. "Created user jdevries".
  void line(const std::string& text);

private:
  std::ostream& out_;
  Format format_;
  bool color_;
  bool csv_raw_ = false;
  std::vector<std::string> columns_;
  std::vector<Record> buffered_; // table output needs all widths first
  std::string pending_;          // streamed rows not yet written
  size_t rows_written_ = 0;
  void flush_pending();
};

// Excel and LibreOffice execute cells that start with = + - @ (and tab/CR):
// prefix those with a quote. Shared with the result-table export.
std::string neutralise_csv_cell(const std::string& cell);
std::string quote_csv_cell(const std::string& cell, char separator);
std::string json_escape(const std::string& s);
// Appends s to out with JSON string escaping (no surrounding quotes).
void append_json_escaped(std::string& out, const std::string& s);
// Appends a record as one JSON object.
void write_json_record(std::string& out, const Record& r);

} // namespace imi
