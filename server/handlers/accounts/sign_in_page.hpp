#pragma once
// The page a browser lands on when an identity provider sends it back: a few words in the
// reader's language and an immediate move to the web client's sign-in screen, which goes on to
// the user's home page or says why the sign-in failed. The move is a same-site navigation of
// its own: the session cookie set by this answer is SameSite=Strict, and a redirect that merely
// continued the provider's cross-site navigation would not carry it. The page runs no script
// (the API's Content-Security-Policy allows none) and keeps no code or state in any URL of ours.

#include <string>

#include "server/http_types.hpp"

namespace tarjotin::server {

enum class SignInOutcome {
  signed_in,
  unknown,     // no sign-in waits for the state: never started by this browser, or used
  expired,     // the pending sign-in is too old
  refused,     // the identity provider answered with an error (the person cancelled, ...)
  not_a_user,  // the identity is no active user of the issuer's organisation
  failed,      // the code exchange or the ID token failed
};

// "fi", "sv" or "en": the first of them the request's Accept-Language names, else "fi".
std::string language_of(const Request& request);

// 200 for a sign-in, 403 for an identity that is no user, 400 otherwise.
Reply sign_in_page(SignInOutcome outcome, const std::string& language);

}  // namespace tarjotin::server
