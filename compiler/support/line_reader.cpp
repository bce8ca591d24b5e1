#include "support/line_reader.h"

#include "support/read_file.h"

#include <cerrno>
#include <cstring>

#include <poll.h>
#include <unistd.h>

namespace polc {

bool LineReader::fill() {
  while (!eof_) {
    ssize_t n = ::read(fd_, buf_, sizeof buf_);
    if (n > 0) {
      gotData_ = true;
      pos_ = 0;
      end_ = static_cast<std::size_t>(n);
      return true;
    }
    if (n == 0) {
      if (fifo_ && !gotData_ && !waited_) {
        waited_ = true;
        if (awaitFifoWriter(fd_)) continue;
      }
      eof_ = true;
      break;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, -1) < 0 && errno != EINTR) error_ = std::strerror(errno);
      else continue;
    } else {
      error_ = std::strerror(errno);
    }
    eof_ = true;
  }
  return false;
}

// The limit is on the line's text: a CRLF line's '\r' is not counted, so that the same line is
// accepted with either ending.
bool LineReader::next(std::string& line) {
  line.clear();
  bool any = false;
  auto tooLong = [&] {
    error_ = "a line longer than the limit of " + std::to_string(maxLine_) + " bytes";
    longLine_ = true;
    eof_ = true;
    pos_ = end_ = 0;
    return false;
  };
  auto fits = [&] { return line.size() <= maxLine_ || (line.size() == maxLine_ + 1 && line.back() == '\r'); };
  for (;;) {
    if (pos_ == end_ && !fill()) return any && error_.empty() && (fits() || tooLong());
    any = true;
    const char* start = buf_ + pos_;
    const void* nl = std::memchr(start, '\n', end_ - pos_);
    const std::size_t take = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
    if (line.size() + take > maxLine_ + 1) return tooLong();
    line.append(start, take);
    pos_ += take;
    if (nl) {
      ++pos_;
      return fits() || tooLong();
    }
  }
}

}  // namespace polc
