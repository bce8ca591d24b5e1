// Block code → LLVM IR (codegen.h). The generated code holds no semantics of its own: every
// instruction but HALT, JMP and TRY is a call of the runtime's op (the interpreter's own body),
// and the returned `step | height << 8` is compared with the heights the plan expects, so the
// common path is one call and one compare per instruction, with the stack at fixed slots.
#include "backend/llvm/codegen.h"

#include <map>

#include <llvm/IR/Constants.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/MDBuilder.h>
#include <llvm/IR/Verifier.h>

#include "backend/llvm/block_plan.h"
#include "vm/native_abi.h"

namespace polc::llvmjit {

using namespace polrt::bc;

namespace {

// Step codes of ops.h (detail::Step), part of the ABI.
constexpr uint32_t kStepNext = 0, kStepJump = 1, kStepNotAssessable = 2, kStepNoMatch = 3, kStepThrew = 4;

const char* opSymbol(uint8_t op) {
  switch (op) {
#define POLC_OP_SYMBOL(N) \
  case OP_##N: return "polrt_op_" #N;
    POLRT_NATIVE_OPS(POLC_OP_SYMBOL)
#undef POLC_OP_SYMBOL
    default: return nullptr;
  }
}

class BlockCompiler {
 public:
  BlockCompiler(llvm::Module& m, const polrt::Program& p) : m_(m), p_(p), ctx_(m.getContext()), b_(ctx_) {
    i32_ = llvm::Type::getInt32Ty(ctx_);
    framePtr_ = llvm::Type::getInt8PtrTy(ctx_);
    blockType_ = llvm::FunctionType::get(i32_, {framePtr_}, false);
    opType_ = llvm::FunctionType::get(i32_, {framePtr_, i32_, i32_}, false);
    caught_ = declare("polrt_op_caught", llvm::FunctionType::get(llvm::Type::getVoidTy(ctx_), {framePtr_, i32_}, false));
    unmatched_ = declare("polrt_op_unmatched", caught_->getFunctionType());
    erred_ = declare("polrt_op_erred", llvm::FunctionType::get(i32_, {framePtr_, i32_}, false));
  }

  llvm::FunctionType* blockType() const { return blockType_; }

  // Empty name: the block stays with the interpreter, and `why` says why.
  std::string compile(uint32_t index, bool exported, std::string& why) {
    BlockPlan plan = planBlock(p_, index);
    if (!plan.ok) {
      why = plan.why;
      return {};
    }
    const polrt::Block& blk = p_.blocks[index];
    const Insn* code = p_.code.data() + blk.start;
    for (uint32_t pc = 0; pc < blk.count; ++pc)
      if (plan.reached[pc] && code[pc].op != OP_HALT && code[pc].op != OP_JMP && code[pc].op != OP_TRY &&
          !opSymbol(code[pc].op)) {
        why = "instruction " + std::to_string(pc) + ": no native form for opcode " + std::to_string(code[pc].op);
        return {};
      }
    std::string name = "polc_block_" + std::to_string(index);
    fn_ = llvm::Function::Create(blockType_, exported ? llvm::GlobalValue::ExternalLinkage : llvm::GlobalValue::InternalLinkage,
                                 name, m_);
    fn_->addFnAttr(llvm::Attribute::NoUnwind);
    frame_ = fn_->getArg(0);
    plan_ = &plan;
    returns_.clear();
    slows_.clear();
    catches_.assign(plan.handlers.size(), nullptr);
    unmatches_.assign(plan.handlers.size(), nullptr);
    errs_.assign(plan.handlers.size(), nullptr);
    bbs_.assign(blk.count, nullptr);
    for (uint32_t pc = 0; pc < blk.count; ++pc)
      if (plan.reached[pc]) bbs_[pc] = llvm::BasicBlock::Create(ctx_, "i" + std::to_string(pc), fn_);
    for (uint32_t pc = 0; pc < blk.count; ++pc)
      if (plan.reached[pc]) instruction(code[pc], blk.start, pc);
    plan_ = nullptr;
    return name;
  }

 private:
  llvm::Function* declare(const char* name, llvm::FunctionType* type) {
    auto* f = llvm::cast<llvm::Function>(m_.getOrInsertFunction(name, type).getCallee());
    f->addFnAttr(llvm::Attribute::NoUnwind);
    return f;
  }
  llvm::Constant* u32(uint32_t v) { return llvm::ConstantInt::get(i32_, v); }

