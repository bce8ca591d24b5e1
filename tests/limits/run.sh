#!/usr/bin/env bash
# Limits and hostile edges (docs/robustness.md): each case runs polc on a generated or odd input and
# asserts the exit status and a clear diagnostic — never a signal, a hang, an internal error, a
# sanitizer report or a wrong number. Large inputs are generated here, never committed.
#   POLC=build/polc bash tests/limits/run.sh
set -uo pipefail
POLC=${POLC:?set POLC to the polc binary}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
TIMEOUT=${LIMITS_TIMEOUT:-600}
pass=0 fail=0

# expect NAME STATUS REGEX CMD...: CMD exits with STATUS, its output (stdout and stderr) matches
# the extended regex, and shows no sign of a crash.
expect() {
  local name=$1 want=$2 regex=$3
  shift 3
  local out status
  out=$(timeout "$TIMEOUT" "$@" 2>&1)
  status=$?
  local why=""
  if [ "$status" -eq 124 ]; then why="timed out after ${TIMEOUT}s"
  elif [ "$status" -ge 128 ]; then why="killed by signal $((status - 128))"
  elif [ "$status" -ne "$want" ]; then why="exit status $status, expected $want"
  elif ! grep -qE -- "$regex" <<<"$out"; then why="output does not match /$regex/"
  elif grep -qE 'internal error|AddressSanitizer|LeakSanitizer|runtime error:|terminate called' <<<"$out"; then
    why="crash report in the output"
  fi
  if [ -n "$why" ]; then
    echo "FAIL $name: $why"
    printf '%s\n' "$out" | head -c 3000 | sed 's/^/    /'
    echo
    fail=$((fail + 1))
  else
    echo "ok   $name"
    pass=$((pass + 1))
  fi
}

SCHEMA='单位 吨标煤
单位 年
参数 LPR { 2022-01-20: 3.70%/年; 2022-08-22: 3.65%/年 }
主体 企业 {
  事实 投入: 元
  事实 节能量: 吨标煤
  事实 贷款金额: 元
  事实 放款日期: 日期
  事实 贷款期限: 年
}
标的 设备奖励
标的 节能奖励
标的 贴息
标的 定额奖励
标的 另一奖励'

# policy FILE BODY: a document around clause items; ROUND= (empty) leaves out the document's 舍入.
ROUND='  舍入 0.01元 四舍五入'
policy() {
  printf '%s\n文件 测试 {\n  文号 "测〔2024〕1号"\n%s\n%s\n}\n' "$SCHEMA" "$ROUND" "$2" >"$1"
}
clause() {  # clause ARTICLE CLAUSE TARGET PAY
  printf '  条 %s { 款 %s { 原文 "生成" 对象 企业 标的 %s 给予 %s } }\n' "$1" "$2" "$3" "$4"
}

# ---- nesting ---------------------------------------------------------------------------------------
{
  printf '%s\n文件 测试 {\n  文号 "x"\n  条 1 { 款 1 { 原文 "深" 对象 企业 标的 设备奖励 给予 ' "$SCHEMA"
  for _ in $(seq 1000); do printf '('; done
  printf '投入'
  for _ in $(seq 1000); do printf ')'; done
  printf ' } }\n}\n'
} >"$WORK/parens.pol"
expect "nesting: 1000 parentheses" 1 'E0109.*nesting deeper than' "$POLC" check "$WORK/parens.pol"
{
  printf '%s\n文件 测试 {\n  文号 "x"\n  条 1 { 款 1 { 原文 "深" 对象 企业 标的 设备奖励 条件 ' "$SCHEMA"
  for _ in $(seq 1000); do printf '非 '; done
  printf '是 给予 1元 } }\n}\n'
} >"$WORK/not.pol"
expect "nesting: 1000 prefix 非" 1 'E0109' "$POLC" check "$WORK/not.pol"
{
  for _ in $(seq 1000); do printf '{'; done
  for _ in $(seq 1000); do printf '}'; done
} >"$WORK/braces.pol"
expect "nesting: 1000 braces" 1 'E0109' "$POLC" check "$WORK/braces.pol"
{
  printf '%s\n文件 测试 {\n  文号 "x"\n  条 1 { 款 1 { 原文 "深" 对象 企业 标的 设备奖励 给予 ' "$SCHEMA"
  for _ in $(seq 100000); do printf -- '- '; done
  printf '1元 } }\n}\n'
} >"$WORK/minus.pol"
expect "nesting: 100000 unary minus" 1 'E0109' "$POLC" check "$WORK/minus.pol"
# A long flat chain is not nesting: 20000 additions must compile (a left-deep tree, 20000 levels).
{
  printf '%s\n文件 测试 {\n  文号 "x"\n  条 1 { 款 1 { 原文 "长" 对象 企业 标的 设备奖励 给予 1元' "$SCHEMA"
  for _ in $(seq 20000); do printf ' + 1元'; done
  printf ' } }\n}\n'
} >"$WORK/chain.pol"
expect "a chain of 20000 additions" 1 'E0109|ok:' "$POLC" check "$WORK/chain.pol"

