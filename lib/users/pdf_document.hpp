// A minimal PDF 1.4 writer: pages of left-aligned lines in Helvetica, enough
// for a printable sheet that any PDF reader opens, with no library beyond the
// standard one. Text is UTF-8; characters outside WinAnsi (Latin-1) are
// folded to ASCII.
#pragma once

#include <string>
#include <vector>

namespace imi {

struct PdfLine {
  std::string text;
  double size = 11; // points
  bool bold = false;
  double gap = 0; // extra space above, points
};
using PdfPage = std::vector<PdfLine>;

// The complete file contents; A4 pages, 2.5 cm margins.
std::string render_pdf(const std::vector<PdfPage>& pages, const std::string& title);

} // namespace imi
