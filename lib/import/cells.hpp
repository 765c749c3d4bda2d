// Reading the cells of a result-table row the way people fill them in:
// names with tussenvoegsels and a function in parentheses, functional
// mailboxes, several roles in one cell, laws one per line.
#pragma once

#include "users/role.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace imi {

// Trims, turns line breaks and runs of blanks into one space (a wrapped cell
// such as "Bouw en\nWoningtoezicht" is one name), removes the apostrophe
// spreadsheets put before a leading = + - @, and normalises to Unicode NFC.
std::string clean_cell(std::string_view cell);

// A mailbox cell: trimmed and in NFC, so that the same address typed with a
// composed or a decomposed accent is one mailbox, and one user.
std::string mailbox_cell(std::string_view cell);

// The problem with a cell that holds an invisible or bidirectional character
// (zero-width space, right-to-left override, ...), naming it; empty if none.
// Such a cell would read like another one and yet differ from it.
std::string hidden_character_problem(std::string_view cell);

struct PersonName {
  std::string first, last; // functional account: first empty, last the name
  std::string function;    // the part in parentheses, if any
  bool functional = false;
};

// "Pieter de Kort" -> {Pieter, de Kort}; "Anna Maria van der Berg" ->
// {Anna Maria, van der Berg}; "Bram Pauwels (beleidsmedewerker)" carries a
// function. A one-word name ("Publieksbalie", "Energiemarkt") or a name
// equal to the department is a functional account. Returns the problem
// instead when there is one.
struct NameParse {
  std::optional<PersonName> name;
  std::string problem;
};
NameParse parse_person_name(std::string_view cell, std::string_view department);

// How a name is written in the table (export, and the comparison that keeps
// an existing user's own split of first and last name).
std::string display_name(const PersonName& n);

// Roles as a bit set (handler 1, lda 2, allocator 4); basic is implied.
using RoleMask = std::uint8_t;
RoleMask role_bit(Role r);
std::vector<Role> roles_in(RoleMask mask);

// "Behandelaar / Toewijzer", "handler, lda", "Behandelaar en LGB", one per
// line: separators / , ; + & and the words "en" and "and". Unknown parts are
// returned with the nearest known role name ("" when none is near).
struct RolesParse {
  RoleMask roles = 0;
  struct Unknown {
    std::string text, suggestion;
  };
  std::vector<Unknown> unknown;
};
RolesParse parse_roles_cell(std::string_view cell);

// Laws one per line or separated by ';', trimmed, without duplicates.
std::vector<std::string> parse_laws_cell(std::string_view cell);

} // namespace imi
