add_library(tarjotin_api_test_support STATIC api/support/api_client.cpp api/support/test_server.cpp
                                             api/support/test_certificate.cpp
                                             api/support/test_signing_key.cpp
                                             api/support/test_oidc_provider.cpp)
target_link_libraries(tarjotin_api_test_support PUBLIC tarjotin_server tarjotin_test_support)

# The same identity provider as a program, for the browser tests (web/e2e/identity-provider.mjs).
add_executable(test_oidc_provider api/support/test_oidc_provider_main.cpp)
target_link_libraries(test_oidc_provider PRIVATE tarjotin_api_test_support)
set_target_properties(test_oidc_provider PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})

file(GLOB SERVER_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/server/*_test.cpp)
add_executable(server_unit_tests ${SERVER_UNIT_TESTS})
target_link_libraries(server_unit_tests PRIVATE tarjotin_server GTest::gtest_main)
add_test(NAME server_unit COMMAND server_unit_tests)
set_tests_properties(server_unit PROPERTIES LABELS "unit")

file(GLOB_RECURSE API_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/api/*_test.cpp)
add_executable(api_tests ${API_TESTS})
target_link_libraries(api_tests PRIVATE tarjotin_api_test_support GTest::gtest_main)
set_source_files_properties(api/authorization_matrix_test.cpp PROPERTIES COMPILE_DEFINITIONS
  TARJOTIN_AUTHORIZATION_MATRIX="${CMAKE_CURRENT_SOURCE_DIR}/api/authorization_matrix.txt")
# Open data is validated against the OCDS schemas of the repository, which the server does not
# embed (schemas/ocds/ describes what the server writes, not what it reads).
target_compile_definitions(api_tests PRIVATE
  TARJOTIN_OCDS_SCHEMAS="${CMAKE_SOURCE_DIR}/schemas/ocds")
tarjotin_add_db_test(api api_tests)
