#include "import/table_reader.hpp"

#include "core/validate.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace imi {
namespace {

constexpr size_t header_search_rows = 10;
constexpr size_t max_cell_characters = 300;

// A value quoted in a message, with line breaks made visible.
std::string shown(std::string_view value)
{
  std::string out = "'";
  for (char c : value) {
    if (c == '\n')
      out += "\\n";
    else if (c != '\r')
      out += c;
  }
  return out + "'";
}

bool printable_ascii(std::string_view s)
{
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

} // namespace

std::string format_row_error(const std::string& file, const RowError& e)
{
  if (e.line == 0) return fmt::format("{}: {}", file, e.message);
  if (e.column.empty()) return fmt::format("{}:{}: {}", file, e.line, e.message);
  // TRANSLATORS: FILE:LINE: column 'HEADER': PROBLEM, where PROBLEM says
  // something of the cell ("is empty", "holds a control character").
  return _f("{}:{}: column '{}': {}", file, e.line, e.column, e.message);
}

TableReader::TableReader(util::CsvReader& csv) : csv_(csv) {}

bool TableReader::read_record(std::vector<RowError>& errors)
{
  if (stopped_) return false;
  try {
    while (csv_.next(record_))
      if (!record_.blank()) return true;
  } catch (const util::CsvError& e) {
    errors.push_back({e.line(), "", e.what()});
  }
  stopped_ = true;
  return false;
}

bool TableReader::read_header(std::vector<RowError>& errors)
{
  std::uint64_t first_line = 0;
  for (size_t n = 0; n < header_search_rows; ++n) {
    if (!read_record(errors)) break;
    if (first_line == 0) first_line = record_.line;
    if (!looks_like_header(record_.cells)) continue;
    std::vector<std::string> problems;
    columns_ = map_table_columns(record_.cells, problems);
    header_line_ = record_.line;
    for (auto& p : problems)
      // TRANSLATORS: a problem of the header row of an imported table.
      errors.push_back({record_.line, "", _f("header: {}", p)});
    return problems.empty();
  }
  if (!stopped_ || first_line != 0)
    errors.push_back(
        {first_line ? first_line : 1, "",
         _("no header row found: expected columns such as 'Afdeling', 'Voor en achternaam (funct.)', "
           "'Mailbox' and 'Rol(len)' in one of the first rows")});
  else if (errors.empty())
    errors.push_back({1, "", _("the file is empty")});
  return false;
}

std::string_view TableReader::cell(TableColumn c) const
{
  const auto& i = columns_.at(c);
  return i && *i < record_.cells.size() ? std::string_view(record_.cells[*i]) : std::string_view();
}

// A role cell holds one of a handful of texts in a whole table, so each is
// parsed once. Bounded: emptied when a table holds more kinds.
const RolesParse& TableReader::roles_of(std::string_view text)
{
  auto it = roles_cache_.find(text);
  if (it != roles_cache_.end()) return it->second;
  if (roles_cache_.size() >= 256) roles_cache_.clear();
  return roles_cache_.emplace(std::string(text), parse_roles_cell(text)).first->second;
}

bool TableReader::next(TableRow& row, bool& valid, std::vector<RowError>& errors)
{
  if (!read_record(errors)) return false;
  row = TableRow{};
  row.line = record_.line;
  const size_t errors_before = errors.size();
  auto problem = [&](TableColumn c, std::string message) {
    errors.push_back({row.line, columns_.name(c), std::move(message)});
  };

  const size_t cells = record_.cells.size();
  bool extra_filled = false;
  for (size_t i = columns_.width; i < cells; ++i)
    extra_filled = extra_filled || !util::trim(record_.cells[i]).empty();
  if (cells < columns_.width || extra_filled) {
    errors.push_back({row.line, "",
                      _n("the row has {} cell where the header has {} (a separator too many or too few?)",
                         "the row has {} cells where the header has {} (a separator too many or too few?)",
                         cells, cells, columns_.width)});
    valid = false;
    return true;
  }
  // TRANSLATORS: the problems below are said of a cell, after "column 'HEADER':".
  for (size_t c = 0; c < table_column_count; ++c) {
    const auto col = static_cast<TableColumn>(c);
    const std::string_view text = cell(col);
    if (printable_ascii(text)) { // the common case: valid, no control characters, a byte a character
      if (text.size() > max_cell_characters && col != TableColumn::laws)
        problem(col, _f("is longer than {} characters", max_cell_characters));
    } else if (!util::is_valid_utf8(text))
      problem(col, _("is not valid text"));
    else if (util::has_control_characters(text, true))
      problem(col, _("holds a control character"));
    else if (auto hidden = hidden_character_problem(text); !hidden.empty())
      problem(col, std::move(hidden));
    else if (util::utf8_length(text) > max_cell_characters && col != TableColumn::laws)
      problem(col, _f("is longer than {} characters", max_cell_characters));
  }
  if (errors.size() != errors_before) {
    valid = false;
    return true;
  }

  const std::string name_cell = clean_cell(cell(TableColumn::name));
  const std::string mailbox = mailbox_cell(cell(TableColumn::mailbox));
  const std::string roles_cell = util::trim(cell(TableColumn::roles));
  row.laws = parse_laws_cell(cell(TableColumn::laws));
  row.department = clean_cell(cell(TableColumn::department));
  row.has_user = !name_cell.empty() || !mailbox.empty();

  // An empty department cell under a filled one belongs to the same
  // department (merged cells in the spreadsheet).
  if (row.department.empty() && (row.has_user || !row.laws.empty())) row.department = last_department_;
  if (row.department.empty() && !row.laws.empty())
    problem(TableColumn::department, _("is empty but the row lists laws and regulations"));
  if (!row.department.empty()) last_department_ = row.department;

  if (row.has_user) {
    if (mailbox.empty()) {
      problem(TableColumn::mailbox, _("is empty; every user needs a mailbox (e-mail address)"));
    } else if (!is_valid_email(mailbox)) {
      problem(TableColumn::mailbox,
              mailbox.find('\n') != std::string::npos
                  ? _f("{} is not a valid e-mail address (wrapped over two lines)", shown(mailbox))
              : mailbox.find(' ') != std::string::npos
                  ? _f("{} is not a valid e-mail address (it contains a space)", shown(mailbox))
                  : _f("{} is not a valid e-mail address", shown(mailbox)));
    }
    row.email = mailbox;
    auto name = parse_person_name(name_cell, row.department);
    if (name.name)
      row.name = *name.name;
    else if (columns_.has(TableColumn::name))
      problem(TableColumn::name,
              name.problem == _("is empty") ? _("is empty but the row has a mailbox") : name.problem);
    else
      problem(TableColumn::mailbox, _("there is no name column to name this user"));
    const auto& roles = roles_of(roles_cell);
    row.roles = roles.roles;
    for (const auto& u : roles.unknown)
      problem(
          TableColumn::roles,
          u.suggestion.empty()
              ? _f("unknown role {}; roles: Behandelaar, Lokale gegevensbeheerder, Toewijzer", shown(u.text))
              : _f("unknown role {}; did you mean '{}'?", shown(u.text), u.suggestion));
  } else if (!roles_cell.empty()) {
    problem(TableColumn::roles, _("the row has roles but no name or mailbox"));
  }
  valid = errors.size() == errors_before;
  return true;
}

} // namespace imi
