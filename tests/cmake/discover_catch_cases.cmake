# Run by mpviz_add_catch_cases() after each build of a Catch2 binary: lists its cases and
# writes one add_test() per case to CASES_FILE.
#
# Names never pass through a CMake list (';' and '[' would break them): lines are cut by
# string(FIND) and each name is written inside a bracket argument. Each entry selects its case
# with a quoted Catch2 test spec, where only '\', ',' and '"' are special, and runs with
# --warn NoTests so that a spec that matches nothing fails instead of passing silently.

cmake_minimum_required(VERSION 3.25)

execute_process(
  COMMAND "${TEST_EXECUTABLE}" --list-test-names-only
  OUTPUT_VARIABLE listing
  RESULT_VARIABLE listed
  ERROR_VARIABLE errors)
# Catch2 exits with the number of cases listed (at most 255); anything else is a crash.
if(NOT listed MATCHES "^[0-9]+$")
  message(FATAL_ERROR "${TEST_EXECUTABLE} --list-test-names-only failed: ${listed}\n${errors}")
endif()

# Wraps text in the shortest bracket argument ([=[ ... ]=]) that it cannot close early.
function(bracket_argument text out)
  string(LENGTH "${text}" length)
  set(equals "=")
  while(TRUE)
    string(FIND "${text}]${equals}]" "]${equals}]" first_close)
    if(first_close EQUAL length)
      break()
    endif()
    string(APPEND equals "=")
  endwhile()
  set(${out} "[${equals}[${text}]${equals}]" PARENT_SCOPE)
endfunction()

bracket_argument("${TEST_EXECUTABLE}" executable)
set(properties "LABELS ${TEST_LABEL}")
if(TEST_TIMEOUT)
  string(APPEND properties " TIMEOUT ${TEST_TIMEOUT}")
endif()
if(TEST_ENVIRONMENT)
  bracket_argument("${TEST_ENVIRONMENT}" environment)
  string(APPEND properties " ENVIRONMENT ${environment}")
endif()

set(script "# Written by discover_catch_cases.cmake from ${TEST_EXECUTABLE}; do not edit.\n")
set(count 0)
string(LENGTH "${listing}" remaining)
while(remaining GREATER 0)
  string(FIND "${listing}" "\n" end)
  if(end EQUAL -1)
    set(line "${listing}")
    set(listing "")
  else()
    string(SUBSTRING "${listing}" 0 ${end} line)
    math(EXPR next "${end} + 1")
    string(SUBSTRING "${listing}" ${next} -1 listing)
  endif()
  string(LENGTH "${listing}" remaining)
  if(line STREQUAL "")
    continue()
  endif()

  set(spec "${line}")
  string(REPLACE "\\" "\\\\" spec "${spec}")
  string(REPLACE "," "\\," spec "${spec}")
  string(REPLACE "\"" "\\\"" spec "${spec}")
  bracket_argument("\"${spec}\"" spec)
  bracket_argument("${TEST_PREFIX}: ${line}" name)
  string(APPEND script
    "add_test(${name} ${executable} ${spec} --warn NoTests)\n"
    "set_tests_properties(${name} PROPERTIES ${properties})\n")
  math(EXPR count "${count} + 1")
endwhile()

if(count LESS 255 AND NOT count EQUAL listed)
  message(FATAL_ERROR "${TEST_EXECUTABLE} reports ${listed} cases, the listing has ${count} lines")
endif()
file(WRITE "${CASES_FILE}" "${script}")
