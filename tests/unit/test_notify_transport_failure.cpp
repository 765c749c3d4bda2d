#include "notify/transport_failure.hpp"

#include <cerrno>
#include <csignal>
#include <doctest/doctest.h>
#include <sys/wait.h>

using namespace imi;
namespace failure = imi::transport_failure;

namespace {
// A wait status as waitpid reports a normal exit with `code`.
int exited(int code)
{
  return code << 8;
}
} // namespace

TEST_CASE("notify::transport_failure::smtp")
{
  SUBCASE("a 5xx reply is permanent and named by its code only")
  {
    const auto o = failure::smtp("smtp://127.0.0.1:25", 8, "Weird server reply", 554, 30);
    CHECK_FALSE(o.ok);
    CHECK(o.permanent);
    CHECK(o.error ==
          "smtp://127.0.0.1:25: server replied 554 (permanent failure); Weird server reply (curl 8)");
  }
  SUBCASE("4xx replies, connection failures and timeouts are retried")
  {
    CHECK_FALSE(failure::smtp("smtp://h:25", 55, "Failed sending data to the peer", 451, 30).permanent);
    const auto refused = failure::smtp("smtp://h:25", 7, "Couldn't connect to server", 0, 30);
    CHECK_FALSE(refused.permanent);
    CHECK(refused.error == "smtp://h:25: Couldn't connect to server (curl 7)");
    const auto slow = failure::smtp("smtp://h:25", 28, "Timeout was reached", 0, 5);
    CHECK_FALSE(slow.permanent);
    CHECK(slow.error == "smtp://h:25: Timeout was reached (curl 28), timed out after 5 s");
  }
  SUBCASE("an authentication refusal comes from the configuration: retried")
  {
    CHECK_FALSE(failure::is_permanent_smtp(67, 535));
    CHECK_FALSE(failure::is_permanent_smtp(55, 530));
    CHECK_FALSE(failure::is_permanent_smtp(94, 550));
    CHECK(failure::is_permanent_smtp(55, 550));
    CHECK(failure::is_permanent_smtp(56, 552));
    CHECK_FALSE(failure::is_permanent_smtp(56, 450));
    CHECK_FALSE(failure::is_permanent_smtp(56, 600));
  }
  SUBCASE("a password in the URL is never repeated")
  {
    CHECK(failure::redacted_url("smtp://user:s3cret@mail.example.nl:587") == "smtp://mail.example.nl:587");
    CHECK(failure::redacted_url("smtps://u@h/path@x") == "smtps://h/path@x");
    CHECK(failure::redacted_url("smtp://127.0.0.1:25") == "smtp://127.0.0.1:25");
    const auto o = failure::smtp("smtp://u:s3cret@h:25", 7, "Couldn't connect to server", 0, 30);
    CHECK(o.error.find("s3cret") == std::string::npos);
  }
}

TEST_CASE("notify::transport_failure for a sendmail program")
{
  const auto temporary = failure::program("/usr/sbin/sendmail", exited(75));
  CHECK(temporary.error == "/usr/sbin/sendmail exited with status 75 (temporary failure)");
  CHECK_FALSE(temporary.permanent);
  const auto unknown = failure::program("/usr/sbin/sendmail", exited(67));
  CHECK(unknown.error == "/usr/sbin/sendmail exited with status 67 (addressee unknown)");
  CHECK(unknown.permanent);
  CHECK(failure::program("msmtp", exited(65)).permanent);
  CHECK(failure::program("msmtp", exited(68)).permanent);
  CHECK_FALSE(failure::program("msmtp", exited(69)).permanent);
  CHECK(failure::program("msmtp", exited(1)).error == "msmtp exited with status 1 (failed)");
  CHECK(failure::program("msmtp", SIGKILL).error == "msmtp was killed by signal 9");
  CHECK(failure::program_not_started("/x/nothing", ENOENT).error ==
        "cannot run /x/nothing: No such file or directory");
  CHECK(failure::program_timed_out("msmtp", 30).error == "msmtp did not finish within 30 s");
  CHECK(failure::local("pipe", EMFILE).error == "pipe: Too many open files");
}
