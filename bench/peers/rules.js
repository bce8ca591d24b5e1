// The benchmark subset of 常办发〔2022〕1号 as json-rules-engine rules. The engine decides
// conditions only: each clause is two rules — it pays (its conditions are known to hold and the
// base of its amount is given) and it is not assessable (its conditions are not known to fail,
// and a fact they or the amount need is missing) — built from the clause's condition by the
// three-valued reading polc uses (and/or of known-true and known-false trees). The amount
// (rate × base, capped, rounded to the fen) is the event's params, computed by bench.js's
// handler in exact integer fen; 就高不重复 is done by bench.js after the engine, which cannot
// compare the events of several rules.
'use strict';

const NEG = { greaterThan: 'lessThanInclusive', greaterThanInclusive: 'lessThan', lessThan: 'greaterThanInclusive', lessThanInclusive: 'greaterThan' };
const known = (fact) => ({ fact, operator: 'notEqual', value: null });
// A condition as its known-true (T) and known-false (F) trees.
const is = (fact) => ({ T: { fact, operator: 'equal', value: true }, F: { fact, operator: 'notEqual', value: true } });
const cmp = (fact, operator, value) => ({
  T: { all: [known(fact), { fact, operator, value }] },
  F: { all: [known(fact), { fact, operator: NEG[operator], value }] },
});
const has = (fact, titles) => ({
  T: { fact, operator: 'containsAny', value: titles },
  F: { not: { fact, operator: 'containsAny', value: titles } },
});
const eq = (fact, value) => ({ T: { all: [known(fact), { fact, operator: 'equal', value }] }, F: { all: [known(fact), { fact, operator: 'notEqual', value }] } });
const not = (c) => ({ T: c.F, F: c.T });
const and = (...cs) => ({ T: { all: cs.map((c) => c.T) }, F: { any: cs.map((c) => c.F) } });
const or = (...cs) => ({ T: { any: cs.map((c) => c.T) }, F: { all: cs.map((c) => c.F) } });

// A paying clause: `cond`, and the event's amount: {base, num, den, cap} (fen) or {amount}.
function clause(name, form, cond, amount, priority = 1) {
  const needs = amount.base ? [known(amount.base)] : [];
  const event = { type: 'award', params: { clause: name, form, ...amount } };
  const rules = [{ name, priority, conditions: { all: [cond.T, ...needs] }, event }];
  rules.push({
      name: name + ' 无法评估', priority,
      conditions: { all: [{ not: cond.F }, { any: [{ not: cond.T }, ...(amount.base ? [{ fact: amount.base, operator: 'equal', value: null }] : [])] }] },
      event: { type: 'not_assessable', params: { clause: name } },
    });
  return rules;
}
// 分档: one rule per tier, the first tier (highest priority) wins (bench.js keeps the first event).
function tiers(name, cond, fact, table) {
  return table.flatMap(([title, amount], k) => clause(name, 'up_to', and(cond, has(fact, [title])), { amount, tier: k }, 100 - k))
    .filter((r) => r.event.type === 'award');
}

const live = is('live');
// 分情形 先进制造业 12% (1000万元) / 其他 6% (600万元); 产业 absent makes both rules not assessable.
const advancedOrNot = (name, cond) => [
  ...clause(name, 'up_to', and(cond, eq('advanced', true)), { base: 'equipment', num: 12, den: 100, cap: 1000000000 }),
  ...clause(name, 'up_to', and(cond, eq('advanced', false)), { base: 'equipment', num: 6, den: 100, cap: 600000000 }),
];

const special = ['国家制造业单项冠军示范企业', '国家制造业单项冠军产品', '国家专精特新小巨人企业', '省级专精特新小巨人企业', '省级专精特新中小企业', '市级专精特新中小企业'];
const c233 = and(live, is('tech'), is('completed'), cmp('equipment', 'greaterThanInclusive', 5000000000), has('held', special));
const c33 = and(live, or(has('lib', ['常州市重大项目库']), has('lib', ['技术设备投入超亿元技改项目库'])), is('mfg'), is('completed'));

