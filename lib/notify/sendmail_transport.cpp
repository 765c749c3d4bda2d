// A sendmail-compatible program (sendmail, msmtp, ssmtp, postfix's sendmail):
// the message goes to its standard input with local line ends; exit status 0
// means the program accepted it. The command is split on spaces and run
// without a shell. Its output is read and thrown away: a program that refuses
// a message may quote it, and the message may carry a temporary password. A
// failure is its exit status and the sysexits(3) meaning of it.
#include "core/error.hpp"
#include "notify/transport.hpp"
#include "notify/transport_failure.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace imi {
namespace {

std::string to_local_line_ends(const std::string& message)
{
  std::string out;
  out.reserve(message.size());
  for (size_t i = 0; i < message.size(); ++i)
    if (!(message[i] == '\r' && i + 1 < message.size() && message[i + 1] == '\n')) out += message[i];
  return out;
}

// Closes what is still open of a set of pipe ends.
void close_all(std::initializer_list<int> fds)
{
  for (int fd : fds)
    if (fd >= 0) close(fd);
}

// SIGPIPE would kill us when the program exits without reading its input.
class IgnoreSigpipe {
public:
  IgnoreSigpipe() : previous_(std::signal(SIGPIPE, SIG_IGN)) {}
  ~IgnoreSigpipe()
  {
    if (previous_ != SIG_ERR) std::signal(SIGPIPE, previous_);
  }
  IgnoreSigpipe(const IgnoreSigpipe&) = delete;
  IgnoreSigpipe& operator=(const IgnoreSigpipe&) = delete;

private:
  void (*previous_)(int);
};

class SendmailTransport : public Transport {
public:
  explicit SendmailTransport(const MailSettings& settings) : settings_(settings)
  {
    for (auto& word : util::split(settings.sendmail_command, ' '))
      if (!word.empty()) argv_.push_back(word);
    if (argv_.empty()) throw UsageError(_("mail.sendmail_command is empty"));
  }

  std::string describe() const override { return "sendmail (" + settings_.sendmail_command + ")"; }

  DeliveryOutcome deliver(const MailEnvelope&, const std::string& message) override
  {
    namespace failure = transport_failure;
    const std::string input = to_local_line_ends(message);
    const std::string who = argv_[0];
    // in: the message; out: the program's output, discarded; exec: errno
    // when the program cannot be started (closed unwritten by a successful exec).
    int in[2] = {-1, -1}, out[2] = {-1, -1}, exec[2] = {-1, -1};
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(exec, O_CLOEXEC) != 0) {
      const int e = errno;
      close_all({in[0], in[1], out[0], out[1], exec[0], exec[1]});
      return failure::local("pipe", e);
    }
    std::vector<char*> argv;
    for (auto& a : argv_)
      argv.push_back(a.data());
    argv.push_back(nullptr);

    const pid_t pid = fork();
    if (pid < 0) {
      const int e = errno;
      close_all({in[0], in[1], out[0], out[1], exec[0], exec[1]});
      return failure::local("fork", e);
    }
    if (pid == 0) {
      dup2(in[0], STDIN_FILENO);
      dup2(out[1], STDOUT_FILENO);
      dup2(out[1], STDERR_FILENO);
      execvp(argv[0], argv.data());
      const int e = errno;
      [[maybe_unused]] auto ignored = write(exec[1], &e, sizeof e);
      _exit(127);
    }
    close_all({in[0], out[1], exec[1]});
    int exec_errno = 0;
    const bool not_started = read(exec[0], &exec_errno, sizeof exec_errno) == sizeof exec_errno;
    close(exec[0]);
    IgnoreSigpipe guard;
    const bool finished = not_started || exchange(in[1], out[0], input);
    if (not_started) close(in[1]);
    close(out[0]);
    if (!finished) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (not_started) return failure::program_not_started(who, exec_errno);
    if (!finished) return failure::program_timed_out(who, settings_.timeout_seconds);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {true, {}};
    return failure::program(who, status);
  }

private:
  // Writes the input and reads (and drops) the output until the program
  // closes its output, within the timeout. False on timeout.
  bool exchange(int write_fd, int read_fd, const std::string& input)
  {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(settings_.timeout_seconds);
    size_t written = 0;
    bool writing = true;
    for (;;) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        if (writing) close(write_fd);
        return false;
      }
      pollfd fds[2] = {{read_fd, POLLIN, 0}, {writing ? write_fd : -1, POLLOUT, 0}};
      if (poll(fds, 2, static_cast<int>(left.count())) < 0) {
        if (errno == EINTR) continue;
        if (writing) close(write_fd);
        return false;
      }
      if (writing && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
        const ssize_t n = write(write_fd, input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if (n < 0 || written == input.size()) {
          close(write_fd);
          writing = false;
        }
      }
      if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
        char buffer[4096];
        const ssize_t n = read(read_fd, buffer, sizeof buffer);
        if (n <= 0) {
          if (writing) close(write_fd);
          return true;
        }
      }
    }
  }

  MailSettings settings_;
  std::vector<std::string> argv_;
};

} // namespace

std::unique_ptr<Transport> make_sendmail_transport(const MailSettings& settings)
{
  return std::make_unique<SendmailTransport>(settings);
}

} // namespace imi
