// Writing output files without ever leaving a partial one: the bytes go to a temporary file in the
// same directory (so that the rename stays on one file system), which is flushed to disk and then
// renamed over the target. A reader sees the old file or the whole new one; a failure at any step,
// or an AtomicFile destroyed before commit(), leaves the target untouched and no temporary behind.
// An existing device or FIFO (/dev/null, a named pipe), or a symbolic link, is written in place
// instead (through the link), never replaced.
// Every file polc writes (IR dumps, bytecode, generated code, witnesses, reports) goes through here.
#pragma once

#include <string>
#include <string_view>

namespace polc {

// Writes `bytes` to `path` atomically. Returns an empty string on success, else a one-line message
// naming the file ("out/x.polb: No such file or directory").
std::string writeFileAtomically(const std::string& path, std::string_view bytes);

// For writers that produce a file piece by piece. Usage:
//   AtomicFile f(path);
//   if (!f.ok()) return f.error();
//   f.write(...); f.write(...);
//   if (auto err = f.commit(); !err.empty()) return err;
// Without a successful commit() the temporary file is removed by the destructor.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  bool ok() const { return error_.empty(); }
  // An existing device, FIFO or symbolic link, written in place: no temporary, no rename.
  bool inPlace() const { return direct_; }
  const std::string& error() const { return error_; }
  // Appends; a failure is remembered and reported by commit().
  void write(std::string_view bytes);
  // Flushes, syncs and renames over the target. Returns an empty string on success.
  std::string commit();
  // Removes the temporary file; the target is left as it was.
  void discard();

 private:
  std::string path_;
  std::string tmp_;
  std::string error_;
  int fd_ = -1;
  bool done_ = false;
  bool direct_ = false;  // an existing device or FIFO, written in place (no temporary, no rename)
};

}  // namespace polc
