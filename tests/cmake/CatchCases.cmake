# One CTest entry per Catch2 test case, whatever characters its name holds.
#
# Catch2's own catch_discover_tests() runs the names through CMake lists, where ';' splits a
# name and an unclosed '[' swallows the names after it. Here the listing is cut at newlines by
# string positions only, and every name reaches CTest as a bracket argument (see
# discover_catch_cases.cmake). Each entry carries the binary's name as its LABEL, which
# tests/check_catch_registration.py uses to compare entries with cases.

set(_MPVIZ_DISCOVER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/discover_catch_cases.cmake)

# mpviz_add_catch_cases(<target> PREFIX <word> [TIMEOUT <seconds>] [ENVIRONMENT <VAR=value>])
# names each entry "<word>: <case name>".
function(mpviz_add_catch_cases target)
  cmake_parse_arguments(ARG "" "PREFIX;TIMEOUT;ENVIRONMENT" "" ${ARGN})
  set(cases_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_cases.cmake)
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_include.cmake)
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND}
      -D "TEST_EXECUTABLE=$<TARGET_FILE:${target}>"
      -D "TEST_PREFIX=${ARG_PREFIX}"
      -D "TEST_LABEL=${target}"
      -D "TEST_TIMEOUT=${ARG_TIMEOUT}"
      -D "TEST_ENVIRONMENT=${ARG_ENVIRONMENT}"
      -D "CASES_FILE=${cases_file}"
      -P ${_MPVIZ_DISCOVER_SCRIPT}
    BYPRODUCTS ${cases_file}
    VERBATIM)
  file(WRITE ${include_file}
    "if(EXISTS [==[${cases_file}]==])\n"
    "  include([==[${cases_file}]==])\n"
    "else()\n"
    "  add_test([==[${target}_NOT_BUILT]==] [==[${target}_NOT_BUILT]==])\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()
