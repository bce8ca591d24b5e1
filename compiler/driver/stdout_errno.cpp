#include "driver/stdout_errno.h"

#include <cerrno>
#include <iostream>

namespace polc {

StdoutErrno::StdoutErrno() : inner_(std::cout.rdbuf(this)) {}

StdoutErrno::~StdoutErrno() {
  std::cout.flush();
  std::cout.rdbuf(inner_);
}

void StdoutErrno::keep() {
  if (first_ == 0) first_ = errno;
}

StdoutErrno::int_type StdoutErrno::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  errno = 0;
  const int_type written = inner_->sputc(traits_type::to_char_type(c));
  if (traits_type::eq_int_type(written, traits_type::eof())) keep();
  return written;
}

std::streamsize StdoutErrno::xsputn(const char* s, std::streamsize n) {
  errno = 0;
  const std::streamsize written = inner_->sputn(s, n);
  if (written < n) keep();
  return written;
}

int StdoutErrno::sync() {
  errno = 0;
  const int result = inner_->pubsync();
  if (result != 0) keep();
  return result;
}

}  // namespace polc
