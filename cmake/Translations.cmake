# The interface's catalogues (lib/util/i18n.hpp). Each po/LANG.po becomes
# locale/LANG/LC_MESSAGES/imictl.mo beside the binary, where the build tree's
# imictl and its tests find it, and is installed under share/locale.
#
# `ninja update-po` re-extracts imictl.pot (in the build tree) from the sources and merges it
# into every po/LANG.po; tests/i18n/check_catalogue.sh fails when a marked
# string has no translation.
find_program(MSGFMT msgfmt REQUIRED)
find_program(XGETTEXT xgettext)
find_program(MSGMERGE msgmerge)

file(GLOB IMI_PO_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/po/*.po)
set(IMI_MO_FILES)
foreach(po ${IMI_PO_FILES})
  get_filename_component(lang ${po} NAME_WE)
  set(mo ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES/imictl.mo)
  add_custom_command(
    OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES
    COMMAND ${MSGFMT} --check -o ${mo} ${po}
    DEPENDS ${po}
    COMMENT "Compiling the ${lang} catalogue")
  list(APPEND IMI_MO_FILES ${mo})
  install(FILES ${mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(translations ALL DEPENDS ${IMI_MO_FILES})

if(XGETTEXT AND MSGMERGE)
  add_custom_target(update-po
    COMMAND sh ${CMAKE_SOURCE_DIR}/tests/i18n/extract.sh ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/imictl.pot
    COMMAND sh -c "for po in ${CMAKE_SOURCE_DIR}/po/*.po; do ${MSGMERGE} -q --update --backup=none --no-fuzzy-matching \"$po\" ${CMAKE_BINARY_DIR}/imictl.pot; done"
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    COMMENT "Extracting marked strings into imictl.pot and merging them into po/*.po")
endif()
