// The polc policy language: tokens.
//
// Every keyword has an English and one or more Chinese spellings; both are accepted everywhere, so a
// whole file can be written in either language. Chinese has no spaces between words, so tokens are
// separated by white space or punctuation: `对 企业`, not `对企业` (which is one identifier). When two
// rules match the same length ANTLR takes the first, so keywords stand before IDENT, and CITATION and
// DATE before QUANTITY.
lexer grammar PolcLexer;

// ---- declarations ---------------------------------------------------------------------------
DOCUMENT    : 'document' | '文件' ;
DOCNUMBER   : 'number' | '文号' ;
TITLE       : 'title' | '标题' ;
ISSUER      : 'issuer' | '发文机关' ;
ISSUED      : 'issued' | '印发日期' | '发布日期' ;
APPLIES     : 'applies' | '适用范围' ;
EFFECTIVE   : 'effective' | '有效期' ;
INTERPRETER : 'interpreter' | '解释机关' ;
ROUNDING    : 'rounding' | '舍入' ;
ELIGIBLE    : 'eligible' | '申报条件' ;
CHAPTER     : 'chapter' | '章' ;
ARTICLE     : 'article' | '条' ;
CLAUSE      : 'clause' | '款' ;
TEXT        : 'text' | '原文' ;
NOTE        : 'note' | 'interpretation' | '释义' | '说明' ;
SUBJECT     : 'subject' | '主体' ;
FACT        : 'fact' | '事实' ;
RECOGNITION : 'recognition' | '认定' ;
ENUM        : 'enum' | '枚举' ;
SET         : 'set' | '集合' ;
UNIT        : 'unit' | '单位' ;
PARAMETER   : 'parameter' | '参数' ;
TARGET      : 'target' | '标的' ;
KIND        : 'kind' | '类别' ;
NONSTACKING : 'nonstacking' | '不重复' ;
CAP         : 'cap' | '上限' ;
// Inside an expression a cap has its own word, so that a clause's `上限` line is never read as
// the tail of the expression on the line before it.
CAPPED      : 'capped' | '封顶' ;
FUNDING     : 'funding' | '资金分担' ;
QUOTA       : 'quota' | '名额' ;

// ---- clause items -----------------------------------------------------------------------------
FOR          : 'for' | '对象' ;
WHEN         : 'when' | '条件' ;
PAY          : 'pay' | '给予' ;
BENEFIT      : 'benefit' | '待遇' ;
NEGOTIATED   : 'negotiated' | '一事一议' ;
PAYEE        : 'payee' | '受益人' ;
INSTALLMENTS : 'installments' | '分期' ;
TOPUP        : 'topup' | '晋级补差' ;
RELATION     : 'relation' | '关系' ;
ONCE         : 'once' | '一次性' ;

// ---- group, cap and funding items -------------------------------------------------------------
SCOPE      : 'scope' | '范围' ;
TAKE       : 'take' | '取' ;
HIGHEST    : 'highest' ;
PER        : 'per' | '每个' ;
EXCEPT     : 'except' | '除外' ;
PREFER     : 'prefer' | '优先' ;
SAME       : 'same' | '同一' ;
ITEM       : 'item' | '事项' ;
ALL        : 'all' | '所有文件' ;
CUMULATIVE : 'cumulative' | '累计' ;
ANNUAL     : 'annual' | '年度' | '每年' ;
COVERS     : 'covers' | '覆盖' ;
REST       : 'rest' | '其余' ;
OF         : 'of' | '隶属' ;
HISTORY    : 'history' | '历史' ;
DEFAULT    : 'default' | '默认' ;
REQUIRED   : 'required' | '必填' ;
RANGE      : 'range' | '取值' ;
FROM       : 'from' | '自' ;
TO         : 'to' | '至' | '—' | '－' ;

// ---- amounts ----------------------------------------------------------------------------------
UPTO     : 'up' [ \t]+ 'to' | '最高' ;
TIERS    : 'tiers' | '分档' ;
CASES    : 'cases' | '分情形' ;
MARGINAL : 'marginal' | '累进' ;
STEPS    : 'steps' | '递增' ;
EVERY    : 'every' | '每增加' ;
ADD      : 'add' | '另给予' ;
OTHERWISE: 'otherwise' | '其他' ;
IF       : 'if' | '若' ;
THEN     : 'then' | '则' ;
ELSE     : 'else' | '否则' ;
AT       : 'at' | '于' ;

