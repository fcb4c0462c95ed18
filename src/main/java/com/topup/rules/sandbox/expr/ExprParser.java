package com.topup.rules.sandbox.expr;

import com.topup.rules.sandbox.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the rule language: the expressions of conditions (MVEL, with the DRL operators {@code contains},
 * {@code memberOf}, {@code matches}, {@code in} and their negations) and of consequences (Java), and the few
 * statements a consequence may have. It is deliberately small: whatever it does not know is a {@link SyntaxError}
 * at its offset, so no construct of Java or MVEL reaches the compilers without having been read here first.
 */
public final class ExprParser {

    /** Where a fragment comes from: conditions are evaluated by MVEL, consequences compiled as Java. */
    public enum Dialect { CONDITION, JAVA }

    private static final int MAX_DEPTH = 40;
    private static final Set<String> PRIMITIVE_CASTS = Set.of("int", "long", "double");
    private static final Set<String> RELATIONAL = Set.of("<", "<=", ">", ">=", "==", "!=");
    private static final Set<String> DRL_OPERATORS = Set.of("contains", "memberOf", "matches");
    private static final Set<String> REFUSED_DRL_OPERATORS = Set.of("soundslike", "str", "excludes", "instanceof", "isA",
            "after", "before", "coincides", "during", "finishes", "finishedby", "includes", "meets", "metby", "overlaps",
            "overlappedby", "starts", "startedby", "is", "strsim", "convertable_to", "isdef", "with");
    private static final Set<String> LOOPS = Set.of("for", "while", "do", "foreach", "until");
    private static final Set<String> REFUSED_STATEMENTS = Set.of("switch", "try", "throw", "return", "synchronized", "class",
            "interface", "enum", "record", "assert", "break", "continue", "yield", "catch", "finally", "goto", "def",
            "function", "import", "package");

    private final List<Token> tokens;
    private final Dialect dialect;
    private int pos;
    private int depth;

    private ExprParser(String text, Dialect dialect) {
        this.tokens = Lexer.tokens(text);
        this.dialect = dialect;
    }

    /** One constraint of a pattern: an expression, optionally bound ({@code $x : expr}). */
    public static Expr constraint(String text) {
        ExprParser p = new ExprParser(text, Dialect.CONDITION);
        Expr e;
        if (p.peek().kind() == Kind.IDENT && p.peek(1).isOp(":")) {
            Token name = p.next();
            p.next();
            Expr value = p.expression();
            if (value instanceof Expr.Binary || value instanceof Expr.In) {
                throw new SyntaxError(name.start(), "bind a value and constrain it in two separate constraints");
            }
            e = new Expr.Binding(name.start(), value.end(), name.text(), value);
        } else {
            e = p.expression();
        }
        p.expectEnd();
        return e;
    }

    /** A single expression ({@code from}, {@code eval}, an accumulate argument). */
    public static Expr expression(String text, Dialect dialect) {
        ExprParser p = new ExprParser(text, dialect);
        Expr e = p.expression();
        p.expectEnd();
        return e;
    }

    /** The statements of a consequence. */
    public static List<Stmt> statements(String text) {
        ExprParser p = new ExprParser(text, Dialect.JAVA);
        List<Stmt> out = new ArrayList<>();
        while (p.peek().kind() != Kind.EOF) {
            out.add(p.statement());
        }
        return out;
    }

    // ------------------------------------------------------------------ statements

