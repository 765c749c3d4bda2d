#include "users/pdf_document.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace imi {
namespace {

constexpr double page_width = 595.28, page_height = 841.89, margin = 70.87;

// UTF-8 to a PDF literal string in WinAnsiEncoding: Latin-1 maps one to one
// (0xA0-0xFF), everything else is folded to ASCII.
std::string pdf_literal(const std::string& utf8)
{
  std::string out = "(";
  size_t i = 0;
  while (i < utf8.size()) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    std::string piece;
    if (c < 0x80) {
      piece = std::string(1, static_cast<char>(c));
      ++i;
    } else {
      size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
      if (i + len > utf8.size()) len = utf8.size() - i;
      const std::string_view seq(utf8.data() + i, len);
      i += len;
      if (len == 2) {
        const char32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(seq[1]) & 0x3Fu);
        if (cp >= 0xA0 && cp <= 0xFF) {
          out += fmt::format("\\{:03o}", static_cast<unsigned>(cp));
          continue;
        }
      }
      piece = util::fold_to_ascii(seq);
    }
    for (char ch : piece) {
      if (ch == '(' || ch == ')' || ch == '\\') out += '\\';
      if (static_cast<unsigned char>(ch) < 0x20) ch = ' ';
      out += ch;
    }
  }
  return out + ")";
}

std::string page_content(const PdfPage& page)
{
  std::string s;
  double y = page_height - margin;
  for (const auto& line : page) {
    y -= line.gap + line.size * 1.35;
    s += fmt::format("BT /{} {:.1f} Tf {:.2f} {:.2f} Td {} Tj ET\n", line.bold ? "F2" : "F1", line.size,
                     margin, y, pdf_literal(line.text));
  }
  return s;
}

} // namespace

std::string render_pdf(const std::vector<PdfPage>& pages, const std::string& title)
{
  // Objects: 1 catalog, 2 page tree, 3 info, 4 Helvetica, 5 Helvetica-Bold,
  // then a page and its content stream per page.
  std::vector<std::string> objects;
  std::string kids;
  for (size_t p = 0; p < pages.size(); ++p)
    kids += fmt::format("{} 0 R ", 6 + 2 * p);
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages.size()));
  objects.push_back(fmt::format("<< /Title {} /Producer (imictl) >>", pdf_literal(title)));
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  for (size_t p = 0; p < pages.size(); ++p) {
    objects.push_back(fmt::format("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {:.2f} {:.2f}] "
                                  "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents {} 0 R >>",
                                  page_width, page_height, 7 + 2 * p));
    const std::string content = page_content(pages[p]);
    objects.push_back(fmt::format("<< /Length {} >>\nstream\n{}endstream", content.size(), content));
  }
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const size_t xref = out.size();
  out += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (size_t off : offsets)
    out += fmt::format("{:010d} 00000 n \n", off);
  out += fmt::format("trailer\n<< /Size {} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{}\n%%EOF\n",
                     objects.size() + 1, xref);
  return out;
}

} // namespace imi
