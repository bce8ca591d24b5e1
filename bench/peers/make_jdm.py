#!/usr/bin/env python3
"""Writes bench/peers/subset.jdm.json, the benchmark subset of 常办发〔2022〕1号 as a GoRules ZEN
decision graph (JDM). ZEN's expressions are one-line strings; this script keeps them readable and
builds the repeated parts (tiers, not-assessable awards, the five project clauses that 就高不重复
compares) from one definition each. Amounts are integer fen, the cap applied before rounding half
up to the fen (round() in ZEN rounds half away from zero). Run it after changing a clause:

  python3 bench/peers/make_jdm.py && node bench/peers/bench.js DIR   (checks the model against polc)
"""
import json
import os
E = 'root == "企业" and live'
def A(clause, item, form, amount): return '{clause: "%s", item: %s, status: "kept", form: "%s", max: %s}' % (clause, item, form, amount)
def NA(clause, item): return '{clause: "%s", item: %s, status: "not_assessable"}' % (clause, item)
ENT = '"企业"'
def tiers(clause, table, cond=E):
    s = 'null'
    for title, amt in reversed(table):
        s = 'contains(fresh, "%s") ? %s : (%s)' % (title, A(clause, ENT, 'up_to', amt), s)
    return '%s ? (%s) : null' % (cond, s)
def first_over(t): return 'rev > %d and none(e.revHist, #.year < year and #.v > %d)' % (t, t)
a2_1 = 'not (%s) ? null : rev == null ? %s : %s ? %s : %s ? %s : %s ? %s : null' % (
    E, NA('第2条第1款', ENT), first_over(10000000000000), A('第2条第1款', ENT, 'up_to', 1000000000),
    first_over(5000000000000), A('第2条第1款', ENT, 'up_to', 500000000), first_over(1000000000000), A('第2条第1款', ENT, 'up_to', 200000000))
a2_4 = ('%s and (contains(fresh, "规模以上工业企业") or contains(fresh, "规模以上服务业企业")) ? '
        '((contrib == null or lastContrib == null) ? %s : contrib - lastContrib > 0 ? %s : null) : null') % (
    E, NA('第2条第4款', ENT), A('第2条第4款', ENT, 'exact', 'min([round((contrib - lastContrib) * 50 / 100), 10000000])'))
def listed(clause, fact, cond, amount):
    return ('%s and %s ? (((e.ratio != null and e.ratio < 750) or (e.%s != null and e.%s <= 0)) ? null : '
            '(e.ratio == null or e.%s == null) ? %s : %s) : null') % (E, cond, fact, fact, fact, NA(clause, ENT), A(clause, ENT, 'exact', amount))
SRV = '"服务商"'
a5_2_3 = ('not (root == "服务商" and live) ? null : (((s.invoiced != null and s.invoiced < 1000000000) and (s.largest != null and s.largest < 30000000)) or (s.clients != null and s.clients < 1000)) ? null : '
          '(not ((s.invoiced != null and s.invoiced >= 1000000000) or (s.largest != null and s.largest >= 30000000)) or s.clients == null or s.invoiced == null) ? %s : %s') % (
    NA('第5条第2款第3项', SRV), A('第5条第2款第3项', SRV, 'up_to', 'min([round(s.invoiced * 10 / 100), 200000000])'))
enterprise = {
  'a2_1': a2_1,
  'a2_2': tiers('第2条第2款', [('世界500强', 3000000000), ('中国企业500强', 1000000000), ('中国制造业企业500强', 500000000), ('中国民营企业500强', 200000000)], E + ' and e.mfg'),
  'a2_3_1': '%s and (contains(fresh, "国家制造业单项冠军示范企业") or contains(fresh, "国家制造业单项冠军产品")) ? %s : null' % (E, A('第2条第3款第1项', ENT, 'up_to', 200000000)),
  'a2_3_2': tiers('第2条第3款第2项', [('国家专精特新小巨人企业', 100000000), ('省级专精特新小巨人企业', 50000000)]),
  'a2_4': a2_4,
  'a5_1': tiers('第5条第1款', [('国家智能制造示范工厂', 200000000), ('省级示范智能车间', 50000000)]),
  'a5_2_3': a5_2_3,
  'a25_1_1': listed('第25条第1款第1项', 'equity', 'e.listed', 'min([round(e.equity * 5 / 1000), 200000000])'),
  'a25_1_2': listed('第25条第1款第2项', 'bonds', 'e.listed and e.mfg', 'min([round(e.bonds / 10000), 50000000])'),
}
EQ = ('(#.industry == null or #.equipment == null) ? "NA" : #.industry != "其他产业" ? min([round(#.equipment * 12 / 100), 1000000000]) '
      ': min([round(#.equipment * 6 / 100), 600000000])')
