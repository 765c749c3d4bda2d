#include "runtime.hpp"

#include "access/invocation.hpp"
#include "core/error.hpp"
#include "users/role.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace imi::cli {
namespace {

// Diagnostics on stderr: warnings always, notes unless --quiet, debug with
// --verbose, a progress bar only on a terminal.
class StderrReporter : public Reporter {
public:
  explicit StderrReporter(const GlobalOptions& o) : options_(o), tty_(::isatty(2) != 0) {}
  void warning(const std::string& m) override
  {
    clear_progress();
    const bool color = color_on(2, options_.no_color);
    // TRANSLATORS: the prefix of a warning line, "imictl: warning: ...".
    const char* warning = _("warning:");
    const char* yellow = color ? "\033[33m" : "";
    const char* reset = color ? "\033[0m" : "";
    std::cerr << "imictl: " << yellow << warning << reset << ' ' << m << '\n'; // i18n: not shown
  }
  void note(const std::string& m) override
  {
    if (options_.quiet) return;
    clear_progress();
    std::cerr << "imictl: " << m << '\n'; // i18n: not shown
  }
  void debug(const std::string& m) override
  {
    if (!options_.verbose) return;
    clear_progress();
    // TRANSLATORS: the prefix of the details -v prints, "imictl: debug: ...".
    std::cerr << "imictl: " << _("debug:") << ' ' << m << '\n'; // i18n: not shown
  }
  void progress(const std::string& label, std::uint64_t done, std::uint64_t total) override
  {
    if (!tty_ || options_.quiet || total == 0) return;
    const int percent = static_cast<int>(done * 100 / total);
    if (percent == last_percent_) return;
    last_percent_ = percent;
    const int filled = percent * 30 / 100;
    std::cerr << fmt::format("\r{} [{:<30}] {:3}%", label, std::string(static_cast<size_t>(filled), '#'),
                             percent)
              << std::flush;
    drawn_ = true;
  }
  void progress_done() override { clear_progress(); }
  bool can_confirm() const override { return ::isatty(0) && tty_; }
  bool confirm(const std::string& question) override
  {
    if (!can_confirm()) return false;
    // TRANSLATORS: after a yes/no question; the letter for yes is the
    // translation of the answer "y" (context "answer").
    std::cerr << question << ' ' << _("[y/N]") << ' ' << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    // English answers count in every language: scripts and habits type them.
    for (const std::string yes : {"y", "yes", C_("answer", "y"), C_("answer", "yes")})
      if (util::to_lower_ascii(answer) == yes) return true;
    return false;
  }

private:
  void clear_progress()
  {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
    last_percent_ = -1;
  }
  const GlobalOptions& options_;
  bool tty_;
  bool drawn_ = false;
  int last_percent_ = -1;
};

} // namespace

Runtime::Runtime() : reporter_(std::make_unique<StderrReporter>(options)) {}
Runtime::~Runtime() = default;

Reporter& Runtime::reporter()
{
  return *reporter_;
}

void Runtime::refuse_html() const
{
  if (options.format == "html" && !options.json && !html_allowed)
    throw UsageError(_("--format html is only for imictl stats"), {_("use --format table, json or csv")});
}

Format Runtime::format() const
{
  refuse_html();
  if (options.json || options.format == "json") return Format::json;
  if (options.format == "csv") return Format::csv;
  return Format::table;
}

bool Runtime::stdin_is_tty() const
{
  return ::isatty(0) != 0;
}

Session& Runtime::session()
{
  refuse_html();
  if (!session_) {
    ConfigSources sources;
    if (!options.config.empty()) sources.config_file = options.config;
    if (!options.db.empty()) sources.db_flag = options.db;
    check_caller_choices(sources.config_file.has_value(), sources.db_flag.has_value());
    std::optional<std::string> actor;
    if (!options.as.empty()) actor = options.as;
    session_ = std::make_unique<Session>(Config::load(sources, *reporter_), Clock::from_environment(),
                                         *reporter_, actor);
    // -v: which files this command works on, and where the settings came from.
    const auto& entries = session_->config().entries();
    reporter_->debug(
        _f("database {} (from {})", session_->database_path(), entries.at("database.path").source));
    if (auto it = entries.find("mail.transport"); it != entries.end())
      reporter_->debug(_f("mail transport {} (from {})", it->second.value, it->second.source));
  }
  return *session_;
}

const Actor& Runtime::actor()
{
  if (!actor_) {
    actor_ = identify(session());
    // -v: whose permissions this command runs with.
    std::vector<std::string> roles;
    for (Role r : actor_->roles)
      roles.emplace_back(role_slug(r));
    reporter_->debug(roles.empty() ? _f("acting as {} (no roles), authority {}", actor_->audit_name(),
                                        actor_->authority_id)
                                   : _f("acting as {} ({}), authority {}", actor_->audit_name(),
                                        fmt::format("{}", fmt::join(roles, ", ")), actor_->authority_id));
  }
  return *actor_;
}

void Runtime::refuse_csv_for_nested() const
{
  if (format() == Format::csv)
    throw UsageError(_("this command's record holds nested data that CSV cannot carry"),
                     {_("use --json for all of it, or --format table to read it")});
}

void Runtime::changed(const Record& record)
{
  if (!options.quiet) out().object(record);
}

Renderer& Runtime::out()
{
  if (!renderer_) {
    const bool color = color_on(1, options.no_color);
    renderer_ = std::make_unique<Renderer>(std::cout, format(), color);
    renderer_->set_csv_raw(options.csv_raw);
  }
  return *renderer_;
}

bool color_on(int fd, bool no_color_option)
{
  return ::isatty(fd) != 0 && !no_color_option && !std::getenv("NO_COLOR");
}

std::string read_secret(const std::string& prompt, bool from_stdin)
{
  std::string line;
  if (from_stdin) {
    if (!std::getline(std::cin, line)) throw InvalidInputError(_f("{}: no line on standard input", prompt));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (fd < 0)
    throw UsageError(_("no terminal to read a secret from"),
                     {_("scripts pass secrets with --password-stdin")});
  termios old{};
  ::tcgetattr(fd, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  ::tcsetattr(fd, TCSAFLUSH, &quiet);
  const std::string shown = prompt + ": ";
  [[maybe_unused]] auto w = ::write(fd, shown.data(), shown.size());
  char c;
  while (::read(fd, &c, 1) == 1 && c != '\n')
    line += c;
  ::tcsetattr(fd, TCSAFLUSH, &old);
  w = ::write(fd, "\n", 1);
  ::close(fd);
  return line;
}

} // namespace imi::cli
