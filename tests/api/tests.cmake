add_library(tarjotin_api_test_support STATIC api/support/api_client.cpp api/support/test_server.cpp
                                             api/support/test_certificate.cpp)
target_link_libraries(tarjotin_api_test_support PUBLIC tarjotin_server tarjotin_test_support)

add_executable(server_unit_tests
  server/json_test.cpp
  server/schema_registry_test.cpp
  server/router_test.cpp
  server/request_framing_test.cpp
  server/config_test.cpp
  server/time_format_test.cpp)
target_link_libraries(server_unit_tests PRIVATE tarjotin_server GTest::gtest_main)
add_test(NAME server_unit COMMAND server_unit_tests)
set_tests_properties(server_unit PROPERTIES LABELS "unit")

add_executable(api_tests
  api/accounts_api_test.cpp
  api/errors_api_test.cpp
  api/transport_api_test.cpp
  api/openapi_api_test.cpp
  api/qualification_api_test.cpp
  api/reconfirmation_api_test.cpp
  api/ordering_api_test.cpp
  api/competition_api_test.cpp
  api/authorization_matrix_test.cpp
  api/browser_api_test.cpp
  api/database_stall_api_test.cpp)
target_link_libraries(api_tests PRIVATE tarjotin_api_test_support GTest::gtest_main)
set_source_files_properties(api/authorization_matrix_test.cpp PROPERTIES COMPILE_DEFINITIONS
  TARJOTIN_AUTHORIZATION_MATRIX="${CMAKE_CURRENT_SOURCE_DIR}/api/authorization_matrix.txt")
tarjotin_add_db_test(api api_tests)