special = ' or '.join('contains(held, "%s")' % t for t in ['国家制造业单项冠军示范企业', '国家制造业单项冠军产品', '国家专精特新小巨人企业', '省级专精特新小巨人企业', '省级专精特新中小企业', '市级专精特新中小企业'])
# 一次性: a project paid in an earlier year ("AR", already received) once its conditions are known to hold.
def once(clause, then): return 'contains(#.got, "%s") ? "AR" : %s' % (clause, then)
# An absent 设备投入 leaves the conditions undecided: not assessable (EQ), whatever was received.
c233 = '(not (#.tech and #.completed) or not (%s) or (#.equipment != null and #.equipment < 5000000000)) ? null : #.equipment == null ? "NA" : (%s)' % (
    special, once('第2条第3款第3项', EQ))
c33 = '((contains(#.lib, "常州市重大项目库") or contains(#.lib, "技术设备投入超亿元技改项目库")) and e.mfg and #.completed) ? (%s) : null' % once('第3条第3款', EQ)
LPR = '(#.loanDay >= 20228 ? 0.03 : #.loanDay >= 20017 ? 0.031 : #.loanDay >= 19926 ? 0.0335 : #.loanDay >= 19590 ? 0.0345 : #.loanDay >= 19528 ? 0.0355 : #.loanDay >= 19226 ? 0.0365 : 0.037)'
# In 元 first (loan / 100, years / 100): fen × 10^-2 years would overflow ZEN's 28-digit decimals.
c531 = ('(contains(#.lib, "智改数转项目库") and #.smartLoan and e.mfg) ? (%s) : null') % once('第5条第3款第1项',
        '((#.loan == null or #.loanDay == null or #.years == null) ? "NA" : min([round(#.loan / 100 * %s * 0.5 * (#.years / 100) * 100), 200000000]))' % LPR)
c532 = '(#.smart and #.own) ? ((#.renov != null and #.renov <= 1000000000) ? null : (#.renov == null or #.smartEq == null) ? "NA" : min([round(#.smartEq * 5 / 100), 200000000])) : null'
c141 = ('not #.energy ? null : ((#.saved != null and #.saved < (#.emc ? 10000 : 20000)) or (#.equipment != null and #.equipment < 100000000)) ? null : '
        '(#.saved == null or #.equipment == null) ? "NA" : min([#.saved * 500, 200000000])')
c32 = '(#.newly and #.quality and #.newEntity) ? (%s) : null' % once('第3条第2款', '#.contrib3y == null ? "NA" : min([round(#.contrib3y / 100), 500000000])')
projects = '%s ? map(e.projects, {i: #.i, c: [%s, %s, %s, %s, %s], r: %s}) : []' % (E, c233, c33, c531, c532, c141, c32)
best = 'map(p1, {i: #.i, c: #.c, r: #.r, best: len(filter(#.c, type(#) == "number")) == 0 ? null : max(filter(#.c, type(#) == "number"))})'
STACKED = ['第2条第3款第3项', '第3条第3款', '第5条第3款第1项', '第5条第3款第2项', '第14条第1款']
ITEM = '"企业.项目[" + string(#.i) + "]"'
def slot(k):
    earlier = ' and '.join('#.c[%d] != #.best' % j for j in range(k)) or 'true'
    c = STACKED[k]
    return ('#.c[%d] == null ? null : #.c[%d] == "NA" ? %s : #.c[%d] == "AR" ? {clause: "%s", item: %s, status: "already_received"} : '
            '{clause: "%s", item: %s, status: (#.c[%d] == #.best and %s) ? "kept" : "dropped", form: "%s", max: #.c[%d]}'
            % (k, k, NA(c, ITEM), k, c, ITEM, c, ITEM, k, earlier, 'exact' if c == '第5条第3款第1项' else 'up_to', k))
