// Every diagnostic code polc emits. Codes are stable: a code is never reused for another meaning.
// docs/diagnostics.md lists them with an example each.
#pragma once

namespace polc::diag {

// E00xx: input files
inline constexpr const char* kCannotRead = "E0001";
inline constexpr const char* kInvalidUtf8 = "E0002";
inline constexpr const char* kNoPolicyFiles = "E0003";

// E01xx: syntax
inline constexpr const char* kUnexpectedToken = "E0101";
inline constexpr const char* kMissingToken = "E0102";
inline constexpr const char* kInvalidCharacter = "E0103";
inline constexpr const char* kUnterminatedString = "E0104";
inline constexpr const char* kTooManySyntaxErrors = "E0105";
inline constexpr const char* kBadClauseNumber = "E0106";
inline constexpr const char* kBadDate = "E0107";
inline constexpr const char* kBadNumber = "E0108";
inline constexpr const char* kTooDeep = "E0109";

// E02xx: names
inline constexpr const char* kUnknownName = "E0201";
inline constexpr const char* kDuplicateDeclaration = "E0202";
inline constexpr const char* kUnknownUnit = "E0203";
inline constexpr const char* kUnknownSubject = "E0204";
inline constexpr const char* kUnknownTarget = "E0205";
inline constexpr const char* kUnknownKind = "E0206";
inline constexpr const char* kUnknownDocument = "E0207";
inline constexpr const char* kUnknownCitation = "E0208";
inline constexpr const char* kAmbiguousName = "E0209";
inline constexpr const char* kDuplicateCitation = "E0210";
inline constexpr const char* kUnknownEnumMember = "E0211";
inline constexpr const char* kUnknownFunction = "E0212";
inline constexpr const char* kUnrelatedPayee = "E0213";
inline constexpr const char* kUnknownType = "E0214";
inline constexpr const char* kOwnerCycle = "E0215";

// E03xx: types and units
inline constexpr const char* kDimensionMismatch = "E0301";
inline constexpr const char* kCompareDimensions = "E0302";
inline constexpr const char* kNotACondition = "E0303";
inline constexpr const char* kAwardNotMoney = "E0304";
inline constexpr const char* kTypeMismatch = "E0305";
inline constexpr const char* kUnorderedEnum = "E0306";
inline constexpr const char* kEnumMismatch = "E0307";
inline constexpr const char* kNeedsHistory = "E0308";
inline constexpr const char* kArgumentCount = "E0309";
inline constexpr const char* kNeedsParameter = "E0310";
inline constexpr const char* kAmountFormMisuse = "E0311";
inline constexpr const char* kNotAnInteger = "E0312";

// E04xx: structure of documents and clauses
inline constexpr const char* kMissingText = "E0401";
inline constexpr const char* kMissingSubject = "E0402";
inline constexpr const char* kMissingAward = "E0403";
inline constexpr const char* kSeveralAwards = "E0404";
inline constexpr const char* kRepeatedItem = "E0405";
inline constexpr const char* kMissingTarget = "E0406";
inline constexpr const char* kInstallmentsSum = "E0408";
inline constexpr const char* kFundingSum = "E0409";
inline constexpr const char* kEffectiveReversed = "E0410";
inline constexpr const char* kRoundingMode = "E0411";
inline constexpr const char* kCapSubject = "E0412";
inline constexpr const char* kRatioArity = "E0413";
inline constexpr const char* kParameterOrder = "E0414";
inline constexpr const char* kGroupScope = "E0415";
inline constexpr const char* kNoValues = "E0416";
inline constexpr const char* kEmptyRange = "E0417";
inline constexpr const char* kFactContradicts = "E0418";
inline constexpr const char* kOutOfOrder = "E0419";
inline constexpr const char* kBeforeFirstValue = "E0420";
inline constexpr const char* kRelationToItself = "E0421";
inline constexpr const char* kPayerFact = "E0422";
inline constexpr const char* kPayerTwice = "E0423";
// W04xx: warnings of the same checks, numbered with the errors (no E0424 will follow W0424).
inline constexpr const char* kPayerMayTakeLabel = "W0424";

// E05xx: lowering to the IR (limits of the evaluator's representation)
inline constexpr const char* kTooManyMembers = "E0501";
inline constexpr const char* kInexactLiteral = "E0502";
inline constexpr const char* kNotConstant = "E0503";

// W06xx: the consistency checker (compiler/check/, docs/checker.md). Warnings or notes by default;
// `-W CODE=error|warning|note|off` and `--error-on` change that. check/kinds.cpp keeps the same table.
inline constexpr const char* kOverlap = "W0601";
inline constexpr const char* kConflict = "W0602";
inline constexpr const char* kCoveredOverlap = "W0603";
inline constexpr const char* kAcceptedOverlap = "W0604";
inline constexpr const char* kUndecidedPair = "W0605";
inline constexpr const char* kDeadClause = "W0610";
inline constexpr const char* kContradictoryExclusion = "W0611";
inline constexpr const char* kAlwaysTrue = "W0612";
inline constexpr const char* kUndecidedClause = "W0613";
inline constexpr const char* kTierPaysLess = "W0620";
inline constexpr const char* kTierUnreachable = "W0621";
inline constexpr const char* kTierGap = "W0622";
inline constexpr const char* kCaseRangeGap = "W0624";
inline constexpr const char* kCaseSharedBound = "W0625";
inline constexpr const char* kTierOrder = "W0623";
inline constexpr const char* kCapAboveProgramme = "W0630";
inline constexpr const char* kCapUnreachable = "W0631";
inline constexpr const char* kCapAlwaysReached = "W0632";
inline constexpr const char* kRateOver100 = "W0633";
inline constexpr const char* kCapNotPositive = "W0634";
inline constexpr const char* kRoundingMovesAmount = "W0635";
inline constexpr const char* kNegativeAmount = "W0636";
inline constexpr const char* kQuoteNumber = "W0639";
inline constexpr const char* kShadowed = "W0640";
inline constexpr const char* kQuoteNumberRole = "W0642";

}  // namespace polc::diag