# ---- size ------------------------------------------------------------------------------------------
# 100000 clauses (12.8 MB), each a paying clause of its own. Under the sanitizers
# (POLC_LIMITS_SANITIZED=1, scripts/test.sh) 3000: the same code paths, and ASan makes each run of
# the full case take minutes of the suite's 15-minute budget; the normal build runs 100000.
NCLAUSES=100000
if [ -n "${POLC_LIMITS_SANITIZED:-}" ]; then
  NCLAUSES=3000
  echo "note: sanitizer build: $NCLAUSES clauses instead of 100000 (the normal build runs 100000)"
fi
awk -v n=$NCLAUSES -v schema="$SCHEMA" 'BEGIN {
  print schema
  print "文件 大 {\n  文号 \"测〔2024〕1号\"\n  舍入 0.01元 四舍五入"
  for (i = 1; i <= n; i++)
    printf "  条 %d { 款 1 { 原文 \"第%d条\" 对象 企业 标的 设备奖励 条件 投入 超 %d元 给予 投入 × 5%% } }\n", i, i, i
  print "}"
}' >"$WORK/clauses.pol"
# One run, the front end's and the evaluator's: clauses 1 to 1999 pay 投入 2000元 (超 i元), so the
# count shows that every clause was read and evaluated, none lost or repeated. (A `check
# --no-consistency` of the file besides did the front end's work a second time: 15 s of the suite.)
printf '{"date": "2024-06-30", "企业": {"投入": "2000元"}}' >"$WORK/small.json"
expect "$NCLAUSES clauses: front end and eval" 0 "适用条款 1999 项" "$POLC" eval "$WORK/clauses.pol" --facts "$WORK/small.json"
# 10 MB in one file: a 5 MB 原文 on one line, a 5 MB comment, and an error at the very end of the
# long line, so that the renderer must cut the line (a window of 200 code points).
{
  printf '%s\n文件 测试 {\n  文号 "x"\n  条 1 { 款 1 { 原文 "' "$SCHEMA"
  head -c 5000000 /dev/zero | tr '\0' 'a'
  printf '" 对象 企业 标的 设备奖励 给予 投入 × 5%% } }\n}\n// '
  head -c 5000000 /dev/zero | tr '\0' 'b'
  printf '\n'
} >"$WORK/big.pol"
expect "10 MB file, 5 MB line" 0 'ok: 1 file,' "$POLC" check "$WORK/big.pol"
sed -i '$ s/$/\n未知 的 东西/' "$WORK/big.pol"
{ printf '%s\n文件 测试 {\n  文号 "x"\n  条 1 { 款 1 { 原文 "' "$SCHEMA"; head -c 10000000 /dev/zero | tr '\0' 'a'; printf '" 对象 企业 标的 设备奖励 给予 投入 × 5%% 给予 1元 } }\n}\n'; } >"$WORK/bigerr.pol"
expect "10 MB line with an error at its end" 1 'E0404.*' "$POLC" check "$WORK/bigerr.pol"
big_lines=$(timeout "$TIMEOUT" "$POLC" check --color never "$WORK/bigerr.pol" 2>&1 | awk '{ if (length($0) > m) m = length($0) } END { print m }')
if [ "${big_lines:-0}" -lt 2000 ]; then echo "ok   10 MB line: the diagnostic shows a window ($big_lines bytes)"; pass=$((pass + 1))
else echo "FAIL 10 MB line: a diagnostic line of $big_lines bytes"; fail=$((fail + 1)); fi
head -c $((65 * 1024 * 1024)) /dev/zero >"$WORK/huge.pol"
expect "a 65 MB file is refused before reading" 1 'E0001.*more than the limit' "$POLC" check "$WORK/huge.pol"

# ---- numbers beyond every money range --------------------------------------------------------------
policy "$WORK/literal40.pol" "$(clause 1 1 定额奖励 1234567890123456789012345678901234567890元)"
printf '{"date": "2024-06-30", "企业": {}}' >"$WORK/empty-enterprise.json"
expect "a 40-digit literal" 1 'E0502.*beyond the range' "$POLC" eval "$WORK/literal40.pol" --facts "$WORK/empty-enterprise.json"
expect "a 40-digit literal: build" 1 'E0502.*beyond the range' "$POLC" build "$WORK/literal40.pol"
policy "$WORK/literal40w.pol" "$(clause 1 1 定额奖励 1234567890123456789012345678901234567.5万元)"
expect "a 38-digit literal in 万元" 1 'E0502.*beyond the range' "$POLC" eval "$WORK/literal40w.pol" --facts "$WORK/empty-enterprise.json"
policy "$WORK/fine.pol" "$(clause 1 1 定额奖励 0.0000000000000000001元)"
expect "a literal with 19 decimals" 1 'E0502.*18 decimals' "$POLC" eval "$WORK/fine.pol" --facts "$WORK/empty-enterprise.json"
policy "$WORK/rate.pol" "$(clause 1 1 设备奖励 '投入 × 200%')
$(clause 2 1 节能奖励 '节能量 × 400元/吨标煤')
$(clause 3 1 贴息 '贷款金额 × LPR 于 放款日期 × 50% × 贷款期限')"
expect "the rate policy compiles" 0 'ok:' "$POLC" check "$WORK/rate.pol"
for v in '"1e40元"' '1e40' '"10000000000000000000000000000000000000000元"' '"1e40万元"' '"-5元"' '"1e-30元"'; do
  printf '{"date": "2024-06-30", "企业": {"投入": %s}}' "$v" >"$WORK/facts.json"
  # A bare number with an exponent is refused as it is read, before its path is known.
  expect "facts value $v" 1 '企业\.投入|the number 1e40 has an exponent' "$POLC" eval "$WORK/rate.pol" --facts "$WORK/facts.json"
