#pragma once
// Errors are values in the domain: a use case returns Result<T>, and the HTTP edge maps the
// Error to one problem+json answer. Nothing in the domain throws for a rule that was broken.

#include <chrono>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tarjotin::domain {

enum class ErrorKind {
  invalid_input,    // a field breaks a rule; `fields` says which
  unauthenticated,  // no valid credentials
  forbidden,        // authenticated, but the role may not do this at all
  not_found,        // does not exist, or the actor may not know that it exists
  conflict,         // the object's state or a uniqueness rule forbids it now
  stale,            // the edit was made from a version the object has moved on from
  throttled,        // too many attempts of this kind: wait `retry_after`, then try again
};

struct FieldError {
  std::string pointer;  // JSON pointer of the offending input, e.g. "/business_id"
  std::string rule;     // short stable rule name, e.g. "check-digit"
  std::string detail;   // a sentence for a person
};

struct Error {
  ErrorKind kind;
  std::string code;    // stable, machine-readable, e.g. "email-taken"
  std::string detail;  // a sentence for a person; never contains secrets
  std::vector<FieldError> fields;
  std::chrono::seconds retry_after{0};  // throttled: how long to wait

  static Error invalid(std::string pointer, std::string rule, std::string detail) {
    std::string sentence = detail;
    return Error{ErrorKind::invalid_input,
                 "invalid-input",
                 std::move(sentence),
                 {FieldError{std::move(pointer), std::move(rule), std::move(detail)}}};
  }
  static Error not_found(std::string what) {
    return Error{ErrorKind::not_found, "not-found", std::move(what) + " was not found", {}};
  }
  static Error conflict(std::string code, std::string detail) {
    return Error{ErrorKind::conflict, std::move(code), std::move(detail), {}};
  }
  static Error stale(std::string detail) {
    return Error{ErrorKind::stale, "precondition-failed", std::move(detail), {}};
  }
  static Error forbidden(std::string detail) {
    return Error{ErrorKind::forbidden, "forbidden", std::move(detail), {}};
  }
  static Error unauthenticated(std::string detail) {
    return Error{ErrorKind::unauthenticated, "unauthenticated", std::move(detail), {}};
  }
  static Error throttled(std::string code, std::string detail, std::chrono::seconds wait) {
    return Error{ErrorKind::throttled, std::move(code), std::move(detail), {}, wait};
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const { return std::get<Error>(state_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> state_;
};

struct Done {};
using Status = Result<Done>;

}  // namespace tarjotin::domain
