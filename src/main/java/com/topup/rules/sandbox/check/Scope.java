package com.topup.rules.sandbox.check;

import java.util.HashMap;
import java.util.Map;

/** The names visible at one place of a rule: globals, bindings of its patterns, local variables of a consequence. */
final class Scope {

    enum Kind { GLOBAL, BINDING, LOCAL }

    record Entry(Kind kind, Typed typed) {
    }

    private final Scope parent;
    private final Map<String, Entry> names = new HashMap<>();
    private final Class<?> patternType;

    Scope(Scope parent, Class<?> patternType) {
        this.parent = parent;
        this.patternType = patternType;
    }

    Scope child() {
        return new Scope(this, patternType);
    }

    /** A scope for the constraints of a pattern over {@code type}: its properties are plain names there. */
    Scope forPattern(Class<?> type) {
        return new Scope(this, type);
    }

    Class<?> patternType() {
        return patternType;
    }

    Entry lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Entry e = s.names.get(name);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    void define(String name, Kind kind, Typed typed) {
        names.put(name, new Entry(kind, typed));
    }

    /** Updates a local's text bound where it was declared. */
    void update(String name, Typed typed) {
        for (Scope s = this; s != null; s = s.parent) {
            Entry e = s.names.get(name);
            if (e != null) {
                s.names.put(name, new Entry(e.kind(), typed));
                return;
            }
        }
    }

    /** Puts back a local's entry saved by {@link #locals()}. */
    void restore(String name, Entry entry) {
        update(name, entry.typed());
    }

    /** Snapshot of the locals' bounds, to merge the branches of an if. */
    Map<String, Entry> locals() {
        Map<String, Entry> out = new HashMap<>();
        for (Scope s = this; s != null; s = s.parent) {
            s.names.forEach((k, v) -> {
                if (v.kind() == Kind.LOCAL) {
                    out.putIfAbsent(k, v);
                }
            });
        }
        return out;
    }
}
