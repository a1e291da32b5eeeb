// SchemaParser.g4 - syntax of the schemac schema language.
//
// The language is free-form (no separators between items): every item starts
// with a keyword or a name, and the words that begin column options or table
// items are reserved in name position (quote them to use them as names).
// Only frontend/ParseTreeBridge.cpp sees the contexts generated from this.
parser grammar SchemaParser;

options { tokenVocab = SchemaLexer; }

file: declaration* EOF;

// A lone SQL expression: a database's default or check text.
exprOnly: expr EOF;

declaration
    : docComment? (schemaDecl | enumDecl | sequenceDecl | tableDecl | viewDecl)
    ;

docComment: DOC_COMMENT+;

schemaDecl: SCHEMA identifier;

enumDecl
    : ENUM qualifiedName attribute* LBRACE (enumValue (COMMA enumValue)* COMMA?)? RBRACE
    ;

enumValue: (identifier | STRING) attribute*;

sequenceDecl: SEQUENCE qualifiedName attribute* sequenceOption*;

sequenceOption
    : AS typeRef                          # seqAs
    | START WITH? signedInteger           # seqStart
    | INCREMENT BY? signedInteger         # seqIncrement
    | MINVALUE signedInteger              # seqMinValue
    | MAXVALUE signedInteger              # seqMaxValue
    | CACHE signedInteger                 # seqCache
    | CYCLE                               # seqCycle
    | OWNED BY qualifiedName DOT identifier  # seqOwnedBy
    ;

tableDecl: TABLE qualifiedName attribute* LBRACE tableItem* RBRACE;

tableItem: docComment? (columnDef | tableConstraint | indexDef);

columnDef: identifier typeRef QUESTION? (columnOption | attribute)*;

columnOption
    : (CONSTRAINT identifier)? PRIMARY KEY                    # colPrimaryKey
    | (CONSTRAINT identifier)? UNIQUE                         # colUnique
    | (CONSTRAINT identifier)? CHECK LPAREN expr RPAREN       # colCheck
    | (CONSTRAINT identifier)? references                     # colReferences
    | DEFAULT expr                                            # colDefault
    | IDENTITY (ALWAYS | BY DEFAULT)?                         # colIdentity
    | AS LPAREN expr RPAREN (STORED | VIRTUAL)?               # colGenerated
    | COLLATE identifier                                      # colCollate
    ;

references
    : REFERENCES qualifiedName (LPAREN identifierList RPAREN)? referentialAction*
      deferrability?
    ;

referentialAction: ON (DELETE | UPDATE) actionKind;

actionKind: CASCADE | RESTRICT | SET NULL_ | SET DEFAULT | NO ACTION;

deferrability
    : NOT DEFERRABLE
    | DEFERRABLE (INITIALLY (DEFERRED | IMMEDIATE))?
    ;

tableConstraint
    : PRIMARY KEY identifier? LPAREN identifierList RPAREN attribute*       # tablePrimaryKey
    | UNIQUE identifier? (NULLS NOT DISTINCT)? LPAREN identifierList RPAREN attribute*  # tableUnique
    | FOREIGN KEY identifier? LPAREN identifierList RPAREN references attribute*  # tableForeignKey
    | CHECK identifier? LPAREN expr RPAREN attribute*                       # tableCheck
    ;

indexDef
    : INDEX identifier? LPAREN indexElement (COMMA indexElement)* RPAREN
      (indexOption | attribute)*
    ;

indexOption
    : UNIQUE                                   # indexUnique
    | USING identifier                         # indexUsing
    | INCLUDE LPAREN identifierList RPAREN     # indexInclude
    | WHERE expr                               # indexWhere
    ;

indexElement
    : expr (COLLATE identifier)? identifier? (ASC | DESC)? (NULLS (FIRST | LAST))?
    ;

viewDecl: MATERIALIZED? VIEW qualifiedName attribute* AS RAW_SQL;

attribute: AT identifier (LPAREN (identifier (COMMA identifier)*)? RPAREN)?;

typeRef
    : typeName (LPAREN signedInteger (COMMA signedInteger)* RPAREN)? timeZone?
      UNSIGNED? arraySuffix*
    ;

