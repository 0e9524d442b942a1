# What CPack builds. `cpack -G DEB` / `-G TGZ` on Linux; NSIS on Windows; DragNDrop on macOS.
set(CPACK_PACKAGE_NAME "clusterscope")
set(CPACK_PACKAGE_VENDOR "The ClusterScope developers")
set(CPACK_PACKAGE_CONTACT "ClusterScope developers <clusterscope@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Learn distributed databases by watching and breaking a running cluster")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "ClusterScope")
set(CPACK_STRIP_FILES ON)

if(WIN32)
  set(CPACK_GENERATOR "NSIS")
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
else()
  set(CPACK_GENERATOR "DEB;TGZ")
endif()

# Debian: shared-library dependencies are found by dpkg-shlibdeps; the QML modules are loaded at
# run time, so they are named here by hand.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qml6-module-qtquick, qml6-module-qtqml-workerscript")
# Qt's own texts (standard buttons such as Close, file dialogs) in the interface language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# The live lab's engines: optional, suggested, never required.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "etcd-server, etcd-client, postgresql-15, patroni")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Learn distributed databases by watching and breaking a running cluster
 A six-lesson course on distributed databases with a live, deterministic simulation beside the
 text: replication, sharding, consistency, failover, split brain and consensus. Each lesson ends
 in a quiz that opens the next one.")

# RPM (Fedora names).
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Education")
set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtbase-gui, qt6-qtdeclarative, qt6-qtcharts, qt6-qtsvg")

# Windows: NSIS with a start-menu entry and the .clusterscope file association.
set(CPACK_NSIS_PACKAGE_NAME "ClusterScope")
set(CPACK_NSIS_DISPLAY_NAME "ClusterScope ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON ${PROJECT_SOURCE_DIR}/packaging/windows/clusterscope.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\clusterscope.exe")
set(CPACK_PACKAGE_EXECUTABLES "clusterscope" "ClusterScope")
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
  WriteRegStr HKCR '.clusterscope' '' 'ClusterScope.Scenario'
  WriteRegStr HKCR 'ClusterScope.Scenario' '' 'ClusterScope scenario'
  WriteRegStr HKCR 'ClusterScope.Scenario\\\\DefaultIcon' '' '$INSTDIR\\\\bin\\\\clusterscope.exe,0'
  WriteRegStr HKCR 'ClusterScope.Scenario\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\clusterscope.exe\\\" \\\"%1\\\"'")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
  DeleteRegKey HKCR '.clusterscope'
  DeleteRegKey HKCR 'ClusterScope.Scenario'")

# macOS: a disk image with the app bundle and a link to /Applications.
set(CPACK_DMG_VOLUME_NAME "ClusterScope")
set(CPACK_DMG_FORMAT "UDZO")

include(CPack)
