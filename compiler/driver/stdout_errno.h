// Why standard output failed. The stream keeps only that it did: once a write has failed (a batch's
// first line, a large JSON document, on a full disk) the stream is bad, later writes and the final
// flush do nothing, and errno by the end says nothing, so the message lost its reason ("No space
// left on device"). This buffer sits in front of std::cout's own, passes every write through
// unbuffered, and keeps the errno of the first write that fails.
#pragma once

#include <streambuf>

namespace polc {

class StdoutErrno : private std::streambuf {
 public:
  StdoutErrno();   // puts itself in front of std::cout's buffer
  ~StdoutErrno();  // flushes through and puts the old buffer back
  StdoutErrno(const StdoutErrno&) = delete;
  StdoutErrno& operator=(const StdoutErrno&) = delete;

  // errno of the first write to standard output that failed; 0 while none has, or when the
  // failing write set none.
  int first() const { return first_; }

 private:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;
  void keep();

  std::streambuf* inner_;
  int first_ = 0;
};

}  // namespace polc
