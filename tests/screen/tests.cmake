# `vigil screen`, `vigil match`, `vigil index` end to end on the bundled lists
# and example (Python standard library only).
if(TARGET vigil AND TARGET vigil_screen)
  add_test(NAME screen_e2e COMMAND /usr/bin/python3 tests/screen/test_screen.py -v
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(screen_e2e PROPERTIES ENVIRONMENT "VIGIL_BIN=$<TARGET_FILE:vigil>"
                                             TIMEOUT 900)
endif()
