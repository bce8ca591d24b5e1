#!/usr/bin/env python3
"""One markdown table from the tab-separated lines of polc_backends_bench and bench/peers/bench.js
(set, mode, backend, evaluations/s, ns/evaluation), with the ratios the targets of issue 6 name.
Used by bench/run_backends.sh:  backends_table.py RESULTS.tsv… > table.md

Each file is one round. A rate is the median of the rounds that measured it. A ratio between two
backends is computed within each round that measured both, since they ran minutes apart at most,
and the table gives the median of those ratios (which decides ✓ or ✗) and, over several rounds,
their range: the machine's load moves single measurements by 5–10 %."""
import statistics
import sys

BACKENDS = ["reference", "vm", "generated C++", "LLVM", "hand-written", "GoRules ZEN", "json-rules-engine"]
PEERS = ["GoRules ZEN", "json-rules-engine"]
COMPILED = ["vm", "generated C++", "LLVM"]  # the backends; the reference evaluator is the spec
SETS = ["subset", "city", "city + Wujin"]

rounds = []  # one dict per file: (set, mode, backend) → evaluations per second
for path in sys.argv[1:]:
    got = {}
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) == 5 and f[0] != "set":
            got[(f[0], f[1], f[2])] = float(f[3])
    rounds.append(got)
rates = {k: statistics.median(r[k] for r in rounds if k in r) for r0 in rounds for k in r0}

present = [b for b in BACKENDS if any(k[2] == b for k in rates)]
NAMES = {"vm": "VM"}


def cell(r):
    if r is None:
        return "—"
    ns = 1e9 / r
    time = f"{ns / 1e6:.2f} ms" if ns >= 1e6 else f"{ns / 1000:.1f} µs" if ns >= 1000 else f"{ns:.0f} ns"
    return f"{r:,.0f} /s ({time})"


def ratio(s, mode, slow, fast, target=None):
    """Time per evaluation of `slow` over that of `fast`, per round; whether it is within `target`."""
    xs = [r[(s, mode, fast)] / r[(s, mode, slow)] for r in rounds if (s, mode, slow) in r and (s, mode, fast) in r]
    if not xs:
        return "—"
    x = statistics.median(xs)
    spread = f" ({min(xs):.2f}–{max(xs):.2f})" if len(xs) > 1 else ""
    return f"{x:.2f}×" + ("" if target is None else (" ✓" if x <= target else " ✗")) + spread


head = ["policy set", "applicants"] + [NAMES.get(b, b) for b in present] + ["time gen C++ / hand-written (target ≤ 1.3)"]
if "LLVM" in present:
    head.append("time LLVM / gen C++ (≤ 1.5)")
head += ["time VM / gen C++ (≤ 4)"]
if any(p in present for p in PEERS):
    head += ["evals/s slowest backend / fastest peer (≥ 100)", "evals/s reference / fastest peer"]
print("| " + " | ".join(head) + " |")
print("|" + "|".join(["---", "---"] + ["---:"] * (len(head) - 2)) + "|")
for s in SETS:
    for mode in ["single", "batch"]:
        r = {b: rates.get((s, mode, b)) for b in present}
        if not any(r.values()):
            continue
        row = [s, "one, repeated" if mode == "single" else "batch"] + [cell(r[b]) for b in present]
        row.append(ratio(s, mode, "generated C++", "hand-written", 1.3))
        if "LLVM" in present:
            row.append(ratio(s, mode, "LLVM", "generated C++", 1.5))
        row.append(ratio(s, mode, "vm", "generated C++", 4))
        if any(p in present for p in PEERS):
            compiled = [r[b] for b in COMPILED if r.get(b)]
            peers = [r[b] for b in PEERS if r.get(b)]
            if compiled and peers:
                x = min(compiled) / max(peers)
                row.append((f"{x:,.0f}×" if x >= 1000 else f"{x:.1f}×") + (" ✓" if x >= 100 else " ✗"))
                row.append(f"{r['reference'] / max(peers):,.0f}×" if r.get("reference") else "—")
            else:
                row += ["—", "—"]
        print("| " + " | ".join(row) + " |")
