// The Kautz language (docs/language.md). No embedded actions: kautz.lang.parse.AstBuilder turns the parse
// tree into the immutable AST. Expression rules go from the loosest binding to the tightest.
grammar Kautz;

module      : item* EOF ;
item        : importDecl | constDecl | memDecl | fnDecl | kernelDecl ;

importDecl  : 'import' ID ('.' ID)* ';' ;
constDecl   : 'const' ID '=' expr ';' ;
memDecl     : 'mem' ID ':' 'mlc' '<' addExpr '>' '[' expr ']' ';' ;
fnDecl      : 'fn' ID typeParams? '(' params? ')' '->' results block ;
kernelDecl  : 'kernel' ID '(' params? ')' ('->' results)? block ;

typeParams  : '<' ID (',' ID)* '>' ;
params      : param (',' param)* ;
param       : ID ':' type ;
results     : type                          # singleResult
            | '(' param (',' param)* ')'    # namedResults
            ;
// A width is an additive expression so that its closing '>' is not read as a comparison.
type        : 'bit'                         # bitType
            | 'u' '<' addExpr '>'           # vectorType
            ;

block       : '{' stmt* '}' ;
stmt        : 'var' ID ':' type ('=' expr)? ';'                   # varStmt
            | 'var' ID ':' 'int' '=' expr ';'                     # intVarStmt   // an extension: a compile-time integer
            | target '=' expr ';'                                 # assignStmt
            | '(' target (',' target)+ ')' '=' expr ';'           # tupleAssignStmt
            | 'for' ID 'in' expr '..' expr block                  # forStmt
            | ifStatement                                         # ifStmt
            | 'return' expr ';'                                   # returnStmt
            ;
ifStatement : 'if' expr block ('else' (block | ifStatement))? ;
target      : ID                                                  # wholeTarget
            | ID '[' expr ']'                                     # bitTarget
            | ID '[' expr ':' expr ']'                            # sliceTarget
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
mulOp       : '*' | '/' | '%' ;   // '/' and '%' on compile-time integers only
unaryExpr   : unaryOp unaryExpr
            | postfixExpr
            ;
unaryOp     : '~' | '-' | '&' | '|' | '^' ;
postfixExpr : primary selector* ;
selector    : '[' expr ']'                  # bitSelector
            | '[' expr ':' expr ']'         # sliceSelector
            ;
primary     : literal                                   # literalExpr
            | ID '(' (expr (',' expr)*)? ')'            # callExpr
            | ID                                        # nameExpr
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
