package com.topup.rules.sandbox.vocab;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one rule set's rules may name: its package, the facts the engine inserts, the globals it sets, the types
 * that may be imported, written in code or matched by a pattern, and the {@link AllowList} of their members. The
 * answer to "what may a rule reach?" is this object; docs/rules.md lists the same.
 */
public final class Vocabulary {

    private final String packageName;
    private final Map<String, Class<?>> globals;
    private final Set<Class<?>> patternTypes;
    private final Set<Class<?>> manyFactTypes;
    private final Map<String, Class<?>> imports;
    private final Map<String, Class<?>> typeNames;
    private final AllowList members;
    private final Class<?> joinedByEveryRule;

    private Vocabulary(Builder b) {
        this.packageName = b.packageName;
        this.globals = Collections.unmodifiableMap(new LinkedHashMap<>(b.globals));
        this.patternTypes = Set.copyOf(b.patternTypes);
        this.manyFactTypes = Set.copyOf(b.manyFactTypes);
        this.imports = Collections.unmodifiableMap(new LinkedHashMap<>(b.imports));
        this.typeNames = Collections.unmodifiableMap(new LinkedHashMap<>(b.typeNames));
        this.members = b.members.build();
        this.joinedByEveryRule = b.joinedByEveryRule;
    }

    public static Builder builder(String packageName) {
        return new Builder(packageName);
    }

    /** The package a text must declare. */
    public String packageName() {
        return packageName;
    }

    /** Global name → its type, as the engine sets them. */
    public Map<String, Class<?>> globals() {
        return globals;
    }

    /** Types a pattern may match (the model, and values produced by {@code from} or {@code accumulate}). */
    public Set<Class<?>> patternTypes() {
        return patternTypes;
    }

    /** Fact types with many instances per decision (a pattern over them multiplies the work of a rule). */
    public Set<Class<?>> manyFactTypes() {
        return manyFactTypes;
    }

    /** Importable classes by fully qualified name ({@code com.topup.rules.model.*} is accepted too). */
    public Map<String, Class<?>> imports() {
        return imports;
    }

    /** Simple type names code may write (declarations, static access), resolved as the compilers would. */
    public Map<String, Class<?>> typeNames() {
        return typeNames;
    }

    public AllowList members() {
        return members;
    }

    /**
     * The fact every rule of this set is matched against (exactly one per decision), or null: a rule whose conditions
     * do not name it at their top level gets an unconstrained pattern over it first, which changes no match and lets
     * the engine keep the other facts between decisions.
     */
    public Class<?> joinedByEveryRule() {
        return joinedByEveryRule;
    }

    public static final class Builder {

        private final String packageName;
        private final Map<String, Class<?>> globals = new LinkedHashMap<>();
        private final Set<Class<?>> patternTypes = new LinkedHashSet<>();
        private final Set<Class<?>> manyFactTypes = new LinkedHashSet<>();
        private final Map<String, Class<?>> imports = new LinkedHashMap<>();
        private Class<?> joinedByEveryRule;
        private final Map<String, Class<?>> typeNames = new LinkedHashMap<>();
        private final AllowList.Builder members = AllowList.builder().jdk();

        private Builder(String packageName) {
            this.packageName = packageName;
            for (Class<?> c : List.of(String.class, Math.class, Integer.class, Long.class, Double.class, Boolean.class,
                    Number.class)) {
                typeNames.put(c.getSimpleName(), c);
                imports.put(c.getName(), c);
            }
            for (Class<?> c : List.of(Set.class, List.class, Collection.class)) {
                typeNames.put(c.getSimpleName(), c);
                imports.put(c.getName(), c);
            }
            for (Class<?> c : List.of(String.class, Integer.class, Long.class, Double.class, Number.class)) {
                patternTypes.add(c);
            }
        }

        /** A class of the fact model: importable, nameable, matchable (unless an enum), its members listed. */
        public Builder model(Class<?> type) {
            imports.put(type.getName(), type);
            typeNames.put(type.getSimpleName(), type);
            if (!type.isEnum() && !type.isRecord()) {
                patternTypes.add(type);
            }
            members.model(type);
            return this;
        }

        public Builder manyFacts(Class<?> type) {
            manyFactTypes.add(type);
            return this;
        }

        public Builder joinedByEveryRule(Class<?> type) {
            joinedByEveryRule = type;
            return this;
        }

        public Builder global(String name, Class<?> type) {
            globals.put(name, type);
            return this;
        }

        public Vocabulary build() {
            return new Vocabulary(this);
        }
    }
}
