# Installs the build tree into a staging prefix, builds the consumer project
# (and the README's Library example, extracted verbatim) against it, then
# copies the prefix out of the source and build trees and runs the installed
# programs from another directory: they must find their own rules.
# Run by CTest (test "install").
foreach(var BUILD_DIR SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} is not set")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
unset(ENV{RELIEF_RULES_DIR})

# Runs a command from directory `cwd`; fails unless it exits with `expected`
# and its output (stdout and stderr) matches `pattern`.
function(expect cwd expected pattern)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${cwd}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL "${expected}" OR NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "${ARGN}\nexited ${rc} (expected ${expected}), output:\n${out}${err}\nexpected to match: ${pattern}")
  endif()
endfunction()

# The README's Library example: the first C++ block after "## Library".
file(READ "${SOURCE_DIR}/README.md" readme)
string(FIND "${readme}" "## Library" at)
string(SUBSTRING "${readme}" ${at} -1 readme)
string(FIND "${readme}" "```cpp\n" at)
math(EXPR at "${at} + 7")
string(SUBSTRING "${readme}" ${at} -1 readme)
string(FIND "${readme}" "\n```" end)
string(SUBSTRING "${readme}" 0 ${end} example)
file(WRITE "${WORK_DIR}/readme_example.cpp" "${example}\n")

expect("${WORK_DIR}" 0 "" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
expect("${WORK_DIR}" 0 "" ${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/install" -B "${WORK_DIR}/build" -G Ninja
       -DCMAKE_PREFIX_PATH=${prefix} -DRELIEF_PACK=${prefix}/share/relief/rules/occitanie
       -DREADME_EXAMPLE=${WORK_DIR}/readme_example.cpp)
expect("${WORK_DIR}" 0 "" ${CMAKE_COMMAND} --build "${WORK_DIR}/build")
expect("${WORK_DIR}/build" 0 "" ${CMAKE_CTEST_COMMAND} --output-on-failure)
file(COPY "${WORK_DIR}/build/readme_example" DESTINATION "${prefix}/bin")

# Out of the source and build trees: a copy of the prefix in the temporary
# directory, run from another directory.
string(RANDOM LENGTH 8 tag)
set(out "/tmp/relief-install-${tag}")
file(COPY "${prefix}" DESTINATION "${out}")
file(MAKE_DIRECTORY "${out}/elsewhere")
set(bin "${out}/prefix/bin")
set(rules "${out}/prefix/share/relief/rules")
file(COPY "${SOURCE_DIR}/examples/profiles/restaurant-montpellier.yaml" DESTINATION "${out}/elsewhere")
file(WRITE "${out}/elsewhere/typo.yaml" "efectif: 9\n")
set(here "${out}/elsewhere")
expect("${here}" 0 "pack occitanie [0-9.]+ \\(sha256:" "${bin}/relief" --version)
expect("${here}" 0 "ÉLIGIBLE" "${bin}/relief" eval --month 2020-11 restaurant-montpellier.yaml)
expect("${here}" 0 "Fonds de solidarité.*ÉLIGIBLE" "${bin}/readme_example" restaurant-montpellier.yaml)
expect("${here}" 1 "typo.yaml:1:1: error: unknown field 'efectif'; did you mean 'effectif'\\?" "${bin}/readme_example" typo.yaml)
# The programs read their own copy of the rules, not the source tree's.
file(READ "${rules}/occitanie/pack.yaml" manifest)
string(REGEX REPLACE "version: [0-9.]+" "version: 9.9.9" manifest "${manifest}")
file(WRITE "${rules}/occitanie/pack.yaml" "${manifest}")
expect("${here}" 0 "pack occitanie 9.9.9" "${bin}/relief" --version)
file(REMOVE_RECURSE "${rules}")
expect("${here}" 1 "pack: not loadable from ${rules}/occitanie" "${bin}/relief" --version)
expect("${here}" 1 "${rules}/occitanie: error: not a rule pack directory" "${bin}/readme_example" restaurant-montpellier.yaml)
file(REMOVE_RECURSE "${out}")
