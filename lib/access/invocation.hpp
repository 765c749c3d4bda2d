// Who started this process, as the OS tells it, and what such a caller may
// choose. Shared mode (SPEC §5) runs imictl through sudo as a service
// account: sudo resets the environment, so IMICTL_* variables never cross
// it, and the options that would let a caller pick another configuration or
// database (and with it another identity mode, mail server or clock) are
// refused here.
#pragma once

#include <string>
#include <sys/types.h>

namespace imi {

struct OsAccount {
  std::string login;
  uid_t uid = 0;
  bool through_sudo = false; // started by another account through sudo
};

// sudo's SUDO_USER when the process runs as another account than the one
// that called sudo, else the real uid. SUDO_USER is ignored when the real
// uid is the caller's own, so nobody can claim it without sudo.
OsAccount invoking_account();

// Refuses (PermissionError, 4) --config and --db (and IMICTL_CONFIG, should
// a sudoers file keep it) for a caller who came through sudo to an account
// other than root: the service account's own configuration decides.
void check_caller_choices(bool config_named, bool db_named);

} // namespace imi
