package com.topup.rules.sandbox.expr;

import java.util.List;

/** A statement of a consequence: the only ones the rule language has. No loop, no jump, no exception handling. */
public sealed interface Stmt {

    int start();

    int end();

    /** {@code Type name = value;} ({@code value} may be null). */
    record Local(int start, int end, TypeRef type, String name, int nameStart, Expr value) implements Stmt {
    }

    /** {@code name = value;}, {@code name += value;} ..., {@code name++;} (op "++"/"--", value null). */
    record Assign(int start, int end, String name, int nameStart, String op, Expr value) implements Stmt {
    }

    /** A call used as a statement. */
    record Call(int start, int end, Expr.Call call) implements Stmt {
    }

    record If(int start, int end, Expr condition, Stmt then, Stmt otherwise) implements Stmt {
    }

    record Block(int start, int end, List<Stmt> body) implements Stmt {
    }

    /** A type as written: a name and its type arguments ({@code Set<String>}). */
    record TypeRef(int start, int end, String name, List<TypeRef> arguments) {
    }
}