done

# ---- overflow in every arithmetic path: an evaluation error naming the clause ----------------------
# (With the document's 舍入 0.01元 an amount beyond 1.7 × 10^36 元 cannot be rounded to the fen: that
# too is an evaluation error naming the clause. The sums below use documents without 舍入.)
E38=100000000000000000000000000000000000000  # 10^38 < 2^127 - 1 < 2 × 10^38
printf '{"date": "2024-06-30", "企业": {"投入": "%s元"}}' "$E38" >"$WORK/f1.json"
expect "overflow: rate × base" 1 'evaluation error:.*第1条' "$POLC" eval "$WORK/rate.pol" --facts "$WORK/f1.json"
printf '{"date": "2024-06-30", "企业": {"节能量": "%s吨标煤"}}' "$E38" >"$WORK/f2.json"
expect "overflow: per-unit × quantity" 1 'evaluation error:.*第2条' "$POLC" eval "$WORK/rate.pol" --facts "$WORK/f2.json"
printf '{"date": "2024-06-30", "企业": {"贷款金额": "%s元", "放款日期": "2023-01-01", "贷款期限": "%s年"}}' "$E38" "$E38" >"$WORK/f3.json"
expect "overflow: interest × term" 1 'evaluation error:.*第3条' "$POLC" eval "$WORK/rate.pol" --facts "$WORK/f3.json"
ROUND=
policy "$WORK/sum.pol" "$(clause 1 1 定额奖励 ${E38}元)
$(clause 2 1 另一奖励 ${E38}元)"
expect "overflow: the sum of the awards" 1 'evaluation error:.*第2条' "$POLC" eval "$WORK/sum.pol" --facts "$WORK/empty-enterprise.json"
policy "$WORK/capsum.pol" "$(clause 1 1 定额奖励 ${E38}元)
$(clause 2 1 另一奖励 ${E38}元)
  上限 合计上限 100万元 每个 企业 覆盖 第1条第1款, 第2条第1款"
expect "overflow: the sum under a cap over several clauses" 1 'evaluation error:.*第2条' "$POLC" eval "$WORK/capsum.pol" --facts "$WORK/empty-enterprise.json"
policy "$WORK/rate-noround.pol" "$(clause 1 1 设备奖励 '投入 × 200%')"
ROUND='  舍入 0.01元 四舍五入'
policy "$WORK/round38.pol" "$(clause 1 1 定额奖励 ${E38}元)"
expect "overflow: rounding 10^38 元 to the fen" 1 'evaluation error:.*第1条' "$POLC" eval "$WORK/round38.pol" --facts "$WORK/empty-enterprise.json"
printf '{"date": "2024-06-30", "企业": {"投入": "%s元", "节能量": "%s吨标煤"}}' 85000000000000000000000000000000000000 400000000000000000000000000000000000 >"$WORK/f4.json"
expect "overflow: totals of two large awards" 1 'evaluation error:.*第[12]条' "$POLC" eval "$WORK/rate.pol" --facts "$WORK/f4.json"
# Just below the limits: exact answers, not errors.
printf '{"date": "2024-06-30", "企业": {"投入": "50000000000000000000000000000000000000元"}}' >"$WORK/f5.json"
expect "no overflow: 5×10^37 × 200% is exact" 0 '"100000000000000000000000000000000000000"' "$POLC" eval "$WORK/rate-noround.pol" --facts "$WORK/f5.json" --format json
printf '{"date": "2024-06-30", "企业": {"投入": "500000000000000000000000000000000000元"}}' >"$WORK/f7.json"
expect "no overflow: 5×10^35 × 200%, rounded to the fen" 0 '"1000000000000000000000000000000000000(\.00)?"' "$POLC" eval "$WORK/rate.pol" --facts "$WORK/f7.json" --format json

