#include "util/status.h"

namespace nanni {

namespace {
const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk: return "OK";
    case Status::Code::kInvalidInput: return "invalid input";
    case Status::Code::kNotFound: return "not found";
    case Status::Code::kCorruption: return "corruption";
    case Status::Code::kIOError: return "I/O error";
    case Status::Code::kConflict: return "conflict";
    case Status::Code::kAborted: return "aborted";
    case Status::Code::kInvalidArgument: return "invalid argument";
    case Status::Code::kPermissionDenied: return "permission denied";
    case Status::Code::kBusy: return "busy";
  }
  return "unknown";
}
}  // namespace

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(CodeName(code_)) + ": " + message_;
}

Status Status::WithPrefix(std::string_view prefix) const {
  if (ok()) return *this;
  return Status(code_, std::string(prefix) + ": " + message_);
}

Status Status::WithSuffix(std::string_view suffix) const {
  if (ok()) return *this;
  return Status(code_, message_ + std::string(suffix));
}

}  // namespace nanni
