# The Debian package: cpack -G DEB in the build directory writes mpviz_VERSION_ARCH.deb.
# Included last by the top CMakeLists.txt, so every install() above is in it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mpviz)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "${MPVIZ_DEVELOPER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${MPVIZ_DEVELOPER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Python multiprocessing lessons as real processes, animated")
# The control file's long description; CPack indents it and puts the summary above it.
set(CPACK_PACKAGE_DESCRIPTION
    "mpviz runs the classic Python multiprocessing lessons (lock, semaphore, event,
queue, pipe, pool, deadlock on join, shared values, lock order) as real
processes using real locks, semaphores, pipes and shared memory, and shows live
what every process is doing and what state every shared object is in. It also
runs your own multiprocessing programs, and has a command line (mpviz run)
that needs no display.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # mpviz_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
# Debug information would carry the build machine's paths (and megabytes) into the package.
set(CPACK_STRIP_FILES ON)
# Qt, Boost and the C++ runtime, as dpkg-shlibdeps reads them off the binaries; Python is
# run, not linked: the shim needs 3.8 (engine::kMinimumPythonMinor).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "python3 (>= 3.8)")
# Without a CJK font the Chinese that lesson programs print is drawn as empty boxes; either
# font does (see .ci/prepare.sh for why the small one comes first).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-microhei | fonts-noto-cjk")
# Qt's own words in standard dialogs (OK, Cancel, Save) in 简体中文; mpviz's own are built in.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-translations-l10n")
# The shim is compiled once here: a user's run cannot write beside it, and would compile it
# again in every process it starts.
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_LIST_DIR}/debian/postinst ${CMAKE_CURRENT_LIST_DIR}/debian/prerm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