// ---- conditions -------------------------------------------------------------------------------
AND       : 'and' | '且' | '并且' ;
OR        : 'or' | '或' | '或者' ;
NOT       : 'not' | '非' ;
IN        : 'in' | '属于' ;
NOTIN     : 'not' [ \t]+ 'in' | '不属于' ;
HAS       : 'has' | '含' | '包含' ;
NEWLY     : 'new' | '新认定' | '新获评' | '新入选' | '新晋' | '新获' | '新评定' | '新引进' ;
FIRSTOVER : 'first_over' | '首次超' | '首次超过' ;
TRUE      : 'true' | '是' ;
FALSE     : 'false' | '否' ;
// The legal meaning of the comparison words (R7): 超/超过 is strict, 以上/不低于/达 include the bound,
// 以下/不超过 include it too. `达 X 以上` and `在 X 以下` are the postfix forms.
GT    : '>' | 'over' | '超' | '超过' | '高于' | '突破' ;
GE    : '>=' | '≥' | 'at_least' | '不低于' | '不少于' | '达到' ;
REACH : '达' ;
LE    : '<=' | '≤' | 'at_most' | '不超过' | '不高于' ;
LT    : '<' | 'under' | '低于' | '少于' | '不足' ;
EQ    : '==' | '等于' | '为' ;
NE    : '!=' | '≠' | '不等于' ;
AT_POS: '在' ;
ABOVE : '以上' ;
BELOW : '以下' | '以内' ;

// ---- punctuation; the full-width forms are accepted beside the ASCII ones ----------------------
LBRACE  : '{' ;
RBRACE  : '}' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
COMMA   : ',' | '，' | '、' ;
SEMI    : ';' | '；' ;
COLON   : ':' | '：' ;
DOT     : '.' ;
ASSIGN  : '=' ;
PLUS    : '+' ;
MINUS   : '-' ;
STAR    : '*' | '×' ;
SLASH   : '/' | '÷' ;
ATSIGN  : '@' ;

// ---- literals ---------------------------------------------------------------------------------
// A citation in the form a Chinese reader writes it: 第3条, 第3条第3款, 第2条第3款第1项.
CITATION : '第' DIGIT+ '条' ( '第' DIGIT+ '款' ( '第' DIGIT+ '项' )? )? ;
DATE     : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
// A ratio such as 1:1 or 1:1:2, written without spaces (`a: b` with a space is a colon).
RATIO    : DIGIT+ ':' DIGIT+ ( ':' DIGIT+ )* ;
// A number with the unit written right after it: 1000万元, 2.5亿元, 12%, 5‰, 500元/吨标煤, 3.70%/年.
// The unit is resolved against the declared units by semantic analysis, not here.
QUANTITY : DIGIT+ ( '.' DIGIT+ )? UNITPART? ;
STRING   : '"' ( ~["\\\r\n] | '\\' . )* '"' ;
BACKTICK_IDENT : '`' ~[`\r\n]+ '`' ;
IDENT    : IDSTART IDCONT* ;

LINE_COMMENT  : ( '//' | '#' ) ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS            : [ \t\r\n\u3000\uFEFF]+ -> channel(HIDDEN) ;

// Anything else is one token of its own so that the parser, not the lexer, reports it with a span.
ERRCHAR : . ;

fragment DIGIT    : [0-9] ;
fragment HAN      : [\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF] ;
fragment IDSTART  : [a-zA-Z_] | HAN | [“《] ;
// Names taken from the text keep their Chinese brackets and quotes: 首台（套）, “双跨”平台, 常办发〔2022〕1号.
fragment IDCONT   : IDSTART | DIGIT | [（）〔〕《》“”·] ;
fragment UNITATOM : [a-zA-Z%‰] | HAN ;
fragment UNITPART : UNITATOM+ ( '/' UNITATOM+ )* ;
