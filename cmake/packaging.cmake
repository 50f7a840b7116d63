# Installing and packaging: `cmake --install` lays Dateline out as a Debian system expects it,
# and `cpack -G DEB` (`make package`) makes the .deb of that layout. The binary finds its files
# relative to itself (<prefix>/bin/dateline beside <prefix>/share/dateline), so the same tree
# works under /usr, /usr/local or a folder a package was unpacked into.
include(GNUInstallDirs)

set(DATELINE_INSTALL_SHARE ${CMAKE_INSTALL_DATADIR}/dateline)

# Component "dateline": the program, under the prefix.
install(TARGETS dateline RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT dateline)
# What the binary reads at run time: the default theme, the newsroom's templates and strings,
# the API's description, and the demo network (`dateline init --demo`).
install(DIRECTORY themes newsroom api DESTINATION ${DATELINE_INSTALL_SHARE} COMPONENT dateline)
install(DIRECTORY demo DESTINATION ${DATELINE_INSTALL_SHARE} COMPONENT dateline
        PATTERN art EXCLUDE)
# The documentation, and the proxy examples it refers to.
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT dateline)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT dateline
        FILES_MATCHING PATTERN "*.md")
install(DIRECTORY packaging/proxy/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        COMPONENT dateline)
# Component "system": the service and its configuration, at the system's own paths whatever the
# prefix, for the package; `cmake --install ... --component dateline` leaves them out.
install(FILES packaging/dateline.service DESTINATION /lib/systemd/system COMPONENT system)
install(FILES packaging/dateline.toml DESTINATION /etc/dateline COMPONENT system
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dateline)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Dateline developers <dateline@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "news publishing platform for a network of sites")
set(CPACK_PACKAGE_DESCRIPTION
    "Dateline serves a regional news network's sites, in English and Arabic, from one binary:\n"
    "reader pages, comments, a newsroom, agency wires, feeds and sitemaps, on SQLite or\n"
    "PostgreSQL.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_FILE_NAME dateline_${PROJECT_VERSION}_amd64)
set(CPACK_STRIP_FILES ON)
# /lib/systemd/system and /etc/dateline are meant: they are the system's, not the prefix's.
set(CPACK_WARN_ON_ABSOLUTE_INSTALL_DESTINATION OFF)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
# The shared libraries the binary links, found by dpkg-shlibdeps, and adduser for the postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx | caddy, postgresql")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/postinst ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
    ${PROJECT_SOURCE_DIR}/packaging/debian/postrm ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
