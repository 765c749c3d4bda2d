#!/usr/bin/env bash
# Mutation testing: breaks one rule at a time in a scratch copy of the tree,
# rebuilds, runs the suites that should notice, and prints whether each
# mutation was caught (a suite failed) or survived (every suite passed).
# A survivor is a rule no test holds in place.
#
#   tests/mutation.sh               every mutation in the table below
#   tests/mutation.sh NAME...       only these
#   tests/mutation.sh --list        the table
#   tests/mutation.sh --check       only whether each change still applies
#
# The working tree is never changed: the tree as it is (committed or not) is
# copied to $MUTATION_DIR/src and built in $MUTATION_DIR/build, both reused
# between runs (ccache makes the rebuild after each mutation cheap).
# Environment: MUTATION_DIR (default build-mutation/), MUTATION_JOBS (default 2).
# Exit status: 0 every mutation caught; 1 a mutation survived, did not apply
# or did not build; 2 the unmutated tree already fails its suites.
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=${MUTATION_DIR:-$repo/build-mutation}
src=$work/src
build=$work/build
logs=$work/logs
jobs=${MUTATION_JOBS:-2}

# One mutation a line, in four columns separated by spaces:
#   name  file  suites (a ctest -R regex)  change
# The change is the rest of the line: a sed -E expression applied to the
# file, or "perl:EXPR" for perl -0pi (EXPR sees the whole file, for changes
# across lines). A change that leaves the file as it was is an error, so an
# entry that no longer matches the code is noticed, not counted as caught.
read -r -d '' MUTATIONS <<'TABLE'
# The access layer (lib/access): the permission table, who is acting, refusals audited, record-level reads.
require-authority     lib/access/permissions.cpp   ^e2e\.(permissions|authority|access_matrix)$ s/ && actor\.authority_id == target_authority_id//
require-role          lib/access/permissions.cpp   ^e2e\.(permissions|authority|import|notify)$ s/ && actor\.has\(rule\.role\)//
require-system        lib/access/permissions.cpp   ^(unit|e2e\.(permissions|notify|access_matrix))$ s/if \(actor\.is_system\(\)\) return rule\.system_allowed;/if (actor.is_system()) return true;/
rule-roles-by-basic   lib/access/permissions.cpp   ^e2e\.(permissions|role)$                    s/(Permission::manage_roles, "role\.manage", )Role::lda/\1Role::basic/
rule-import-by-basic  lib/access/permissions.cpp   ^e2e\.(permissions|import)$                  s/(Permission::import_table, "import", )Role::lda/\1Role::basic/
rule-retry-by-cron    lib/access/permissions.cpp   ^unit$                                       s/(Permission::retry_notifications, "notify\.retry", Role::lda, )false/\1true/
rule-mail-by-basic    lib/access/permissions.cpp   ^e2e\.access_matrix$                         s/(Permission::view_mail, "notify\.list", )Role::lda/\1Role::basic/
rule-export-by-basic  lib/access/permissions.cpp   ^e2e\.access_matrix$                         s/(Permission::export_table, "export", )Role::lda/\1Role::basic/
rule-audit-by-basic   lib/access/permissions.cpp   ^e2e\.access_matrix$                         s/(Permission::view_audit, "audit\.list", )Role::lda/\1Role::basic/
users-other-authority lib/access/record_access.cpp ^e2e\.access_matrix$                         s/return allowed\(actor, Permission::view_users, authority_id\);/return actor.kind == Actor::Kind::user;/
actor-locked          lib/access/identity.cpp      ^e2e\.(permissions|access_matrix)$           s/if \(found\.status == "locked" \|\| found\.status == "deleted"\) \{/if (false) {/
system-nameable       lib/access/identity.cpp      ^e2e\.(permissions|access_matrix)$           s/if \(named && \*named == system_actor_name\) \{/if (false) {/
refusal-audited       lib/access/permissions.cpp   ^e2e\.(permissions|authority|access_matrix)$ perl:s/  session\.audit_after_rollback\(actor\.audit_name\(\), "denied:" \+ std::string\(rule\.action\), object,\n\s+refusal_message\(Refusal\{false\}, actor, rule, target_authority_id\)\);//
refusal-flushed       lib/core/session.cpp         ^e2e\.(permissions|authority|access_matrix)$ s/if \(refusals_\.empty\(\)\) return;/return;/
# Shared mode: the OS account decides, --as cannot name another, sudo callers cannot pick the configuration.
os-trust-anyone       lib/access/identity.cpp      ^e2e\.os_identity$                           s/if \(who\.uid == 0\) return true;/return true;/
os-as-other           lib/access/identity.cpp      ^e2e\.os_identity$                           s/if \(!other \|\| other->id != linked\.id\) \{/if (false) {/
os-config-choice      lib/access/invocation.cpp    ^e2e\.os_identity$                           s/if \(!who\.through_sudo \|\| ::geteuid\(\) == 0\) return;/return;/
# Names and roles: `system` reserved, an import may not take the actor's own lda.
system-username       lib/users/username.cpp       ^e2e\.trust_rules$                           s/return username == system_actor_name;/return false;/
self-demotion         lib/import/import_table.cpp  ^e2e\.trust_rules$                           s/if \(!options\.allow_self_demotion && !options\.dry_run\)/if (false)/
# The last local data administrator who can act, in each path that can remove one; no one locks themselves out.
last-lda-usable       lib/users/user_store.cpp     ^e2e\.trust_rules$                           s/u\.status IN \('pending', 'active'\)/u.status <> 'deleted'/
last-lda-revoke       lib/users/role_admin.cpp     ^e2e\.(role|trust_rules)$                    s/count_usable_ldas\(db, ref\.authority_id, ref\.id\) == 0/false/
last-lda-delete       lib/users/user_lifecycle.cpp ^e2e\.(user|trust_rules)$                    s/was_lda && count_usable_ldas\(db, t\.user\.authority_id, t\.user\.id\) == 0/false/
last-lda-import       lib/import/import_table.cpp  ^e2e\.(import|trust_rules)$                  s/ldas_before > 0 && count_usable_ldas\(db, authority_id\) == 0/false/
lock-self             lib/users/user_lifecycle.cpp ^e2e\.user$                                  s/if \(t\.user\.id == t\.actor\.user_id\)/if (false)/
# The audit chain (lib/core/audit.cpp): every field in the hash, the link to the entry before, the head.
audit-hash-at         lib/core/audit.cpp           ^e2e\.(audit|audit_head)$                    s/, &at//
audit-hash-actor      lib/core/audit.cpp           ^e2e\.(audit|audit_head)$                    s/, &actor//
audit-hash-action     lib/core/audit.cpp           ^e2e\.(audit|audit_head)$                    s/, &action//
audit-hash-object     lib/core/audit.cpp           ^e2e\.(audit|audit_head)$                    s/, &object//
audit-hash-summary    lib/core/audit.cpp           ^e2e\.(audit|audit_head)$                    s/, &summary//
audit-hash-prev       lib/core/audit.cpp           ^e2e\.(audit|audit_head)$                    s/\{&prev, /{/
audit-hash-id         lib/core/audit.cpp           ^e2e\.audit_head$                            s/input \+= fmt::format\("\\nid:\{\}", id\);//
audit-chain-link      lib/core/audit.cpp           ^e2e\.audit$                                 s/e\.prev_hash != expected_prev/false/
# Mail and text: permanent failures fail at once, refused logins are audited, hidden characters are refused.
smtp-permanent        lib/notify/transport_failure.cpp ^e2e\.mail_redaction$                    s/if \(reply_code < 500 \|\| reply_code > 599\) return false;/return false;/
login-refusal-audit   lib/users/login.cpp          ^e2e\.login_refused$                         perl:s/(refuse_unusable.*?\{.*?)append_audit\(/$1if (false) append_audit(/s
hidden-characters     lib/core/validate.cpp        ^e2e\.text_input$                            s/if \(const auto cp = util::find_hidden_character\(value, multiline\)\)/if (const auto cp = util::find_hidden_character(value, multiline); false \&\& cp)/
nfc-before-compare    lib/core/validate.cpp        ^e2e\.text_input$                            s/util::trim\(util::to_nfc\(value\)\)/util::trim(value)/
# Files: the key file, init all-or-nothing, the database path, config values, the safe output writer.
key-link-followed        lib/users/security_code.cpp   ^e2e\.files_and_init$  s/if \(::lstat\(path\.c_str\(\), &st\) != 0\) \{/if (::stat(path.c_str(), \&st) != 0) {/
key-after-commit         lib/authority/init.cpp        ^e2e\.files_and_init$  perl:s/  ensure_key_file\(security_key_path\(session\)\);\n  return result;/  return result;/; s/(fill_own_authority\(session, db, in, c\); \}\);\n)/$1  ensure_key_file(security_key_path(session));\n/
key-path-as-spelled      lib/core/config.cpp           ^e2e\.files_and_init$  s/return real_path\(database_path\) \+ "\.key";/return database_path + ".key";/
folders-umask            lib/core/database_file.cpp    ^e2e\.files_and_init$  s/if \(::chmod\(folder\.c_str\(\), 0700\) != 0\)/if (false)/
empty-file-mode-kept     lib/core/database.cpp         ^e2e\.files_and_init$  s/if \(state == DatabaseFileState::empty\) make_database_file_private\(path\);//
init-schema-first        lib/core/database.cpp         ^e2e\.files_and_init$  perl:s/      run_migrations\(\*db, version\);\n      fill\(\*db\);/      run_migrations(*db, version);\n      tx.commit();\n      WriteTransaction tx2(*db);\n      fill(*db);\n      tx2.commit();/
foreign-sqlite-migrated  lib/core/database.cpp         ^e2e\.files_and_init$  s/if \(version == 0 && db\.execAndGet/if (false \&\& db.execAndGet/
db-path-too-long-is-7    lib/core/database_file.cpp    ^e2e\.files_and_init$  s/case ENAMETOOLONG: throw UsageError\(/case ENAMETOOLONG: throw UnavailableError(/
db-fifo-opened           lib/core/database_file.cpp    ^e2e\.files_and_init$  perl:s/  if \(!S_ISREG\(st\.st_mode\)\)\n    throw UnavailableError/  if (false)\n    throw UnavailableError/
db-folder-opened         lib/core/database_file.cpp    ^e2e\.files_and_init$  perl:s/  if \(S_ISDIR\(st\.st_mode\)\)\n    throw/  if (false)\n    throw/
search-name-unlimited    lib/authority/authority.cpp   ^e2e\.files_and_init$  s/const std::string fragment = check_text\("name", \*f\.name, false\);/const std::string fragment = *f.name;/
init-handler-always      lib/authority/init.cpp        ^(unit|e2e\.(files_and_init|init))$  s/if \(!in\.services\.empty\(\)\) result\.roles\.push_back\("handler"\);/result.roles.push_back("handler");/
config-fifo-blocks       lib/core/config.cpp           ^e2e\.config_values$   s/O_RDONLY \| O_NONBLOCK \| O_NOCTTY/O_RDONLY | O_NOCTTY/
config-folder-read       lib/core/config.cpp           ^e2e\.config_values$   perl:s/  if \(!S_ISREG\(st\.st_mode\)\) \{\n    ::close\(fd\);/  if (false) {\n    ::close(fd);/
config-no-range          lib/core/config.cpp           ^e2e\.config_values$   perl:s/end != value\.data\(\) \+ value\.size\(\) \|\| n < key\.min \|\|\n\s*n > key\.max\)/end != value.data() + value.size())/
config-min-length-0      lib/core/config_keys.cpp      ^e2e\.config_values$   s/"12", "", 8, 256, false/"12", "", 0, 256, false/
config-required-empty    lib/core/config.cpp           ^e2e\.config_values$   s/if \(key\.required && value\.empty\(\)\)/if (false \&\& value.empty())/
config-period-range      lib/core/config.cpp           ^e2e\.config_values$   s/value\.size\(\) > 20 \|\| period_days\(\*p\) < key\.min \|\| period_days\(\*p\) > key\.max\)/period_days(*p) < -1000000000)/
writer-follows-link      lib/core/safe_output.cpp      ^e2e\.safe_output$     s/      if \(S_ISLNK\(st\.st_mode\)\)$/      if (false)/
writer-no-protection     lib/core/safe_output.cpp      ^e2e\.safe_output$     perl:s/    if \(p\.empty\(\)\) continue;/    continue;/
writer-protect-by-name   lib/core/safe_output.cpp      ^e2e\.safe_output$     s/if \(target_exists && ::stat\(p\.c_str\(\), &st\) == 0 && same_inode\(st, target\)\)/if (false \&\& target_exists)/
writer-ignores-errors    lib/core/fd_streambuf.hpp     ^(unit|e2e\.safe_output)$ perl:s/        error_ = n < 0 \? errno : EIO;\n        return false;/        break;/
writer-no-fchmod         lib/core/safe_output.cpp      ^e2e\.safe_output$     s/if \(::fchmod\(m\.fd, m\.options\.mode\) != 0 \|\| ::fsync\(m\.fd\) != 0\)/if (::fsync(m.fd) != 0)/
writer-dash-is-a-file    lib/core/safe_output.cpp      ^e2e\.safe_output$     s/  if \(m\.path == "-"\) \{/  if (false) {/
writer-temp-not-excl     lib/core/safe_output.cpp      ^unit$                 s/O_WRONLY \| O_CREAT \| O_EXCL \| O_NOFOLLOW \| O_CLOEXEC, 0600\);/O_WRONLY | O_CREAT | O_CLOEXEC, 0600);/
# Reading files: encoding detection (lib/util/encoding.cpp); an import writes all or nothing.
encoding-utf8         lib/util/encoding.cpp        ^e2e\.(import|export)$                       s/if \(len > 1\)/if (false)/
encoding-1252         lib/util/encoding.cpp        ^e2e\.(import|export)$                       s/else if \(len == 0 \|\| last\)/else if (false)/
encoding-utf16-bom    lib/util/encoding.cpp        ^e2e\.(import|export)$                       s/ && !bom\("\\xFF\\xFE", TextEncoding::utf16le\)//
import-all-or-nothing lib/import/import_table.cpp  ^e2e\.import$                                s/if \(errors\.any\(\)\) throw ImportInvalidError/if (errors.any()) tx.commit();\n  &/
# Writing CSV: cells a spreadsheet would run as formulas are neutralised, in both writers.
csv-formula           lib/core/output_encoding.cpp ^e2e\.(cli|export)$                          s/return "'" \+ cell;/return cell;/
csv-formula-export    lib/export/result_table.cpp  ^e2e\.export$                                s/neutralise_csv_cell\(cells\[i\]\)/cells[i]/
csv-formula-listing   lib/core/output.cpp          ^e2e\.(cli|scripting)$                      s/guard \? neutralise_csv_cell\(cell\) : cell/cell/
# Help and "did you mean": the command table drives the listing; one suggestion rule (prefixes, Dutch labels).
help-summary-from-table  cli/app.cpp                   ^e2e\.help$            s/    after\.back\(\)->description\(_\(row\.summary\)\);//
help-bare-shows-help     cli/app.cpp                   ^e2e\.help$            s/if \(problem\.show_help != nullptr && !json_errors\)/if (false)/
suggest-option           cli/parse_errors.cpp          ^e2e\.help$            s/if \(!near\.empty\(\)\) return _f\("unknown option \{\}; did you mean --\{\}\?", option, near\.front\(\)\);//
suggest-prefix           lib/util/suggest.cpp          ^(unit|e2e\.help)$     s/if \(word\.size\(\) >= 3 && starts_a_word_of\(name, word\)\)/if (false \&\& starts_a_word_of(name, word))/
suggest-dutch-labels     lib/authority/keyword_vocabulary.cpp ^(unit|e2e\.help)$ s/\{k\.slug, \{k\.slug, k\.label_en, k\.label_nl\}\}/{k.slug, {k.slug}}/
keywords-without-db      cli/cmd_authority_details.cpp ^e2e\.help$            s/return print_keywords\(rt, shipped_keyword_vocabulary\(\)\);/return print_keywords(rt, keyword_vocabulary(rt.session().db()));/
# Consistency for scripts: enumerations, destructive commands, restore, -q, CSV.
enum-value-usage         cli/enum_option.cpp          ^e2e\.(user|role|authority)$        s/return message;/return {};/
delete-dry-run           lib/users/user_lifecycle.cpp ^e2e\.destructive$                  s/if \(options\.dry_run\) return view;//
revoke-dry-run           lib/users/role_admin.cpp     ^e2e\.destructive$                  s/if \(dry_run\) return view; \/\/ rolled back: see user_admin\.hpp//
delete-needs-yes         lib/users/user_lifecycle.cpp ^e2e\.destructive$                  s/if \(!options\.yes && !options\.dry_run && !reporter\.can_confirm\(\)\)/if (false)/
restore-period           lib/users/user_restore.cpp   ^e2e\.destructive$                  s/ \|\| session\.now\(\) >= until//
restore-purged           lib/users/user_restore.cpp   ^e2e\.destructive$                  s/deletion\.purged \|\| //
restore-email-free       lib/users/user_restore.cpp   ^e2e\.destructive$                  s/^  check_email_free\(db, t\.user\);//
quiet-changed-record     cli/runtime.cpp              ^e2e\.destructive$                  s/if \(!options\.quiet\) out\(\)\.object\(record\);/out().object(record);/
csv-nested-refused       cli/runtime.cpp              ^e2e\.(scripting|request_visibility|request_cli)$ s/if \(format\(\) == Format::csv\)/if (false)/
blocked-hint-outsiders    lib/requests/request_gate.cpp ^e2e\.request_visibility$          s/if \(r\.blocked \&\& involved\)/if (r.blocked \&\& (involved || true))/
csv-number-unguarded     lib/core/output.cpp          ^e2e\.(scripting|stats)$            s/ && record\[i\]\.value\.type != Value::Type::integer//
csv-raw-ignored          lib/export/result_table.cpp  ^e2e\.scripting$                    s/o_\.raw \? cells\[i\] : //
mail-from-effective      cli/cmd_config.cpp           ^e2e\.config$                       s/e\.value\.empty\(\)\)/false)/
# Dutch and English (lib/util/i18n, lib/core/field_labels, po/nl.po): the language rule, Dutch under the C locale, tables, the catalogue check.
lang-c-locale            lib/util/i18n.cpp            ^e2e\.i18n$                        s/std::setlocale\(LC_MESSAGES, "C\.UTF-8"\);/(void)0;/
lang-forced-ignored      lib/util/i18n.cpp            ^(unit|e2e\.i18n)$                 s/forced == "nl" \|\| forced == "en" \? forced : std::string_view\{\}/std::string_view{}/
lang-env-order           lib/util/i18n.cpp            ^(unit|e2e\.i18n)$                 s/\{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"\}/{"LANG", "LC_MESSAGES", "LC_ALL", "LANGUAGE"}/
table-codes-english      lib/core/field_labels.cpp    ^e2e\.i18n$                        s/if \(key == "role" \|\| key == "roles"\) return "role";//
csv-translated           lib/core/output.cpp          ^e2e\.i18n$                        s/const std::string cell = cell_text\(record\[i\]\.value\);/const std::string cell = table_cell(record[i]);/
catalogue-gap            po/nl.po                     ^i18n\.catalogue$                  perl:s/msgid "hint:"\nmsgstr "tip:"/msgid "hint:"\nmsgstr ""/
# Retention (lib/retention): the stages, what deletion wipes, nothing left in the files, blocked data hidden.
refused-stays-open       lib/retention/retention_policy.hpp ^(unit|e2e\.purge)$            s/\('closed', 'refused'\)/('closed')/
no-block-stage           lib/retention/retention_policy.cpp ^(unit|e2e\.purge)$            s/  if \(policy\.blocks_first\(now\)\)$/  if (false)/
delete-keeps-mail-bodies lib/retention/request_erasure.cpp  ^e2e\.(purge|purge_bytes)$    s/"UPDATE outbox SET subject = '', body = NULL, "/"UPDATE outbox SET attempts = attempts, "/
delete-keeps-free-text   lib/retention/request_erasure.cpp  ^e2e\.purge_bytes$             s/THEN text ELSE '' END/THEN text ELSE text END/
delete-keeps-comments    lib/retention/request_erasure.cpp  ^e2e\.(purge|purge_bytes)$    s/SET comment = NULL WHERE/SET comment = comment WHERE/
wipe-keeps-user-names    lib/retention/request_erasure.cpp  ^e2e\.(purge|purge_bytes)$    s/SET first_name = '', last_name = '', email = '', /SET /
purge-without-secure     lib/retention/purge.cpp            ^e2e\.purge_bytes$             perl:s/  if \(db\.execAndGet\("PRAGMA secure_delete"\)\.getInt\(\) != 1\)\n/  db.exec("PRAGMA secure_delete = OFF");\n  if (false)\n/
secure-delete-off        lib/core/database.cpp              ^e2e\.(purge|purge_bytes)$    s/PRAGMA secure_delete = ON;/PRAGMA secure_delete = OFF;/
checkpoint-passive       lib/retention/purge.cpp            ^e2e\.(purge|purge_bytes)$    s/wal_checkpoint\(TRUNCATE\)/wal_checkpoint(PASSIVE)/
archived-not-required    lib/retention/purge.cpp            ^e2e\.purge$                   s/ AND r\.archived_at IS NOT NULL" : ""/" : ""/
batch-not-atomic         lib/retention/purge.cpp            ^e2e\.purge_robust$            perl:s/      if \(found > 0\) stage\.apply\(db_, ids, now_\);\n      tx\.commit\(\);/      tx.commit();\n      if (found > 0) stage.apply(db_, ids, now_);/
blocked-shown-to-lda     lib/access/record_access.cpp       ^e2e\.purge$                   s/ && r\.reveal_blocked \? RequestView::full/ ? RequestView::full/
reveal-by-anyone         lib/access/permissions.cpp         ^e2e\.purge$                   s/(Permission::reveal_blocked, "request\.reveal", )Role::lda/\1Role::basic/
# The archive (lib/archive): the full view, an LDA for blocked requests, no overwrite, no escape from DIR.
archive-without-full-view lib/archive/archive_access.cpp ^e2e\.(archive|consent_form)$ s/return r\.view == RequestView::full;/return r.view != RequestView::none;/
archive-reveal-by-anyone  lib/access/record_access.cpp   ^e2e\.(archive|request_visibility)$ s/\(requester \|\| responder\) && actor\.has\(Role::lda\) && r\.reveal_blocked/(requester || responder) \&\& r.reveal_blocked/
archive-overwrites        lib/archive/archive_folder.cpp ^e2e\.archive$        s/    if \(!force_\)/    if (false)/
archive-link-folder       lib/archive/archive_folder.cpp ^e2e\.archive$        s/if \(S_ISLNK\(st\.st_mode\)\) refuse_link\(path_of\(sub\)\)/if (false) refuse_link(path_of(sub))/
archive-bad-reference     lib/archive/archive.cpp        ^e2e\.archive$        s/  if \(!is_reference\(r\.reference\)\)/  if (false)/
archive-name-keeps-path   lib/archive/file_names.cpp     ^(unit|e2e\.archive)$ s/if \(slash != std::string_view::npos\) name\.remove_prefix\(slash \+ 1\);//
archive-name-hidden       lib/archive/file_names.cpp     ^(unit|e2e\.archive)$ s/clean\.find_first_not_of\("\. "\)/clean.find_first_not_of(" ")/
archive-name-control      lib/archive/file_names.cpp     ^(unit|e2e\.archive)$ s/if \(c < 0x20 \|\| c == 0x7F\) continue;//
archive-name-duplicates   lib/archive/file_names.cpp     ^(unit|e2e\.archive)$ s/taken\.count\(lower\(candidate\)\) != 0/false/
docx-no-escape            lib/archive/docx_writer.cpp    ^(unit|e2e\.archive)$ s/case '<': out \+= "&lt;"; break;//
docx-no-tblgrid           lib/archive/docx_writer.cpp    ^unit$                s/<\/w:tblPr><w:tblGrid>/<\/w:tblPr>/
# Shell completion: only what the actor could list, without refusals written; keywords by label too.
completion-users-guard   lib/completion/completion_values.cpp ^e2e\.completion$ s/if \(actor\.kind != Actor::Kind::user \|\| !may_see_user_data\(actor, actor\.authority_id\)\) return \{\};//
completion-refs-guard    lib/completion/completion_values.cpp ^e2e\.completion$ s/if \(actor\.kind != Actor::Kind::user \|\| !allowed\(actor, Permission::view_requests, actor\.authority_id\)\)/if (false)/
completion-refs-prefix   lib/requests/request_view.cpp        ^e2e\.completion$ s/substr\(r\.reference, 1, length\(:prefix\)\) = upper\(:prefix\)/length(:prefix) >= 0/
completion-keyword-label lib/completion/completion_values.cpp ^e2e\.completion$ s/return by_slug\.empty\(\) \? by_label : by_slug;/return by_slug;/
config-example-every-key lib/core/config_example.cpp          ^(install|unit)$ s/out \+= fmt::format\("# \{\} = \{\}\\n", name/if (key.type != ConfigType::period) out += fmt::format("# {} = {}\\n", name/
TABLE

die() {
  echo "mutation: $*" >&2
  exit 2
}

# The table as NAME<TAB>FILE<TAB>SUITES<TAB>CHANGE lines, comments dropped.
table() {
  local name file suites change
  while read -r name file suites change; do
    case "$name" in '' | '#'*) continue ;; esac
    [ -n "$change" ] || die "table line for '$name' has fewer than four columns"
    printf '%s\t%s\t%s\t%s\n' "$name" "$file" "$suites" "$change"
  done <<<"$MUTATIONS"
}

# mutate FILE CHANGE: applies a table entry's change to FILE in place.
mutate() {
  case "$2" in
    perl:*) perl -0pi -e "${2#perl:}" "$1" ;;
    *) sed -E -i "$2" "$1" ;;
  esac
}

mode=run
case "${1:-}" in
  --list)
    table | awk -F'\t' '{printf "%-22s %-30s %s\n", $1, $2, $3}'
    exit 0
    ;;
  --check)
    mode=check
    shift
    ;;
  -*) die "unknown option $1 (see the top of $0)" ;;
esac
wanted=("$@")
selected=$(table | awk -F'\t' -v names=" ${wanted[*]} " 'names == "  " || index(names, " " $1 " ")')
[ -n "$selected" ] || die "no mutation named ${wanted[*]} (see --list)"
for name in "${wanted[@]}"; do
  grep -q "^$name	" <<<"$selected" || die "no mutation named $name (see --list)"
done
[ "$(table | cut -f1 | sort | uniq -d)" = "" ] || die "duplicate mutation names in the table"

if [ "$mode" = check ]; then
  bad=0
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  while IFS=$'\t' read -r name file suites change; do
    if [ ! -f "$repo/$file" ]; then
      echo "$name: no file $file"
      bad=1
      continue
    fi
    cp "$repo/$file" "$scratch/file"
    if mutate "$scratch/file" "$change" && ! cmp -s "$repo/$file" "$scratch/file"; then
      echo "$name: applies"
    else
      echo "$name: DOES NOT APPLY to $file"
      bad=1
    fi
  done <<<"$selected"
  exit "$bad"
fi

# sync_tree: makes $src hold exactly the tree's files. Only files whose
# content differs are copied (with a fresh modification time), so ninja
# rebuilds what changed, including a file a mutation left behind.
sync_tree() {
  local f list=$work/files
  mkdir -p "$src"
  (cd "$repo" && git ls-files -z --cached --others --exclude-standard) >"$list" || die "git ls-files failed"
  while IFS= read -r -d '' f; do
    [ -f "$repo/$f" ] || continue # deleted in the working tree
    if ! cmp -s "$repo/$f" "$src/$f"; then
      mkdir -p "$(dirname "$src/$f")"
      cp "$repo/$f" "$src/$f" || die "cannot copy $f"
    fi
  done <"$list"
  # Files the tree no longer has (a removed test would still be registered).
  (cd "$src" && find . -type f -printf '%P\0') | while IFS= read -r -d '' f; do
    [ -f "$repo/$f" ] || rm -f "$src/$f"
  done
}

restore() { # restore FILE: the tree's version, with a fresh modification time
  cp "$repo/$1" "$src/$1"
}

build_tree() {
  cmake -S "$src" -B "$build" -G Ninja -DIMICTL_TESTS=ON -DIMICTL_WERROR=OFF >/dev/null &&
    ninja -j"$jobs" -C "$build" imictl imi_unittest translations >/dev/null
}

# run_suites REGEX LOG: runs the suites; prints the names of those that failed.
run_suites() {
  (cd "$build" && ctest -R "$1" --no-tests=error --output-on-failure -j"$jobs") >"$2" 2>&1
  local rc=$?
  sed -n 's/^[[:space:]]*[0-9]* - \([^ ]*\) (.*/\1/p' "$2" | paste -sd, -
  return "$rc"
}

mkdir -p "$logs"
echo "mutation: copying the tree to $src and building" >&2
sync_tree
build_tree >"$logs/build.log" 2>&1 || die "the unmutated tree does not build: $logs/build.log"
# The baseline runs every suite some mutation names, once. (One regex of all
# the table's regexes would exceed ctest's limit on parentheses.)
all_suites=
while read -r test; do
  while IFS=$'\t' read -r _ _ suites _; do
    if [[ $test =~ $suites ]]; then
      all_suites+=${all_suites:+|}${test//./\\.}
      break
    fi
  done <<<"$selected"
done < <(cd "$build" && ctest -N | sed -n 's/^ *Test *#[0-9]*: //p')
[ -n "$all_suites" ] || die "no registered test matches the table's suites"
all_suites="^($all_suites)\$"
echo "mutation: running the suites on the unmutated tree" >&2
failed=$(run_suites "$all_suites" "$logs/baseline.log") ||
  die "the unmutated tree fails ${failed:-its suites}; see $logs/baseline.log"

current=
trap '[ -z "$current" ] || restore "$current"' EXIT
results=()
bad=0
while IFS=$'\t' read -r name file suites change; do
  echo "mutation: $name" >&2
  [ -f "$src/$file" ] || { results+=("$name"$'\t'"$suites"$'\t'"NOT APPLIED: no file $file"); bad=1; continue; }
  current=$file
  mutate "$src/$file" "$change"
  if cmp -s "$repo/$file" "$src/$file"; then
    outcome="NOT APPLIED: the change does not match $file"
    bad=1
  elif ! build_tree >"$logs/$name.log" 2>&1; then
    outcome="BUILD FAILED: see $logs/$name.log"
    bad=1
  elif failed=$(run_suites "$suites" "$logs/$name.log"); then
    outcome="SURVIVED"
    bad=1
  else
    outcome="caught by ${failed:-(see $logs/$name.log)}"
  fi
  restore "$file"
  current=
  results+=("$name"$'\t'"$suites"$'\t'"$outcome")
done <<<"$selected"

# The build directory goes back to the unmutated tree.
build_tree >>"$logs/build.log" 2>&1 || echo "mutation: rebuilding the unmutated tree failed" >&2

printf '\n%-22s | %-45s | %s\n' mutation suites caught/survived
printf '%s\n' "$(printf '%.0s-' {1..100})"
for r in "${results[@]}"; do
  IFS=$'\t' read -r name suites outcome <<<"$r"
  printf '%-22s | %-45s | %s\n' "$name" "$suites" "$outcome"
done
exit "$bad"
