# End-to-end tests of `vigil serve` over real HTTP (Python 3 standard library
# only). Each file starts its own servers on free loopback ports with
# temporary databases, so the files may run in parallel.
if(TARGET vigil)
  foreach(suite test_api test_workflow test_robustness)
    add_test(NAME server_${suite}
             COMMAND /usr/bin/python3 -m unittest -v ${suite}
             WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR})
    set_tests_properties(server_${suite} PROPERTIES
                         ENVIRONMENT "VIGIL_BIN=$<TARGET_FILE:vigil>"
                         TIMEOUT 600 LABELS server)
  endforeach()
endif()
