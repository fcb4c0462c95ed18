package com.topup.rules.sandbox.check;

import com.topup.rules.sandbox.Report;
import com.topup.rules.sandbox.expr.Expr;
import com.topup.rules.sandbox.expr.ExprParser;
import com.topup.rules.sandbox.expr.ExprParser.Dialect;
import com.topup.rules.sandbox.expr.Stmt;
import com.topup.rules.sandbox.expr.SyntaxError;
import com.topup.rules.sandbox.parse.DrlDocument;
import com.topup.rules.sandbox.vocab.RType;
import com.topup.rules.sandbox.vocab.Vocabulary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Walks what the DRL parser read and accepts only the structure rules need: the package, imports and globals of
 * the vocabulary, rules with literal attributes, conditions made of patterns (with not, exists, forall, or,
 * {@code from} a collection, {@code accumulate} of a built-in function, {@code eval}) and a consequence. Functions,
 * queries, declared types, entry points, windows, timers and every other construct are refused. Each expression is
 * handed to the {@link ExpressionChecker}.
 */
public final class DrlChecker {

    private static final Set<String> FLAG_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus");
    private static final Set<String> NAME_ATTRIBUTES = Set.of("activation-group", "agenda-group", "ruleflow-group",
            "date-effective", "date-expires");
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average");

    private final Vocabulary vocab;
    private final DrlDocument doc;
    private final Report report;
    private final List<Edit> edits;

    public DrlChecker(Vocabulary vocab, DrlDocument doc, Report report, List<Edit> edits) {
        this.vocab = vocab;
        this.doc = doc;
        this.report = report;
        this.edits = edits;
    }

    public void check() {
        PackageDescr pkg = doc.pkg();
        if (!vocab.packageName().equals(pkg.getName())) {
            report.at(packageOffset(), pkg.getName() == null || pkg.getName().isEmpty()
                    ? "the text must start with 'package " + vocab.packageName() + ";'"
                    : "package '" + pkg.getName() + "' is not allowed here; this rule set uses 'package " + vocab.packageName() + ";'");
        }
        pkg.getImports().forEach(this::importDescr);
        pkg.getFunctionImports().forEach(i -> refuse(i, "'import function' and 'import static' are not allowed"));
        pkg.getAccumulateImports().forEach(i -> refuse(i, "'import accumulate' is not allowed; use count, sum, min, max or average"));
        pkg.getGlobals().forEach(this::global);
        for (AttributeDescr a : pkg.getAttributes()) {
            if (!(a.getName().equals("dialect") && "java".equals(unquote(a.getValue())))) {
                refuse(a, "package attribute '" + a.getName() + "' is not allowed; give attributes on each rule");
            }
        }
        pkg.getFunctions().forEach(f -> refuse(f, "functions are not allowed: write the expression in the rule"));
        pkg.getTypeDeclarations().forEach(t -> refuse(t, "'declare' is not allowed: rules match the platform's facts "
                + "and fill in the decision"));
        pkg.getEnumDeclarations().forEach(t -> refuse(t, "'declare enum' is not allowed"));
        pkg.getEntryPointDeclarations().forEach(t -> refuse(t, "entry points are not allowed"));
        pkg.getWindowDeclarations().forEach(t -> refuse(t, "windows are not allowed"));
        if (pkg.getUnit() != null) {
            refuse(pkg.getUnit(), "rule units are not allowed");
        }
        if (pkg.getRules().size() > Limits.MAX_RULES) {
            report.at(0, "a rule set may have at most " + Limits.MAX_RULES + " rules");
            return;
        }
        for (RuleDescr rule : pkg.getRules()) {
            rule(rule);
        }
    }

    private PackageDescr pkg() {
        return doc.pkg();
    }

    private int packageOffset() {
        int at = doc.text().indexOf("package");
        return Math.max(0, at);
    }

    // ------------------------------------------------------------------ top level

