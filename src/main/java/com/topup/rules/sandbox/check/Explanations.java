package com.topup.rules.sandbox.check;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why well-known names are not in the vocabulary, to make a refusal's message useful. These words never decide
 * anything: every name outside the allow-list is refused whether it is listed here or not.
 */
final class Explanations {

    private static final Map<String, String> WHY = new HashMap<>();

    static {
        for (String s : new String[] {"class", "getclass", "declaringclass", "getdeclaringclass", "classloader",
                "getclassloader", "forname", "loadclass", "getmethod", "getmethods", "getdeclaredmethod", "invoke",
                "getfield", "getconstructor", "newinstance", "setaccessible", "lookup", "module", "getmodule",
                "componenttype", "getcomponenttype", "superclass", "getsuperclass", "type", "describeconstable"}) {
            WHY.put(s, "reflection and class loading");
        }
        for (String s : new String[] {"system", "runtime", "getruntime", "exec", "exit", "halt", "processbuilder",
                "getenv", "getproperty", "getinteger", "getlong", "getboolean", "processhandle"}) {
            WHY.put(s, "process and JVM control");
        }
        for (String s : new String[] {"thread", "sleep", "wait", "notify", "notifyall", "executors", "parallelstream",
                "stream", "completablefuture", "forkjoinpool"}) {
            WHY.put(s, "threads and streams");
        }
        for (String s : new String[] {"file", "files", "paths", "path", "url", "uri", "socket", "inputstream",
                "outputstream", "openstream", "openconnection"}) {
            WHY.put(s, "files and network");
        }
        for (String s : new String[] {"drools", "kcontext", "getkieruntime", "getkiebase", "getworkingmemory",
                "insert", "insertlogical", "update", "modify", "delete", "retract", "halt", "setfocus"}) {
            WHY.put(s, "engine internals and working memory: rules only fill in the decision");
        }
        for (String s : new String[] {"repeat", "ncopies", "replaceall", "replacefirst", "split", "matches", "chars",
                "codepoints", "lines", "join", "concat", "intern"}) {
            WHY.put(s, "unbounded work or allocation");
        }
    }

    private Explanations() {
    }

    /** " (reflection and class loading)" or "". */
    static String of(String name) {
        String why = WHY.get(name.toLowerCase(Locale.ROOT));
        return why == null ? "" : " (" + why + ")";
    }
}
