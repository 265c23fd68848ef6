// Status: the one way nanni reports an error.
//
// Every operation that can fail returns a Status (or a StatusOr-style out parameter plus a
// Status). Nothing in the core library throws across its API. A Status is either OK or
// carries a code and a human-readable message. Messages for bad input name where the problem
// is, in the form "FILE:LINE: field 'NAME': what is wrong", so the CLI can print them as is.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace nanni {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,  // the caller's input is malformed (a bad event, a bad flag value)
    kNotFound,      // a file, account or event that was asked for does not exist
    kCorruption,    // stored data does not match its hash chain or its own encoding
    kIOError,       // the operating system or the database failed
    kConflict,      // the input contradicts what the ledger already holds
    kAborted,       // the operation was interrupted or refused to go on
    kInvalidArgument,  // a flag or argument the user gave cannot be used as given
    kPermissionDenied,  // the caller's access scope does not cover what it asked for
    kBusy,          // another writer holds the ledger: retrying later can succeed
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Conflict(std::string msg) { return Status(Code::kConflict, std::move(msg)); }
  static Status Aborted(std::string msg) { return Status(Code::kAborted, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status PermissionDenied(std::string msg) {
    return Status(Code::kPermissionDenied, std::move(msg));
  }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or "<code name>: <message>".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>" (for adding file and line context).
  Status WithPrefix(std::string_view prefix) const;

  // Returns a copy whose message is "<message><suffix>" (for adding a consequence or hint).
  Status WithSuffix(std::string_view suffix) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define NANNI_RETURN_IF_ERROR(expr)            \
  do {                                         \
    ::nanni::Status _nanni_status = (expr);    \
    if (!_nanni_status.ok()) return _nanni_status; \
  } while (0)

}  // namespace nanni
