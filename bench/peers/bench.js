// The peers of the backend benchmark (docs/performance.md, "Backends"): the subset of
// 常办发〔2022〕1号 as a GoRules ZEN decision model (subset.jdm.json) and as json-rules-engine
// rules (rules.js), on the applicants bench/run_backends.sh wrote, each result checked against
// polc's reference evaluator's before anything is timed. Prints the same tab-separated lines as
// polc_backends_bench: set, mode, backend, evaluations/s, ns/evaluation (CPU time of the process,
// process.cpuUsage(), which counts ZEN's native threads too).
//
//   node bench.js DIR [MIN_SECONDS]     DIR: subset.jsonl, subset.expected.jsonl, subset.single.*
'use strict';

const fs = require('fs');
const path = require('path');
const { ZenEngine } = require('@gorules/zen-engine');
const { Engine } = require('json-rules-engine');
const facts = require('./facts');
const rules = require('./rules');

const LIVE_FROM = 19022, LIVE_TO = 20453;  // 有效期 2022-01-30 至 2025-12-31

// ---- json-rules-engine: one engine per kind of item, the amounts and 就高不重复 around it ----
function engine(list) {
  const e = new Engine(list, { allowUndefinedFacts: true });
  e.addOperator('containsAny', (fact, wanted) => Array.isArray(fact) && wanted.some((w) => fact.includes(w)));
  return e;
}
const engines = { enterprise: engine(rules.enterprise), project: engine(rules.project), product: engine(rules.product), provider: engine(rules.provider) };

// min(base × num / den, cap) in fen, rounded half up; exact (BigInt).
function amount(p, f) {
  if (p.amount !== undefined) return p.amount;
  let num, den;
  if (p.formula === 'loanInterest') {  // 贷款金额 × LPR（放款日）× 50% × 贷款期限(×100)
    const days = [20228, 20017, 19926, 19590, 19528, 19226, 19012], rates = [300, 310, 335, 345, 355, 365, 370];
    const k = days.findIndex((d) => f.loanDay >= d);
    if (k < 0) throw new Error('LPR一年期 has no value on the loan date');
    num = BigInt(f.loan) * BigInt(rates[k]) * 5n * BigInt(f.years);
    den = 10000000n;
  } else {
    num = BigInt(f[p.base]) * BigInt(p.num);
    den = BigInt(p.den);
  }
  const v = (2n * num + den) / (2n * den);
  return Number(v < BigInt(p.cap) ? v : BigInt(p.cap));
}

async function runItem(e, f, item, out) {
  const { events } = await e.run(f);
  const byClause = new Map();
  const got = new Set(events.filter((ev) => ev.type === 'holds' && f.got && f.got.includes(ev.params.clause)).map((ev) => ev.params.clause));
  for (const clause of got) out.push({ clause, item, status: 'already_received' });
  for (const ev of events) {
    if (ev.type === 'holds' || got.has(ev.params.clause)) continue;
    const prev = byClause.get(ev.params.clause);
    // An award beats "not assessable"; of several tiers, the first.
    if (!prev || (prev.type !== 'award' && ev.type === 'award') || (ev.type === 'award' && (ev.params.tier ?? 0) < (prev.params.tier ?? 0)))
      byClause.set(ev.params.clause, ev);
  }
  for (const [clause, ev] of byClause)
    out.push(ev.type === 'award' ? { clause, item, status: 'kept', form: ev.params.form, max: amount(ev.params, f) } : { clause, item, status: 'not_assessable' });
}

const STACKED = ['第2条第3款第3项', '第3条第3款', '第5条第3款第1项', '第5条第3款第2项', '第14条第1款'];
function nonStacking(awards) {  // each project keeps its highest; a tie keeps the earlier clause
  const best = new Map();
  for (const a of awards) {
    if (a.status !== 'kept' || !STACKED.includes(a.clause)) continue;
    const b = best.get(a.item);
    if (!b || a.max > b.max || (a.max === b.max && STACKED.indexOf(a.clause) < STACKED.indexOf(b.clause))) best.set(a.item, a);
  }
  for (const a of awards) if (a.status === 'kept' && STACKED.includes(a.clause) && best.get(a.item) !== a) a.status = 'dropped';
}

