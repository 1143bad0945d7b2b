add_library(tarjotin_api_test_support STATIC api/support/api_client.cpp api/support/test_server.cpp
                                             api/support/test_certificate.cpp)
target_link_libraries(tarjotin_api_test_support PUBLIC tarjotin_server tarjotin_test_support)

#SERVER_UNIT_PLACEHOLDER
add_executable(api_tests
  api/accounts_api_test.cpp
  api/errors_api_test.cpp
  api/transport_api_test.cpp
  api/openapi_api_test.cpp)
target_link_libraries(api_tests PRIVATE tarjotin_api_test_support GTest::gtest_main)
tarjotin_add_db_test(api api_tests)