  llvm::BasicBlock* ret(uint32_t code) {
    for (auto& [c, bb] : returns_)
      if (c == code) return bb;
    auto* bb = llvm::BasicBlock::Create(ctx_, "ret" + std::to_string(code), fn_);
    llvm::IRBuilder<> rb(bb);
    rb.CreateRet(u32(code));
    returns_.emplace_back(code, bb);
    return bb;
  }
  // The block entering handler `h` (one per handler, kept in `made`), beginning with `enter`.
  template <class Enter>
  llvm::BasicBlock* handlerEntry(std::vector<llvm::BasicBlock*>& made, int h, const std::string& name, Enter enter) {
    if (!made[h]) {
      made[h] = llvm::BasicBlock::Create(ctx_, name + std::to_string(h), fn_);
      llvm::IRBuilder<> hb(made[h]);
      enter(hb, plan_->handlers[h]);
    }
    return made[h];
  }
  // Where "not assessable" (polrt_op_caught) or "no match" (polrt_op_unmatched) raised
  // under handler `h` goes: marked on its 且/或, which goes on with its next operand.
  llvm::BasicBlock* catchFor(int h, bool noMatch) {
    if (h < 0) return ret(noMatch ? polrt::native::kNoMatch : polrt::native::kNotAssessable);
    return handlerEntry(noMatch ? unmatches_ : catches_, h, noMatch ? "nomatch" : "catch",
                        [&](llvm::IRBuilder<>& hb, const HandlerPlan& hp) {
                          hb.CreateCall(noMatch ? unmatched_ : caught_, {frame_, u32(hp.local)});
                          hb.CreateBr(bbs_[hp.target]);
                        });
  }
  // Where an error raised under handler `h` goes: held by its 且/或, which goes on with its next
  // operand (polrt_op_erred), unless it is no evaluation error.
  llvm::BasicBlock* errFor(int h) {
    if (h < 0) return ret(polrt::native::kThrew);
    return handlerEntry(errs_, h, "err", [&](llvm::IRBuilder<>& hb, const HandlerPlan& hp) {
      llvm::Value* held = hb.CreateICmpNE(hb.CreateCall(erred_, {frame_, u32(hp.local)}), u32(0));
      hb.CreateCondBr(held, bbs_[hp.target], ret(polrt::native::kThrew));
    });
  }

  void instruction(const Insn& in, uint32_t start, uint32_t pc) {
    b_.SetInsertPoint(bbs_[pc]);
    switch (in.op) {
      case OP_HALT: b_.CreateRet(u32(polrt::native::kValue)); return;
      case OP_JMP: b_.CreateBr(bbs_[in.c]); return;
      case OP_TRY: b_.CreateBr(bbs_[pc + 1]); return;
      default: break;
    }
    const uint32_t d = plan_->depth[pc];
    llvm::Function* op = declare(opSymbol(in.op), opType_);
    llvm::Value* r = b_.CreateCall(op, {frame_, u32(start + pc), u32(d)});
    llvm::MDNode* likely = llvm::MDBuilder(ctx_).createBranchWeights(1 << 20, 1);
    const int h = plan_->handler[pc];
    llvm::BasicBlock* slow = slowFor(h);
    if (in.op == OP_NOMATCH) {
      slowIn(h, r);
      b_.CreateBr(slow);
    } else {
      llvm::Value* next = b_.CreateICmpEQ(r, u32(kStepNext | heightAfter(in, d, false) << 8));
      if (mayJump(in.op)) {
        auto* jumpTest = llvm::BasicBlock::Create(ctx_, "j" + std::to_string(pc), fn_);
        b_.CreateCondBr(next, bbs_[pc + 1], jumpTest);
        b_.SetInsertPoint(jumpTest);
        llvm::Value* jump = b_.CreateICmpEQ(r, u32(kStepJump | heightAfter(in, d, true) << 8));
        slowIn(h, r);
        b_.CreateCondBr(jump, bbs_[in.c], slow, likely);
      } else {
        slowIn(h, r);
        b_.CreateCondBr(next, bbs_[pc + 1], slow, likely);
      }
    }
  }

  // The rare outcomes of the instructions under handler `h` (-1: none), decoded in one place per
  // handler rather than after every instruction: the common path is a call, a compare and a
  // branch, and the block's code stays small.
  llvm::BasicBlock* slowFor(int h) {
    auto& [bb, phi] = slows_[h];
    if (bb) return bb;
    bb = llvm::BasicBlock::Create(ctx_, "slow" + std::to_string(h + 1), fn_);
    llvm::IRBuilder<> sb(bb);
    phi = sb.CreatePHI(i32_, 4);
    llvm::Value* step = sb.CreateAnd(phi, u32(0xFF));
    auto* sw = sb.CreateSwitch(step, ret(polrt::native::kBadStack), 3);
    sw->addCase(llvm::cast<llvm::ConstantInt>(u32(kStepNotAssessable)), catchFor(h, false));
    sw->addCase(llvm::cast<llvm::ConstantInt>(u32(kStepNoMatch)), catchFor(h, true));
    sw->addCase(llvm::cast<llvm::ConstantInt>(u32(kStepThrew)), errFor(h));
    return bb;
  }
  // The current block branches to handler h's slow block with the op's answer `r`.
  void slowIn(int h, llvm::Value* r) { slows_[h].second->addIncoming(r, b_.GetInsertBlock()); }