function recognitions(list, day, year) {
  const held = [], fresh = [];
  for (const g of list) if (g.day <= day) { held.push(g.t); if (g.year === year) fresh.push(g.t); }
  return { held, fresh };
}
const valueIn = (now, hist, year) => (now !== null ? now : (hist.find((h) => h.year === year) || { v: null }).v);

async function rulesEngine(a) {
  const out = [];
  const live = a.day >= LIVE_FROM && a.day <= LIVE_TO;
  if (a.root === '服务商') await runItem(engines.provider, { live, ...a.s }, '服务商', out);
  if (a.root !== '企业') return out;
  const e = a.e, { held, fresh } = recognitions(e.titles, a.day, a.year);
  const revenue = valueIn(e.revenue, e.revHist, a.year);
  const firstOver = revenue === null ? [] : [10000000000000, 5000000000000, 1000000000000]
    .filter((t) => revenue > t && !e.revHist.some((h) => h.year < a.year && h.v > t));
  const now = valueIn(e.contribution, e.contribHist, a.year), last = valueIn(null, e.contribHist, a.year - 1);
  const contributionIncrease = now === null || last === null ? null : now - last;
  await runItem(engines.enterprise, { live, mfg: e.mfg, listed: e.listed, held, fresh, revenue, firstOver, contributionIncrease,
    ratio: e.ratio, equity: e.equity, bonds: e.bonds }, '企业', out);
  for (const p of e.projects)
    await runItem(engines.project, { ...p, live, mfg: e.mfg, held, advanced: p.industry === null ? null : p.industry !== '其他产业' }, `企业.项目[${p.i}]`, out);
  for (const p of e.products)
    await runItem(engines.product, { ...p, live, ...recognitions(p.titles, a.day, a.year) }, `企业.产品[${p.i}]`, out);
  nonStacking(out);
  return out;
}

// ---- measuring ----
function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
async function measure(inputs, evaluate, minTime) {
  let n = 0;
  const start = cpuSeconds();
  let elapsed = 0;
  do {
    for (const a of inputs) await evaluate(a);
    n += inputs.length;
    elapsed = cpuSeconds() - start;
  } while (elapsed < minTime);
  return n / elapsed;
}

function load(dir, name) {
  const lines = (f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim());
  return { inputs: lines(`${name}.jsonl`).map(facts.applicant), expected: lines(`${name}.expected.jsonl`).map(facts.expected) };
}

async function main() {
  const dir = process.argv[2], minTime = Number(process.argv[3] || 1);
  if (!dir) throw new Error('usage: node bench.js DIR [MIN_SECONDS]');
  const zen = new ZenEngine().createDecision(JSON.parse(fs.readFileSync(path.join(__dirname, 'subset.jdm.json'), 'utf8')));
  const peers = [
    ['GoRules ZEN', async (a) => (await zen.evaluate(a)).result.awards],
    ['json-rules-engine', rulesEngine],
  ];
  const sets = { single: load(dir, 'subset.single'), batch: load(dir, 'subset') };
  let failed = 0;
  for (const [name, evaluate] of peers)
    for (const { inputs, expected } of Object.values(sets))
      for (let i = 0; i < inputs.length; ++i) {
        const diff = facts.compare(await evaluate(inputs[i]), expected[i]);
        if (diff && ++failed <= 3) console.error(`${name} differs from polc on applicant ${i + 1}:\n${diff}\n`);
      }
  if (failed) {
    console.error(`${failed} results differ from polc's`);
    process.exit(1);
  }
  for (const [name, evaluate] of peers)
    for (const [mode, { inputs }] of Object.entries(sets)) {
      const rate = await measure(inputs, evaluate, minTime);
      console.log(`subset\t${mode}\t${name}\t${Math.round(rate)}\t${Math.round(1e9 / rate)}`);
    }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
