// Reads one applicant of docs/facts.md (a JSON line of bench/run_backends.sh's subset.jsonl) into
// the plain input both peers take: money as integer fen, other quantities as integers of a fixed
// scale, dates as day numbers. Exact: a value the scale cannot hold is an error, never rounded.
// Done once per applicant, outside the timed loop (as every backend's facts reader is).
'use strict';

const PREFIX = { 百: 2n, 千: 3n, 万: 4n, 亿: 8n };

// "1200万元", "2.5亿元", "12%", "5‰", 1234.56, "0.755" → the value × 10^scale as a Number.
// `compared`: the fact is only compared with a small threshold, so a value beyond the exact range
// of a double (2^53) may stand as 2^53 − 1; any other fact that large is an error.
function scaled(v, scale, compared = false) {
  if (v === undefined || v === null) return null;
  let text = String(v);
  let m = /^(-?[0-9]+)(?:\.([0-9]+))?(百|千|万|亿)?(%|‰)?/.exec(text);
  if (!m) throw new Error(`not a number: ${text}`);
  let frac = m[2] || '';
  let exp = BigInt(scale) + (m[3] ? PREFIX[m[3]] : 0n) - BigInt(frac.length) - (m[4] === '%' ? 2n : m[4] === '‰' ? 3n : 0n);
  let n = BigInt(m[1] + frac);
  if (exp >= 0n) n *= 10n ** exp;
  else {
    const d = 10n ** -exp;
    if (n % d !== 0n) throw new Error(`${text} has more decimals than scale ${scale}`);
    n /= d;
  }
  if (n > BigInt(Number.MAX_SAFE_INTEGER) && compared) return Number.MAX_SAFE_INTEGER;
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`${text} is beyond the exact range of the peers' numbers`);
  return Number(n);
}
const fen = (v) => scaled(v, 2);

function day(text) {
  const [y, m, d] = text.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}
const bool = (v) => v === true || v === '是';

// 称号: {name: date} or [names] (held since an unknown date: never new).
function titles(v) {
  if (!v) return [];
  if (Array.isArray(v)) return v.map((t) => ({ t, day: -1e6, year: 0 }));
  return Object.entries(v).map(([t, d]) => ({ t, day: day(d), year: Number(d.slice(0, 4)) }));
}
function history(h, name) {
  return Object.entries((h && h[name]) || {}).map(([y, v]) => ({ year: Number(y), v: fen(v) }));
}

// 已获奖励 in an earlier year, by citation within the document ("第3条第3款"): the 一次性 clauses
// are not paid again.
function receivedBefore(list, year) {
  return (list || []).filter((r) => Number(r.year) < year).map((r) => String(r.citation || '').replace(/^\S+\s+/, ''));
}

function project(p, i, year) {
  return {
    i, got: receivedBefore(p['已获奖励'], year), lib: p['入库'] || [], industry: p['产业'] ?? null, completed: bool(p['当年竣工投产']), tech: bool(p['技改项目']),
    equipment: fen(p['设备投入']), newly: bool(p['新引进项目']), quality: bool(p['优质产业类项目']),
    newEntity: bool(p['新设独立法人']), contrib3y: fen(p['投产三年内地方贡献总额']),
    smart: bool(p['智能化改造']), smartLoan: bool(p['获得智能化改造贷款']), own: bool(p['自有资金改造']),
    loan: fen(p['贷款金额']), loanDay: p['放款日期'] ? day(p['放款日期']) : null, years: scaled(p['贷款期限'], 2),
    renov: fen(p['改造投资']), smartEq: fen(p['智能化设备及工业软件投入']),
    energy: bool(p['节能改造项目']), emc: bool(p['合同能源管理']), saved: scaled(p['节能量'], 2),
  };
}

function product(p, i) {
  return { i, titles: titles(p['称号']), price: fen(p['单台售价']), insured: bool(p['首张订单投保']), premium: fen(p['年度实际支付保费']) };
}

function applicant(line) {
  const doc = JSON.parse(line);
  const date = doc.date || doc['日期'];
  const e = doc['企业'] || {}, s = doc['服务商'] || {};
  return {
    root: doc['企业'] ? '企业' : doc['服务商'] ? '服务商' : 'other',
    day: day(date), year: Number(date.slice(0, 4)),
    e: {
      listed: bool(e['上市公司']), mfg: bool(e['制造业']), titles: titles(e['称号']),
      revenue: fen(e['营业收入']), revHist: history(e.history, '营业收入'),
      contribution: fen(e['地方贡献']), contribHist: history(e.history, '地方贡献'),
      ratio: scaled(e['募集资金投回本地比例'], 3, true), equity: fen(e['股权融资额']), bonds: fen(e['债券融资额']),
      projects: (e['项目'] || []).map((p, i) => project(p, i, Number(date.slice(0, 4)))), products: (e['产品'] || []).map(product),
    },
    s: { invoiced: fen(s['智改数转服务开票结算金额']), largest: fen(s['单个合同最高金额']), clients: scaled(s['智改数转服务企业数'], 2, true) },
  };
}

// polc's expected awards (subset.expected.jsonl) in the peers' form: amounts in fen.
function expected(line) {
  return JSON.parse(line).awards.map((a) => ({ ...a, max: a.max === undefined ? undefined : fen(a.max) }));
}

// "" when the awards are the same (in any order), else both.
function compare(mine, want) {
  const canon = (list) => list.map((a) => [a.clause, a.item, a.status, a.form ?? '', a.max ?? ''].join(' | ')).sort().join('\n');
  const x = canon(mine), y = canon(want);
  return x === y ? '' : `peer:\n${x}\npolc:\n${y}`;
}

module.exports = { applicant, expected, compare };
