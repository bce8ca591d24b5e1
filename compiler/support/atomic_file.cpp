#include "support/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace polc {
namespace {

std::string describe(const std::string& path, int err) { return path + ": " + std::strerror(err); }

// The permissions a plain open(O_CREAT, 0666) would give, which mkstemp's 0600 does not.
mode_t defaultMode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  if (path_.empty()) {
    error_ = "no output file name given";
    return;
  }
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    error_ = path_ + ": is a directory";
    return;
  }
  // A device or FIFO (-o /dev/null, -o /dev/stdout, a named pipe) is written in place: renaming a
  // temporary over it would replace the device node with a regular file (that is how /dev/null
  // once became a plain file on the project machine). There is nothing partial to avoid there.
  // A symbolic link likewise (/dev/stderr → /proc/self/fd/2, which may be a regular file when
  // stderr is redirected): the rename would replace the link itself, so it is written through.
  struct stat link {};
  const bool symlink = ::lstat(path_.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
  if (symlink || (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode))) {
    const int trunc = symlink && ::stat(path_.c_str(), &st) == 0 && S_ISREG(st.st_mode) ? O_TRUNC : 0;
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | trunc | O_NONBLOCK | O_CLOEXEC, 0666);  // a FIFO without reader: ENXIO
    if (fd_ < 0) {
      error_ = describe(path_, errno);
      return;
    }
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK);
    direct_ = true;
    return;
  }
  std::size_t slash = path_.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path_.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path_ : path_.substr(slash + 1);
  tmp_ = dir + "." + name + ".tmp.XXXXXX";
  std::vector<char> buf(tmp_.begin(), tmp_.end());
  buf.push_back('\0');
  fd_ = ::mkstemp(buf.data());
  if (fd_ < 0) {
    error_ = describe(path_, errno);
    tmp_.clear();
    return;
  }
  tmp_ = buf.data();
  ::fchmod(fd_, defaultMode());
}

AtomicFile::~AtomicFile() {
  if (!done_) discard();
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0 || !error_.empty()) return;
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = describe(path_, errno);
      return;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::string AtomicFile::commit() {
  if (done_) return "internal error: " + path_ + " committed twice";
  if (direct_) {
    if (::close(fd_) != 0 && error_.empty()) error_ = describe(path_, errno);
    fd_ = -1;
    done_ = true;
    return error_;
  }
  if (error_.empty() && ::fsync(fd_) != 0) error_ = describe(path_, errno);
  if (fd_ >= 0 && ::close(fd_) != 0 && error_.empty()) error_ = describe(path_, errno);
  fd_ = -1;
  if (error_.empty() && std::rename(tmp_.c_str(), path_.c_str()) != 0) error_ = describe(path_, errno);
  if (!error_.empty()) {
    discard();
    return error_;
  }
  done_ = true;
  return {};
}

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
  tmp_.clear();
  done_ = true;
}

std::string writeFileAtomically(const std::string& path, std::string_view bytes) {
  AtomicFile f(path);
  if (!f.ok()) return f.error();
  f.write(bytes);
  return f.commit();
}

}  // namespace polc
