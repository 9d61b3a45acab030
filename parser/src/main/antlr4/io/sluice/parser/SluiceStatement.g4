/*
 * Sluice's statement grammar. It recognises the statements around queries (DDL, INSERT, SHOW,
 * EXPLAIN, SET ...); query bodies and expressions are captured as raw spans of tokens and handed
 * to Calcite's parser, so this grammar never needs to know SQL's query syntax. The lexer has a
 * catch-all token, so any text Calcite may accept gets through to Calcite.
 *
 * Keywords are case-insensitive; identifiers keep the case they were written in, and backticks
 * quote them. All keywords except SELECT, WITH and VALUES (which start a query) may be used as
 * identifiers.
 */
grammar SluiceStatement;

options { caseInsensitive = true; }

singleStatement
    : statement SEMICOLON? EOF
    ;

statement
    : createTableStatement
    | createViewStatement
    | dropStatement
    | showStatement
    | describeStatement
    | explainStatement
    | setStatement
    | resetStatement
    | query
    | insertStatement
    | statementSet
    | stopJobStatement
    ;

createTableStatement
    : CREATE TEMPORARY? kind=(STREAM | TABLE) (IF NOT EXISTS)? name=identifier
      LPAREN tableElement (COMMA tableElement)* RPAREN
      (COMMENT comment=STRING_LITERAL)?
      (WITH LPAREN tableOption (COMMA tableOption)* RPAREN)?
    ;

tableElement
    : columnDefinition
    | watermarkDefinition
    | primaryKeyConstraint
    ;

columnDefinition
    : name=identifier dataType nullability? inlinePrimaryKey? columnComment?              #physicalColumn
    | name=identifier dataType METADATA (FROM key=STRING_LITERAL)? VIRTUAL? columnComment?  #metadataColumn
    | name=identifier AS expression columnComment?                                         #computedColumn
    ;

nullability
    : NOT NULL
    | NULL
    ;

inlinePrimaryKey
    : PRIMARY KEY (NOT ENFORCED)?
    ;

columnComment
    : COMMENT STRING_LITERAL
    ;

watermarkDefinition
    : WATERMARK FOR column=identifier AS expression
    ;

primaryKeyConstraint
    : (CONSTRAINT constraintName=identifier)? PRIMARY KEY LPAREN identifierList RPAREN (NOT ENFORCED)?
    ;

tableOption
    : key=STRING_LITERAL EQ value=STRING_LITERAL
    ;

dataType
    : name=(BOOLEAN | TINYINT | SMALLINT | INT | INTEGER | BIGINT | FLOAT | REAL | DATE | STRING | BYTES)
                                                                                         #simpleType
    | DOUBLE PRECISION?                                                                  #doubleType
    | name=(DECIMAL | DEC | NUMERIC)
      (LPAREN precision=INTEGER_LITERAL (COMMA scale=INTEGER_LITERAL)? RPAREN)?          #decimalType
    | name=(CHAR | VARCHAR | BINARY | VARBINARY | TIMESTAMP_LTZ)
      (LPAREN length=INTEGER_LITERAL RPAREN)?                                            #lengthType
    | name=(TIME | TIMESTAMP) (LPAREN precision=INTEGER_LITERAL RPAREN)?
      (withoutZone=WITHOUT TIME ZONE | withLocalZone=WITH LOCAL TIME ZONE)?              #datetimeType
    | INTERVAL from=intervalUnit
      (LPAREN leading=INTEGER_LITERAL (COMMA fraction=INTEGER_LITERAL)? RPAREN)?
      (TO to=intervalUnit (LPAREN toFraction=INTEGER_LITERAL RPAREN)?)?                  #intervalType
    ;

intervalUnit
    : YEAR | MONTH | DAY | HOUR | MINUTE | SECOND
    ;

createViewStatement
    : CREATE (TEMPORARY | MATERIALIZED)? VIEW (IF NOT EXISTS)? name=identifier (LPAREN identifierList RPAREN)? AS query
    ;

dropStatement
    : DROP (TEMPORARY? kind=(STREAM | TABLE | VIEW) | MATERIALIZED VIEW) (IF EXISTS)? name=identifier
    ;

