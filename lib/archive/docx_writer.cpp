// Headings, paragraphs and tables as WordprocessingML (word/document.xml).
#include "archive/docx_writer.hpp"

#include "core/error.hpp"
#include "util/unicode.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <numeric>

namespace imi::docx {
namespace {

constexpr std::string_view w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
// A4 with 2 cm margins: the text is 11906 - 2 * 1134 twips wide.
constexpr int text_width = 9638;

bool allowed_in_xml(long cp)
{
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// A run of text: line breaks and tabs as Word writes them.
std::string run(std::string_view text, bool bold)
{
  std::string out = "<w:r>";
  if (bold) out += "<w:rPr><w:b/></w:rPr>";
  std::string pending;
  const auto flush = [&] {
    if (!pending.empty()) out += "<w:t xml:space=\"preserve\">" + xml_text(pending) + "</w:t>";
    pending.clear();
  };
  for (char c : text) {
    if (c == '\n') {
      flush();
      out += "<w:br/>";
    } else if (c == '\t') {
      flush();
      out += "<w:tab/>";
    } else if (c != '\r') {
      pending += c;
    }
  }
  flush();
  return out + "</w:r>";
}

std::string styled_paragraph(std::string_view style, std::string_view text, bool bold)
{
  std::string out = "<w:p>";
  if (!style.empty()) out += fmt::format("<w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>", style);
  return out + run(text, bold) + "</w:p>";
}

} // namespace

std::string xml_text(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const long cp = util::next_code_point(text, i);
    if (cp < 0) {
      out += "\xEF\xBF\xBD"; // U+FFFD
      continue;
    }
    if (!allowed_in_xml(cp)) continue;
    switch (cp) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default: out.append(text.substr(start, i - start));
    }
  }
  return out;
}

void Document::title(std::string_view text)
{
  body_ += styled_paragraph("Title", text, false);
}

void Document::heading(int level, std::string_view text)
{
  body_ += styled_paragraph(level <= 1 ? "Heading1" : "Heading2", text, false);
}

void Document::paragraph(std::string_view text, bool bold)
{
  body_ += styled_paragraph("", text, bold);
}

void Document::table(const std::vector<std::vector<std::string>>& rows, bool header,
                     const std::vector<int>& weights)
{
  size_t columns = 0;
  for (const auto& row : rows)
    columns = std::max(columns, row.size());
  if (columns == 0) return;
  std::vector<int> w = weights;
  w.resize(columns, 1);
  for (int& x : w)
    x = std::max(x, 1);
  const int total = std::accumulate(w.begin(), w.end(), 0);
  std::vector<int> widths;
  for (int x : w)
    widths.push_back(text_width * x / total);

  std::string t =
      "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(text_width) + "\" w:type=\"dxa\"/><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    t += fmt::format("<w:{} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>", side);
  t += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\"/></w:tblPr><w:tblGrid>";
  for (int width : widths)
    t += fmt::format("<w:gridCol w:w=\"{}\"/>", width);
  t += "</w:tblGrid>";
  for (size_t r = 0; r < rows.size(); ++r) {
    const bool bold = header && r == 0;
    t += bold ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    for (size_t c = 0; c < columns; ++c) {
      const std::string_view text = c < rows[r].size() ? std::string_view(rows[r][c]) : std::string_view();
      t += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>", widths[c]);
      // A cell must hold a paragraph, even an empty one.
      t += "<w:p>" + (text.empty() ? std::string() : run(text, bold)) + "</w:p></w:tc>";
    }
    t += "</w:tr>";
  }
  body_ += t + "</w:tbl>";
  // Two tables in a row would merge in Word without a paragraph between them.
  body_ += "<w:p/>";
}

void Document::fields(const std::vector<std::pair<std::string, std::string>>& rows)
{
  std::vector<std::vector<std::string>> cells;
  for (const auto& [label, value] : rows)
    cells.push_back({label, value});
  table(cells, false, {1, 2});
}

std::string Document::document_xml() const
{
  return fmt::format(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{}" xmlns:r="{}"><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>
)",
                     w_ns, r_ns, body_);
}

} // namespace imi::docx
