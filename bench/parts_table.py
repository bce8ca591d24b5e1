#!/usr/bin/env python3
"""The second table of docs/performance.md ("Where a batch's time goes"): from the lines of
`polc_backends_bench --mode parts` (PARTS.tsv) and the rounds of the main run (their batch rates,
median over the rounds), what a batch costs per applicant beyond evaluating it hot and, for the
VM, loading it in turn: the cost of changing applicant. Used by bench/run_backends.sh:
parts_table.py PARTS.tsv ROUND.tsv… > table.md"""
import statistics
import sys

SETS = ["subset", "city", "city + Wujin"]


def read(path):
    got = {}
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) == 5 and f[0] != "set":
            got[(f[0], f[1], f[2])] = 1e9 / float(f[3])  # ns per applicant
    return got


parts = read(sys.argv[1])
rounds = [read(p) for p in sys.argv[2:]]


def batch(s, backend):
    xs = [r[(s, "batch", backend)] for r in rounds if (s, "batch", backend) in r]
    return statistics.median(xs) if xs else None


def ns(x):
    return "—" if x is None else f"{x:,.0f}"


print("| set | VM: evaluate, hot | VM: load, hot / in turn | VM batch | VM: change of applicant |"
      " generated C++: evaluate, hot | generated C++ batch | generated C++: change of applicant |")
print("|---|" + "---:|" * 7)
for s in SETS:
    hot = parts.get((s, "parts", "vm: evaluate, each applicant repeated"))
    load_hot = parts.get((s, "parts", "vm: load, each applicant repeated"))
    load_turn = parts.get((s, "parts", "vm: load, in turn"))
    gen_hot = parts.get((s, "parts", "generated C++: evaluate, each applicant repeated"))
    if hot is None and gen_hot is None:
        continue
    vm, gen = batch(s, "vm"), batch(s, "generated C++")
    vm_change = vm - hot - load_turn if None not in (vm, hot, load_turn) else None
    gen_change = gen - gen_hot if None not in (gen, gen_hot) else None
    print(f"| {s} | {ns(hot)} | {ns(load_hot)} / {ns(load_turn)} | {ns(vm)} | {ns(vm_change)} | {ns(gen_hot)} | {ns(gen)} | {ns(gen_change)} |")
