# Fails if any C++ source differs from what clang-format makes of it.
file(GLOB_RECURSE sources ${ROOT}/core/*.cpp ${ROOT}/core/*.h ${ROOT}/ui/*.cpp ${ROOT}/ui/*.h
     ${ROOT}/app/*.cpp ${ROOT}/app/*.h ${ROOT}/lab/*.cpp ${ROOT}/lab/*.h ${ROOT}/tests/*.cpp ${ROOT}/tests/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message("${err}")
  message(FATAL_ERROR "clang-format: some files are not formatted (run: clang-format -i on them)")
endif()
list(LENGTH sources count)
message("clang-format: ${count} files formatted")
