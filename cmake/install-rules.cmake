# Installs the library, its public headers, the CLI, the bundled rule packs
# and the CMake package files, so that `find_package(relief CONFIG)` works.
include(CMakePackageConfigHelpers)

set(RELIEF_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/relief")

install(TARGETS relief EXPORT reliefTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT relief_Development
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT relief_Runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/relief DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT relief_Development)
if(TARGET relief_cli)
  install(TARGETS relief_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT relief_Runtime)
endif()
install(DIRECTORY rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/relief/rules COMPONENT relief_Runtime)

install(EXPORT reliefTargets
  NAMESPACE relief::
  DESTINATION ${RELIEF_CMAKE_DIR}
  COMPONENT relief_Development)
configure_package_config_file(cmake/reliefConfig.cmake.in
  "${PROJECT_BINARY_DIR}/reliefConfig.cmake"
  INSTALL_DESTINATION ${RELIEF_CMAKE_DIR})
# Before 1.0, minor versions may break the API.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/reliefConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/reliefConfig.cmake" "${PROJECT_BINARY_DIR}/reliefConfigVersion.cmake"
  DESTINATION ${RELIEF_CMAKE_DIR}
  COMPONENT relief_Development)
