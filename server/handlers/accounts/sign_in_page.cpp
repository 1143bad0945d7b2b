#include "server/handlers/accounts/sign_in_page.hpp"

#include <boost/beast/core/string.hpp>

namespace tarjotin::server {
namespace {

struct Words {
  const char* signed_in;
  const char* failed;
  const char* go_on;
};

const Words& words_in(const std::string& language) {
  static const Words fi{"Kirjautuminen onnistui", "Kirjautuminen ei onnistunut", "Jatka"};
  static const Words sv{"Inloggningen lyckades", "Inloggningen misslyckades", "Fortsätt"};
  static const Words en{"Signed in", "Sign-in failed", "Continue"};
  return language == "sv" ? sv : language == "en" ? en : fi;
}

// What the web client's sign-in screen reads from `failed` to say what happened.
const char* failure_name(SignInOutcome outcome) {
  switch (outcome) {
    case SignInOutcome::signed_in:
      return "";
    case SignInOutcome::unknown:
      return "unknown";
    case SignInOutcome::expired:
      return "expired";
    case SignInOutcome::refused:
      return "refused";
    case SignInOutcome::not_a_user:
      return "not-a-user";
    case SignInOutcome::failed:
      break;
  }
  return "failed";
}

}  // namespace

std::string language_of(const Request& request) {
  const auto header = request[http::field::accept_language];
  std::string_view rest(header.data(), header.size());
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view tag = rest.substr(0, comma);
    tag = tag.substr(0, tag.find_first_of(";-"));
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    for (const char* known : {"fi", "sv", "en"})
      if (boost::beast::iequals(tag, known)) return known;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return "fi";
}

Reply sign_in_page(SignInOutcome outcome, const std::string& language) {
  const std::string lang = language == "sv" || language == "en" ? language : "fi";
  const Words& w = words_in(lang);
  const bool ok = outcome == SignInOutcome::signed_in;
  std::string target = "/sign-in?lang=" + lang;
  if (!ok) target += std::string("&amp;failed=") + failure_name(outcome);
  Reply r;
  r.status = ok ? 200 : outcome == SignInOutcome::not_a_user ? 403 : 400;
  r.content_type = "text/html; charset=utf-8";
  r.body = "<!doctype html>\n<html lang=\"" + lang +
           "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"referrer\" content=\"no-referrer\">\n"
           "<meta http-equiv=\"refresh\" content=\"0; url=" +
           target + "\">\n<title>" + (ok ? w.signed_in : w.failed) +
           " – Tarjotin</title>\n</head>\n<body>\n<main>\n<h1>" + (ok ? w.signed_in : w.failed) +
           "</h1>\n<p><a href=\"" + target + "\">" + w.go_on +
           "</a></p>\n</main>\n</body>\n</html>\n";
  return r;
}

}  // namespace tarjotin::server