    private Stmt statement() {
        enter();
        try {
            Token t = peek();
            if (t.isOp("{")) {
                next();
                List<Stmt> body = new ArrayList<>();
                while (!peek().isOp("}")) {
                    if (peek().kind() == Kind.EOF) {
                        throw new SyntaxError(t.start(), "block is not closed");
                    }
                    body.add(statement());
                }
                Token close = next();
                return new Stmt.Block(t.start(), close.end(), body);
            }
            if (t.isOp(";")) {
                next();
                return new Stmt.Block(t.start(), t.end(), List.of());
            }
            if (t.kind() == Kind.IDENT) {
                if (LOOPS.contains(t.text())) {
                    throw new SyntaxError(t.start(), "'" + t.text()
                            + "' loops are not allowed: a rule's work must be bounded; let the engine match each fact instead");
                }
                if (REFUSED_STATEMENTS.contains(t.text())) {
                    throw new SyntaxError(t.start(), "'" + t.text() + "' is not allowed in a consequence");
                }
                if (t.text().equals("if")) {
                    return ifStatement();
                }
                if (t.text().equals("final")) {
                    next();
                    return local(peek());
                }
                if (isLocalDeclaration()) {
                    return local(t);
                }
                Token op = peek(1);
                if (op.kind() == Kind.OP && Set.of("=", "+=", "-=", "*=", "/=", "%=").contains(op.text())) {
                    next();
                    next();
                    Expr value = expression();
                    Token semi = expect(";");
                    return new Stmt.Assign(t.start(), semi.end(), t.text(), t.start(), op.text(), value);
                }
                if (op.isOp("++") || op.isOp("--")) {
                    next();
                    next();
                    Token semi = expect(";");
                    return new Stmt.Assign(t.start(), semi.end(), t.text(), t.start(), op.text(), null);
                }
            }
            Expr e = expression();
            if (peek().isOp("{")) {
                throw new SyntaxError(peek().start(), "blocks after a call (modify, with) are not allowed");
            }
            if (!(e instanceof Expr.Call call)) {
                throw new SyntaxError(e.start(), "a statement must be a call, an assignment, a declaration or an if");
            }
            Token semi = expect(";");
            return new Stmt.Call(e.start(), semi.end(), call);
        } finally {
            depth--;
        }
    }

    private Stmt ifStatement() {
        Token start = next();
        expect("(");
        Expr condition = expression();
        expect(")");
        Stmt then = statement();
        Stmt otherwise = null;
        if (peek().isIdent("else")) {
            next();
            otherwise = statement();
        }
        return new Stmt.If(start.start(), (otherwise == null ? then : otherwise).end(), condition, then, otherwise);
    }

    /** {@code Type name} or {@code Type<...> name} ahead. */
    private boolean isLocalDeclaration() {
        if (peek().kind() != Kind.IDENT) {
            return false;
        }
        int k = 1;
        if (peek(k).isOp("<")) {
            int open = 0;
            while (true) {
                Token t = peek(k);
                if (t.isOp("<")) {
                    open++;
                } else if (t.isOp(">")) {
                    open--;
                } else if (t.isOp(">>")) {
                    open -= 2;
                } else if (!(t.kind() == Kind.IDENT || t.isOp(","))) {
                    return false;
                }
                k++;
                if (open <= 0) {
                    break;
                }
            }
        }
        if (peek(k).isOp("[")) {
            throw new SyntaxError(peek(k).start(), "arrays are not allowed");
        }
        return peek(k).kind() == Kind.IDENT;
    }

    private Stmt local(Token start) {
        Stmt.TypeRef type = typeRef();
        Token name = next();
        if (name.kind() != Kind.IDENT) {
            throw new SyntaxError(name.start(), "a variable name is expected");
        }
        Expr value = null;
        if (peek().isOp("=")) {
            next();
            value = expression();
        }
        if (peek().isOp(",")) {
            throw new SyntaxError(peek().start(), "declare one variable per statement");
        }
        Token semi = expect(";");
        return new Stmt.Local(start.start(), semi.end(), type, name.text(), name.start(), value);
    }

    private Stmt.TypeRef typeRef() {
        Token name = next();
        if (name.kind() != Kind.IDENT) {
            throw new SyntaxError(name.start(), "a type is expected");
        }
        List<Stmt.TypeRef> args = new ArrayList<>();
        int end = name.end();
        if (peek().isOp("<")) {
            next();
            do {
                if (peek().isOp("?")) {
                    throw new SyntaxError(peek().start(), "wildcard types are not allowed");
                }
                args.add(typeRef());
            } while (peek().isOp(",") && next() != null);
            Token close = next();
            if (!close.isOp(">")) {
                throw new SyntaxError(close.start(), "'>' expected");
            }
            end = close.end();
        }
        return new Stmt.TypeRef(name.start(), end, name.text(), List.copyOf(args));
    }

    // ------------------------------------------------------------------ expressions

    private Expr expression() {
        enter();
        try {
            Token t = peek();
            if (t.kind() == Kind.IDENT && peek(1).isOp("->") || t.isOp("(") && lambdaAhead()) {
                throw new SyntaxError(t.start(), "lambdas are not allowed");
            }
            return conditional();
        } finally {
            depth--;
        }
    }

    private boolean lambdaAhead() {
        int k = 1;
        while (peek(k).kind() == Kind.IDENT || peek(k).isOp(",")) {
            k++;
        }
        return peek(k).isOp(")") && peek(k + 1).isOp("->");
    }