# ---- a fact given for the evaluation year and its history's entry for that year -------------------
# Two values for one year: which the evaluator read would decide the amounts. Every backend refuses
# it with the same words; the same value given twice (520亿元 and 52000000000元) is no contradiction.
backends="ref vm"
if "$POLC" build "$ROOT/policies/schema.pol" --emit=llvm-ir -o /dev/null 2>/dev/null; then backends="ref vm llvm"; fi
thisyear() {  # thisyear VALUE_IN_THE_HISTORY
  printf '{"date": "2024-06-30", "企业": {"所在地": "新北区", "制造业": true, "营业收入": "520亿元", "history": {"营业收入": {"2023": "300亿元", "2024": "%s"}}}}' "$1"
}
thisyear 500亿元 >"$WORK/thisyear-differs.json"
thisyear 52000000000元 >"$WORK/thisyear-agrees.json"
for b in $backends; do
  expect "this year's fact and its history differ ($b)" 1 '^evaluation error: 企业\.营业收入 is given, and its history gives another value for 2024, the evaluation year$' "$POLC" eval "$ROOT/policies" --facts "$WORK/thisyear-differs.json" --backend=$b
  expect "this year's fact and its history agree ($b)" 0 '第2条第1款' "$POLC" eval "$ROOT/policies" --facts "$WORK/thisyear-agrees.json" --backend=$b
done

# ---- encodings and line ends -----------------------------------------------------------------------
policy "$WORK/plain.pol" "$(clause 1 1 设备奖励 '投入 × 5%')"
expect "an unknown command is named" 2 'unknown command `frob`: the commands are check, eval, test and build' "$POLC" frob
expect "plain policy" 0 'ok: 1 file,' "$POLC" check "$WORK/plain.pol"
expect "the same file named twice is read once" 0 'ok: 1 file,' "$POLC" check "$WORK/plain.pol" "$WORK/../$(basename "$WORK")/plain.pol"
{ printf '\xef\xbb\xbf'; cat "$WORK/plain.pol"; } >"$WORK/bom.pol"
expect "a BOM" 0 'ok: 1 file,' "$POLC" check "$WORK/bom.pol"
sed 's/$/\r/' "$WORK/plain.pol" >"$WORK/crlf.pol"
expect "CRLF line ends" 0 'ok: 1 file,' "$POLC" check "$WORK/crlf.pol"
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$WORK/plain.pol"; printf '未知\r\n'; } >"$WORK/bomcrlf-err.pol"
expect "BOM + CRLF, error on the last line" 1 'bomcrlf-err.pol:[0-9]+:1: error' "$POLC" check "$WORK/bomcrlf-err.pol"
printf '单位 吨标煤\n主体 企业 {\n  fact 投入: money\n}\ntarget 奖励\ndocument 混合 {\n  文号 "x"\n  article 1 { 款 1 { text "混合" 对象 企业 target 奖励 when 投入 超 1元 and 投入 under 100万元 给予 投入 * 5%% } }\n}\n' >"$WORK/mixed.pol"
expect "keywords of both languages in one file" 0 'ok: 1 file,' "$POLC" check "$WORK/mixed.pol"
printf '单位 吨\xff标煤\n' >"$WORK/bad-utf8.pol"
expect "invalid UTF-8" 1 'E0002.*byte 10' "$POLC" check "$WORK/bad-utf8.pol"
printf '\xed\xa0\x80' >"$WORK/surrogate.pol"
expect "a UTF-8 surrogate" 1 'E0002' "$POLC" check "$WORK/surrogate.pol"
printf '\xc0\xaf' >"$WORK/overlong.pol"
expect "an overlong UTF-8 sequence" 1 'E0002' "$POLC" check "$WORK/overlong.pol"
printf '单位 \xe5\x90' >"$WORK/truncated.pol"
expect "a truncated UTF-8 sequence at the end" 1 'E0002' "$POLC" check "$WORK/truncated.pol"
printf '单位 吨\0标煤\n' >"$WORK/nul.pol"
expect "a NUL byte" 1 'E0103|E0101' "$POLC" check "$WORK/nul.pol"

