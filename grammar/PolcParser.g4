// The polc policy language: syntax. docs/language.md explains every construct with examples.
//
// A file holds schema declarations (shared by every document compiled with it) and documents.
// Items inside blocks may be separated by `;` or `；`, or just by new lines.
parser grammar PolcParser;

options { tokenVocab = PolcLexer; }

file : topDecl* EOF ;

topDecl
    : unitDecl
    | enumDecl
    | setDecl
    | subjectDecl
    | parameterDecl
    | targetDecl
    | kindDecl
    | documentDecl
    | SEMI
    ;

name : IDENT | BACKTICK_IDENT ;

sep : SEMI | COMMA ;

// ---- schema -----------------------------------------------------------------------------------
// unit 吨标煤 "吨标准煤"      unit 月 = 1/12年 (a scaled alias of another unit)
unitDecl : UNIT name ( ASSIGN unitValue )? STRING? ;
unitValue : QUANTITY | QUANTITY SLASH QUANTITY ;

// enum 级别 { 国家级 > 省级 > 市级 }   (ordered: written from highest to lowest)
// enum 产业 { 高端装备, 新能源 }      (unordered)
// An empty body parses so that sema can say plainly that an enum needs values.
enumDecl : ENUM name STRING? LBRACE ( enumMember ( ( GT | sep ) enumMember )* sep? )? RBRACE ;
enumMember : name STRING? ;

// set 先进制造业 = { 高端装备, 新能源 }
setDecl : SET name ASSIGN LBRACE name ( sep name )* sep? RBRACE STRING? ;

// subject 项目 of 企业 { fact 设备投入: 元 }
subjectDecl : SUBJECT name ( OF name )? STRING? LBRACE subjectItem* RBRACE ;
subjectItem : factDecl | NOTE STRING | SEMI ;
factDecl : FACT name COLON typeRef factModifier* STRING? ;
typeRef
    : SET OF name                                   # setType
    | name SET                                      # setTypePost
    | RECOGNITION OF name                           # recognitionType
    | name RECOGNITION                              # recognitionTypePost
    | unitExpr                                      # namedType
    ;
// A unit or type written as a word: 元, 万美元, 吨标煤, 元/吨标煤, 布尔, count.
// The English type words `text` and `number` are also keywords (原文, 文号), so they are named here.
unitExpr : ( name | QUANTITY | TEXT | DOCNUMBER ) ( SLASH ( name | QUANTITY ) )* ;
factModifier
    : HISTORY                                        # historyModifier
    | DEFAULT expr                                   # defaultModifier
    | RANGE expr                                     # rangeModifier
    | REQUIRED                                       # requiredModifier
    ;

// parameter LPR一年期 "一年期贷款市场报价利率" { 2022-01-20: 3.70%/年; 2022-08-22: 3.65%/年 }
parameterDecl : PARAMETER name STRING? LBRACE ( parameterEntry ( sep? parameterEntry )* sep? )? RBRACE ;
parameterEntry : DATE COLON expr ;

// target 首台套奖励 "首台（套）重大装备奖励"     kind 授牌认定 "授牌认定类"
targetDecl : TARGET name STRING? ;
kindDecl : KIND name STRING? ;

// ---- documents --------------------------------------------------------------------------------
documentDecl : DOCUMENT name LBRACE documentItem* RBRACE ;
documentItem
    : DOCNUMBER STRING                               # docNumber
    | TITLE STRING                                   # docTitle
    | ISSUER STRING                                  # docIssuer
    | ISSUED DATE                                    # docIssued
    | APPLIES STRING                                 # docApplies
    | EFFECTIVE ( FROM? DATE )? ( TO DATE )?         # docEffective
    | INTERPRETER STRING                             # docInterpreter
    | ROUNDING QUANTITY name                         # docRounding
    | ELIGIBLE expr                                  # docEligible
    | TEXT STRING+                                   # docText
    | NOTE STRING                                    # docNote
    | chapterDecl                                    # docChapter
    | articleDecl                                    # docArticle
    | nonstackingDecl                                # docNonstacking
    | capDecl                                        # docCap
    | fundingDecl                                    # docFunding
    | SEMI                                           # docEmpty
    ;

