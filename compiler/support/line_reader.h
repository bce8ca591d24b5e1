// Reading a stream line by line from a file descriptor (a batch: a regular file, a pipe, a FIFO,
// standard input), with the two guarantees a batch needs and std::getline lacks: a line longer
// than the limit stops the reading with an error instead of growing without bound (`--batch
// /dev/zero`), and a FIFO opened non-blocking is waited on with poll, so that one no process
// writes to reads as empty after a short wait for a writer (support/read_file.h) instead of
// blocking its open forever.
#pragma once

#include <cstddef>
#include <string>

namespace polc {

class LineReader {
 public:
  // `fifo`: fd is a FIFO named on the command line, whose writer may not have opened it yet.
  LineReader(int fd, std::size_t maxLine, bool fifo = false) : fd_(fd), maxLine_(maxLine), fifo_(fifo) {}
  // The next line without its '\n' (a last line may lack one); false at the end or on an error.
  bool next(std::string& line);
  // Why reading stopped before the end: a line too long, or a read error; "" at the end.
  const std::string& error() const { return error_; }
  // The reading stopped at a line too long: a line of the input, unlike a read error.
  bool stoppedAtLongLine() const { return longLine_; }

 private:
  bool fill();

  int fd_;
  std::size_t maxLine_;
  char buf_[65536];
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  bool fifo_;
  bool waited_ = false;  // for a FIFO's writer, once
  bool gotData_ = false;
  std::string error_;
  bool longLine_ = false;
};

}  // namespace polc
