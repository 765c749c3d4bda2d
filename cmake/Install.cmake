# What `cmake --install` puts where (FHS), and what the Debian package holds:
#   bin/imictl                                   the program
#   share/man/man1/imictl*.1.gz                  the manual, compressed as Debian policy wants
#   share/bash-completion/completions/imictl     bash completion  } generated at build time
#   share/zsh/vendor-completions/_imictl         zsh completion   } by running the built
#   etc/imictl/config.toml                       example config   } binary, so they never drift
#   share/doc/imictl/examples/                   crontab, systemd units, sudoers, the guide's table
#   lib/systemd/system/imictl-*.{service,timer}  the units again, where systemd finds them
# With the prefix /usr (packages) the config goes to /etc/imictl, as GNU
# install dirs do for sysconfdir.
include(GNUInstallDirs)

install(TARGETS imictl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
file(GLOB IMI_MAN_PAGES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/man/*.1)
find_program(GZIP gzip REQUIRED)
set(IMI_MAN_GZ)
foreach(page ${IMI_MAN_PAGES})
  get_filename_component(name ${page} NAME)
  set(gz ${CMAKE_BINARY_DIR}/man/${name}.gz)
  # -n: no name or time stamp inside, so the same page gives the same bytes.
  add_custom_command(
    OUTPUT ${gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND ${GZIP} -9n -c ${page} > ${gz}
    DEPENDS ${page})
  list(APPEND IMI_MAN_GZ ${gz})
endforeach()
add_custom_target(man_pages ALL DEPENDS ${IMI_MAN_GZ})
install(FILES ${IMI_MAN_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(IMI_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)
set(IMI_BASH_COMPLETION ${IMI_GENERATED_DIR}/imictl.bash)
set(IMI_ZSH_COMPLETION ${IMI_GENERATED_DIR}/_imictl)
set(IMI_EXAMPLE_CONFIG ${IMI_GENERATED_DIR}/config.toml)
# sh does the redirection; the binary reads no config or database for these.
add_custom_command(
  OUTPUT ${IMI_BASH_COMPLETION} ${IMI_ZSH_COMPLETION} ${IMI_EXAMPLE_CONFIG}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${IMI_GENERATED_DIR}
  # English whatever the build machine speaks: the files are installed for all.
  COMMAND sh -c "\"$1\" --lang en completion bash >\"$2\" && \"$1\" --lang en completion zsh >\"$3\" && \"$1\" --lang en config example >\"$4\""
          sh $<TARGET_FILE:imictl> ${IMI_BASH_COMPLETION} ${IMI_ZSH_COMPLETION} ${IMI_EXAMPLE_CONFIG}
  DEPENDS imictl
  COMMENT "Generating the shell completions and the example config.toml"
  VERBATIM)
add_custom_target(imictl_install_files ALL
                  DEPENDS ${IMI_BASH_COMPLETION} ${IMI_ZSH_COMPLETION} ${IMI_EXAMPLE_CONFIG})

install(FILES ${IMI_BASH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME imictl)
install(FILES ${IMI_ZSH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

file(GLOB IMI_EXAMPLE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/examples/imictl.crontab
     ${CMAKE_SOURCE_DIR}/examples/imictl-*.service ${CMAKE_SOURCE_DIR}/examples/imictl-*.timer
     ${CMAKE_SOURCE_DIR}/examples/sudoers.imictl ${CMAKE_SOURCE_DIR}/examples/oeteldonk.csv)
install(FILES ${IMI_EXAMPLE_FILES} DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
file(GLOB IMI_SYSTEMD_UNITS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/examples/imictl-*.service
     ${CMAKE_SOURCE_DIR}/examples/imictl-*.timer)
if(IMI_SYSTEMD_UNITS)
  install(FILES ${IMI_SYSTEMD_UNITS} DESTINATION lib/systemd/system)
endif()

# The prefix is only known at install time (cmake --install --prefix, cpack),
# so the config's folder is decided there. An existing config.toml is the
# administrator's: it is left alone and the example goes beside it.
install(CODE "set(IMI_EXAMPLE_CONFIG [[${IMI_EXAMPLE_CONFIG}]])")
install(CODE [[
  if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(imi_config_dir "/etc/imictl")
  else()
    set(imi_config_dir "${CMAKE_INSTALL_PREFIX}/etc/imictl")
  endif()
  if(EXISTS "$ENV{DESTDIR}${imi_config_dir}/config.toml")
    message(STATUS "Keeping $ENV{DESTDIR}${imi_config_dir}/config.toml; the example goes beside it")
    file(INSTALL "${IMI_EXAMPLE_CONFIG}" DESTINATION "${imi_config_dir}" RENAME config.toml.example
         PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  else()
    file(INSTALL "${IMI_EXAMPLE_CONFIG}" DESTINATION "${imi_config_dir}"
         PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  endif()
]])