showStatement
    : SHOW (kind=(STREAMS | TABLES | VIEWS | QUERIES | JOBS | FUNCTIONS) | MATERIALIZED VIEWS)
    ;

describeStatement
    : (DESCRIBE | DESC) FUNCTION function=identifier
    | (DESCRIBE | DESC) name=identifier
    ;

explainStatement
    : EXPLAIN (PLAN FOR)? (query | insertStatement)
    | EXPLAIN ANALYZE (id=STRING_LITERAL | query)
    ;

setStatement
    : SET (key=optionText EQ value=optionText)?
    ;

resetStatement
    : RESET key=optionText?
    ;

optionText
    : STRING_LITERAL
    | optionWord+
    ;

optionWord
    : identifier | INTEGER_LITERAL | DOT | MINUS
    ;

insertStatement
    : INSERT INTO target=identifier (LPAREN identifierList RPAREN)? query    #insertInto
    | INSERT OVERWRITE ~SEMICOLON*                                           #insertOverwrite
    ;

statementSet
    : EXECUTE STATEMENT SET BEGIN (statementSetMember SEMICOLON)* END
    | BEGIN STATEMENT SET SEMICOLON (statementSetMember SEMICOLON)* END
    ;

statementSetMember
    : insertStatement                                                        #insertMember
    | ~(INSERT | END | SEMICOLON) ~SEMICOLON*                                #otherMember
    ;

stopJobStatement
    : STOP JOB id=STRING_LITERAL (WITH savepoint=SAVEPOINT)?
    ;

// A query body: everything up to the end of the statement, parsed by Calcite.
query
    : (SELECT | WITH | VALUES | LPAREN) ~SEMICOLON*
    ;

// An expression inside a table definition: tokens up to a ',' or ')' outside parentheses (or a
// COMMENT clause), parsed by Calcite.
expression
    : expressionToken+
    ;

expressionToken
    : LPAREN nestedToken* RPAREN
    | ~(LPAREN | RPAREN | COMMA | SEMICOLON | COMMENT)
    ;

nestedToken
    : LPAREN nestedToken* RPAREN
    | ~(LPAREN | RPAREN | SEMICOLON)
    ;

identifierList
    : identifier (COMMA identifier)*
    ;

identifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    | nonReserved
    ;

nonReserved
    : ANALYZE | AS | BEGIN | BIGINT | BINARY | BOOLEAN | BYTES | CHAR | COMMENT | CONSTRAINT | CREATE | DATE
    | DAY | DEC | DECIMAL | DESC | DESCRIBE | DOUBLE | DROP | END | ENFORCED | EXECUTE | EXISTS
    | EXPLAIN | FLOAT | FOR | FROM | FUNCTION | FUNCTIONS | HOUR | IF | INSERT | INT | INTEGER | INTERVAL
    | INTO | JOB | JOBS | KEY | LOCAL | MATERIALIZED | METADATA | MINUTE | MONTH | NOT | NULL | NUMERIC
    | OVERWRITE | PLAN | PRECISION | PRIMARY | QUERIES | REAL | RESET | SAVEPOINT | SECOND | SET | SHOW
    | SMALLINT | STATEMENT | STOP | STREAM | STREAMS | STRING | TABLE | TABLES | TEMPORARY | TIME | TIMESTAMP
    | TIMESTAMP_LTZ | TINYINT | TO | VARBINARY | VARCHAR | VIEW | VIEWS | VIRTUAL | WATERMARK
    | WITHOUT | YEAR | ZONE
    ;

// Statement keywords first: the order of token types is the order alternatives are listed in
// error messages.
SELECT: 'SELECT';
INSERT: 'INSERT';
CREATE: 'CREATE';
DROP: 'DROP';
SHOW: 'SHOW';
DESCRIBE: 'DESCRIBE';
DESC: 'DESC';
EXPLAIN: 'EXPLAIN';
SET: 'SET';
RESET: 'RESET';
WITH: 'WITH';
VALUES: 'VALUES';
EXECUTE: 'EXECUTE';
BEGIN: 'BEGIN';
STOP: 'STOP';

