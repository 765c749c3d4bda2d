// The zip package around a document: the parts Word needs besides the
// document itself (content types, relationships, styles with headings),
// written and read with libzip in memory.
#include "archive/docx_writer.hpp"
#include "core/error.hpp"
#include "util/i18n.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <zip.h>

namespace imi::docx {
namespace {

constexpr std::string_view w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships";

std::string content_types()
{
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>
)";
}

std::string package_rels()
{
  return fmt::format(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{}">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
)",
                     rel_ns);
}

std::string document_rels()
{
  return fmt::format(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{}">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
)",
                     rel_ns);
}

std::string heading_style(std::string_view id, std::string_view name, int size, int outline)
{
  return fmt::format(
      R"(<w:style w:type="paragraph" w:styleId="{0}"><w:name w:val="{1}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>{3}</w:pPr><w:rPr><w:b/><w:sz w:val="{2}"/></w:rPr></w:style>)",
      id, name, size, outline < 0 ? "" : fmt::format("<w:outlineLvl w:val=\"{}\"/>", outline));
}

std::string styles()
{
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri" w:eastAsia="Calibri"/><w:sz w:val="22"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
{}
{}
{}
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
)",
      w_ns, heading_style("Title", "Title", 36, -1), heading_style("Heading1", "heading 1", 30, 0),
      heading_style("Heading2", "heading 2", 24, 1));
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

[[noreturn]] void zip_failure(const char* what, zip_error_t* error)
{
  const std::string reason = zip_error_strerror(error);
  // TRANSLATORS: the first {} is the step that failed (open, close, a part name), the second libzip's reason.
  throw FailureError(_f("cannot build the .docx ({}): {}", what, reason));
}

} // namespace

std::string Document::package() const
{
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", content_types()},
      {"_rels/.rels", package_rels()},
      {"word/document.xml", document_xml()},
      {"word/styles.xml", styles()},
      {"word/_rels/document.xml.rels", document_rels()},
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) zip_failure("buffer", &error);
  // The archive writes into the buffer; keep it alive past zip_close to read it.
  zip_source_keep(buffer);
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, &zip_source_free);
  std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(buffer, ZIP_TRUNCATE, &error));
  if (!zip) zip_failure("open", &error);
  for (const auto& [name, content] : parts) {
    zip_source_t* part = zip_source_buffer(zip.get(), content.data(), content.size(), 0);
    if (!part) zip_failure(name.c_str(), zip_get_error(zip.get()));
    const zip_int64_t index =
        zip_file_add(zip.get(), name.c_str(), part, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(part);
      zip_failure(name.c_str(), zip_get_error(zip.get()));
    }
    // A fixed time (1980-01-01): the same report is the same bytes.
    zip_file_set_dostime(zip.get(), static_cast<zip_uint64_t>(index), 0, (0 << 9) | (1 << 5) | 1, 0);
  }
  if (zip_close(zip.get()) != 0) zip_failure("close", zip_get_error(zip.get()));
  zip.release(); // closed: nothing left to discard

  if (zip_source_open(buffer) != 0) zip_failure("read", zip_source_error(buffer));
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string bytes(size > 0 ? static_cast<size_t>(size) : 0, '\0');
  const zip_int64_t got = zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  if (got != size) throw FailureError(_("cannot build the .docx: the zip buffer could not be read back"));
  return bytes;
}

std::vector<std::pair<std::string, std::string>> read_package(const std::string& bytes)
{
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) zip_failure("buffer", &error);
  zip_t* raw = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!raw) {
    zip_source_free(source);
    zip_failure("open", &error);
  }
  std::unique_ptr<zip_t, ZipCloser> zip(raw);
  std::vector<std::pair<std::string, std::string>> out;
  const zip_int64_t n = zip_get_num_entries(zip.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(zip.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(
        zip_fopen_index(zip.get(), static_cast<zip_uint64_t>(i), 0), &zip_fclose);
    if (!f) zip_failure(st.name, zip_get_error(zip.get()));
    std::string content(static_cast<size_t>(st.size), '\0');
    if (zip_fread(f.get(), content.data(), content.size()) != static_cast<zip_int64_t>(st.size))
      zip_failure(st.name, zip_get_error(zip.get()));
    out.emplace_back(st.name, std::move(content));
  }
  return out;
}

} // namespace imi::docx