// chapter 一 "提升产业发展能级" { article 1 … }   (chapters may nest: 二、支持内容 →（一）…)
chapterDecl : CHAPTER ( name | QUANTITY ) STRING? LBRACE chapterItem* RBRACE ;
chapterItem : chapterDecl | articleDecl | TEXT STRING+ | NOTE STRING | SEMI ;

// article 3 "强化重大项目招引" { text "…"  clause 3 { … } }
articleDecl : ARTICLE QUANTITY STRING? LBRACE articleItem* RBRACE ;
articleItem : clauseDecl | TEXT STRING+ | NOTE STRING | SEMI ;

// clause 3 { … } is 第3款; clause 3.1 { … } is 第3款第1项. A deeper number such as 3.1.2 (lexed as
// `3.1` `.` `2`) is accepted here so that the AST builder rejects it with a clear message.
clauseDecl : CLAUSE QUANTITY ( DOT QUANTITY )* STRING? LBRACE clauseItem* RBRACE ;
clauseItem
    : TEXT STRING+                                   # clauseText
    | NOTE STRING                                    # clauseNote
    | FOR name                                       # clauseSubject
    | TARGET name                                    # clauseTarget
    | KIND name                                      # clauseKind
    | PAYEE name                                     # clausePayee
    | WHEN expr                                      # clauseWhen
    | PAY expr                                       # clausePay
    | BENEFIT STRING                                 # clauseBenefit
    | NEGOTIATED STRING?                             # clauseNegotiated
    | CAP expr STRING?                               # clauseCap
    | QUOTA expr ANNUAL?                             # clauseQuota
    | INSTALLMENTS expr ( sep expr )*                # clauseInstallments
    | TOPUP                                          # clauseTopup
    | ONCE                                           # clauseOnce
    | RELATION clauseRef STRING                      # clauseRelation
    | SEMI                                           # clauseEmpty
    ;

// A citation of a clause: 第3条第3款 or @3.3, in another document 武进2024@11.2 or 武进2024 第11条第2款.
clauseRef
    : name? CITATION                                 # citeChinese
    | name? ATSIGN QUANTITY ( DOT QUANTITY )*        # citeAt
    ;

// nonstacking 就高不重复 { scope document; take highest; per 项目; except kind 授牌认定 }
nonstackingDecl : NONSTACKING name LBRACE groupItem* RBRACE ;
groupItem
    : TEXT STRING+                                   # groupText
    | NOTE STRING                                    # groupNote
    | SCOPE DOCUMENT                                 # groupScopeDocument
    | SCOPE ALL                                      # groupScopeAll
    | SCOPE clauseRef ( sep clauseRef )*             # groupScopeClauses
    | TAKE ( HIGHEST | UPTO )                        # groupTakeHighest
    | PER perKey ( sep perKey )*                     # groupPer
    | SAME TARGET                                    # groupSameTarget
    | EXCEPT KIND name ( sep name )*                 # groupExceptKind
    | PREFER name ( sep name )*                      # groupPrefer
    | SEMI                                           # groupEmpty
    ;

// 每个 项目, 平台: awards are compared per instance of these subjects; 每个 事项: per the award's own item.
perKey : name | ITEM ;

// cap 单个集群累计 2000万元 per 集群 cumulative covers 第1条第1款, 第1条第2款 { text "…" }
capDecl : CAP name expr PER name ( CUMULATIVE | ANNUAL )? COVERS clauseRef ( sep clauseRef )* ( LBRACE capItem* RBRACE )? ;
capItem : TEXT STRING+ | NOTE STRING | SEMI ;