AS: 'AS';
ANALYZE: 'ANALYZE';
SAVEPOINT: 'SAVEPOINT';
COMMENT: 'COMMENT';
CONSTRAINT: 'CONSTRAINT';
END: 'END';
ENFORCED: 'ENFORCED';
EXISTS: 'EXISTS';
FOR: 'FOR';
FROM: 'FROM';
FUNCTION: 'FUNCTION';
FUNCTIONS: 'FUNCTIONS';
IF: 'IF';
INTO: 'INTO';
JOB: 'JOB';
JOBS: 'JOBS';
KEY: 'KEY';
LOCAL: 'LOCAL';
MATERIALIZED: 'MATERIALIZED';
METADATA: 'METADATA';
NOT: 'NOT';
NULL: 'NULL';
OVERWRITE: 'OVERWRITE';
PLAN: 'PLAN';
PRIMARY: 'PRIMARY';
QUERIES: 'QUERIES';
STATEMENT: 'STATEMENT';
STREAM: 'STREAM';
STREAMS: 'STREAMS';
TABLE: 'TABLE';
TABLES: 'TABLES';
TEMPORARY: 'TEMPORARY';
TO: 'TO';
VIEW: 'VIEW';
VIEWS: 'VIEWS';
VIRTUAL: 'VIRTUAL';
WATERMARK: 'WATERMARK';
WITHOUT: 'WITHOUT';
ZONE: 'ZONE';

// Data type names.
BOOLEAN: 'BOOLEAN';
TINYINT: 'TINYINT';
SMALLINT: 'SMALLINT';
INT: 'INT';
INTEGER: 'INTEGER';
BIGINT: 'BIGINT';
FLOAT: 'FLOAT';
REAL: 'REAL';
DOUBLE: 'DOUBLE';
PRECISION: 'PRECISION';
DECIMAL: 'DECIMAL';
DEC: 'DEC';
NUMERIC: 'NUMERIC';
CHAR: 'CHAR';
VARCHAR: 'VARCHAR';
STRING: 'STRING';
BINARY: 'BINARY';
VARBINARY: 'VARBINARY';
BYTES: 'BYTES';
DATE: 'DATE';
TIME: 'TIME';
TIMESTAMP: 'TIMESTAMP';
TIMESTAMP_LTZ: 'TIMESTAMP_LTZ';
INTERVAL: 'INTERVAL';
YEAR: 'YEAR';
MONTH: 'MONTH';
DAY: 'DAY';
HOUR: 'HOUR';
MINUTE: 'MINUTE';
SECOND: 'SECOND';

SEMICOLON: ';';
LPAREN: '(';
RPAREN: ')';
COMMA: ',';
DOT: '.';
EQ: '=';
MINUS: '-';

STRING_LITERAL: '\'' (~'\'' | '\'\'')* '\'';
INTEGER_LITERAL: [0-9]+;
IDENTIFIER: [\p{L}_] [\p{L}\p{N}_$]*;
BACKQUOTED_IDENTIFIER: '`' (~'`' | '``')* '`';
DOUBLE_QUOTED: '"' (~'"' | '""')* '"';

// Unterminated forms run to the end of the input; the longest-match rule means they only win when
// the closing quote or '*/' is missing, so callers can report the open string or comment.
UNTERMINATED_STRING_LITERAL: '\'' (~'\'' | '\'\'')*;
UNTERMINATED_BACKQUOTED_IDENTIFIER: '`' (~'`' | '``')*;
UNTERMINATED_DOUBLE_QUOTED: '"' (~'"' | '""')*;

LINE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' (~'*' | '*'+ ~[*/])* '*'+ '/' -> channel(HIDDEN);
UNTERMINATED_BLOCK_COMMENT: '/*' (~'*' | '*'+ ~[*/])* '*'* -> channel(HIDDEN);
WHITESPACE: [ \t\r\n\f]+ -> channel(HIDDEN);

// Anything else (operators, other punctuation) belongs to text that Calcite parses.
OTHER: .;
