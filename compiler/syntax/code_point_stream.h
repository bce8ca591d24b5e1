// ANTLR's input stream over code points already decoded. Its own UTF-8 decoding
// (std::wstring_convert) kept a buffer of 16 bytes for every byte of the file: 200 MB for a
// 12.8 MB policy, beside SourceFile's 4 bytes a code point.
#pragma once

#include <string>

#include <antlr4-runtime.h>

namespace polc {

class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  explicit CodePointStream(std::u32string codepoints) { _data = std::move(codepoints); }
};

}  // namespace polc