# ---- odd files -------------------------------------------------------------------------------------
: >"$WORK/empty.pol"
expect "an empty file" 0 'ok: 1 file, 0 documents, 0 clauses' "$POLC" check "$WORK/empty.pol"
printf '\xef\xbb\xbf' >"$WORK/bom-only.pol"
expect "a file that is only a BOM" 0 'ok: 1 file,' "$POLC" check "$WORK/bom-only.pol"
mkdir -p "$WORK/dir.pol" "$WORK/emptydir"
expect "a directory named like a policy, without policies" 1 'E0003' "$POLC" check "$WORK/dir.pol"
expect "an empty directory" 1 'E0003' "$POLC" check "$WORK/emptydir"
expect "a nonexistent path" 1 'E0001.*no such file or directory' "$POLC" check "$WORK/nosuch.pol"
expect "a path through a file" 1 'E0001' "$POLC" check "$WORK/plain.pol/x.pol"
mkfifo "$WORK/fifo.pol"
expect "a FIFO no process writes to is refused after a short wait, not a block" 1 'E0001.*FIFO.*no process wrote to it within 2 s' "$POLC" check "$WORK/fifo.pol"
expect "a policy through a pipe (<(…))" 0 'ok: 1 file, 1 document, 1 clause' "$POLC" check <(cat "$WORK/plain.pol")
expect "/dev/null" 1 'E0001.*not a regular file' "$POLC" check /dev/null
expect "/dev/zero" 1 'E0001.*not a regular file' "$POLC" check /dev/zero
mkdir -p "$WORK/withfifo" && cp "$WORK/plain.pol" "$WORK/withfifo/" && mkfifo "$WORK/withfifo/pipe.pol"
expect "a FIFO inside a searched directory is skipped" 0 'ok: 1 file,' "$POLC" check "$WORK/withfifo"
expect "--facts: a directory" 1 'is a directory' "$POLC" eval "$WORK/plain.pol" --facts "$WORK/emptydir"
expect "--facts: a FIFO no process writes to" 1 'FIFO.*no process wrote to it within 2 s' "$POLC" eval "$WORK/plain.pol" --facts "$WORK/fifo.pol"
printf '{"date": "2024-06-30", "企业": {"投入": "100元"}}' >"$WORK/f100.json"
expect "--facts <(…): read as standard input is" 0 '"5(\.00)?"' "$POLC" eval "$WORK/plain.pol" --facts <(cat "$WORK/f100.json") --format json
expect "--facts <(…): a writer that is slow to write" 0 '"5(\.00)?"' "$POLC" eval "$WORK/plain.pol" --facts <(sleep 1; cat "$WORK/f100.json") --format json
# `producer > fifo &` then polc: the producer's open waits for polc's, so it may write after polc
# first reads the FIFO; polc waits for it (up to 2 s), for --facts, a policy and --batch alike.
(sleep 0.5; cat "$WORK/f100.json" >"$WORK/fifo.pol") &
expect "--facts FIFO: a writer that opens it after polc" 0 '"5(\.00)?"' "$POLC" eval "$WORK/plain.pol" --facts "$WORK/fifo.pol" --format json
wait
(sleep 0.5; cat "$WORK/plain.pol" >"$WORK/fifo.pol") &
expect "check FIFO: a writer that opens it after polc" 0 'ok: 1 file, 1 document, 1 clause' "$POLC" check "$WORK/fifo.pol"
wait
(sleep 0.5; { cat "$WORK/f100.json"; echo; cat "$WORK/f100.json"; echo; } >"$WORK/fifo.pol") &
expect "--batch FIFO: a writer that opens it after polc" 0 '2 applicants: 2 evaluated' "$POLC" eval "$WORK/plain.pol" --batch "$WORK/fifo.pol"
wait
expect "--facts: /dev/null" 1 'not a regular file' "$POLC" eval "$WORK/plain.pol" --facts /dev/null
expect "--facts: nonexistent" 1 'no such file or directory' "$POLC" eval "$WORK/plain.pol" --facts "$WORK/nosuch.json"
: >"$WORK/empty.json"
expect "--facts: an empty file" 1 'JSON|json' "$POLC" eval "$WORK/plain.pol" --facts "$WORK/empty.json"
printf '{"企业": {"投入": "5元"}, "企业": {}}' >"$WORK/dupkey.json"
expect "--facts: a duplicate key" 1 'duplicate key "企业"' "$POLC" eval "$WORK/plain.pol" --facts "$WORK/dupkey.json"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; }' >"$WORK/deep.json"
expect "--facts: 100000 nested arrays" 1 '.' "$POLC" eval "$WORK/plain.pol" --facts "$WORK/deep.json"
# Closed, they parse: the tree is what overflowed the stack (a recursive copy), so a value nested
# deeper than 200 is refused, as the generated code's reader refuses it; in a batch, that line only.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' >"$WORK/deep_closed.json"
expect "--facts: 100000 nested arrays, closed" 1 'nested too deeply' "$POLC" eval "$WORK/plain.pol" --facts "$WORK/deep_closed.json"
awk 'BEGIN { printf "{\"企业\": {\"_note\": "; for (i = 0; i < 100000; i++) printf "{\"a\": "; printf "1"; for (i = 0; i < 100000; i++) printf "}"; print "}}" }' >"$WORK/deep_comment.json"
expect "--facts: 100000 nested objects in a comment key" 1 'nested too deeply' "$POLC" eval "$WORK/plain.pol" --facts "$WORK/deep_comment.json"
{ cat "$WORK/deep_closed.json"; echo '{"企业": {"投入": "5元"}}'; } >"$WORK/deep.jsonl"
expect "--batch: a line nested 100000 deep, then a good one" 1 '2 applicants: 1 evaluated, 1 failed' "$POLC" eval "$WORK/plain.pol" --batch "$WORK/deep.jsonl"
expect "--batch: a directory" 1 'is a directory' "$POLC" eval "$WORK/plain.pol" --batch "$WORK/emptydir"
expect "--batch: /dev/null (no applicants)" 0 '0 applicants' "$POLC" eval "$WORK/plain.pol" --batch /dev/null
expect "--batch: /dev/zero stops at a line beyond the limit, not unbounded" 1 'line longer than the limit of 16777216 bytes: the batch stops there' "$POLC" eval "$WORK/plain.pol" --batch /dev/zero
# The limit is on a line's text: a CRLF line of exactly the limit is read, one byte more is not.
line16() {  # line16 PADDING_EXTRA ENDING: a JSON applicant line of 16 MiB + PADDING_EXTRA bytes
  local pre='{"企业": {"_note": "'
  local n=$((16777216 - $(printf %s "$pre" | wc -c) - 3 + $1))
  { printf %s "$pre"; head -c "$n" /dev/zero | tr '\0' x; printf '"}}'; printf "$2"; }
}
line16 0 '\r\n' >"$WORK/crlf16.jsonl"
expect "--batch: a CRLF line of exactly the limit is read (its \\r is not counted)" 0 '1 applicant: 1 evaluated' "$POLC" eval "$WORK/plain.pol" --batch "$WORK/crlf16.jsonl"
{ echo '{"企业": {"投入": "5元"}}'; line16 1 '\n'; echo '{"企业": {"投入": "5元"}}'; } >"$WORK/over16.jsonl"
expect "--batch: a line one byte over the limit stops the batch" 1 'line longer than the limit of 16777216 bytes' "$POLC" eval "$WORK/plain.pol" --batch "$WORK/over16.jsonl"
expect "--batch: the line over the limit counts as failed" 1 '^2 applicants: 1 evaluated, 1 failed' "$POLC" eval "$WORK/plain.pol" --batch "$WORK/over16.jsonl"
expect "--batch: the line over the limit has its JSON line" 1 '^\{"error_places":\[\{"column":null,"line":2\}\],"errors":\["a line longer than the limit of 16777216 bytes: the batch stops there"\],"line":2\}$' "$POLC" eval "$WORK/plain.pol" --batch "$WORK/over16.jsonl"
rm -f "$WORK/crlf16.jsonl" "$WORK/over16.jsonl"
expect "--batch: a FIFO no process writes to is empty after a short wait, not a block" 0 '0 applicants' "$POLC" eval "$WORK/plain.pol" --batch "$WORK/fifo.pol"
expect "--batch <(…): streamed" 0 '2 applicants: 2 evaluated' "$POLC" eval "$WORK/plain.pol" --batch <(cat "$WORK/f100.json"; echo; sleep 1; cat "$WORK/f100.json")