// funding { text "…"; kind 地方贡献奖励: "按现行财政体制执行"; when 所在地 == 溧阳市: 市 15%, 溧阳市 rest;
//           otherwise: 市, 辖区 = 1:1 }   (a string instead of shares: an arrangement no split is computed for)
fundingDecl : FUNDING LBRACE fundingItem* RBRACE ;
fundingItem
    : TEXT STRING+                                   # fundingText
    | NOTE STRING                                    # fundingNote
    | ( WHEN expr | OTHERWISE | KIND name ( sep name )* ) COLON ( fundingSplit | STRING )  # fundingRule
    | SEMI                                           # fundingEmpty
    ;
fundingSplit
    : share ( COMMA share )*                         # fundingShares
    | payer ( COMMA payer )+ ASSIGN RATIO            # fundingRatio
    ;
share : payer ( expr | REST ) ;
// 辖区（所在地） lexes as one name; 辖区(所在地), as a policy writer may type it, is the same payer. In a
// share the brackets are the fact's only when a proportion or 其余 follows: `市 (15%)` stays a share.
payer : name ( LPAREN name RPAREN )? ;

// ---- expressions: conditions and amounts alike ------------------------------------------------
// Precedence, tightest first: member and lookup, unary minus, * /, + -, ranges (至), caps (封顶),
// 最高, comparisons and membership, not, and, or, if-then-else.
expr
    : primary                                                  # primaryExpr
    | expr AT expr                                             # atExpr
    | MINUS expr                                               # negExpr
    | NEWLY expr                                               # newlyExpr
    | expr ( STAR | SLASH ) expr                               # mulExpr
    | expr ( PLUS | MINUS ) expr                               # addExpr
    | expr TO expr                                             # rangeExpr
    | expr CAPPED expr                                         # capExpr
    | UPTO expr                                                # upToExpr
    // 以上/以下/以内 bind to the bound before them; the tree builder accepts them only as the bound
    // of 达 or 在 (`x 达 y 以上`, §7.4). A suffix needs no lookahead past the bound, so SLL
    // prediction parses it right (syntax/parse.cpp parses in SLL first).
    | expr ( ABOVE | BELOW )                                   # postfixExpr
    | expr ( GT | GE | LE | LT | EQ | NE | REACH | AT_POS ) expr   # compareExpr
    | expr FIRSTOVER expr                                      # firstOverExpr
    | expr ( IN | NOTIN ) expr                                 # memberExpr
    | expr HAS expr                                            # hasExpr
    | NOT expr                                                 # notExpr
    | expr AND expr                                            # andExpr
    | expr OR expr                                             # orExpr
    | IF expr THEN expr ELSE expr                              # ifExpr
    ;

primary
    : QUANTITY                                                 # quantityLit
    | RATIO                                                    # ratioLit
    | STRING                                                   # stringLit
    | DATE                                                     # dateLit
    | ( TRUE | FALSE )                                         # boolLit
    | name ( DOT name )*                                       # pathRef
    | name LPAREN ( expr ( COMMA expr )* )? RPAREN             # callExpr
    | LPAREN expr RPAREN                                       # parenExpr
    | LBRACE ( name ( sep name )* sep? )? RBRACE               # setLit
    | TIERS expr ( GT | GE | LE | LT | EQ | REACH | FIRSTOVER | HAS )? LBRACE tierEntry ( sep? tierEntry )* sep? RBRACE  # tiersExpr
    | CASES LBRACE caseEntry ( sep? caseEntry )* sep? RBRACE   # casesExpr
    | MARGINAL expr LBRACE tierEntry ( sep? tierEntry )* sep? RBRACE   # marginalExpr
    | STEPS expr FROM expr EVERY expr ADD expr                 # stepsExpr
    ;

tierEntry : expr COLON expr ;
caseEntry : ( expr | OTHERWISE ) COLON expr ;
