// An applicant kept apart from any session: the setter calls an embedder would make on a Session,
// recorded once into flat arrays and replayed by Session::load(). For batches and repeated
// evaluation — an agency reads each applicant once (from its database or JSON) and evaluates it as
// often as it needs, against several dates, without keeping its own records around or calling the
// setters again. It is to the VM what the generated C++'s Facts struct is to generated code: a
// compact, typed copy of the facts given, and nothing for the facts not given.
//
// Indices are those of the Program it is loaded with (subjects, slots, members, clauses); load()
// checks them, so a recording made for another program is refused, never read out of bounds.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bytecode/program.h"

namespace polrt {

class Session;

class Applicant {
 public:
  void clear();
  // Returns the instance's index, as Session::addInstance would (the applicant itself first).
  int addInstance(int subject, int parent);
  void setNum(int inst, int slot, Decimal v) { op(bc::kNum, inst, slot, static_cast<int32_t>(nums_.size()), 0), nums_.push_back(v); }
  void setBool(int inst, int slot, bool v) { op(bc::kBool, inst, slot, v, 0); }
  void setEnum(int inst, int slot, int member) { op(bc::kEnum, inst, slot, member, 0); }
  void setDay(int inst, int slot, int day) { op(bc::kDate, inst, slot, day, 0); }
  void setSetBits(int inst, int slot, const uint64_t bits[4]);
  void setText(int inst, int slot, std::string_view v);
  void setRecognition(int inst, int slot) { op(bc::kRecog, inst, slot, 0, 0); }
  void addGrant(int inst, int slot, int member, int day) { op(kGrant, inst, slot, member, day); }
  void setHistory(int inst, int slot, int year, const Val& v);
  void addReceived(int inst, int clause, int target, Decimal amount, int year, std::string_view citation = {});
  void setDate(int day) { date_ = day; }
  int instanceCount() const { return ninst_; }
  // Orders the steps by instance, then by kind (a recognition with its grants), keeping the order
  // of the steps of one kind: it loads to the same applicant, faster, since load() branches on
  // each step's kind and a run of one kind is predicted where kinds in turn are not (loading a
  // generated applicant: 570 → 500 ns). Session::save and the compiler's record() group theirs.
  // A recording that refers to an instance before adding it is left as it is (load refuses it).
  void group();

 private:
  friend class Session;
  // What a step sets; the fact kinds of bc (kNum …) name the scalar setters.
  enum Code : uint8_t { kInstance = 100, kGrant, kHistory, kReceived };
  struct Op {
    uint8_t code;
    int32_t inst, slot;  // kInstance: subject, parent; kReceived: instance, clause
    int32_t a, b;        // the value, or an index into the arrays below
  };
  void op(uint8_t code, int inst, int slot, int32_t a, int32_t b) { ops_.push_back(Op{code, inst, slot, a, b}); }
  struct Received {
    int target = -1, year = 0;
    Decimal amount;
    uint32_t citationBegin = 0, citationSize = 0;  // in text_
  };

  std::vector<Op> ops_;
  std::vector<Decimal> nums_;
  std::vector<std::array<uint64_t, 4>> sets_;
  std::vector<Val> vals_;  // histories
  std::vector<Received> received_;
  std::string text_;  // texts and citations, one after the other
  std::optional<int> date_;
  int ninst_ = 0;
  // Set by Session::save: the program's file (Program::fileChecksum, fileBodySize). Such a
  // recording holds only the facts that program reads, and its received awards name that
  // program's clauses: it loads into no other. A recording made with the setters has none.
  struct SavedUnder {
    uint32_t checksum, bodySize;
  };
  std::optional<SavedUnder> savedUnder_;
};

}  // namespace polrt
