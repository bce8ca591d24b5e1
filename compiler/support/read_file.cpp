#include "support/read_file.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace polc {
namespace {

// Reads fd to its end into `text`; an error message, or "" when all of it was read. A FIFO is
// open non-blocking: with a writer and nothing yet to read, wait for data or its end; with no
// writer yet, wait a while for one (`fifo`).
std::string readAll(int fd, std::uintmax_t maxBytes, std::string& text, bool fifo = false) {
  char buf[65536];
  bool waited = false;
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, -1) < 0 && errno != EINTR) return std::strerror(errno);
        continue;
      }
      return std::strerror(errno);
    }
    if (n == 0) {
      if (fifo && text.empty() && !waited) {
        waited = true;
        if (awaitFifoWriter(fd)) continue;
      }
      return "";
    }
    text.append(buf, static_cast<std::size_t>(n));
    if (text.size() > maxBytes) return "more than the limit of " + std::to_string(maxBytes) + " bytes";
  }
}

// A FIFO named on the command line (`--facts <(…)`, as a shell's process substitution gives) is
// read as standard input is: the text, or an error message. Opened non-blocking, so that one with
// no writer does not wait for one forever: one that has none after kFifoWriterWaitMs is refused.
std::string readFifo(const std::string& path, std::uintmax_t maxBytes, std::string& text) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return whyNotOpened(errno);
  std::string err = readAll(fd, maxBytes, text, true);
  ::close(fd);
  if (err.empty() && text.empty())
    return "is a FIFO (named pipe) that gave nothing to read: no process wrote to it within " +
           std::to_string(kFifoWriterWaitMs / 1000) + " s";
  return err;
}

}  // namespace

// Linux reports no event on a FIFO opened for reading until a writer opens it (then POLLIN when it
// writes, POLLHUP when it closes), so poll waits for exactly that.
bool awaitFifoWriter(int fd) {
  pollfd p{fd, POLLIN, 0};
  int r;
  do r = ::poll(&p, 1, kFifoWriterWaitMs);
  while (r < 0 && errno == EINTR);
  return r > 0;
}

std::string whyNotOpened(int err) {
  if (err == ENOENT || err == ENOTDIR) return "no such file or directory";
  if (err == EACCES) return "permission denied";
  return std::strerror(err);
}

InputFile readInputFile(const std::string& path, std::uintmax_t maxBytes) {
  InputFile r;
  auto fail = [&](const std::string& why) {
    r.error = inputName(path) + ": " + why;
    return r;
  };
  if (isStdin(path)) {
    std::string text;
    std::string err = readAll(STDIN_FILENO, maxBytes, text);
    if (!err.empty()) return fail(err);
    r.text = std::move(text);
    return r;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return fail(whyNotOpened(errno));
  }
  if (S_ISDIR(st.st_mode)) return fail("is a directory, not a file");
  if (S_ISFIFO(st.st_mode)) {
    std::string text;
    if (std::string err = readFifo(path, maxBytes, text); !err.empty()) return fail(err);
    r.text = std::move(text);
    return r;
  }
  if (!S_ISREG(st.st_mode)) return fail("is a device or socket, not a regular file");
  if (static_cast<std::uintmax_t>(st.st_size) > maxBytes)
    return fail("file is " + std::to_string(st.st_size) + " bytes, more than the limit of " +
                std::to_string(maxBytes));
  // O_NONBLOCK: should the path have been replaced by a FIFO since stat, open must not wait.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return fail(whyNotOpened(errno));
  struct stat st2 {};
  if (::fstat(fd, &st2) != 0 || !S_ISREG(st2.st_mode)) {
    ::close(fd);
    return fail("is not a regular file");
  }
  std::string text;
  text.reserve(static_cast<std::size_t>(st2.st_size));
  std::string err = readAll(fd, maxBytes, text);
  ::close(fd);
  if (!err.empty()) return fail(err);
  r.text = std::move(text);
  return r;
}

}  // namespace polc