    private Expr conditional() {
        Expr condition = or();
        if (!peek().isOp("?")) {
            return condition;
        }
        next();
        Expr whenTrue = expression();
        expect(":");
        Expr whenFalse = expression();
        return new Expr.Conditional(condition.start(), whenFalse.end(), condition, whenTrue, whenFalse);
    }

    private Expr or() {
        Expr left = and();
        while (peek().isOp("||")) {
            Token op = next();
            Expr right = and();
            left = new Expr.Binary(left.start(), right.end(), "||", false, left, right, op.start());
        }
        return left;
    }

    private Expr and() {
        Expr left = equality();
        while (peek().isOp("&&")) {
            Token op = next();
            Expr right = equality();
            left = new Expr.Binary(left.start(), right.end(), "&&", false, left, right, op.start());
        }
        return left;
    }

    private Expr equality() {
        refuseHalfConstraint();
        Expr left = relational();
        while (peek().isOp("==") || peek().isOp("!=")) {
            Token op = next();
            Expr right = relational();
            left = new Expr.Binary(left.start(), right.end(), op.text(), false, left, right, op.start());
        }
        return left;
    }

    private void refuseHalfConstraint() {
        Token t = peek();
        if (dialect == Dialect.CONDITION && (t.kind() == Kind.OP && RELATIONAL.contains(t.text())
                || t.kind() == Kind.IDENT && (DRL_OPERATORS.contains(t.text()) || t.text().equals("not") || t.text().equals("in")))) {
            throw new SyntaxError(t.start(), "write the full comparison after && or || (e.g. carrier == \"A\" || carrier == \"B\")");
        }
    }

