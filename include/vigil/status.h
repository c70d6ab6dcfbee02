// Status and Result<T>: vigil's error values.
//
// Every library function that can fail on user input returns a Status or a
// Result<T>; no exception escapes the library API. A Status carries a canonical
// code (mapped to HTTP statuses in one table, HttpStatusOf) and a message that
// names what was wrong: the file and line, the field, the request.
//
// Thread-safety: Status and Result are values; const methods may be called from
// several threads without synchronization.
#ifndef VIGIL_STATUS_H_
#define VIGIL_STATUS_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace vigil {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input: malformed file, row, JSON, parameter
  kNotFound,         // no such file, entity, alert
  kAlreadyExists,
  kPermissionDenied,  // authenticated but not allowed (403)
  kUnauthenticated,   // missing or invalid credentials (401)
  kFailedPrecondition,
  kResourceExhausted,  // a limit was hit (body size, queries per request)
  kCorruption,         // stored data failed its checksum or format check
  kIOError,
  kInternal,
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status PermissionDenied(std::string m) {
    return {StatusCode::kPermissionDenied, std::move(m)};
  }
  static Status Unauthenticated(std::string m) {
    return {StatusCode::kUnauthenticated, std::move(m)};
  }
  static Status FailedPrecondition(std::string m) {
    return {StatusCode::kFailedPrecondition, std::move(m)};
  }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status IOError(std::string m) { return {StatusCode::kIOError, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: <message>", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// The HTTP status a server answers for a failed request with this code.
int HttpStatusOf(StatusCode code);
std::string_view StatusCodeName(StatusCode code);

// Result<T> holds either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be ok

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &std::get<T>(v_); }
  const T* operator->() const { return &std::get<T>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace vigil

#define VIGIL_RETURN_IF_ERROR(expr) \
  do {                              \
    ::vigil::Status _st = (expr);   \
    if (!_st.ok()) return _st;      \
  } while (0)

#endif  // VIGIL_STATUS_H_
