# Warnings for the project's own code. Errors only when IMICTL_WERROR is on
# (CI, development) so that a newer compiler never breaks a user's build.
add_library(imi_warnings INTERFACE)
target_compile_options(imi_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wunused -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${IMICTL_WERROR}>:-Werror>)

if(IMICTL_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
