#include "syntax/split_name.h"

#include <fmt/format.h>

#include "PolcLexer.h"
#include "PolcParser.h"
#include "support/source.h"
#include "syntax/code_point_stream.h"
#include "syntax/policy_lexer.h"

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

// Stops the parse of `parsesWithout` at its first error from `from` on (an earlier one, the
// file's own, is passed over), and remembers where it fell.
class FirstErrorFrom : public antlr4::BaseErrorListener {
 public:
  struct Found {
    std::size_t at;
  };
  explicit FirstErrorFrom(std::size_t from) : from_(from) {}
  void syntaxError(antlr4::Recognizer*, antlr4::Token* offending, std::size_t, std::size_t, const std::string&,
                   std::exception_ptr) override {
    if (offending && offending->getStartIndex() >= from_) throw Found{offending->getStartIndex()};
  }

 private:
  std::size_t from_;
};

// Whether the text, with `character` deleted, parses through the end of the line of the name it
// stood in: then the character is what broke it. A white-space character (U+3000, U+FEFF) between
// two names may as well stand where a space was meant, before another slip (`改造投资\u3000超越
// 500万元`, a wrong comparison word), and the ordinary message then names that slip.
bool parsesWithout(const antlr4::Token* character) {
  antlr4::CharStream* in = character->getInputStream();
  if (!in || in->size() == 0) return false;
  // Each such error parses the file again (at most 25 a file): beyond the size of a policy, many
  // times the seeds' largest, the character is named as before rather than the check paid for.
  constexpr std::size_t kMaxCodePointsReparsed = 1u << 20;
  if (in->size() > kMaxCodePointsReparsed) return true;
  std::u32string text = decodeUtf8(in->getText(antlr4::misc::Interval(std::size_t{0}, in->size() - 1)));
  const std::size_t at = character->getStartIndex();
  if (at >= text.size()) return false;
  text.erase(at, 1);
  const std::size_t lineEnd = std::min(text.find(U'\n', at), text.size());
  CodePointStream input(std::move(text));
  PolicyLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  gen::PolcParser parser(&tokens);
  parser.removeErrorListeners();
  FirstErrorFrom listener(at);
  parser.addErrorListener(&listener);
  try {
    parser.file();
  } catch (const FirstErrorFrom::Found& e) {
    return e.at > lineEnd;
  }
  return true;
}

// Whether `name` is written whole elsewhere in the file: then it is one name, split here.
bool writtenWhole(antlr4::TokenStream* tokens, const std::string& name) {
  for (std::size_t i = 0; i < tokens->size(); ++i)
    if (isName(tokens->get(i)) && tokens->get(i)->getText() == name) return true;
  return false;
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
  auto split = between(tokens->get(i - 2), tokens->get(i - 1), offending);
  if (split && !writtenWhole(tokens, split->name) && !parsesWithout(split->character)) return std::nullopt;
  return split;
}

}  // namespace polc
