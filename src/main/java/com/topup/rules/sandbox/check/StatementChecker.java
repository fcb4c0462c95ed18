package com.topup.rules.sandbox.check;

import com.topup.rules.sandbox.expr.Stmt;
import com.topup.rules.sandbox.vocab.AllowList;
import com.topup.rules.sandbox.vocab.RType;
import com.topup.rules.sandbox.vocab.Vocabulary;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the statements of a consequence: declarations of locals of the value and fact types, assignments to them,
 * {@code if}/{@code else}, blocks and calls (each expression through the {@link ExpressionChecker}). Text bounds of
 * locals are followed through assignments and both branches of an {@code if}.
 */
final class StatementChecker {

    private static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "boolean");

    private final ExpressionChecker expressions;
    private final Vocabulary vocab;

    StatementChecker(ExpressionChecker expressions, Vocabulary vocab) {
        this.expressions = expressions;
        this.vocab = vocab;
    }

    void statements(List<Stmt> body, Scope scope) {
        for (Stmt s : body) {
            statement(s, scope);
        }
    }

    private void statement(Stmt s, Scope scope) {
        if (s instanceof Stmt.Block b) {
            statements(b.body(), scope.child());
        } else if (s instanceof Stmt.Call c) {
            expressions.statement(c.call(), scope);
        } else if (s instanceof Stmt.If i) {
            ifStatement(i, scope);
        } else if (s instanceof Stmt.Local l) {
            local(l, scope);
        } else if (s instanceof Stmt.Assign a) {
            assign(a, scope);
        }
    }

    private void ifStatement(Stmt.If i, Scope scope) {
        Typed condition = expressions.value(i.condition(), scope);
        expressions.requireBoolean(condition, i.condition());
        Map<String, Scope.Entry> before = scope.locals();
        statement(i.then(), scope.child());
        Map<String, Scope.Entry> afterThen = scope.locals();
        before.forEach(scope::restore);
        if (i.otherwise() != null) {
            statement(i.otherwise(), scope.child());
        }
        afterThen.forEach((name, entry) -> {
            Scope.Entry now = scope.lookup(name);
            if (now != null && entry.typed() != null && now.typed() != null && entry.typed().bound() > now.typed().bound()) {
                scope.update(name, entry.typed());
            }
        });
    }

    private void local(Stmt.Local l, Scope scope) {
        RType type = declaredType(l.type());
        if (!validLocalName(l.name(), l.nameStart(), scope)) {
            return;
        }
        Typed value = l.value() == null ? null : expressions.value(l.value(), scope);
        if (type == null) {
            return;
        }
        Typed typed = type.isString() ? Typed.text(value == null ? 0 : value.bound()) : Typed.of(type);
        if (value != null && value.type() != null && !AllowList.assignable(type.raw(), value.type())) {
            expressions.refuse(l.value().start(), "a " + value.type().display() + " cannot be stored in a " + type.display());
        }
        scope.define(l.name(), Scope.Kind.LOCAL, typed);
    }

    private boolean validLocalName(String name, int at, Scope scope) {
        if (!name.matches("[a-z][A-Za-z0-9_]*")) {
            expressions.refuse(at, "local variable names start with a lowercase letter and use only letters, digits and _");
            return false;
        }
        if (scope.lookup(name) != null || vocab.typeNames().containsKey(name)) {
            expressions.refuse(at, "'" + name + "' is already defined here; choose another name");
            return false;
        }
        return true;
    }

    private void assign(Stmt.Assign a, Scope scope) {
        Scope.Entry target = scope.lookup(a.name());
        if (target == null || target.kind() != Scope.Kind.LOCAL) {
            expressions.refuse(a.nameStart(), target == null ? "unknown variable '" + a.name() + "'"
                    : "only local variables can be assigned; '" + a.name() + "' is a " + target.kind().name().toLowerCase());
            if (a.value() != null) {
                expressions.value(a.value(), scope);
            }
            return;
        }
        Typed current = target.typed();
        if (a.value() == null) {
            if (current.type() == null || !current.type().isNumeric()) {
                expressions.refuse(a.nameStart(), "'" + a.op() + "' applies to numbers only");
            }
            return;
        }
        Typed value = expressions.value(a.value(), scope);
        if (value == null || current.type() == null) {
            return;
        }
        if (current.type().isString()) {
            int bound = a.op().equals("+=") ? ExpressionChecker.saturatingAdd(current.bound(), expressions.textBound(value)) : value.bound();
            if (!a.op().equals("=") && !a.op().equals("+=")) {
                expressions.refuse(a.nameStart(), "'" + a.op() + "' does not apply to text");
                return;
            }
            if (expressions.checkTextBound(bound, a.start())) {
                scope.update(a.name(), Typed.text(bound));
            }
        } else if (!a.op().equals("=") && !(current.type().isNumeric() && value.type() != null && value.type().isNumeric())) {
            expressions.refuse(a.nameStart(), "'" + a.op() + "' applies to numbers only");
        } else if (a.op().equals("=") && value.type() != null && !AllowList.assignable(current.type().raw(), value.type())) {
            expressions.refuse(a.value().start(), "a " + value.type().display() + " cannot be stored in a " + current.type().display());
        }
    }

    private RType declaredType(Stmt.TypeRef ref) {
        if (PRIMITIVES.contains(ref.name()) && ref.arguments().isEmpty()) {
            return RType.of(switch (ref.name()) {
                case "int" -> int.class;
                case "long" -> long.class;
                case "double" -> double.class;
                default -> boolean.class;
            });
        }
        Class<?> c = vocab.typeNames().get(ref.name());
        if (c == null || c == Math.class) {
            expressions.refuse(ref.start(), "type '" + ref.name() + "' is not allowed in rules" + Explanations.of(ref.name())
                    + "; variables may be int, long, double, boolean, String, Integer, Long, Double, Boolean or a fact type");
            return null;
        }
        boolean collection = java.util.Collection.class.isAssignableFrom(c);
        if (collection != (ref.arguments().size() == 1) || !collection && !ref.arguments().isEmpty()) {
            expressions.refuse(ref.start(), collection ? "say what '" + ref.name() + "' holds, e.g. " + ref.name() + "<String>"
                    : "'" + ref.name() + "' takes no type arguments");
            return null;
        }
        if (collection) {
            RType element = declaredType(ref.arguments().get(0));
            return element == null ? null : RType.collectionOf(c, element);
        }
        return RType.of(c);
    }
}