const enterprise = [
  // 首次超: `firstOver` lists the thresholds this year's revenue exceeds for the first time.
  ...tiers('第2条第1款', live, 'firstOver', [[10000000000000, 1000000000], [5000000000000, 500000000], [1000000000000, 200000000]]),
  { name: '第2条第1款 无法评估', priority: 1, conditions: { all: [{ fact: 'live', operator: 'equal', value: true }, { fact: 'revenue', operator: 'equal', value: null }] },
    event: { type: 'not_assessable', params: { clause: '第2条第1款' } } },
  ...tiers('第2条第2款', and(live, is('mfg')), 'fresh', [['世界500强', 3000000000], ['中国企业500强', 1000000000], ['中国制造业企业500强', 500000000], ['中国民营企业500强', 200000000]]),
  ...clause('第2条第3款第1项', 'up_to', and(live, has('fresh', ['国家制造业单项冠军示范企业', '国家制造业单项冠军产品'])), { amount: 200000000 }),
  ...tiers('第2条第3款第2项', live, 'fresh', [['国家专精特新小巨人企业', 100000000], ['省级专精特新小巨人企业', 50000000]]),
  ...clause('第2条第4款', 'exact', and(live, or(has('fresh', ['规模以上工业企业']), has('fresh', ['规模以上服务业企业'])), cmp('contributionIncrease', 'greaterThan', 0)),
    { base: 'contributionIncrease', num: 50, den: 100, cap: 10000000 }),
  ...tiers('第5条第1款', live, 'fresh', [['国家智能制造示范工厂', 200000000], ['省级示范智能车间', 50000000]]),
  ...clause('第25条第1款第1项', 'exact', and(live, is('listed'), cmp('ratio', 'greaterThanInclusive', 750), cmp('equity', 'greaterThan', 0)),
    { base: 'equity', num: 5, den: 1000, cap: 200000000 }),
  ...clause('第25条第1款第2项', 'exact', and(live, is('listed'), is('mfg'), cmp('ratio', 'greaterThanInclusive', 750), cmp('bonds', 'greaterThan', 0)),
    { base: 'bonds', num: 1, den: 10000, cap: 50000000 }),
];

// 一次性 (第2条第3款第3项, 第3条第2款, 第3条第3款, 第5条第3款第1项): the engine reports that the clause's
// conditions hold; bench.js then gives "already received" to a project paid in an earlier year.
const holds = (name, cond) => ({ name: name + ' 条件成立', priority: 1, conditions: cond.T, event: { type: 'holds', params: { clause: name } } });
const c531 = and(live, has('lib', ['智改数转项目库']), is('smartLoan'), is('mfg'));
const c32 = and(live, is('newly'), is('quality'), is('newEntity'));

const project = [
  holds('第2条第3款第3项', c233), holds('第3条第2款', c32), holds('第3条第3款', c33), holds('第5条第3款第1项', c531),
  ...advancedOrNot('第2条第3款第3项', c233),
  ...clause('第3条第2款', 'exact', c32, { base: 'contrib3y', num: 1, den: 100, cap: 500000000 }),
  ...advancedOrNot('第3条第3款', c33),
  // 贷款金额 × LPR（放款日）× 50% × 贷款期限: the handler computes it from the three facts.
  ...clause('第5条第3款第1项', 'exact', and(c531, cmp('loan', 'greaterThanInclusive', 0),
    cmp('loanDay', 'greaterThanInclusive', 0)), { base: 'years', formula: 'loanInterest', cap: 200000000 }),
  ...clause('第5条第3款第2项', 'up_to', and(live, is('smart'), is('own'), cmp('renov', 'greaterThan', 1000000000)), { base: 'smartEq', num: 5, den: 100, cap: 200000000 }),
  ...clause('第14条第1款', 'up_to', and(live, is('energy'), or(and(is('emc'), cmp('saved', 'greaterThanInclusive', 10000)), and(not(is('emc')), cmp('saved', 'greaterThanInclusive', 20000))),
    cmp('equipment', 'greaterThanInclusive', 100000000)), { base: 'saved', num: 500, den: 1, cap: 200000000 }),
];

const product = [
  ...clause('第12条第1款第1项', 'up_to', and(live, has('fresh', ['省级首台（套）重大装备', '苏锡常首台（套）重大装备'])), { base: 'price', num: 30, den: 100, cap: 1000000000 }),
  ...clause('第12条第1款第4项', 'up_to', and(live, has('held', ['常州制造创新产品推广应用推荐目录']), is('insured')), { base: 'premium', num: 80, den: 100, cap: 50000000 }),
];

const provider = clause('第5条第2款第3项', 'up_to',
  and(live, or(cmp('invoiced', 'greaterThanInclusive', 1000000000), cmp('largest', 'greaterThanInclusive', 30000000)), cmp('clients', 'greaterThanInclusive', 1000)),
  { base: 'invoiced', num: 10, den: 100, cap: 200000000 });

module.exports = { enterprise, project, product, provider };