  llvm::Module& m_;
  const polrt::Program& p_;
  llvm::LLVMContext& ctx_;
  llvm::IRBuilder<> b_;
  llvm::Type* i32_ = nullptr;
  llvm::Type* framePtr_ = nullptr;
  llvm::FunctionType* blockType_ = nullptr;
  llvm::FunctionType* opType_ = nullptr;
  llvm::Function* caught_ = nullptr;
  llvm::Function* unmatched_ = nullptr;
  llvm::Function* erred_ = nullptr;
  // per block
  llvm::Function* fn_ = nullptr;
  llvm::Value* frame_ = nullptr;
  const BlockPlan* plan_ = nullptr;
  std::vector<llvm::BasicBlock*> bbs_;
  std::vector<llvm::BasicBlock*> catches_;
  std::vector<llvm::BasicBlock*> unmatches_;  // per handler (catchFor)
  std::vector<llvm::BasicBlock*> errs_;  // per handler (errFor)
  std::vector<std::pair<uint32_t, llvm::BasicBlock*>> returns_;
  std::map<int, std::pair<llvm::BasicBlock*, llvm::PHINode*>> slows_;  // per handler (slowFor)
};

}  // namespace

Generated generate(llvm::LLVMContext& context, const polrt::Program& program, bool exported) {
  Generated g;
  g.module = std::make_unique<llvm::Module>("polc_blocks", context);
  BlockCompiler compiler(*g.module, program);
  g.functions.resize(program.blocks.size());
  g.why.resize(program.blocks.size());
  for (uint32_t i = 0; i < program.blocks.size(); ++i) {
    g.functions[i] = compiler.compile(i, exported, g.why[i]);
    if (!g.functions[i].empty()) ++g.compiled;
  }
  return g;
}

void addEmbedding(llvm::Module& m, const Generated& g, const std::vector<uint8_t>& polb, const std::string& entry) {
  llvm::LLVMContext& ctx = m.getContext();
  llvm::Type* i8p = llvm::Type::getInt8PtrTy(ctx);
  llvm::Type* i32 = llvm::Type::getInt32Ty(ctx);
  llvm::IntegerType* size = m.getDataLayout().getIntPtrType(ctx);
  auto* blockPtr = llvm::FunctionType::get(i32, {i8p}, false)->getPointerTo();

  auto* bytes = new llvm::GlobalVariable(m, llvm::ArrayType::get(llvm::Type::getInt8Ty(ctx), polb.size()), true,
                                         llvm::GlobalValue::PrivateLinkage,
                                         llvm::ConstantDataArray::get(ctx, llvm::ArrayRef<uint8_t>(polb)), "polc_polb");
  std::vector<llvm::Constant*> entries;
  for (const auto& name : g.functions)
    entries.push_back(name.empty() ? static_cast<llvm::Constant*>(llvm::ConstantPointerNull::get(blockPtr))
                                   : static_cast<llvm::Constant*>(m.getFunction(name)));
  auto* tableType = llvm::ArrayType::get(blockPtr, entries.size());
  auto* table = new llvm::GlobalVariable(m, tableType, true, llvm::GlobalValue::PrivateLinkage,
                                         llvm::ConstantArray::get(tableType, entries), "polc_blocks");

  auto* load = llvm::cast<llvm::Function>(
      m.getOrInsertFunction("polrt_load_memory_native",
                            llvm::FunctionType::get(i32, {i8p, size, blockPtr->getPointerTo(), size, i8p->getPointerTo()}, false))
          .getCallee());
  auto* fn = llvm::Function::Create(llvm::FunctionType::get(i32, {i8p->getPointerTo()}, false),
                                    llvm::GlobalValue::ExternalLinkage, entry, m);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx, "entry", fn));
  llvm::Value* zero = llvm::ConstantInt::get(i32, 0);
  llvm::Value* data = b.CreateInBoundsGEP(bytes->getValueType(), bytes, {zero, zero});
  llvm::Value* first = b.CreateInBoundsGEP(tableType, table, {zero, zero});
  b.CreateRet(b.CreateCall(load, {data, llvm::ConstantInt::get(size, polb.size()), first,
                                  llvm::ConstantInt::get(size, entries.size()), fn->getArg(0)}));
}

}  // namespace polc::llvmjit
