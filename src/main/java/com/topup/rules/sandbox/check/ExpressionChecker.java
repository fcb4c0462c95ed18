package com.topup.rules.sandbox.check;

import com.topup.rules.sandbox.Report;
import com.topup.rules.sandbox.expr.Expr;
import com.topup.rules.sandbox.expr.ExprParser.Dialect;
import com.topup.rules.sandbox.expr.Token;
import com.topup.rules.sandbox.vocab.AllowList;
import com.topup.rules.sandbox.vocab.RType;
import com.topup.rules.sandbox.vocab.Vocabulary;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves every name and member of one expression against the {@link Vocabulary}, the way the compilers will, and
 * refuses what is not on the allow-list at its position. On the way it bounds the text each expression can build,
 * checks regular expressions and collects the rewrite of {@code matches} to the linear-time engine.
 */
final class ExpressionChecker {

    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "jakarta", "kotlin", "scala", "groovy");
    private static final Pattern FORMAT = Pattern.compile("%(?:[-#+ 0,(]*)(\\d+)?(?:\\.(\\d+))?([a-zA-Z%])");

    private final Vocabulary vocab;
    private final AllowList members;
    private final Report report;
    private final int base;
    private final Dialect dialect;
    private final List<Edit> edits;
    private final String fragment;

    ExpressionChecker(Vocabulary vocab, Report report, String fragment, int base, Dialect dialect, List<Edit> edits) {
        this.vocab = vocab;
        this.members = vocab.members();
        this.report = report;
        this.fragment = fragment;
        this.base = base;
        this.dialect = dialect;
        this.edits = edits;
    }

    Typed refuse(int offset, String message) {
        report.at(base + offset, message);
        return null;
    }

    // ------------------------------------------------------------------ expressions

    /** The type of a value expression; a type name alone is not a value. Null when refused (already reported). */
    Typed value(Expr e, Scope scope) {
        Typed t = type(e, scope);
        if (t != null && t.isTypeName()) {
            return refuse(e.start(), "a type name is not a value here");
        }
        if (t != null && t.type() != null && t.type().raw() == void.class) {
            return refuse(e.start(), "this call gives no value; decisions are filled in by statements of the consequence");
        }
        return t;
    }

    /** A call used as a statement of a consequence: its result, if any, is dropped. */
    void statement(Expr.Call call, Scope scope) {
        Typed t = type(call, scope);
        if (t != null && t.isTypeName()) {
            refuse(call.start(), "a type name is not a statement");
        }
    }

    private Typed type(Expr e, Scope scope) {
        if (e instanceof Expr.Literal l) {
            return literal(l);
        } else if (e instanceof Expr.Name n) {
            return name(n, scope);
        } else if (e instanceof Expr.Member m) {
            return member(m, scope);
        } else if (e instanceof Expr.Call c) {
            return call(c, scope);
        } else if (e instanceof Expr.Unary u) {
            return unary(u, scope);
        } else if (e instanceof Expr.Binary b) {
            return binary(b, scope);
        } else if (e instanceof Expr.In in) {
            return in(in, scope);
        } else if (e instanceof Expr.Conditional c) {
            return conditional(c, scope);
        } else if (e instanceof Expr.Cast c) {
            return cast(c, scope);
        }
        return refuse(e.start(), "a binding may only open a constraint");
    }

    private Typed literal(Expr.Literal l) {
        switch (l.kind()) {
            case INT -> {
                try {
                    Integer.parseInt(l.text());
                } catch (NumberFormatException e) {
                    return refuse(l.start(), "number too large for an int; add L for a long");
                }
                return Typed.of(RType.INT);
            }
            case LONG -> {
                try {
                    Long.parseLong(l.text().substring(0, l.text().length() - 1));
                } catch (NumberFormatException e) {
                    return refuse(l.start(), "number too large");
                }
                return Typed.of(RType.LONG);
            }
            case DOUBLE -> {
                double d = Double.parseDouble(l.text().replaceAll("[dD]$", ""));
                if (Double.isInfinite(d)) {
                    return refuse(l.start(), "number too large");
                }
                return Typed.of(RType.DOUBLE);
            }
            case STRING -> {
                return Typed.text(l.text().length());
            }
            default -> {
                return l.text().equals("null") ? new Typed(RType.NULL, 0, null) : Typed.of(RType.BOOLEAN);
            }
        }
    }

    private Typed name(Expr.Name n, Scope scope) {
        String name = n.name();
        Scope.Entry entry = scope.lookup(name);
        Class<?> pattern = dialect == Dialect.CONDITION ? scope.patternType() : null;
        if (name.equals("this")) {
            return pattern == null ? refuse(n.start(), "'this' is allowed only in a pattern's constraints")
                    : Typed.of(RType.of(pattern));
        }
        Optional<Method> property = pattern == null ? Optional.empty() : members.property(pattern, name);
        if (entry != null && property.isPresent()) {
            return refuse(n.start(), "'" + name + "' is both a variable and a property of " + pattern.getSimpleName()
                    + "; rename the variable");
        }
        if (entry != null) {
            return entry.typed();
        }
        if (property.isPresent()) {
            return getter(property.get(), RType.of(pattern));
        }
        Class<?> type = vocab.typeNames().get(name);
        if (type != null) {
            return Typed.typeName(type);
        }
        if (PACKAGE_ROOTS.contains(name)) {
            return refuse(n.start(), "fully qualified names are not allowed; rules name only the types of their vocabulary");
        }
        if (pattern != null) {
            return refuse(n.start(), "'" + name + "' is not a property of " + pattern.getSimpleName()
                    + " nor a variable" + Explanations.of(name) + "; properties: " + propertyList(pattern));
        }
        return refuse(n.start(), "unknown name '" + name + "'" + Explanations.of(name));
    }

    private Typed member(Expr.Member m, Scope scope) {
        Typed target = type(m.target(), scope);
        if (target == null) {
            return null;
        }
        if (target.isTypeName()) {
            Optional<Field> field = members.staticField(target.staticType(), m.name());
            if (field.isEmpty()) {
                return refuse(m.nameStart(), "'" + target.staticType().getSimpleName() + "." + m.name() + "' is not allowed"
                        + Explanations.of(m.name()) + constantsHint(target.staticType()));
            }
            return Typed.of(AllowList.fieldType(field.get()));
        }
        RType type = target.type();
        if (type.isNull()) {
            return refuse(m.nameStart(), "null has no members");
        }
        if (dialect == Dialect.JAVA) {
            return refuse(m.nameStart(), "'" + m.name() + "' reads a field; in a consequence call the getter, e.g. "
                    + getterHint(type.raw(), m.name()));
        }
        Optional<Method> getter = members.property(type.raw(), m.name());
        if (getter.isEmpty()) {
            return refuse(m.nameStart(), "'" + m.name() + "' is not a property of " + type.display() + Explanations.of(m.name())
                    + (members.knows(type.raw()) && !members.of(type.raw()).properties().isEmpty()
                    ? "; properties: " + propertyList(type.raw()) : "; call one of its allowed methods instead"));
        }
        return getter(getter.get(), type);
    }

    private Typed getter(Method getter, RType receiver) {
        RType type = AllowList.returnType(getter, receiver);
        return type.isString() ? Typed.text(Limits.FACT_TEXT) : Typed.of(type);
    }

    private Typed call(Expr.Call c, Scope scope) {
        List<Typed> args = new ArrayList<>();
        boolean argsOk = true;
        for (Expr a : c.args()) {
            Typed t = value(a, scope);
            args.add(t);
            argsOk &= t != null && t.type() != null;
        }
        if (c.target() == null) {
            Class<?> pattern = dialect == Dialect.CONDITION ? scope.patternType() : null;
            if (pattern == null || !members.hasMethodNamed(pattern, c.name(), false)) {
                return refuse(c.nameStart(), "unknown function '" + c.name() + "'" + Explanations.of(c.name())
                        + (pattern == null ? "" : "; " + pattern.getSimpleName() + " has " + methodList(pattern)));
            }
            return argsOk ? invoke(pattern, RType.of(pattern), c, args, false) : null;
        }
        Typed target = type(c.target(), scope);
        if (target == null || !argsOk) {
            return null;
        }
        if (target.isTypeName()) {
            Class<?> owner = target.staticType();
            if (!members.hasMethodNamed(owner, c.name(), true)) {
                return refuse(c.nameStart(), "'" + owner.getSimpleName() + "." + c.name() + "' is not allowed"
                        + Explanations.of(c.name()) + staticHint(owner));
            }
            if (owner == String.class && c.name().equals("format")) {
                return format(c, args);
            }
            return invoke(owner, null, c, args, true);
        }
        RType type = target.type();
        if (type.isNull() || type.raw().isPrimitive()) {
            return refuse(c.nameStart(), type.display() + " has no methods");
        }
        Class<?> owner = members.knows(type.raw()) ? type.raw() : null;
        if (owner == null || !members.hasMethodNamed(owner, c.name(), false)) {
            return refuse(c.nameStart(), "'" + c.name() + "' is not allowed on " + type.display() + Explanations.of(c.name())
                    + (owner == null ? "" : "; allowed: " + methodList(owner)));
        }
        Typed result = invoke(owner, type, c, args, false);
        if (result != null && result.type() != null && result.type().isString()) {
            int bound = textResult(c.name(), target, owner);
            return checkTextBound(bound, c.start()) ? Typed.text(bound) : null;
        }
        return result;
    }

    private Typed invoke(Class<?> owner, RType receiver, Expr.Call c, List<Typed> args, boolean isStatic) {
        List<RType> types = args.stream().map(Typed::type).toList();
        Optional<Method> m = members.method(owner, c.name(), types, isStatic);
        if (m.isEmpty()) {
            return refuse(c.nameStart(), "'" + c.name() + "' of " + owner.getSimpleName() + " does not take ("
                    + String.join(", ", types.stream().map(RType::display).toList()) + ")");
        }
        RType result = AllowList.returnType(m.get(), receiver);
        if (result.isString()) {
            int bound = owner == String.class && c.name().equals("valueOf") ? textBound(args.get(0)) : Limits.FACT_TEXT;
            return Typed.text(bound);
        }
        return Typed.of(result);
    }

    /** The text a String method gives, from the text it is called on. */
    private int textResult(String method, Typed target, Class<?> owner) {
        if (owner != String.class) {
            return owner.getName().startsWith("java.") ? Limits.VALUE_TEXT : Limits.FACT_TEXT;
        }
        return switch (method) {
            case "toUpperCase", "toLowerCase" -> saturatingMul(target.bound(), 3);
            default -> target.bound();
        };
    }

    private Typed format(Expr.Call c, List<Typed> args) {
        if (c.args().isEmpty() || !(c.args().get(0) instanceof Expr.Literal lit) || lit.kind() != Token.Kind.STRING) {
            return refuse(c.nameStart(), "String.format takes a format written as a literal string first");
        }
        int bound = lit.text().length();
        int argument = 1;
        Matcher m = FORMAT.matcher(lit.text());
        while (m.find()) {
            char conversion = m.group(3).charAt(0);
            int width = m.group(1) == null ? 0 : Integer.parseInt(m.group(1).length() > 3 ? "999" : m.group(1));
            int precision = m.group(2) == null ? 0 : Integer.parseInt(m.group(2).length() > 3 ? "999" : m.group(2));
            if (width > 32 || precision > 12) {
                return refuse(c.args().get(0).start(), "format widths above 32 and precisions above 12 are not allowed");
            }
            if (conversion == '%' || conversion == 'n') {
                continue;
            }
            if ("sdfx".indexOf(conversion) < 0) {
                return refuse(c.args().get(0).start(), "format conversion %" + conversion
                        + " is not allowed; use %s, %d, %f or %x");
            }
            int value = argument < args.size() ? textBound(args.get(argument)) : Limits.VALUE_TEXT;
            bound = saturatingAdd(bound, Math.max(width, value + precision));
            argument++;
        }
        return checkTextBound(bound, c.start()) ? Typed.text(bound) : null;
    }

    private Typed unary(Expr.Unary u, Scope scope) {
        Typed operand = value(u.operand(), scope);
        if (operand == null) {
            return null;
        }
        if (u.op().equals("!")) {
            requireBoolean(operand, u.operand());
            return Typed.of(RType.BOOLEAN);
        }
        if (operand.type() == null || !operand.type().isNumeric()) {
            return refuse(u.start(), "'" + u.op() + "' applies to numbers only");
        }
        return Typed.of(RType.of(operand.type().arithmetic()));
    }

    private Typed binary(Expr.Binary b, Scope scope) {
        Typed left = value(b.left(), scope);
        Typed right = value(b.right(), scope);
        if (b.op().equals("matches")) {
            return matches(b, left);
        }
        if (left == null || right == null) {
            return null;
        }
        RType l = left.type();
        RType r = right.type();
        switch (b.op()) {
            case "&&", "||" -> {
                requireBoolean(left, b.left());
                requireBoolean(right, b.right());
                return Typed.of(RType.BOOLEAN);
            }
            case "==", "!=" -> {
                return Typed.of(RType.BOOLEAN);
            }
            case "<", "<=", ">", ">=" -> {
                if (!(l.isNumeric() && r.isNumeric() || l.isString() && r.isString())) {
                    return refuse(b.opStart(), "'" + b.op() + "' compares two numbers or two texts, not "
                            + l.display() + " and " + r.display());
                }
                return Typed.of(RType.BOOLEAN);
            }
            case "contains" -> {
                if (!(l.isCollection() || l.isString())) {
                    return refuse(b.opStart(), "'contains' needs a collection or a text on its left, not " + l.display());
                }
                return Typed.of(RType.BOOLEAN);
            }
            case "memberOf" -> {
                if (!r.isCollection()) {
                    return refuse(b.opStart(), "'memberOf' needs a collection on its right, not " + r.display());
                }
                return Typed.of(RType.BOOLEAN);
            }
            case "+" -> {
                if (l.isString() || r.isString()) {
                    int bound = saturatingAdd(textBound(left), textBound(right));
                    return checkTextBound(bound, b.start()) ? Typed.text(bound) : null;
                }
                return arithmetic(b, l, r);
            }
            default -> {
                return arithmetic(b, l, r);
            }
        }
    }

    private Typed arithmetic(Expr.Binary b, RType l, RType r) {
        if (!l.isNumeric() || !r.isNumeric()) {
            return refuse(b.opStart(), "'" + b.op() + "' applies to numbers, not " + l.display() + " and " + r.display());
        }
        Class<?> a = l.arithmetic();
        Class<?> c = r.arithmetic();
        Class<?> result = a == double.class || c == double.class ? double.class : a == long.class || c == long.class
                ? long.class : int.class;
        return Typed.of(RType.of(result));
    }

    /** {@code x matches "re"}: the pattern must be a checked literal; compiled as a call of the linear-time engine. */
    private Typed matches(Expr.Binary b, Typed left) {
        if (!(b.right() instanceof Expr.Literal lit) || lit.kind() != Token.Kind.STRING) {
            return refuse(b.right().start(), "'matches' takes a pattern written as a literal string");
        }
        String problem = RegexLiteral.problemOf(lit.text());
        if (problem != null) {
            return refuse(b.right().start(), problem);
        }
        if (left == null) {
            return null;
        }
        for (Edit e : edits) {
            if (e.start() >= base + b.start() && e.end() <= base + b.end()) {
                return refuse(b.opStart(), "'matches' may not be nested inside another 'matches'");
            }
        }
        if (left.type() == null || !left.type().isString()) {
            return refuse(b.left().start(), "'matches' applies to text, not " + (left.type() == null ? "this" : left.type().display()));
        }
        String leftText = fragment.substring(b.left().start(), b.left().end());
        String patternText = fragment.substring(lit.start(), lit.end());
        String call = (b.negated() ? "!" : "") + "com.topup.rules.sandbox.LinearRegex.matches(" + leftText + ", "
                + (patternText.startsWith("'") ? "\"" + lit.text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : patternText)
                + ")";
        String removed = fragment.substring(b.start(), b.end());
        long lines = removed.chars().filter(ch -> ch == '\n').count() - leftText.chars().filter(ch -> ch == '\n').count();
        edits.add(new Edit(base + b.start(), base + b.end(), "(" + call + ")" + "\n".repeat((int) Math.max(0, lines))));
        return Typed.of(RType.BOOLEAN);
    }

    private Typed in(Expr.In in, Scope scope) {
        Typed value = value(in.value(), scope);
        for (Expr item : in.items()) {
            value(item, scope);
        }
        return value == null ? null : Typed.of(RType.BOOLEAN);
    }

    private Typed conditional(Expr.Conditional c, Scope scope) {
        Typed condition = value(c.condition(), scope);
        requireBoolean(condition, c.condition());
        Typed a = value(c.whenTrue(), scope);
        Typed b = value(c.whenFalse(), scope);
        if (a == null || b == null) {
            return null;
        }
        if (a.type().isString() || b.type().isString()) {
            return Typed.text(Math.max(textBound(a), textBound(b)));
        }
        if (a.type().isNumeric() && b.type().isNumeric()) {
            Class<?> x = a.type().arithmetic();
            Class<?> y = b.type().arithmetic();
            return Typed.of(RType.of(x == double.class || y == double.class ? double.class
                    : x == long.class || y == long.class ? long.class : int.class));
        }
        return a.type().isNull() ? b : a;
    }

    private Typed cast(Expr.Cast c, Scope scope) {
        Typed operand = value(c.operand(), scope);
        if (operand == null) {
            return null;
        }
        if (!operand.type().isNumeric()) {
            return refuse(c.start(), "only numbers can be cast");
        }
        return Typed.of(RType.of(switch (c.type()) {
            case "int" -> int.class;
            case "long" -> long.class;
            default -> double.class;
        }));
    }

    // ------------------------------------------------------------------ helpers

    void requireBoolean(Typed t, Expr e) {
        if (t != null && t.type() != null && !t.type().isBoolean()) {
            refuse(e.start(), "a condition must be true or false, not " + t.type().display());
        }
    }

    int textBound(Typed t) {
        if (t == null || t.type() == null) {
            return 0;
        }
        if (t.type().isString()) {
            return t.bound();
        }
        if (t.type().raw().isPrimitive() || t.type().isNumeric() || t.type().isBoolean() || t.type().isNull()) {
            return Limits.VALUE_TEXT;
        }
        return Limits.FACT_TEXT;
    }

    boolean checkTextBound(int bound, int at) {
        if (bound > Limits.MAX_TEXT_VALUE) {
            refuse(at, "this text can grow to " + (bound == Integer.MAX_VALUE ? "unbounded" : String.valueOf(bound))
                    + " characters; text built by a rule is limited to " + Limits.MAX_TEXT_VALUE);
            return false;
        }
        return true;
    }

    static int saturatingAdd(int a, int b) {
        long s = (long) a + b;
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }

    private static int saturatingMul(int a, int b) {
        long s = (long) a * b;
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }

    private String propertyList(Class<?> type) {
        Set<String> names = new TreeSet<>();
        members.of(type).properties().forEach((spelling, getter) -> {
            if (Character.isLowerCase(spelling.charAt(0))) {
                names.add(spelling);
            }
        });
        return String.join(", ", names);
    }

    private String methodList(Class<?> type) {
        return String.join(", ", new TreeSet<>(members.of(type).methods()));
    }

    private String constantsHint(Class<?> type) {
        Set<String> fields = members.of(type) == null ? Set.of() : members.of(type).staticFields();
        return fields.isEmpty() ? "" : "; allowed: " + String.join(", ", new TreeSet<>(fields));
    }

    private String staticHint(Class<?> type) {
        Set<String> methods = members.of(type) == null ? Set.of() : members.of(type).staticMethods();
        return methods.isEmpty() ? "" : "; allowed: " + String.join(", ", new TreeSet<>(methods));
    }

    private String getterHint(Class<?> type, String name) {
        Optional<Method> getter = members.property(type, name);
        return getter.map(m -> m.getName() + "()").orElse("one of its allowed methods");
    }
}
