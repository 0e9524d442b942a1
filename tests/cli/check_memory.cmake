# Runs `clusterscope-cli run SCENARIO --until UNTIL --measure` and fails if the process's peak
# memory exceeds MAX_MIB.
execute_process(COMMAND ${CLI} run ${SCENARIO} --until ${UNTIL} --measure
                OUTPUT_QUIET ERROR_VARIABLE measured RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "clusterscope-cli run failed (${rc}): ${measured}")
endif()
string(JSON peak GET "${measured}" peak_rss_mib)
string(JSON events GET "${measured}" events)
message("${SCENARIO} for ${UNTIL}: ${events} events, peak ${peak} MiB (bound ${MAX_MIB} MiB)")
if(peak GREATER MAX_MIB)
  message(FATAL_ERROR "peak memory ${peak} MiB is above ${MAX_MIB} MiB")
endif()