# ---- no partial outputs: every file polc writes goes through a temporary file and a rename --------
mkdir -p "$WORK/out"
# check_dir NAME DIR EXPECTED_LISTING: the directory holds exactly these files (no temporaries).
check_dir() {
  local got
  got=$(cd "$2" && ls -A | tr '\n' ' ')
  if [ "$got" = "$3" ]; then echo "ok   $1"; pass=$((pass + 1))
  else echo "FAIL $1: directory holds '$got', expected '$3'"; fail=$((fail + 1)); fi
}
expect "build: a failed build" 1 'E0502' "$POLC" build "$WORK/literal40.pol" -o "$WORK/out/x.ir"
check_dir "build: a failed build leaves no file" "$WORK/out" ""
expect "build: -o" 0 '' "$POLC" build "$WORK/plain.pol" -o "$WORK/out/x.ir"
"$POLC" build "$WORK/plain.pol" >"$WORK/stdout.ir" 2>/dev/null
if cmp -s "$WORK/stdout.ir" "$WORK/out/x.ir" && [ -s "$WORK/out/x.ir" ]; then echo "ok   build: -o writes the whole file"; pass=$((pass + 1))
else echo "FAIL build: -o wrote something else than stdout"; fail=$((fail + 1)); fi
expect "build: a failed build over an existing file" 1 'E0502' "$POLC" build "$WORK/literal40.pol" -o "$WORK/out/x.ir"
if cmp -s "$WORK/stdout.ir" "$WORK/out/x.ir"; then echo "ok   build: the old file is left whole"; pass=$((pass + 1))
else echo "FAIL build: the old file was changed by a failed build"; fail=$((fail + 1)); fi
expect "build: bytecode" 0 '' "$POLC" build "$WORK/plain.pol" --emit bytecode -o "$WORK/out/x.polb"
check_dir "build: only the finished files" "$WORK/out" "x.ir x.polb "
expect "build: -o into a missing directory" 1 'nosuch/x.ir' "$POLC" build "$WORK/plain.pol" -o "$WORK/nosuch/x.ir"
expect "build: -o a directory" 1 'is a directory' "$POLC" build "$WORK/plain.pol" -o "$WORK/out"
check_dir "build: nothing left by the failed writes" "$WORK/out" "x.ir x.polb "
# --emit=cpp -o DIR writes four files: all of them, or none (each through a temporary, and none renamed
# into place before every one is written in full).
expect "build: a failed cpp build" 1 'E0502' "$POLC" build "$WORK/literal40.pol" --emit=cpp -o "$WORK/cpp-new"
if [ ! -e "$WORK/cpp-new" ]; then echo "ok   build: a failed cpp build creates no directory"; pass=$((pass + 1))
else echo "FAIL build: a failed cpp build left $(ls -A "$WORK/cpp-new" | tr '\n' ' ')"; fail=$((fail + 1)); fi
expect "build: cpp -o DIR" 0 '' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp"
check_dir "build: cpp writes exactly its four files" "$WORK/cpp" "polc_decimal.h polc_runtime.h policy.cpp policy.h "
cp -r "$WORK/cpp" "$WORK/cpp-old"
rm "$WORK/cpp/policy.cpp" && mkdir "$WORK/cpp/policy.cpp"
expect "build: cpp with a directory in the way" 1 'policy\.cpp: is a directory' "$POLC" build "$WORK/rate.pol" --emit=cpp -o "$WORK/cpp"
rmdir "$WORK/cpp/policy.cpp"
check_dir "build: cpp failure leaves no temporary" "$WORK/cpp" "polc_decimal.h polc_runtime.h policy.h "
if cmp -s "$WORK/cpp/policy.h" "$WORK/cpp-old/policy.h"; then echo "ok   build: cpp failure leaves the old header"; pass=$((pass + 1))
else echo "FAIL build: a failed cpp build replaced policy.h"; fail=$((fail + 1)); fi
expect "build: cpp -o through a file" 1 'plain.pol' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/plain.pol/gen"
# -o a FIFO (or a device such as /dev/null): written in place, never replaced by a regular file.
# The reader holds the FIFO open read-write (which does not block), so polc's open finds a reader;
# the IR of plain.pol (a few KB) fits in the pipe's buffer, drained once polc has exited.
mkfifo "$WORK/out.fifo"
exec 3<>"$WORK/out.fifo"
expect "build: -o a FIFO" 0 '' "$POLC" build "$WORK/plain.pol" -o "$WORK/out.fifo"
timeout 2 cat <&3 >"$WORK/from-fifo.ir"
exec 3<&-
if [ -p "$WORK/out.fifo" ] && cmp -s "$WORK/from-fifo.ir" "$WORK/stdout.ir"; then
  echo "ok   build: -o a FIFO writes through it and leaves it a FIFO"; pass=$((pass + 1))