r = ('#.r == null ? null : #.r == "NA" ? %s : #.r == "AR" ? {clause: "第3条第2款", item: %s, status: "already_received"} : %s'
     % (NA('第3条第2款', ITEM), ITEM, A('第3条第2款', ITEM, 'exact', '#.r')))
proj_awards = 'flatten(map(p2, [%s]))' % ', '.join(['(%s)' % slot(k) for k in range(5)] + ['(%s)' % r])
PITEM = '"企业.产品[" + string(#.i) + "]"'
FIRST = '(#.t == "省级首台（套）重大装备" or #.t == "苏锡常首台（套）重大装备")'
p12_1 = 'some(#.titles, %s and #.day <= day and #.year == year) ? (#.price == null ? %s : %s) : null' % (
    FIRST, NA('第12条第1款第1项', PITEM), A('第12条第1款第1项', PITEM, 'up_to', 'min([round(#.price * 30 / 100), 1000000000])'))
p12_4 = 'some(#.titles, #.t == "常州制造创新产品推广应用推荐目录" and #.day <= day) and #.insured ? (#.premium == null ? %s : %s) : null' % (
    NA('第12条第1款第4项', PITEM), A('第12条第1款第4项', PITEM, 'up_to', 'min([round(#.premium * 80 / 100), 50000000])'))
products = '%s ? flatten(map(e.products, [(%s), (%s)])) : []' % (E, p12_1, p12_4)
ent_list = '[' + ', '.join(enterprise) + ']'
# `$.products`: the key computed just before in the same node.
awards = 'filter(flatten([%s, %s, $.products]), # != null)' % (ent_list, proj_awards)

def node(id, name, exprs):
    return {'id': id, 'type': 'expressionNode', 'name': name, 'position': {'x': 0, 'y': 0},
            'content': {'expressions': [{'id': '%s_%d' % (id, i), 'key': k, 'value': v} for i, (k, v) in enumerate(exprs)]}}
passthrough = lambda keys: [(k, k) for k in keys]
derive = node('derive', '事实：本年值、上年值、称号', passthrough(['root', 'day', 'year', 'e', 's']) + [
  ('live', 'day >= 19022 and day <= 20453'),
  ('held', 'map(filter(e.titles, #.day <= day), #.t)'),
  ('fresh', 'map(filter(e.titles, #.day <= day and #.year == year), #.t)'),
  ('rev', 'e.revenue != null ? e.revenue : (some(e.revHist, #.year == year) ? filter(e.revHist, #.year == year)[0].v : null)'),
  ('contrib', 'e.contribution != null ? e.contribution : (some(e.contribHist, #.year == year) ? filter(e.contribHist, #.year == year)[0].v : null)'),
  ('lastContrib', 'some(e.contribHist, #.year == year - 1) ? filter(e.contribHist, #.year == year - 1)[0].v : null')])
ent = node('clauses', '企业、服务商条款；项目条款的候选金额', passthrough(['root', 'live', 'day', 'year', 'e', 'held', 'fresh']) + list(enterprise.items()) + [('p1', projects)])
stack = node('stack', '就高不重复：每个项目取最高', passthrough(['root', 'live', 'day', 'year', 'e'] + list(enterprise)) + [('p2', best)])
emit = node('awards', '奖励列表', [('products', products), ('awards', awards)])
nodes = [{'id': 'in', 'type': 'inputNode', 'name': '申报者', 'position': {'x': 0, 'y': 0}}, derive, ent, stack, emit,
         {'id': 'out', 'type': 'outputNode', 'name': '结果', 'position': {'x': 0, 'y': 0}}]
order = ['in', 'derive', 'clauses', 'stack', 'awards', 'out']
edges = [{'id': 'e%d' % i, 'sourceId': a, 'targetId': b, 'type': 'edge'} for i, (a, b) in enumerate(zip(order, order[1:]))]
json.dump({'nodes': nodes, 'edges': edges}, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'subset.jdm.json'), 'w'), ensure_ascii=False, indent=1)