    private void importDescr(ImportDescr i) {
        String target = i.getTarget();
        if (target.equals("com.topup.rules.model.*") || vocab.imports().containsKey(target)) {
            return;
        }
        refuse(i, "import of '" + target + "' is not allowed; rules import the fact model (com.topup.rules.model) and "
                + "java.util.Set, List or Collection");
    }

    private void global(GlobalDescr g) {
        Class<?> expected = vocab.globals().get(g.getIdentifier());
        String type = g.getType() == null ? "" : g.getType().replaceAll("\\s+", "");
        if (expected == null) {
            refuse(g, "global '" + g.getIdentifier() + "' is not provided by the engine; this rule set has "
                    + vocab.globals().keySet());
        } else if (!type.equals(expected.getSimpleName()) && !type.equals(expected.getName())) {
            refuse(g, "global '" + g.getIdentifier() + "' must be declared as 'global " + expected.getSimpleName() + " "
                    + g.getIdentifier() + ";'");
        }
    }

    // ------------------------------------------------------------------ rules

    private void rule(RuleDescr rule) {
        if (rule instanceof QueryDescr || rule.isQuery()) {
            refuse(rule, "queries are not allowed");
            return;
        }
        annotations(rule);
        for (AttributeDescr a : rule.getAttributes().values()) {
            attribute(a);
        }
        if (rule.hasParent() && pkg().getRules().stream().noneMatch(r -> r.getName().equals(rule.getParentName()))) {
            refuse(rule, "rule \"" + rule.getName() + "\" extends \"" + rule.getParentName() + "\", which is not in this text");
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(rule, "named consequences (then[...], do[...], break[...]) are not allowed");
        }
        Scope scope = new Scope(null, null);
        vocab.globals().forEach((name, type) -> scope.define(name, Scope.Kind.GLOBAL, Typed.of(RType.of(type))));
        int[] many = {0};
        if (rule.getLhs() != null) {
            element(rule.getLhs(), scope, many, rule);
        }
        if (many[0] > Limits.MAX_MANY_PATTERNS) {
            refuse(rule, "rule \"" + rule.getName() + "\" matches " + many[0] + " patterns over channels or collections; at most "
                    + Limits.MAX_MANY_PATTERNS + " are allowed (the work of a rule grows with their product)");
        }
        consequence(rule, scope);
        joinEveryRule(rule);
    }

    private static final Pattern WHEN = Pattern.compile("(?<![\\w$])when(?![\\w$])");

    /**
     * Routing rules are matched once per order: a rule whose conditions do not name the order at their top level
     * (the exclusions over channels alone, say) gets an unconstrained order pattern right after {@code when}. With
     * exactly one order per decision this changes no match, and the engine can keep channel facts between decisions.
     * Where the keyword cannot be placed (no conditions at all), the rule is left as written and the engine inserts
     * every fact per decision for that version.
     */
    private void joinEveryRule(RuleDescr rule) {
        Class<?> joined = vocab.joinedByEveryRule();
        if (joined == null || rule.getLhs() == null || rule.getLhs().getDescrs().isEmpty()) {
            return;
        }
        for (BaseDescr d : rule.getLhs().getDescrs()) {
            if (d instanceof PatternDescr p && p.getSource() == null && patternType(p) == joined) {
                return;
            }
        }
        int first = doc.offsetOf(rule.getLhs().getDescrs().get(0));
        int ruleStart = doc.offsetOf(rule);
        Matcher when = WHEN.matcher(doc.text()).region(Math.max(0, Math.min(ruleStart, first)), first);
        int at = -1;
        while (when.find()) {
            at = when.end();
        }
        if (at >= 0) {
            edits.add(new Edit(at, at, " " + joined.getName() + "()"));
        }
    }

