// `imictl export result-table`: the authority's departments, laws, users and
// roles written back as the guide's Bijlage 4 table, in the shape the import
// reads, so that export followed by import changes nothing. By default the
// file is what Dutch Excel expects: ';', UTF-8 with a byte-order mark, CRLF.
#pragma once

#include "access/actor.hpp"
#include "util/encoding.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

namespace imi {

class Session;

struct ExportOptions {
  std::optional<std::string> authority; // id or name; the own authority when empty
  char delimiter = ';';
  util::TextEncoding encoding = util::TextEncoding::utf8;
  bool byte_order_mark = true; // for UTF-8 and UTF-16
  // --csv-raw: cells as stored; the default guards against spreadsheet formulas.
  bool raw = false;
};

struct ExportSummary {
  std::int64_t departments = 0, users = 0, rows = 0;
};

ExportSummary export_result_table(Session& session, const Actor& actor, const ExportOptions& options,
                                  std::ostream& out);

} // namespace imi
