# The Debian package: `cpack -G DEB` in a build tree of
# any build type gives imictl_<version>_amd64.deb (stripped). Library
# dependencies come from dpkg-shlibdeps (package dpkg-dev); the maintainer
# scripts in packaging/debian create the `imictl` system user and
# /var/lib/imictl for shared mode, and remove its data on purge only.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME imictl)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "imictl maintainers <imictl@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "administration of an IMI competent authority (EU Services Directive)")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}
 imictl keeps an authority's registration in the Internal Market Information
 System, its users and roles, credentials and mail, information requests,
 result tables and an audit log in one SQLite database.")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # imictl_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# adduser for the maintainer scripts; libcurl4 is loaded with dlopen by the
# SMTP transport only, so shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libcurl4")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, sudo")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/packaging/debian/postinst ${CMAKE_SOURCE_DIR}/packaging/debian/postrm
    ${CMAKE_SOURCE_DIR}/packaging/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The DEB generator stages with DESTDIR and installs with this prefix, so
# Install.cmake sees /usr and puts the config in /etc/imictl.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
