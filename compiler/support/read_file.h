// Reading an input file named on the command line (a policy, a facts file) without surprises:
// regular files, and FIFOs (`--facts <(…)`), which are read as standard input is, up to the limit;
// a FIFO no process writes to is an error after a short wait for a writer (kFifoWriterWaitMs), not
// a wait without end. A directory, a device such as
// /dev/null or /dev/zero (which never ends) or a socket is refused with a message, and a regular
// file larger than the caller's limit is refused before any of it is read. The path `-` is standard
// input, whatever it is (the user chose it: a pipe is what they mean), read up to the limit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace polc {

struct InputFile {
  std::optional<std::string> text;  // the whole file, when it could be read
  std::string error;                // otherwise: "x.pol: is a directory", "x.pol: no such file or directory" …
  bool ok() const { return text.has_value(); }
};

InputFile readInputFile(const std::string& path, std::uintmax_t maxBytes);
// Why an input could not be opened or found (an errno), in the words of InputFile::error: "no such
// file or directory", "permission denied", else the system's.
std::string whyNotOpened(int err);

// How long a FIFO that no process has opened for writing is waited on. Linux reads the end of such
// a FIFO at once; a writer started just before polc (`producer > fifo & polc … fifo`) may not have
// opened it yet. A writer that comes later still finds no reader.
inline constexpr int kFifoWriterWaitMs = 2000;
// Called when a read of a FIFO opened non-blocking gave its end before any data: waits up to
// kFifoWriterWaitMs for a writer; true when one came (read again), false when none did.
bool awaitFifoWriter(int fd);

// The path `-` means standard input.
inline bool isStdin(const std::string& path) { return path == "-"; }
// How messages name an input: the path, or <stdin> for `-`.
inline std::string inputName(const std::string& path) { return isStdin(path) ? "<stdin>" : path; }

}  // namespace polc