else echo "FAIL build: -o a FIFO replaced it or wrote something else"; fail=$((fail + 1)); fi
# --name is a file name and a namespace: a path, a keyword or a hyphen is refused before anything
# is written; a Chinese name is a valid identifier.
expect "build: cpp --name with a path" 2 'not allowed' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name ../evil
expect "build: cpp --name a keyword" 2 'keyword' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name class
expect "build: cpp --name with a hyphen" 2 'not allowed' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name my-policy
# … and so is a name no program could use: a support header's, whose NAME.h would overwrite it, or main.
expect "build: cpp --name a support header's" 2 'support header polc writes beside the code \(polc_runtime.h\)' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name polc_runtime
expect "build: cpp --name the other support header's" 2 'polc_decimal.h' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name polc_decimal
expect "build: cpp --name main" 2 "clashes with the program's main" "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name main
# … and so is a name the C++ standard reserves (a leading _, for a global name; __ anywhere) or a
# macro of the standard headers the code includes, with which it compiled no longer, or not surely.
expect "build: cpp --name beginning with _" 2 'begins with _: the C\+\+ standard reserves' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name _x
expect "build: cpp --name beginning with _ and a capital" 2 'begins with _' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name _X
expect "build: cpp --name holding __" 2 'contains __: the C\+\+ standard reserves' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name a__b
expect "build: cpp --name a lower-case macro" 2 'a macro of the standard headers' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name assert
expect "build: cpp --name g++'s macro linux" 2 'a macro of the standard headers' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name linux
expect "build: cpp --name a macro in capitals" 2 'in capitals, the form of the macros' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name INT_MAX
# … and so is a character beyond ASCII that is not a Chinese character (docs/cpp.md): `政策。` wrote
# code that does not compile (U+3002 is a letter under no C++ rule), a full-width Ａ is one under
# some compilers' rules only, and bytes that are not UTF-8 were written into the code as they came.
expect "build: cpp --name ending in an ideographic full stop" 2 'U\+3002 is not allowed' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name 政策。
expect "build: cpp --name holding a full-width letter" 2 'U\+FF21 is not allowed' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name 政策Ａ
expect "build: cpp --name not UTF-8" 2 'not valid UTF-8' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name $'x\xff'
if [ ! -e "$WORK/evil.h" ] && [ ! -e "$WORK/cpp-name" ]; then echo "ok   build: a refused --name writes nothing"; pass=$((pass + 1))
else echo "FAIL build: a refused --name wrote files"; fail=$((fail + 1)); fi
expect "build: cpp --name in Chinese" 0 '' "$POLC" build "$WORK/plain.pol" --emit=cpp -o "$WORK/cpp-name" --name 政策
# --name and --entry name what only --emit=cpp and --emit=obj write: with another --emit they are a
# usage error, where they were ignored and the artefact was not named as asked.
expect "build: --name with --emit=ir" 2 '--name: is for --emit=cpp only, not --emit=ir' "$POLC" build "$WORK/plain.pol" --name x
expect "build: --entry with --emit=bytecode" 2 '--entry: is for --emit=obj only, not --emit=bytecode' \
  "$POLC" build "$WORK/plain.pol" --emit=bytecode -o "$WORK/entry.polb" --entry my_load
