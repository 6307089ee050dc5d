// The Kautz language (docs/language.md). No embedded actions: kautz.lang.parse.AstBuilder turns the parse
// tree into the immutable AST. Expression rules go from the loosest binding to the tightest.
grammar Kautz;

module      : item* EOF ;
item        : importDecl | constDecl | memDecl | fnDecl | kernelDecl ;

importDecl  : 'import' ID ('.' ID)* ';' ;
constDecl   : 'const' name '=' expr ';' ;
memDecl     : 'mem' name ':' 'mlc' '<' addExpr '>' '[' expr ']' ';' ;
fnDecl      : 'fn' name typeParams? '(' params? ')' '->' results block ;
kernelDecl  : 'kernel' name '(' params? ')' ('->' results)? block ;

typeParams  : '<' name (',' name)* '>' ;
params      : param (',' param)* ;
param       : name ':' type ;
results     : type                          # singleResult
            | '(' param (',' param)* ')'    # namedResults
            ;
// A width is an additive expression so that its closing '>' is not read as a comparison.
type        : 'bit'                         # bitType
            | 'u' '<' addExpr '>'           # vectorType
            | 's' '<' addExpr '>'           # signedType
            ;
// 's' names the signed type only where a type is expected; elsewhere it is an ordinary name.
name        : ID | 's' ;

block       : '{' stmt* '}' ;
stmt        : 'var' name ':' type ('=' expr)? ';'                 # varStmt
            | 'var' name ':' 'int' '=' expr ';'                     # intVarStmt   // an extension: a compile-time integer
            | target '=' expr ';'                                 # assignStmt
            | '(' target (',' target)+ ')' '=' expr ';'           # tupleAssignStmt
            | 'for' name 'in' expr '..' expr block                  # forStmt
            | ifStatement                                         # ifStmt
            | 'return' expr ';'                                   # returnStmt
            ;
ifStatement : 'if' expr block ('else' (block | ifStatement))? ;
target      : name                                                # wholeTarget
            | name '[' expr ']'                                   # bitTarget
            | name '[' expr ':' expr ']'                          # sliceTarget
            ;

expr        : orExpr ('?' expr ':' expr)? ;
orExpr      : xorExpr ('|' xorExpr)* ;
xorExpr     : andExpr ('^' andExpr)* ;
andExpr     : eqExpr ('&' eqExpr)* ;
eqExpr      : relExpr (eqOp relExpr)* ;
eqOp        : '==' | '!=' ;
relExpr     : shiftExpr (relOp shiftExpr)* ;
relOp       : '<' | '<=' | '>' | '>=' ;
shiftExpr   : addExpr (shiftOp addExpr)* ;
shiftOp     : '<<' | '>>' ;
addExpr     : mulExpr (addOp mulExpr)* ;
addOp       : '+' | '-' ;
mulExpr     : unaryExpr (mulOp unaryExpr)* ;
mulOp       : '*' | '/' | '%' ;
unaryExpr   : unaryOp unaryExpr
            | postfixExpr
            ;
unaryOp     : '~' | '-' | '&' | '|' | '^' ;
postfixExpr : primary selector* ;
selector    : '[' expr ']'                  # bitSelector
            | '[' expr ':' expr ']'         # sliceSelector
            ;
// signedCastExpr precedes nameExpr: 's<8>(x)' is a cast, not the comparisons (s < 8) > (x).
primary     : literal                                   # literalExpr
            | 's' '<' addExpr '>' '(' expr ')'          # signedCastExpr
            | name '(' (expr (',' expr)*)? ')'          # callExpr
            | name                                      # nameExpr
            | 'u' '<' addExpr '>' '(' expr ')'          # castExpr
            | 'bit' '(' expr ')'                        # bitCastExpr
            | '{' expr (',' expr)* '}'                  # concatExpr
            | '(' expr ')'                              # parenExpr
            ;
literal     : DEC | HEX | BIN ;

HEX         : '0' [xX] [0-9a-fA-F_]+ ;
BIN         : '0' [bB] [01_]+ ;
DEC         : [0-9] [0-9_]* ;
ID          : [a-zA-Z_] [a-zA-Z_0-9]* ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS          : [ \t\r\n\f]+ -> skip ;
// Anything else is one bad character, reported by the parser with its position.
BAD_CHAR    : . ;
