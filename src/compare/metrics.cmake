# String metrics and phonetic codes (included by src/compare/CMakeLists.txt).
target_sources(vigil_compare PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/string_metrics.cc
  ${CMAKE_CURRENT_LIST_DIR}/phonetic.cc)
target_link_libraries(vigil_compare PUBLIC ICU::uc)
vigil_add_test(string_metrics_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/string_metrics_test.cc ${CMAKE_CURRENT_LIST_DIR}/phonetic_test.cc
  LIBS vigil_compare)
if(VIGIL_BUILD_BENCH)
  add_executable(string_metrics_benchmark ${CMAKE_CURRENT_LIST_DIR}/string_metrics_benchmark.cc)
  target_link_libraries(string_metrics_benchmark PRIVATE vigil_compare benchmark::benchmark
                        benchmark::benchmark_main)
endif()
