package com.topup.rules.sandbox.expr;

import java.util.List;

/** An expression of the rule language; {@code start} and {@code end} are offsets into its fragment. */
public sealed interface Expr {

    int start();

    int end();

    /** A literal: a number, a string, true, false or null. {@code kind} is the token kind (IDENT for keywords). */
    record Literal(int start, int end, Token.Kind kind, String text) implements Expr {
    }

    /** A plain name: a variable, a binding, a global, a property of the pattern's fact, a type or {@code this}. */
    record Name(int start, int end, String name) implements Expr {
    }

    /** {@code target.name}: a property (MVEL) or a static field. */
    record Member(int start, int end, Expr target, String name, int nameStart) implements Expr {
    }

    /** {@code target.name(args)}, or {@code name(args)} when {@code target} is null. */
    record Call(int start, int end, Expr target, String name, int nameStart, List<Expr> args) implements Expr {
    }

    /** {@code -x}, {@code +x}, {@code !x}. */
    record Unary(int start, int end, String op, Expr operand) implements Expr {
    }

    /**
     * {@code left op right}: arithmetic, comparison, logic, and in conditions {@code contains}, {@code memberOf} and
     * {@code matches}, each possibly negated ({@code not contains}).
     */
    record Binary(int start, int end, String op, boolean negated, Expr left, Expr right, int opStart) implements Expr {
    }

    /** {@code value in (a, b)} or {@code value not in (a, b)}, in conditions. */
    record In(int start, int end, Expr value, boolean negated, List<Expr> items) implements Expr {
    }

    /** {@code cond ? a : b}. */
    record Conditional(int start, int end, Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {
    }

    /** {@code (int) x}: casts to a primitive number type only. */
    record Cast(int start, int end, String type, Expr operand) implements Expr {
    }

    /** {@code $name : value} at the top of a constraint. */
    record Binding(int start, int end, String name, Expr value) implements Expr {
    }
}
