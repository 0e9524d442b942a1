# The corridors between the core's folders run one way: a file may include headers of its own
# folder and of folders on a lower level, never of its level or above. The levels, bottom first:
#   0  sim json                      simulated time, events, network, trace; strict JSON
#   1  model                         the contract every model implements: ModelInfo, parameters, readers
#   2  consistency check             quorum maths and CRDTs; history checkers and run checks
#   3  heartbeat replication consensus sharding architecture backup pooling caching   the models
#   4  failover                      failover and presets, built on the consensus engine
#   5  catalogue                     the list of every model
#   6  scenario                      scenario files, runs of them, reports
#   7  run explore bench evaluate    a run with its frames; the fault explorer; benchmarks; run quantities
#   8  course                        lessons, quizzes, learner activity
# A folder missing from this table fails the test: place it first. The README repeats the table.
# Run: cmake -DROOT=<source dir> -P check_includes.cmake
get_filename_component(ROOT "${ROOT}" ABSOLUTE)
set(levels
    "sim=0" "json=0" "model=1" "consistency=2" "check=2"
    "heartbeat=3" "replication=3" "consensus=3" "sharding=3" "architecture=3" "backup=3" "pooling=3" "caching=3"
    "failover=4" "catalogue=5" "scenario=6" "run=7" "explore=7" "bench=7" "evaluate=7" "course=8")
foreach(entry ${levels})
  string(REPLACE "=" ";" pair "${entry}")
  list(GET pair 0 folder)
  list(GET pair 1 level)
  set(level_${folder} ${level})
endforeach()

set(problems "")
file(GLOB core_folders LIST_DIRECTORIES true RELATIVE ${ROOT}/core ${ROOT}/core/*)
foreach(folder ${core_folders})
  if(NOT IS_DIRECTORY ${ROOT}/core/${folder})
    continue()
  endif()
  if(NOT DEFINED level_${folder})
    list(APPEND problems "core/${folder}/ has no level in tests/check_includes.cmake")
    continue()
  endif()
  file(GLOB_RECURSE sources ${ROOT}/core/${folder}/*.h ${ROOT}/core/${folder}/*.cpp)
  foreach(source ${sources})
    file(STRINGS ${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[a-z_]+/")
    foreach(line ${includes})
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([a-z_]+)/.*" "\\1" target "${line}")
      if(target STREQUAL folder OR NOT IS_DIRECTORY ${ROOT}/core/${target})
        continue()
      endif()
      if(NOT DEFINED level_${target} OR NOT level_${target} LESS level_${folder})
        file(RELATIVE_PATH shown ${ROOT} ${source})
        list(APPEND problems "${shown} (level ${level_${folder}}) includes ${target}/ (level ${level_${target}})")
      endif()
    endforeach()
  endforeach()
endforeach()

# ui/ observes the run through its frames: only the run's controller (ui/run/) includes the
# simulation itself (the World, the Simulation, a protocol's state, the catalogue and the models).
set(simulation_headers "sim/world.h" "sim/simulation.h" "sim/protocol.h" "run/run.h" "catalogue/"
    "replication/" "consensus/" "failover/" "sharding/" "architecture/" "backup/" "pooling/" "caching/"
    "heartbeat/" "scenario/run_setup.h")
set(ui_sources "")
if(CHECK_UI)
  file(GLOB_RECURSE ui_sources ${ROOT}/ui/*.h ${ROOT}/ui/*.cpp)
endif()
foreach(source ${ui_sources})
  file(RELATIVE_PATH shown ${ROOT} ${source})
  if(shown MATCHES "^ui/run/")
    continue()
  endif()
  file(STRINGS ${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  foreach(line ${includes})
    foreach(header ${simulation_headers})
      string(FIND "${line}" "\"${header}" at)
      if(NOT at EQUAL -1)
        list(APPEND problems "${shown} includes ${header}: only ui/run/ reads the simulation, the rest reads the frame")
      endif()
    endforeach()
  endforeach()
endforeach()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "Includes that go against the folder order:\n  ${text}")
endif()
message("includes: every core folder depends downward only; ui/ reads the simulation only in ui/run/")
