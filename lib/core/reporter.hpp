// How the library talks to the person at the terminal without writing to
// stdout itself: warnings, notes and progress go through this interface, and
// the CLI decides where they appear (stderr, suppressed by --quiet, ...).
#pragma once

#include <cstdint>
#include <string>

namespace imi {

class Reporter {
public:
  virtual ~Reporter() = default;
  virtual void warning(const std::string& message) = 0;
  // Informational, shown unless --quiet ("used keyword 'construction' ...").
  virtual void note(const std::string& message) = 0;
  // Shown only with --verbose.
  virtual void debug(const std::string& message) = 0;
  // Progress of a long operation; done/total in bytes or rows. Ignored unless
  // stderr is a terminal.
  virtual void progress(const std::string& /*label*/, std::uint64_t /*done*/, std::uint64_t /*total*/) {}
  virtual void progress_done() {}
  // Whether an interactive yes/no question can be asked (stdin and stderr are
  // terminals), and asking it.
  virtual bool can_confirm() const { return false; }
  virtual bool confirm(const std::string& /*question*/) { return false; }
};

// A reporter that collects everything; for tests and library callers.
class CollectingReporter : public Reporter {
public:
  std::string warnings, notes;
  void warning(const std::string& m) override { warnings += m + "\n"; }
  void note(const std::string& m) override { notes += m + "\n"; }
  void debug(const std::string&) override {}
};

} // namespace imi
