// SchemaLexer.g4 - tokens of the schemac schema language.
//
// Keywords are case-insensitive (ANTLR 4.7 has no caseInsensitive option, so
// they are spelled with letter fragments). Unterminated literals and stray
// characters become their own tokens so that the bridge reports one clear
// diagnostic instead of a cascade of parser errors.
lexer grammar SchemaLexer;

// Declarations.
SCHEMA: S C H E M A;
ENUM: E N U M;
SEQUENCE: S E Q U E N C E;
TABLE: T A B L E;
VIEW: V I E W;
MATERIALIZED: M A T E R I A L I Z E D;

// Column and table items.
PRIMARY: P R I M A R Y;
KEY: K E Y;
UNIQUE: U N I Q U E;
DEFAULT: D E F A U L T;
IDENTITY: I D E N T I T Y;
ALWAYS: A L W A Y S;
REFERENCES: R E F E R E N C E S;
FOREIGN: F O R E I G N;
ON: O N;
DELETE: D E L E T E;
UPDATE: U P D A T E;
CASCADE: C A S C A D E;
RESTRICT: R E S T R I C T;
SET: S E T;
NO: N O;
ACTION: A C T I O N;
DEFERRABLE: D E F E R R A B L E;
INITIALLY: I N I T I A L L Y;
DEFERRED: D E F E R R E D;
IMMEDIATE: I M M E D I A T E;
CHECK: C H E C K;
CONSTRAINT: C O N S T R A I N T;
INDEX: I N D E X;
USING: U S I N G;
INCLUDE: I N C L U D E;
WHERE: W H E R E;
ASC: A S C;
DESC: D E S C;
NULLS: N U L L S;
FIRST: F I R S T;
LAST: L A S T;
COLLATE: C O L L A T E;
AS: A S;
STORED: S T O R E D;
VIRTUAL: V I R T U A L;
UNSIGNED: U N S I G N E D;

// Sequences.
START: S T A R T;
INCREMENT: I N C R E M E N T;
MINVALUE: M I N V A L U E;
MAXVALUE: M A X V A L U E;
CACHE: C A C H E;
CYCLE: C Y C L E;
OWNED: O W N E D;
BY: B Y;

// Multi-word type names.
WITH: W I T H;
WITHOUT: W I T H O U T;
TIME: T I M E;
TIMESTAMP: T I M E S T A M P;
ZONE: Z O N E;
DOUBLE: D O U B L E;
PRECISION: P R E C I S I O N;
CHARACTER: C H A R A C T E R;
VARYING: V A R Y I N G;
BIT: B I T;

// Expressions.
NULL_: N U L L;
TRUE_: T R U E;
FALSE_: F A L S E;
NOT: N O T;
AND: A N D;
OR: O R;
IS: I S;
IN: I N;
BETWEEN: B E T W E E N;
LIKE: L I K E;
ILIKE: I L I K E;
DISTINCT: D I S T I N C T;
FROM: F R O M;
CASE: C A S E;
WHEN: W H E N;
THEN: T H E N;
ELSE: E L S E;
END: E N D;
CAST: C A S T;
ARRAY: A R R A Y;

IDENT: [a-zA-Z_] [a-zA-Z_0-9]*;
QUOTED_IDENT: '"' (~'"' | '""')* '"';
INTEGER: [0-9]+;
DECIMAL: [0-9]+ '.' [0-9]* EXPONENT? | '.' [0-9]+ EXPONENT? | [0-9]+ EXPONENT;
STRING: '\'' (~'\'' | '\'\'')* '\'';
RAW_SQL: '$$' .*? '$$';

DOC_COMMENT: '///' (~[/\r\n] ~[\r\n]*)?;
LINE_COMMENT: '//' ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;
WS: [ \t\r\n\f]+ -> skip;

// Operators and punctuation (longest match wins).
DOUBLE_COLON: '::';
ARROW_TEXT: '->>';
ARROW: '->';
HASH_ARROW_TEXT: '#>>';
HASH_ARROW: '#>';
CONTAINS: '@>';
CONTAINED_BY: '<@';
OVERLAPS: '&&';
CONCAT: '||';
NE: '<>' | '!=';
LE: '<=';
GE: '>=';
SHIFT_LEFT: '<<';
SHIFT_RIGHT: '>>';
// PostgreSQL prints LIKE, NOT LIKE, ILIKE and NOT ILIKE as these operators
// (pg_get_expr), so a pulled expression parses back.
NOT_ILIKE_OP: '!~~*';
NOT_LIKE_OP: '!~~';
ILIKE_OP: '~~*';
LIKE_OP: '~~';
NOT_REGEX_IMATCH: '!~*';
NOT_REGEX_MATCH: '!~';
REGEX_IMATCH: '~*';
TILDE: '~';
EQ: '=';
LT: '<';
GT: '>';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
CARET: '^';
AMPERSAND: '&';
PIPE: '|';
LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';
LBRACE: '{';
RBRACE: '}';
COMMA: ',';
DOT: '.';
QUESTION: '?';
AT: '@';

// Error tokens: each matches only the opening characters, so a terminated
// literal (always longer) wins whenever the closing delimiter exists.
UNTERMINATED_STRING: '\'';
UNTERMINATED_QUOTED_IDENT: '"';
UNTERMINATED_RAW_SQL: '$$';
UNTERMINATED_COMMENT: '/*';
UNEXPECTED_CHAR: .;

fragment EXPONENT: [eE] [+-]? [0-9]+;
fragment A: [aA]; fragment B: [bB]; fragment C: [cC]; fragment D: [dD];
fragment E: [eE]; fragment F: [fF]; fragment G: [gG]; fragment H: [hH];
fragment I: [iI]; fragment J: [jJ]; fragment K: [kK]; fragment L: [lL];
fragment M: [mM]; fragment N: [nN]; fragment O: [oO]; fragment P: [pP];
fragment Q: [qQ]; fragment R: [rR]; fragment S: [sS]; fragment T: [tT];
fragment U: [uU]; fragment V: [vV]; fragment W: [wW]; fragment X: [xX];
fragment Y: [yY]; fragment Z: [zZ];
