#include "syntax/split_name.h"

#include <fmt/format.h>

#include "PolcLexer.h"
#include "support/source.h"

namespace polc {
namespace {

using L = gen::PolcLexer;

// The characters a name is split by, named as a writer can look them up.
std::optional<std::string> describe(const std::string& text) {
  if (findInvalidUtf8(text) != std::string::npos) return std::nullopt;
  const std::u32string u = decodeUtf8(text);
  if (u.size() != 1) return std::nullopt;
  const char32_t c = u[0];
  const char* name = c == 0xFEFF   ? "a zero-width no-break space"
                     : c == 0x3000 ? "an ideographic space"
                     : c == 0x200B ? "a zero-width space"
                     : c == 0x200C ? "a zero-width non-joiner"
                     : c == 0x200D ? "a zero-width joiner"
                     : c == 0x2060 ? "a word joiner"
                     : c == 0xA0   ? "a no-break space"
                     : c == 0xAD   ? "a soft hyphen"
                     : (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ? "a space"
                                                                                   : nullptr;
  if (!name) return std::nullopt;
  return fmt::format("{} (U+{:04X})", name, static_cast<std::uint32_t>(c));
}

bool isName(const antlr4::Token* t) { return t && t->getType() == L::IDENT; }

// Whether the text ends (or begins) with a character that is not ASCII: a Chinese one in practice.
// Between two ASCII words a space of any kind may well have been meant as one.
bool chineseAt(const std::string& text, bool end) {
  return !text.empty() && static_cast<unsigned char>(end ? text.back() : text.front()) >= 0x80;
}

std::optional<SplitName> between(const antlr4::Token* before, const antlr4::Token* character,
                                 const antlr4::Token* after) {
  if (!isName(before) || !isName(after)) return std::nullopt;
  if (!chineseAt(before->getText(), true) || !chineseAt(after->getText(), false)) return std::nullopt;
  auto what = describe(character->getText());
  if (!what) return std::nullopt;
  return SplitName{character, before, after, *what, before->getText() + after->getText()};
}

}  // namespace

std::optional<SplitName> splitName(antlr4::Parser* parser, const antlr4::Token* offending) {
  auto* tokens = parser->getTokenStream();
  const std::size_t i = offending->getTokenIndex();
  if (i == 0) return std::nullopt;
  if (offending->getType() == L::ERRCHAR)
    return i + 1 < tokens->size() ? between(tokens->get(i - 1), offending, tokens->get(i + 1)) : std::nullopt;
  // White space is one token however long: a lone U+FEFF or U+3000 between the two parts.
  if (i < 2 || tokens->get(i - 1)->getType() != L::WS) return std::nullopt;
  return between(tokens->get(i - 2), tokens->get(i - 1), offending);
}

}  // namespace polc
