// `imictl check`: the guide's advice as code. Each rule (rules.cpp, one
// table) looks at the own authority and reports findings with a severity, a
// stable code, the guide section it comes from and the command that fixes it.
#pragma once

#include "access/actor.hpp"
#include "authority/own_authority.hpp"
#include "util/time.hpp"

#include <SQLiteCpp/Database.h>
#include <string>
#include <vector>

namespace imi {

// error: the set-up does not work as the guide intends (mail cannot reach
// the authority, requests cannot be allocated or handled, mail was lost);
// warning: it works, but against explicit advice; suggestion: worth
// considering. `check` exits 1 when there is an error.
enum class Severity { error, warning, suggestion };
const char* severity_slug(Severity s);

struct Finding {
  Severity severity = Severity::warning;
  std::string code;          // stable slug, e.g. "single-lda"
  std::string message;       // what is wrong, naming users where useful
  std::string guide_section; // "H5 stap 2.3, H6.2"
  std::string fix;           // a command, e.g. "imictl role grant USER lda"
};

struct CheckContext {
  SQLite::Database& db;
  OwnAuthority authority;
  util::Instant now = 0;
};

// What a rule reports: the message and the fix; the table supplies the rest.
struct RuleHit {
  std::string message;
  std::string fix;
};

struct CheckRule {
  const char* code;
  Severity severity;
  const char* guide_section;
  const char* summary; // one line for the man page and --help
  std::vector<RuleHit> (*run)(const CheckContext& context);
};
const std::vector<CheckRule>& check_rules();

// Runs every rule in table order. Throws NotFoundError without an own authority.
std::vector<Finding> run_checks(SQLite::Database& db, util::Instant now);
class Session;
// `imictl check`: the findings name users, so the actor must be a user of the
// own authority (the access layer decides).
std::vector<Finding> check_setup(Session& session, const Actor& actor);
bool has_errors(const std::vector<Finding>& findings);

// The all-caps words of two or more letters ("VROM" in "VROM-inspectie")
// that make an informal name look abbreviated (H2.2).
std::vector<std::string> abbreviations_in(const std::string& name);

} // namespace imi