    private Expr relational() {
        Expr left = additive();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.OP && Set.of("<", "<=", ">", ">=").contains(t.text())) {
                next();
                Expr right = additive();
                left = new Expr.Binary(left.start(), right.end(), t.text(), false, left, right, t.start());
                continue;
            }
            if (t.kind() != Kind.IDENT) {
                return left;
            }
            if (REFUSED_DRL_OPERATORS.contains(t.text())) {
                throw new SyntaxError(t.start(), "operator '" + t.text() + "' is not allowed in rules");
            }
            if (dialect == Dialect.JAVA) {
                return left;
            }
            boolean negated = false;
            Token op = t;
            if (t.text().equals("not")) {
                negated = true;
                op = peek(1);
                if (!(op.kind() == Kind.IDENT && (DRL_OPERATORS.contains(op.text()) || op.text().equals("in")))) {
                    throw new SyntaxError(t.start(), "'not' must be followed by contains, memberOf, matches or in");
                }
                next();
            }
            if (op.text().equals("in")) {
                next();
                expect("(");
                List<Expr> items = new ArrayList<>();
                do {
                    items.add(additive());
                } while (peek().isOp(",") && next() != null);
                Token close = expect(")");
                left = new Expr.In(left.start(), close.end(), left, negated, List.copyOf(items));
                continue;
            }
            if (!DRL_OPERATORS.contains(op.text())) {
                return left;
            }
            next();
            Expr right = additive();
            left = new Expr.Binary(left.start(), right.end(), op.text(), negated, left, right, t.start());
        }
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().isOp("+") || peek().isOp("-")) {
            Token op = next();
            Expr right = multiplicative();
            left = new Expr.Binary(left.start(), right.end(), op.text(), false, left, right, op.start());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().isOp("*") || peek().isOp("/") || peek().isOp("%")) {
            Token op = next();
            Expr right = unary();
            left = new Expr.Binary(left.start(), right.end(), op.text(), false, left, right, op.start());
        }
        return left;
    }

    private Expr unary() {
        enter();
        try {
            Token t = peek();
            if (t.isOp("-") || t.isOp("+") || t.isOp("!")) {
                next();
                Expr operand = unary();
                return new Expr.Unary(t.start(), operand.end(), t.text(), operand);
            }
            if (t.isOp("(") && peek(1).kind() == Kind.IDENT && peek(2).isOp(")") && castFollows(peek(3))) {
                if (!PRIMITIVE_CASTS.contains(peek(1).text())) {
                    throw new SyntaxError(peek(1).start(), "casts are allowed only to int, long and double");
                }
                next();
                String type = next().text();
                next();
                Expr operand = unary();
                return new Expr.Cast(t.start(), operand.end(), type, operand);
            }
            return postfix(primary());
        } finally {
            depth--;
        }
    }

    private static boolean castFollows(Token t) {
        return t.kind() == Kind.IDENT || t.kind() == Kind.INT || t.kind() == Kind.LONG || t.kind() == Kind.DOUBLE
                || t.kind() == Kind.STRING || t.isOp("(");
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case INT, LONG, DOUBLE, STRING -> {
                return new Expr.Literal(t.start(), t.end(), t.kind(), t.text());
            }
            case CHAR -> {
                if (dialect == Dialect.JAVA) {
                    throw new SyntaxError(t.start(), "char literals are not allowed; use a string in double quotes");
                }
                return new Expr.Literal(t.start(), t.end(), Kind.STRING, t.text());
            }
            case IDENT -> {
                String name = t.text();
                if (name.equals("true") || name.equals("false") || name.equals("null")) {
                    return new Expr.Literal(t.start(), t.end(), Kind.IDENT, name);
                }
                if (name.equals("new")) {
                    throw new SyntaxError(t.start(), "'new' is not allowed: rules create no objects; they fill in the decision");
                }
                if (name.equals("super") || name.equals("class")) {
                    throw new SyntaxError(t.start(), "'" + name + "' is not allowed in rules");
                }
                if (peek().isOp("(")) {
                    List<Expr> args = arguments();
                    return new Expr.Call(t.start(), tokens.get(pos - 1).end(), null, name, t.start(), args);
                }
                return new Expr.Name(t.start(), t.end(), name);
            }
            case OP -> {
                if (t.text().equals("(")) {
                    Expr inner = expression();
                    expect(")");
                    return inner;
                }
                throw new SyntaxError(t.start(), unexpected(t));
            }
            default -> throw new SyntaxError(t.start(), "the expression ends too early");
        }
    }

    private Expr postfix(Expr target) {
        while (true) {
            Token t = peek();
            if (t.isOp(".")) {
                next();
                Token name = next();
                if (name.kind() != Kind.IDENT) {
                    throw new SyntaxError(name.start(), "a member name is expected after '.'");
                }
                if (peek().isOp("(")) {
                    List<Expr> args = arguments();
                    target = new Expr.Call(target.start(), tokens.get(pos - 1).end(), target, name.text(), name.start(), args);
                } else {
                    target = new Expr.Member(target.start(), name.end(), target, name.text(), name.start());
                }
            } else if (t.isOp("[")) {
                throw new SyntaxError(t.start(), "indexing with [ ] is not allowed");
            } else if (t.isOp(".?")) {
                throw new SyntaxError(t.start(), "null-safe access '.?' is not allowed; compare with null first");
            } else if (t.isOp("#")) {
                throw new SyntaxError(t.start(), "inline casts with '#' are not allowed");
            } else if (t.isOp("::")) {
                throw new SyntaxError(t.start(), "method references are not allowed");
            } else if (t.isOp("++") || t.isOp("--")) {
                throw new SyntaxError(t.start(), "'" + t.text() + "' is allowed only as a statement on a local variable");
            } else {
                return target;
            }
        }
    }

    private List<Expr> arguments() {
        expect("(");
        List<Expr> args = new ArrayList<>();
        if (peek().isOp(")")) {
            next();
            return List.of();
        }
        do {
            args.add(expression());
        } while (peek().isOp(",") && next() != null);
        expect(")");
        return List.copyOf(args);
    }

    // ------------------------------------------------------------------ tokens

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new SyntaxError(peek().start(), "the expression is nested too deeply");
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(tokens.size() - 1, pos + ahead));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private Token expect(String op) {
        Token t = next();
        if (!t.isOp(op)) {
            throw new SyntaxError(t.start(), "'" + op + "' expected, found " + describe(t));
        }
        return t;
    }

    private void expectEnd() {
        Token t = peek();
        if (t.kind() != Kind.EOF) {
            throw new SyntaxError(t.start(), unexpected(t));
        }
    }

    private String unexpected(Token t) {
        return switch (t.text()) {
            case "=" -> "assignment is not allowed here";
            case "[" -> "indexing and inline lists with [ ] are not allowed";
            case "{" -> "inline maps and blocks with { } are not allowed";
            case "#" -> "inline casts with '#' are not allowed";
            case "@" -> "annotations are not allowed here";
            case ":=" -> "unification ':=' is not allowed";
            case "&", "|", "^", "~", "<<", ">>", ">>>" -> "bitwise operators are not allowed";
            default -> "unexpected " + describe(t);
        };
    }

    private static String describe(Token t) {
        return t.kind() == Kind.EOF ? "end of expression" : "'" + t.text() + "'";
    }
}
