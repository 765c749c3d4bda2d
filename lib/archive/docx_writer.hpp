// A small WordprocessingML (.docx) writer: headings, paragraphs and tables,
// enough for the archive's report and the consent declaration. The package
// is a zip (libzip) holding [Content_Types].xml, _rels/.rels,
// word/document.xml, word/styles.xml and the document's relationships.
// Word, LibreOffice and python-docx read it; every table carries w:tblPr and
// w:tblGrid, without which readers reject the document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace imi::docx {

// Text as XML character data: & < > " ' escaped, characters XML 1.0 forbids
// (control characters but tab, newline and carriage return; U+FFFE, U+FFFF)
// dropped, and bytes that are not UTF-8 replaced by U+FFFD.
std::string xml_text(std::string_view text);

class Document {
public:
  void title(std::string_view text);
  // level 1 or 2 (styles Heading1, Heading2).
  void heading(int level, std::string_view text);
  // Newlines in text become line breaks, tabs tab stops.
  void paragraph(std::string_view text, bool bold = false);
  // rows[0] is the header (bold) when `header`; every row has the same
  // number of cells as the widest; widths are relative weights per column.
  void table(const std::vector<std::vector<std::string>>& rows, bool header,
             const std::vector<int>& weights = {});
  // A table of two columns: label, value.
  void fields(const std::vector<std::pair<std::string, std::string>>& rows);

  std::string document_xml() const;
  // The .docx file's bytes.
  std::string package() const;

private:
  std::string body_;
};

// The parts of a package, for tests: name and content of each zip entry.
std::vector<std::pair<std::string, std::string>> read_package(const std::string& bytes);

} // namespace imi::docx
