# Writes a program's manual page as the program prints it (--man), and a gzipped copy for the
# packages (Debian wants man pages compressed with gzip -9n: no name, no time, so that builds are
# reproducible).
# cmake -DPROGRAM=<exe> [-DEMULATOR=<cross emulator>] -DOUTPUT=<dir/name.1> [-DGZIP=<gzip>] -P man_page.cmake
set(ENV{QT_QPA_PLATFORM} offscreen)
execute_process(COMMAND ${EMULATOR} ${PROGRAM} --man OUTPUT_FILE ${OUTPUT}.new RESULT_VARIABLE rc ERROR_VARIABLE err)
file(SIZE ${OUTPUT}.new size)
if(NOT rc EQUAL 0 OR size EQUAL 0)
  file(REMOVE ${OUTPUT}.new)
  message(FATAL_ERROR "${PROGRAM} --man failed (exit ${rc}): ${err}")
endif()
file(RENAME ${OUTPUT}.new ${OUTPUT})
if(GZIP)
  execute_process(COMMAND ${GZIP} -9 -n -c ${OUTPUT} OUTPUT_FILE ${OUTPUT}.gz RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip ${OUTPUT} failed (exit ${rc})")
  endif()
endif()