if [ ! -e "$WORK/entry.polb" ]; then echo "ok   build: a misplaced --entry writes nothing"; pass=$((pass + 1))
else echo "FAIL build: a misplaced --entry wrote the .polb"; fail=$((fail + 1)); fi
check_dir "build: cpp --name names the files" "$WORK/cpp-name" "polc_decimal.h polc_runtime.h 政策.cpp 政策.h "
# -o or --summary through a symbolic link (/dev/stderr is one): written through, the link kept.
echo old >"$WORK/link-target.ir"
ln -s "$WORK/link-target.ir" "$WORK/link.ir"
expect "build: -o a symbolic link" 0 '' "$POLC" build "$WORK/plain.pol" -o "$WORK/link.ir"
if [ -L "$WORK/link.ir" ] && cmp -s "$WORK/link-target.ir" "$WORK/stdout.ir"; then
  echo "ok   build: -o a symbolic link writes its target and keeps the link"; pass=$((pass + 1))
else echo "FAIL build: -o a symbolic link replaced the link or wrote something else"; fail=$((fail + 1)); fi
echo '{"企业": {"投入": "5元"}}' >"$WORK/one.jsonl"
ln -s "$WORK/summary-target.json" "$WORK/summary-link.json"
expect "--summary: a symbolic link" 0 'summary in' "$POLC" eval "$WORK/plain.pol" --batch "$WORK/one.jsonl" --summary "$WORK/summary-link.json"
if [ -L "$WORK/summary-link.json" ] && grep -q '"applicants": 1' "$WORK/summary-target.json"; then
  echo "ok   --summary: through a symbolic link, the link kept"; pass=$((pass + 1))
else echo "FAIL --summary: a symbolic link was replaced or not written"; fail=$((fail + 1)); fi
expect "--summary -: refused (stdout carries the results)" 2 'standard output' "$POLC" eval "$WORK/plain.pol" --batch "$WORK/one.jsonl" --summary -
# A summary that cannot be written fails before the first applicant, not after the batch.
out=$("$POLC" eval "$WORK/plain.pol" --batch "$WORK/one.jsonl" --summary "$WORK/nosuch/s.json" 2>&1)
status=$?
if [ "$status" -eq 1 ] && grep -q 'nosuch/s.json' <<<"$out" && ! grep -q '"line"' <<<"$out"; then
  echo "ok   --summary into a missing directory: refused before evaluating"; pass=$((pass + 1))
else echo "FAIL --summary into a missing directory: status $status, output: $out"; fail=$((fail + 1)); fi

# Results written to a full disk are incomplete: exit status 1 and a message, not 0 (/dev/full
# fails every write with ENOSPC).
if [ -w /dev/full ]; then
  echo '{"企业": {"投入": "5元"}}' >"$WORK/one.json"
  to_full=(bash -c '"$@" >/dev/full' to_full)  # a command, since expect runs it under timeout
  expect "eval: standard output on a full disk" 1 'cannot write standard output: No space left' "${to_full[@]}" "$POLC" eval "$WORK/plain.pol" --facts "$WORK/one.json"
  # The reason too, though the first write that failed was long before the end (errno is kept
  # from it: driver/stdout_errno.h).
  expect "eval --format json: standard output on a full disk" 1 'cannot write standard output: No space left' "${to_full[@]}" "$POLC" eval "$WORK/plain.pol" --facts "$WORK/one.json" --format json
  expect "eval --batch: standard output on a full disk" 1 'cannot write standard output: No space left' "${to_full[@]}" "$POLC" eval "$WORK/plain.pol" --batch "$WORK/one.jsonl"
  expect "check --format json: standard output on a full disk" 1 'cannot write standard output: No space left' "${to_full[@]}" "$POLC" check "$WORK/plain.pol" --format json
  expect "build --emit=ir: standard output on a full disk" 1 'cannot write standard output: No space left' "${to_full[@]}" "$POLC" build "$WORK/plain.pol"
fi

echo "limits: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
