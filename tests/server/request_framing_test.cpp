#include "server/request_framing.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace tarjotin::server {
namespace {

using Fields = std::vector<std::pair<http::field, std::string>>;

http::request_header<> head(http::verb method, const Fields& fields) {
  http::request_header<> h;
  h.method(method);
  h.target("/v1/sessions");
  h.version(11);
  h.insert(http::field::host, "localhost");
  for (const auto& [name, value] : fields) h.insert(name, value);
  return h;
}

http::request_header<> post(const Fields& fields) { return head(http::verb::post, fields); }

TEST(FramingProblem, PlainGetIsFine) {
  EXPECT_FALSE(framing_problem(head(http::verb::get, {})).has_value());
}

TEST(FramingProblem, ASingleContentLengthIsFine) {
  EXPECT_FALSE(framing_problem(post({{http::field::content_length, "5"}})).has_value());
  EXPECT_FALSE(framing_problem(post({{http::field::content_length, "0"}})).has_value());
  EXPECT_FALSE(framing_problem(post({{http::field::content_length, "1048576"}})).has_value());
}

TEST(FramingProblem, ChunkedTransferEncodingIsFineInAnyCase) {
  for (const char* value : {"chunked", "Chunked", "CHUNKED", "cHuNkEd"})
    EXPECT_FALSE(framing_problem(post({{http::field::transfer_encoding, value}})).has_value())
        << value;
}

TEST(FramingProblem, UnrelatedFieldsDoNotMatter) {
  EXPECT_FALSE(framing_problem(post({{http::field::content_type, "application/json"},
                                     {http::field::accept, "*/*"},
                                     {http::field::content_length, "12"},
                                     {http::field::connection, "keep-alive"}}))
                   .has_value());
}

TEST(FramingProblem, RefusesChunkedFollowedByAnotherCoding) {
  // Beast 1.81 reads "chunked, gzip" as having no body, leaving the bytes for a second request.
  EXPECT_TRUE(
      framing_problem(post({{http::field::transfer_encoding, "chunked, gzip"}})).has_value());
}

TEST(FramingProblem, RefusesAnyTransferEncodingOtherThanChunked) {
  for (const char* value :
       {"gzip", "gzip, chunked", "identity", "chunked, chunked", "chunkedx", "x-chunked", ""})
    EXPECT_TRUE(framing_problem(post({{http::field::transfer_encoding, value}})).has_value())
        << "'" << value << "'";
}

TEST(FramingProblem, RefusesANonChunkedTransferEncodingWithContentLength) {
  EXPECT_TRUE(framing_problem(post({{http::field::transfer_encoding, "gzip"},
                                    {http::field::content_length, "5"}}))
                  .has_value());
  EXPECT_TRUE(framing_problem(post({{http::field::content_length, "5"},
                                    {http::field::transfer_encoding, "gzip"}}))
                  .has_value());
}

TEST(FramingProblem, RefusesChunkedTogetherWithContentLength) {
  EXPECT_TRUE(framing_problem(post({{http::field::transfer_encoding, "chunked"},
                                    {http::field::content_length, "5"}}))
                  .has_value());
  EXPECT_TRUE(framing_problem(post({{http::field::content_length, "5"},
                                    {http::field::transfer_encoding, "chunked"}}))
                  .has_value());
}

TEST(FramingProblem, RefusesTwoContentLengthFieldsEvenWhenEqual) {
  EXPECT_TRUE(framing_problem(
                  post({{http::field::content_length, "5"}, {http::field::content_length, "5"}}))
                  .has_value());
  EXPECT_TRUE(framing_problem(
                  post({{http::field::content_length, "5"}, {http::field::content_length, "50"}}))
                  .has_value());
}

TEST(FramingProblem, RefusesTwoTransferEncodingFields) {
  EXPECT_TRUE(framing_problem(post({{http::field::transfer_encoding, "chunked"},
                                    {http::field::transfer_encoding, "chunked"}}))
                  .has_value());
}

TEST(FramingProblem, RefusesAContentLengthThatIsNotAPlainDecimalNumber) {
  for (const char* value :
       {"+5", "-1", " 5x", "5x", "0x10", "5,5", "5 5", "5.0", "1e3", "", "five", "\xEF\xBC\x95"})
    EXPECT_TRUE(framing_problem(post({{http::field::content_length, value}})).has_value())
        << "'" << value << "'";
}

TEST(FramingProblem, RefusesAContentLengthTooLargeForAnyBody) {
  EXPECT_TRUE(framing_problem(post({{http::field::content_length, "99999999999999999999999999"}}))
                  .has_value());
}

TEST(FramingProblem, FindsFieldsAddedByNameInAnyCase) {
  // A parser hands over field names as the client spelled them.
  http::request_header<> h = post({});
  h.insert("content-LENGTH", "5");
  h.insert("Content-Length", "5");
  EXPECT_TRUE(framing_problem(h).has_value());

  http::request_header<> te = post({});
  te.insert("TRANSFER-ENCODING", "gzip");
  EXPECT_TRUE(framing_problem(te).has_value());
}

TEST(FramingProblem, ExplainsWhy) {
  const auto problem = framing_problem(
      post({{http::field::content_length, "5"}, {http::field::content_length, "5"}}));
  ASSERT_TRUE(problem.has_value());
  EXPECT_FALSE(problem->empty());
}

}  // namespace
}  // namespace tarjotin::server
