// The Services-Directive keyword vocabulary (tab Voorkeur voor diensten,
// schemas/002_keywords.sql): listing it with or without a database, and the
// one way a keyword someone typed (slug, English or Dutch label) becomes a
// slug, with suggestions when it does not.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace imi {

struct Keyword {
  std::string slug, label_en, label_nl;
};

std::vector<Keyword> keyword_vocabulary(SQLite::Database& db);
// The vocabulary this binary ships, read from its embedded schema: for
// listing keywords before there is a database, or without touching it.
std::vector<Keyword> shipped_keyword_vocabulary();

// Slugs close to `text` through the slug or either label: "bouw" (Dutch for
// building) suggests construction (Bouwdiensten) first.
std::vector<std::string> suggest_keywords(std::string_view text, const std::vector<Keyword>& vocabulary,
                                          size_t limit = 3);

// A slug or a label in English or Dutch, case-insensitive. Otherwise
// NotFoundError (3) "<context>: unknown keyword 'x'" (no prefix when
// `context` is empty) with "did you mean" and where to see the vocabulary.
std::string resolve_keyword(SQLite::Database& db, std::string_view text, std::string_view context = {});

} // namespace imi