    private void attribute(AttributeDescr a) {
        String name = a.getName();
        String value = a.getValue() == null ? "" : a.getValue().trim();
        if (name.equals("salience")) {
            if (!value.matches("-?\\d{1,6}")) {
                refuse(a, "salience must be a whole number between -999999 and 999999 (expressions are not allowed)");
            }
        } else if (name.equals("enabled")) {
            if (!value.equals("true") && !value.equals("false")) {
                refuse(a, "enabled must be true or false");
            }
        } else if (FLAG_ATTRIBUTES.contains(name)) {
            if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
                refuse(a, name + " must be true or false");
            }
        } else if (NAME_ATTRIBUTES.contains(name)) {
            if (a.getType() == AttributeDescr.Type.EXPRESSION) {
                refuse(a, name + " takes a quoted name");
            }
        } else if (name.equals("dialect")) {
            if (!"java".equals(unquote(value))) {
                refuse(a, "dialect \"" + unquote(value) + "\" is not allowed; rules use the \"java\" dialect");
            }
        } else {
            refuse(a, "rule attribute '" + name + "' is not allowed"
                    + (Set.of("timer", "duration", "calendars").contains(name) ? " (it schedules work outside the decision)" : ""));
        }
    }

    private void annotations(AnnotatedBaseDescr d) {
        if (!d.getAnnotations().isEmpty()) {
            refuse(d, "annotations (@" + d.getAnnotationNames().iterator().next() + ") are not allowed");
        }
    }

    private void element(BaseDescr d, Scope scope, int[] many, RuleDescr rule) {
        if (d instanceof AndDescr and) {
            and.getDescrs().forEach(c -> element(c, scope, many, rule));
        } else if (d instanceof OrDescr or) {
            or.getDescrs().forEach(c -> element(c, scope, many, rule));
        } else if (d instanceof NotDescr not) {
            not.getDescrs().forEach(c -> element(c, scope.child(), many, rule));
        } else if (d instanceof ExistsDescr exists) {
            exists.getDescrs().forEach(c -> element((BaseDescr) c, scope.child(), many, rule));
        } else if (d instanceof ForallDescr forall) {
            Scope inner = scope.child();
            forall.getDescrs().forEach(c -> element(c, inner, many, rule));
        } else if (d instanceof PatternDescr p) {
            pattern(p, scope, many, rule);
        } else if (d instanceof EvalDescr eval) {
            eval(eval, scope);
        } else {
            refuse(d, conditionName(d) + " is not allowed in rule conditions");
        }
    }

    private static String conditionName(BaseDescr d) {
        String n = d.getClass().getSimpleName().replace("Descr", "");
        return switch (n) {
            case "Collect" -> "'collect'";
            case "EntryPoint" -> "'from entry-point'";
            case "WindowReference" -> "'from window'";
            case "ConditionalBranch", "NamedConsequence" -> "'if ... do[...]'";
            case "GroupBy" -> "'groupby'";
            default -> "'" + n.toLowerCase() + "'";
        };
    }

    private void pattern(PatternDescr p, Scope scope, int[] many, RuleDescr rule) {
        annotations(p);
        if (p.isQuery()) {
            refuse(p, "query calls are not allowed");
            return;
        }
        if (p.isUnification()) {
            refuse(p, "unification ':=' is not allowed");
        }
        if (p.getBehaviors() != null && !p.getBehaviors().isEmpty()) {
            refuse(p, "'over window' is not allowed");
        }
        Class<?> type = patternType(p);
        if (p.getSource() == null) {
            if (type != null && vocab.manyFactTypes().contains(type)) {
                many[0]++;
            }
        } else if (p.getSource() instanceof FromDescr from) {
            from(p, from, type, scope, many);
        } else if (p.getSource() instanceof AccumulateDescr acc) {
            accumulate(p, acc, scope, many, rule);
        } else {
            refuse(p, conditionName(p.getSource()) + " is not allowed in rule conditions");
        }
        Scope constraints = scope.forPattern(type);
        if (p.getIdentifier() != null && type != null) {
            bind(p, p.getIdentifier(), Typed.of(RType.of(type)), scope);
        }
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e) || e.getType() == ExprConstraintDescr.Type.POSITIONAL) {
                refuse(c, "positional constraints are not allowed; name the property");
                continue;
            }
            constraint(e, type, constraints, scope);
        }
    }

    private Class<?> patternType(PatternDescr p) {
        String name = p.getObjectType();
        Class<?> type = vocab.typeNames().get(name);
        if (type == null) {
            for (Map.Entry<String, Class<?>> e : vocab.imports().entrySet()) {
                if (e.getKey().equals(name)) {
                    type = e.getValue();
                }
            }
        }
        if (type == null || !vocab.patternTypes().contains(type)) {
            refuse(p, "rules may not match '" + name + "'; patterns match " + patternTypeNames());
            return null;
        }
        return type;
    }

    private String patternTypeNames() {
        return String.join(", ", vocab.patternTypes().stream().map(Class::getSimpleName).sorted().toList());
    }

    private void constraint(ExprConstraintDescr e, Class<?> type, Scope constraints, Scope outer) {
        String text = e.getExpression();
        int at = doc.locate(text, doc.offsetOf(e), doc.endOf(e));
        if (at < 0) {
            refuse(e, "this constraint could not be placed in the text; write it on its own");
            return;
        }
        if (type == null) {
            return;
        }
        Expr expr;
        try {
            expr = ExprParser.constraint(text);
        } catch (SyntaxError s) {
            report.at(at + s.offset(), s.getMessage());
            return;
        }
        ExpressionChecker checker = new ExpressionChecker(vocab, report, text, at, Dialect.CONDITION, edits);
        if (expr instanceof Expr.Binding b) {
            Typed value = checker.value(b.value(), constraints);
            if (value != null) {
                bindAt(at + b.start(), b.name(), value, outer);
            }
            return;
        }
        Typed value = checker.value(expr, constraints);
        if (value != null && value.type() != null && !value.type().isBoolean()) {
            report.at(at, "a constraint must be true or false, not " + value.type().display());
        }
    }

    private void from(PatternDescr p, FromDescr from, Class<?> type, Scope scope, int[] many) {
        String text = from.getDataSource() == null ? null : from.getDataSource().getText();
        int at = doc.locate(text, doc.offsetOf(p), doc.endOf(p));
        if (at < 0) {
            refuse(p, "this 'from' could not be placed in the text");
            return;
        }
        Expr expr;
        try {
            expr = ExprParser.expression(text, Dialect.CONDITION);
        } catch (SyntaxError s) {
            report.at(at + s.offset(), s.getMessage());
            return;
        }
        Typed value = new ExpressionChecker(vocab, report, text, at, Dialect.CONDITION, edits).value(expr, scope);
        if (value == null || type == null) {
            return;
        }
        RType source = value.type();
        if (source.isCollection()) {
            many[0]++;
            if (source.element() == null || !source.element().raw().equals(type)) {
                report.at(at, "'from' gives " + source.display() + ", which the pattern " + type.getSimpleName()
                        + " does not match");
            }
        } else if (!type.isAssignableFrom(source.raw().isPrimitive() ? box(source.raw()) : source.raw())) {
            report.at(at, "'from' gives " + source.display() + ", which the pattern " + type.getSimpleName() + " does not match");
        }
    }

    private void accumulate(PatternDescr p, AccumulateDescr acc, Scope scope, int[] many, RuleDescr rule) {
        if (!acc.isExternalFunction() || acc.getInitCode() != null || acc.getActionCode() != null
                || acc.getResultCode() != null || acc.getReverseCode() != null) {
            refuse(acc, "accumulate with init/action/result code is not allowed; use count, sum, min, max or average");
            return;
        }
        Scope inner = scope.child();
        if (acc.getInput() != null) {
            element(acc.getInput(), inner, many, rule);
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr f : acc.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                refuse(acc, "accumulate function '" + f.getFunction() + "' is not allowed; use count, sum, min, max or average");
                continue;
            }
            if (f.getParams().length > 1) {
                refuse(acc, "'" + f.getFunction() + "' takes one argument");
                continue;
            }
            for (String param : f.getParams()) {
                int at = doc.locate(param, doc.offsetOf(acc), doc.endOf(acc));
                if (at < 0) {
                    refuse(acc, "an accumulate argument could not be placed in the text");
                    continue;
                }
                try {
                    Expr expr = ExprParser.expression(param, Dialect.JAVA);
                    Typed t = new ExpressionChecker(vocab, report, param, at, Dialect.JAVA, edits).value(expr, inner);
                    if (t != null && t.type() != null && !f.getFunction().equals("count") && !t.type().isNumeric()) {
                        report.at(at, "'" + f.getFunction() + "' needs a number");
                    }
                } catch (SyntaxError s) {
                    report.at(at + s.offset(), s.getMessage());
                }
            }
            if (f.getBind() != null) {
                RType result = f.getFunction().equals("count") ? RType.of(Long.class)
                        : f.getFunction().equals("sum") || f.getFunction().equals("average") ? RType.of(Double.class)
                        : RType.of(Number.class);
                bind(acc, f.getBind(), Typed.of(result), scope);
            }
        }
    }

    private void eval(EvalDescr eval, Scope scope) {
        String text = eval.getContent() == null ? null : eval.getContent().toString();
        int at = doc.locate(text, doc.offsetOf(eval), doc.endOf(eval));
        if (at < 0) {
            refuse(eval, "this eval could not be placed in the text");
            return;
        }
        try {
            Expr expr = ExprParser.expression(text, Dialect.JAVA);
            Typed t = new ExpressionChecker(vocab, report, text, at, Dialect.JAVA, edits).value(expr, scope);
            if (t != null && t.type() != null && !t.type().isBoolean()) {
                report.at(at, "eval needs a condition that is true or false");
            }
        } catch (SyntaxError s) {
            report.at(at + s.offset(), s.getMessage());
        }
    }

    private void consequence(RuleDescr rule, Scope scope) {
        Object consequence = rule.getConsequence();
        String text = consequence == null ? "" : consequence.toString();
        if (text.isBlank()) {
            return;
        }
        int from = doc.positions().offset(rule.getConsequenceLine(), 0);
        int at = doc.locate(text, from < 0 ? doc.offsetOf(rule) : from, doc.endOf(rule));
        if (at < 0) {
            refuse(rule, "the consequence of rule \"" + rule.getName() + "\" could not be placed in the text");
            return;
        }
        try {
            List<Stmt> body = ExprParser.statements(text);
            new StatementChecker(new ExpressionChecker(vocab, report, text, at, Dialect.JAVA, edits), vocab)
                    .statements(body, scope.child());
        } catch (SyntaxError s) {
            report.at(at + s.offset(), s.getMessage());
        }
    }

    // ------------------------------------------------------------------ helpers

    private void bind(BaseDescr where, String name, Typed typed, Scope scope) {
        bindAt(doc.offsetOf(where), name, typed, scope);
    }

    private void bindAt(int offset, String name, Typed typed, Scope scope) {
        if (!name.matches("\\$?[a-z][A-Za-z0-9_]*")) {
            report.at(offset, "binding names start with $ or a lowercase letter: '" + name + "'");
            return;
        }
        if (scope.lookup(name) != null || vocab.typeNames().containsKey(name)) {
            report.at(offset, "'" + name + "' is already defined in this rule");
            return;
        }
        scope.define(name, Scope.Kind.BINDING, typed);
    }

    private void refuse(BaseDescr d, String message) {
        report.at(doc.offsetOf(d), message);
    }

    private static String unquote(String s) {
        if (s == null) {
            return "";
        }
        String t = s.trim();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static Class<?> box(Class<?> c) {
        if (c == int.class) {
            return Integer.class;
        }
        if (c == long.class) {
            return Long.class;
        }
        if (c == double.class) {
            return Double.class;
        }
        return c == boolean.class ? Boolean.class : c;
    }
}