typeName
    : DOUBLE PRECISION
    | CHARACTER VARYING
    | BIT VARYING
    | qualifiedName
    ;

timeZone: (WITH | WITHOUT) TIME ZONE;

arraySuffix: LBRACKET RBRACKET;

// Expressions: ANTLR gives earlier alternatives of a left-recursive rule
// higher precedence. Like PostgreSQL's grammar (a_expr / b_expr), the
// predicate and boolean levels (expr) sit on top of the arithmetic levels
// (arith), so BETWEEN's lower bound can be an arith: `a between 1 and 5 and
// b` then means `(a between 1 and 5) and b`, without ambiguity.
expr
    : arith                                                      # arithExpr
    | expr NOT? op=(LIKE | ILIKE) expr                           # likeExpr
    | expr NOT? BETWEEN arith AND expr                           # betweenExpr
    | expr NOT? IN LPAREN expr (COMMA expr)* RPAREN              # inExpr
    | expr op=(LT | GT | EQ | LE | GE | NE) expr                 # compareExpr
    | expr IS NOT? NULL_                                         # isNullExpr
    | expr IS NOT? DISTINCT FROM expr                            # isDistinctExpr
    | NOT expr                                                   # notExpr
    | expr AND expr                                              # andExpr
    | expr OR expr                                               # orExpr
    ;

arith
    : primary                                                    # primaryExpr
    | arith DOUBLE_COLON typeRef                                 # castExpr
    | op=(MINUS | PLUS | TILDE) arith                            # unaryExpr
    | <assoc=left> arith CARET arith                             # powExpr
    | arith op=(STAR | SLASH | PERCENT) arith                    # mulExpr
    | arith op=(PLUS | MINUS) arith                              # addExpr
    | arith op=(CONCAT | ARROW | ARROW_TEXT | HASH_ARROW | HASH_ARROW_TEXT
               | CONTAINS | CONTAINED_BY | OVERLAPS | TILDE | REGEX_IMATCH
               | NOT_REGEX_MATCH | NOT_REGEX_IMATCH | AMPERSAND | PIPE
               | SHIFT_LEFT | SHIFT_RIGHT | LIKE_OP | NOT_LIKE_OP | ILIKE_OP
               | NOT_ILIKE_OP) arith                             # otherOpExpr
    ;

primary
    : NULL_                                                       # nullLiteral
    | (TRUE_ | FALSE_)                                             # boolLiteral
    | (INTEGER | DECIMAL)                                        # numberLiteral
    | STRING                                                     # stringLiteral
    | RAW_SQL                                                    # rawSql
    | LPAREN expr RPAREN                                         # parenExpr
    | CAST LPAREN expr AS typeRef RPAREN                         # castCall
    | CASE operand=expr? caseWhen+ (ELSE elseExpr=expr)? END     # caseExpr
    | ARRAY LBRACKET (expr (COMMA expr)*)? RBRACKET              # arrayExpr
    | qualifiedName LPAREN (STAR | DISTINCT? expr (COMMA expr)*)? RPAREN  # funcCall
    | qualifiedName                                              # columnRef
    ;

caseWhen: WHEN expr THEN expr;

signedInteger: MINUS? INTEGER;

identifierList: identifier (COMMA identifier)*;

qualifiedName: identifier (DOT identifier)?;

identifier: IDENT | QUOTED_IDENT | nonReserved;

// Words that are keywords somewhere but can still name things unquoted.
nonReserved
    : SCHEMA | ENUM | SEQUENCE | TABLE | VIEW | MATERIALIZED | KEY | ALWAYS
    | DELETE | UPDATE | CASCADE | RESTRICT | SET | NO | ACTION | INITIALLY
    | DEFERRED | IMMEDIATE | NULLS | FIRST | LAST | START | INCREMENT
    | MINVALUE | MAXVALUE | CACHE | CYCLE | OWNED | BY | WITH | WITHOUT | TIME
    | TIMESTAMP | ZONE | DOUBLE | PRECISION | CHARACTER | VARYING | BIT
    ;
