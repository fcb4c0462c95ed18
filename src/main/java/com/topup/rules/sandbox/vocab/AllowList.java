package com.topup.rules.sandbox.vocab;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every member a rule may reach, per type: instance methods, static methods and static fields by name, and for
 * the fact model the property spellings of its getters ({@code code} and {@code Code} for {@code getCode()}, the
 * two MVEL reads as the getter). A name that is not listed for the static type of its receiver is refused,
 * whatever it would resolve to at run time. Where a name is listed, every public overload of it is harmless (see
 * {@link #selfCheck()}).
 */
public final class AllowList {

    /** The members of one type a rule may use. */
    public record TypeRules(Set<String> methods, Set<String> staticMethods, Set<String> staticFields,
                            Map<String, String> properties) {
    }

    private final Map<Class<?>, TypeRules> rules;

    private AllowList(Map<Class<?>, TypeRules> rules) {
        this.rules = Collections.unmodifiableMap(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean knows(Class<?> type) {
        return rules.containsKey(type);
    }

    public Map<Class<?>, TypeRules> all() {
        return rules;
    }

    public TypeRules of(Class<?> type) {
        return rules.get(type);
    }

    /** The method a call resolves to, if {@code name} is allowed on {@code owner} and the arguments fit one overload. */
    public Optional<Method> method(Class<?> owner, String name, List<RType> args, boolean isStatic) {
        TypeRules r = rules.get(owner);
        if (r == null || !(isStatic ? r.staticMethods() : r.methods()).contains(name)) {
            return Optional.empty();
        }
        Method best = null;
        for (Method m : owner.getMethods()) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) != isStatic || !applicable(m, args)) {
                continue;
            }
            if (best == null || moreSpecific(m, best)) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether any overload of an allowed method has this name (for messages). */
    public boolean hasMethodNamed(Class<?> owner, String name, boolean isStatic) {
        TypeRules r = rules.get(owner);
        return r != null && (isStatic ? r.staticMethods() : r.methods()).contains(name);
    }

    public Optional<Field> staticField(Class<?> owner, String name) {
        TypeRules r = rules.get(owner);
        if (r == null || !r.staticFields().contains(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(owner.getField(name));
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        }
    }

    /** The getter a property spelling reads, e.g. {@code successRate} or {@code SuccessRate} → getSuccessRate(). */
    public Optional<Method> property(Class<?> owner, String spelling) {
        TypeRules r = rules.get(owner);
        if (r == null || !r.properties().containsKey(spelling)) {
            return Optional.empty();
        }
        try {
            return Optional.of(owner.getMethod(r.properties().get(spelling)));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** What a method gives, with the element type of a collection it returns. */
    public static RType returnType(Method m, RType receiver) {
        Type generic = m.getGenericReturnType();
        if (generic instanceof TypeVariable<?> && receiver != null && receiver.element() != null) {
            return receiver.element();
        }
        if (generic instanceof ParameterizedType p && Collection.class.isAssignableFrom(m.getReturnType())
                && p.getActualTypeArguments().length == 1 && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            return RType.collectionOf(m.getReturnType(), RType.of(e));
        }
        return RType.of(m.getReturnType());
    }

    public static RType fieldType(Field f) {
        return RType.of(f.getType());
    }

    /**
     * Problems of the list itself: a listed name whose overloads take or give a type rules must never hold
     * (Class, ClassLoader, reflection, streams, threads, I/O ...). Empty when the list is sound; the tests require it.
     */
    public List<String> selfCheck() {
        List<String> problems = new java.util.ArrayList<>();
        for (Map.Entry<Class<?>, TypeRules> e : rules.entrySet()) {
            Class<?> owner = e.getKey();
            for (Method m : owner.getMethods()) {
                boolean listed = Modifier.isStatic(m.getModifiers()) ? e.getValue().staticMethods().contains(m.getName())
                        : e.getValue().methods().contains(m.getName());
                if (!listed) {
                    continue;
                }
                if (!harmless(m.getReturnType())) {
                    problems.add(owner.getSimpleName() + "." + m.getName() + " gives " + m.getReturnType().getName());
                }
                for (Class<?> p : m.getParameterTypes()) {
                    if (!harmless(p)) {
                        problems.add(owner.getSimpleName() + "." + m.getName() + " takes " + p.getName());
                    }
                }
            }
            for (String f : e.getValue().staticFields()) {
                try {
                    Field field = owner.getField(f);
                    if (!Modifier.isStatic(field.getModifiers()) || !Modifier.isFinal(field.getModifiers()) || !harmless(field.getType())) {
                        problems.add(owner.getSimpleName() + "." + f + " is not a harmless constant");
                    }
                } catch (NoSuchFieldException ex) {
                    problems.add(owner.getSimpleName() + "." + f + " does not exist");
                }
            }
            for (Map.Entry<String, String> p : e.getValue().properties().entrySet()) {
                try {
                    Method getter = owner.getMethod(p.getValue());
                    if (!harmless(getter.getReturnType())) {
                        problems.add(owner.getSimpleName() + "." + p.getKey() + " gives " + getter.getReturnType().getName());
                    }
                } catch (NoSuchMethodException ex) {
                    problems.add(owner.getSimpleName() + "." + p.getKey() + " has no getter " + p.getValue());
                }
            }
        }
        return problems;
    }

    /** Types a rule may hold: values, the listed types, and the collections and arrays (varargs) of those. */
    private boolean harmless(Class<?> c) {
        if (c.isPrimitive() || c == String.class || c == CharSequence.class || c == Object.class || c == Object[].class
                || c == char[].class
                || c == java.util.Locale.class || Number.class.isAssignableFrom(c) && c.getName().startsWith("java.lang.")
                || c == Boolean.class || c == Character.class) {
            return true;
        }
        if (c == Set.class || c == List.class || c == Collection.class) {
            return true;
        }
        return rules.containsKey(c);
    }

    private static boolean applicable(Method m, List<RType> args) {
        Class<?>[] params = m.getParameterTypes();
        if (m.isVarArgs()) {
            if (args.size() < params.length - 1) {
                return false;
            }
            for (int i = 0; i < params.length - 1; i++) {
                if (!assignable(params[i], args.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (params.length != args.size()) {
            return false;
        }
        for (int i = 0; i < params.length; i++) {
            if (!assignable(params[i], args.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Java's assignment conversions, as far as rule values go: widening, boxing, null to references. */
    public static boolean assignable(Class<?> param, RType arg) {
        Class<?> a = arg.raw();
        if (arg.isNull()) {
            return !param.isPrimitive();
        }
        if (param == a || param == Object.class) {
            return true;
        }
        if (param.isPrimitive()) {
            Class<?> unboxed = unbox(a);
            if (unboxed == null) {
                return false;
            }
            if (param == unboxed) {
                return true;
            }
            return param == long.class && unboxed == int.class
                    || param == double.class && (unboxed == int.class || unboxed == long.class)
                    || param == float.class && (unboxed == int.class || unboxed == long.class);
        }
        if (a.isPrimitive()) {
            Class<?> boxed = box(a);
            return param.isAssignableFrom(boxed);
        }
        return param.isAssignableFrom(a);
    }

    private static boolean moreSpecific(Method a, Method b) {
        Class<?>[] pa = a.getParameterTypes();
        Class<?>[] pb = b.getParameterTypes();
        if (pa.length != pb.length) {
            return pa.length > pb.length;
        }
        for (int i = 0; i < pa.length; i++) {
            if (!assignable(pb[i], RType.of(pa[i]))) {
                return false;
            }
        }
        return true;
    }

    static Class<?> unbox(Class<?> c) {
        if (c.isPrimitive()) {
            return c;
        }
        if (c == Integer.class) {
            return int.class;
        }
        if (c == Long.class) {
            return long.class;
        }
        if (c == Double.class) {
            return double.class;
        }
        if (c == Boolean.class) {
            return boolean.class;
        }
        return null;
    }

    static Class<?> box(Class<?> c) {
        if (c == int.class) {
            return Integer.class;
        }
        if (c == long.class) {
            return Long.class;
        }
        if (c == double.class) {
            return Double.class;
        }
        if (c == boolean.class) {
            return Boolean.class;
        }
        if (c == char.class) {
            return Character.class;
        }
        return c;
    }

    /** Builds the list: the JDK members rules need and the members of the fact model. */
    public static final class Builder {

        private final Map<Class<?>, TypeRules> rules = new LinkedHashMap<>();

        public Builder type(Class<?> type, Set<String> methods, Set<String> staticMethods, Set<String> staticFields) {
            rules.put(type, new TypeRules(Set.copyOf(methods), Set.copyOf(staticMethods), Set.copyOf(staticFields), Map.of()));
            return this;
        }

        /** The standard JDK part: arithmetic, comparison, string tests and short formatting, collections of the facts. */
        public Builder jdk() {
            type(String.class, Set.of("length", "isEmpty", "isBlank", "startsWith", "endsWith", "contains", "equals",
                    "equalsIgnoreCase", "compareTo", "compareToIgnoreCase", "indexOf", "lastIndexOf", "substring",
                    "toUpperCase", "toLowerCase", "trim", "strip", "hashCode", "toString"),
                    Set.of("valueOf", "format"), Set.of());
            type(Math.class, Set.of(), Set.of("abs", "min", "max", "round", "floor", "ceil", "sqrt", "cbrt", "pow", "log",
                    "log10", "exp", "signum", "floorMod", "floorDiv", "hypot"), Set.of("PI", "E"));
            Set<String> numberMethods = Set.of("intValue", "longValue", "doubleValue", "compareTo", "equals", "hashCode",
                    "toString");
            type(Integer.class, numberMethods, Set.of("parseInt", "valueOf", "compare", "max", "min", "sum", "signum"),
                    Set.of("MAX_VALUE", "MIN_VALUE"));
            type(Long.class, numberMethods, Set.of("parseLong", "valueOf", "compare", "max", "min", "sum", "signum"),
                    Set.of("MAX_VALUE", "MIN_VALUE"));
            type(Double.class, Set.of("intValue", "longValue", "doubleValue", "compareTo", "equals", "hashCode",
                    "toString", "isNaN", "isInfinite"), Set.of("parseDouble", "valueOf", "compare", "max", "min", "sum",
                    "isFinite"), Set.of("MAX_VALUE", "MIN_VALUE"));
            type(Number.class, Set.of("intValue", "longValue", "doubleValue"), Set.of(), Set.of());
            // Number( $n : doubleValue ): MVEL reads a no-argument method named like the property
            for (Class<?> n : List.of(Number.class, Integer.class, Long.class, Double.class)) {
                TypeRules r = rules.get(n);
                rules.put(n, new TypeRules(r.methods(), r.staticMethods(), r.staticFields(),
                        Map.of("intValue", "intValue", "longValue", "longValue", "doubleValue", "doubleValue")));
            }
            type(Boolean.class, Set.of("booleanValue", "equals", "toString"), Set.of("parseBoolean", "valueOf"), Set.of());
            Set<String> collection = Set.of("size", "isEmpty", "contains");
            type(Collection.class, collection, Set.of(), Set.of());
            type(Set.class, collection, Set.of(), Set.of());
            type(List.class, collection, Set.of(), Set.of());
            return this;
        }

        /**
         * A class of the fact model: its public instance methods declared there (getters, helpers such as
         * {@code supports}, the decision's actions) whose parameters and results are values or model types, the
         * property spellings of its getters, and its public constants. Enums give their constants and {@code name()}.
         */
        public Builder model(Class<?> type) {
            if (type.isEnum()) {
                Set<String> constants = new TreeSet<>();
                for (Object c : type.getEnumConstants()) {
                    constants.add(((Enum<?>) c).name());
                }
                rules.put(type, new TypeRules(Set.of("name"), Set.of(), constants, Map.of()));
                return this;
            }
            Set<String> methods = new TreeSet<>();
            Map<String, String> properties = new TreeMap<>();
            for (Method m : type.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (!Modifier.isPublic(mod) || Modifier.isStatic(mod) || m.isSynthetic() || m.isBridge()
                        || Set.of("equals", "hashCode", "toString").contains(m.getName())) {
                    continue;
                }
                methods.add(m.getName());
                String property = propertyName(m);
                if (property != null) {
                    properties.put(property, m.getName());
                    properties.put(Character.toUpperCase(property.charAt(0)) + property.substring(1), m.getName());
                }
            }
            Set<String> constants = new TreeSet<>();
            for (Field f : type.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && Modifier.isFinal(mod)) {
                    constants.add(f.getName());
                }
            }
            rules.put(type, new TypeRules(Set.copyOf(methods), Set.of(), Set.copyOf(constants), Map.copyOf(properties)));
            return this;
        }

        /** Removes methods that take or give types outside the list (e.g. a Map of a decision's internals). */
        public AllowList build() {
            Map<Class<?>, TypeRules> out = new LinkedHashMap<>();
            AllowList draft = new AllowList(rules);
            for (Map.Entry<Class<?>, TypeRules> e : rules.entrySet()) {
                Class<?> owner = e.getKey();
                if (owner.getName().startsWith("java.")) {
                    out.put(owner, e.getValue());
                    continue;
                }
                Set<String> methods = new TreeSet<>();
                for (String name : e.getValue().methods()) {
                    boolean ok = true;
                    for (Method m : owner.getMethods()) {
                        if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())) {
                            ok &= draft.harmless(m.getReturnType());
                            for (Class<?> p : m.getParameterTypes()) {
                                ok &= draft.harmless(p);
                            }
                        }
                    }
                    if (ok) {
                        methods.add(name);
                    }
                }
                Map<String, String> properties = new TreeMap<>();
                e.getValue().properties().forEach((spelling, getter) -> {
                    if (methods.contains(getter)) {
                        properties.put(spelling, getter);
                    }
                });
                out.put(owner, new TypeRules(Set.copyOf(methods), e.getValue().staticMethods(), e.getValue().staticFields(),
                        Map.copyOf(properties)));
            }
            return new AllowList(out);
        }

        /** As java.beans does: "Code" → "code", "URL" stays "URL". */
        private static String decapitalize(String name) {
            if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
                return name;
            }
            return Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }

        private static String propertyName(Method m) {
            if (m.getParameterCount() != 0 || m.getReturnType() == void.class) {
                return null;
            }
            String n = m.getName();
            if (n.startsWith("get") && n.length() > 3 && Character.isUpperCase(n.charAt(3))) {
                return decapitalize(n.substring(3));
            }
            if (n.startsWith("is") && n.length() > 2 && Character.isUpperCase(n.charAt(2))
                    && (m.getReturnType() == boolean.class)) {
                return decapitalize(n.substring(2));
            }
            return null;
        }
    }
}
