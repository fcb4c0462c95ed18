package com.topup.rules.sandbox;

import com.topup.rules.sandbox.DrlLexer.Kind;
import com.topup.rules.sandbox.DrlLexer.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;

/**
 * Decides, before anything is compiled, whether a DRL text written by a rule author may be
 * turned into a live rule base.
 *
 * <p>DRL consequences, functions, {@code eval}s, {@code accumulate} blocks and constraint
 * expressions are Java or MVEL code that runs inside the application with its full rights (there
 * is no security manager). This class therefore accepts only rules that stay inside a small
 * vocabulary, and reports everything else with the line and column of the offending token. It
 * never compiles anything and never runs rule code; its only look-up is whether a name given to a
 * {@code declare} already belongs to a class (done without initialising that class).
 *
 * <h2>How it decides</h2>
 * <ol>
 *   <li>Drools' own {@link DrlParser} (default language level, DRL6) parses the text; its syntax
 *       errors are problems. Its descriptors give the package, imports, globals, functions,
 *       declared types and rule attributes, which are checked as a second opinion.</li>
 *   <li>A small lexer ({@link DrlLexer}) tokenizes the whole text, decoding unicode escapes as
 *       javac does and skipping only comments and string literals. Every token of the text is
 *       scanned with the same rules, wherever it is (rule conditions, consequences, functions,
 *       {@code eval}, {@code accumulate}, {@code from}, {@code declare}, attributes).</li>
 *   <li>Allow-list: every capitalised identifier that is not a member after a dot (that is, every
 *       type name, constructor, cast, generic argument, static receiver, annotation and inline
 *       cast {@code #Type}) must be one of the allowed types, a global's type or a type declared
 *       in the same DRL with {@code declare}.</li>
 *   <li>Deny-list: a set of names is refused wherever it appears, even on allowed objects:
 *       reflection and class loading entry points ({@code getClass}, the MVEL property form
 *       {@code class}, {@code forName}, {@code loadClass}, {@code getDeclaringClass}, ...),
 *       process control ({@code exec}, {@code exit}, {@code halt}), blocking ({@code wait},
 *       {@code notify}, {@code sleep}, {@code synchronized}), parallel streams (they run rule code
 *       on the common fork-join pool, outside the decision's thread), {@code finalize},
 *       system-property readers ({@code Integer.getInteger}, {@code Long.getLong},
 *       {@code Boolean.getBoolean}), the {@code TYPE} constants of the boxes (they are
 *       {@code Class} objects), the engine context ({@code kcontext}, {@code consequenceCtx}) and
 *       the consequence shorthands {@code channels[..]}, {@code entryPoints[..]},
 *       {@code exitPoints[..]}. Ordinary words among these names ({@code wait}, {@code exit},
 *       {@code lookup}, ...) may still name a local variable; they are refused as calls, method
 *       references and members. {@code drools} may be used only as {@code drools.getRule()},
 *       {@code drools.getMatch()} and the working-memory actions insert/insertLogical/update/
 *       delete/retract ({@code drools.getKieRuntime()} would reach the live rule base).
 *       {@code clone} is allowed: on the allowed types it only copies data.</li>
 *   <li>Fully qualified names are refused in code: a dotted chain that starts with a lowercase
 *       name and reaches a capitalised name ({@code java.io.File}, {@code org.x.Y}) or that starts
 *       with a known package root ({@code java}, {@code javax}, {@code jdk}, {@code sun},
 *       {@code com}, {@code org}, ...). Classes are named only through checked imports.</li>
 *   <li>Imports may name only the classes of the JDK allow-list (by their exact name, e.g.
 *       {@code java.util.List}) and classes of the allowed packages whose simple name is allowed;
 *       wildcards only for allowed packages. {@code import static} and {@code import function}
 *       are refused. The {@code package} must be the one the caller expects. Globals must match
 *       the engine's globals by name and type.</li>
 *   <li>Dialect: only {@code "java"}. The MVEL dialect resolves properties and methods
 *       dynamically at run time (for example {@code this.class.classLoader}), has its own
 *       statements ({@code with}, {@code foreach}, {@code until}, {@code def}, inline
 *       {@code import}) and coerces strings to types, so a token scan cannot vouch for it.
 *       Constraint expressions are still evaluated by MVEL in the classic engine; they are
 *       single expressions and get the same token rules, including the refusal of the property
 *       forms {@code class}, {@code classLoader} and {@code declaringClass}.</li>
 *   <li>Time budget: a decision must finish within its budget on the caller's thread. The rule
 *       attributes {@code timer}, {@code duration} (its old name) and {@code calendars} schedule
 *       work for later on the engine's timer service, outside any decision and its budget, so
 *       they are refused. A busy loop cannot be interrupted, so {@code while}, {@code do ... while}
 *       and counting {@code for} loops are refused (for-each over a collection is allowed), as are
 *       recursive functions, anonymous classes (they can define recursive methods) and the MVEL
 *       loops {@code foreach} and {@code until}. These refusals prevent accidental endless
 *       loops; they do not prove that every rule terminates quickly (see below).</li>
 *   <li>Text the compilers could read differently from this scan is refused: unicode escapes
 *       outside string literals or comments, Java text blocks, bidirectional-override characters
 *       and invisible characters in identifiers ({@link DrlLexer} explains each).</li>
 * </ol>
 *
 * <h2>JDK allow-list</h2>
 * {@link #JDK_ALLOWED_TYPES}: values and arithmetic ({@code String, StringBuilder, Math,
 * Integer, Long, Double, Boolean, Character, Number, BigDecimal, RoundingMode}), collections
 * ({@code List, Set, Map, Collection, ArrayList, HashSet, LinkedHashSet, HashMap, LinkedHashMap,
 * Collections, Objects, Comparator, Optional}) and time ({@code Duration, Instant, LocalDate,
 * LocalTime, DayOfWeek, ZoneId}). Each was chosen because it is pure data or pure computation:
 * none of them, with the deny-list above, reaches threads, files, the network, the class loader
 * or reflection. {@code Object} is not in the list (it adds nothing a rule needs).
 *
 * <h2>What this cannot guarantee</h2>
 * A static scan does not bound resource use: a rule can still allocate a huge collection or
 * string ({@code "x".repeat(Integer.MAX_VALUE)}), run a catastrophic regular expression with
 * {@code matches}, or recurse through a lambda kept in an array. The runtime guards (firing limit,
 * time budget, fallback) remain necessary. The model classes and the engine's globals are trusted:
 * they must not hand out dangerous objects (threads, class loaders, streams, the rule base).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DrlSandbox {

    /** DRL texts longer than this are refused without being parsed. */
    public static final int MAX_DRL_CHARS = 1_000_000;

    /**
     * The JDK types rules may use, simple name to fully qualified name. Rules import them by the
     * exact name ({@code import java.util.List;}); the {@code java.lang} ones need no import.
     */
    public static final Map<String, String> JDK_ALLOWED_TYPES = jdkAllowList();

    private static Map<String, String> jdkAllowList() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : List.of("String", "StringBuilder", "Math", "Integer", "Long", "Double", "Boolean",
                "Character", "Number")) {
            m.put(s, "java.lang." + s);
        }
        m.put("BigDecimal", "java.math.BigDecimal");
        m.put("RoundingMode", "java.math.RoundingMode");
        for (String s : List.of("List", "Set", "Map", "Collection", "ArrayList", "HashSet", "LinkedHashSet",
                "HashMap", "LinkedHashMap", "Collections", "Objects", "Comparator", "Optional")) {
            m.put(s, "java.util." + s);
        }
        for (String s : List.of("Duration", "Instant", "LocalDate", "LocalTime", "DayOfWeek", "ZoneId")) {
            m.put(s, "java.time." + s);
        }
        return Collections.unmodifiableMap(m);
    }

    // ------------------------------------------------------------------ deny-lists

    private static final String PROCESS = "process and JVM control";
    private static final String THREADS = "threads and concurrency";
    private static final String REFLECTION = "reflection and class loading";
    private static final String FILES = "files and I/O";
    private static final String NETWORK = "network access";
    private static final String EXTERNAL = "scripting, naming and database access";
    private static final String ENGINE = "engine internals";

    /** Type names that are refused even if a caller lists them as allowed. */
    private static final Map<String, String> FORBIDDEN_TYPES = forbiddenTypes();

    private static Map<String, String> forbiddenTypes() {
        Map<String, String> m = new HashMap<>();
        put(m, PROCESS, "System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "SecurityManager",
                "StackWalker", "Compiler", "Module", "ModuleLayer", "Package", "RuntimePermission", "Console",
                "ManagementFactory", "Instrumentation", "Shutdown", "Signal");
        put(m, THREADS, "Thread", "ThreadGroup", "ThreadLocal", "InheritableThreadLocal", "Runnable", "Callable",
                "Executor", "Executors", "ExecutorService", "ScheduledExecutorService", "ThreadPoolExecutor",
                "ScheduledThreadPoolExecutor", "ForkJoinPool", "ForkJoinTask", "ForkJoinWorkerThread",
                "CompletableFuture", "CompletionStage", "Future", "FutureTask", "Timer", "TimerTask",
                "ThreadFactory", "LockSupport", "Semaphore", "CountDownLatch", "CyclicBarrier", "Phaser",
                "Lock", "ReentrantLock", "ReadWriteLock", "Condition", "TimeUnit", "Exchanger");
        put(m, REFLECTION, "Class", "ClassLoader", "URLClassLoader", "SecureClassLoader", "ClassValue", "Method",
                "Field", "Constructor", "Parameter", "Executable", "Modifier", "AccessibleObject", "Array",
                "Proxy", "InvocationHandler", "MethodHandles", "MethodHandle", "MethodType", "VarHandle",
                "CallSite", "LambdaMetafactory", "Lookup", "Unsafe", "Introspector", "PropertyDescriptor",
                "ServiceLoader", "ObjectInputStream", "ObjectOutputStream", "Beans", "XMLDecoder", "Void",
                "ClassDesc", "ConstantDesc", "DynamicConstantDesc", "MethodHandleDesc");
        put(m, FILES, "File", "Files", "Path", "Paths", "FileSystem", "FileSystems", "FileInputStream",
                "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "FileChannel",
                "FileDescriptor", "InputStream", "OutputStream", "Reader", "Writer", "PrintStream", "PrintWriter",
                "BufferedReader", "BufferedWriter", "InputStreamReader", "OutputStreamWriter", "Scanner",
                "Channels", "ZipFile", "JarFile");
        put(m, NETWORK, "Socket", "ServerSocket", "DatagramSocket", "MulticastSocket", "SocketChannel",
                "ServerSocketChannel", "DatagramChannel", "AsynchronousSocketChannel", "URL", "URI",
                "URLConnection", "HttpURLConnection", "HttpsURLConnection", "HttpClient", "HttpRequest",
                "InetAddress", "Inet4Address", "Inet6Address", "InetSocketAddress", "NetworkInterface",
                "SocketFactory");
        put(m, EXTERNAL, "ScriptEngine", "ScriptEngineManager", "JavaCompiler", "ToolProvider", "InitialContext",
                "Context", "DriverManager", "Connection", "DataSource", "MVEL", "Nashorn");
        put(m, ENGINE, "KieServices", "KieContainer", "KieBase", "KieSession", "StatelessKieSession",
                "KieRuntime", "KnowledgeHelper", "RuleContext", "KieHelper", "InternalKnowledgeBase",
                "WorkingMemory", "Agenda");
        return Collections.unmodifiableMap(m);
    }

    /** Names refused wherever they appear (method names, MVEL property names, keywords). */
    private static final Map<String, String> FORBIDDEN_NAMES = forbiddenNames();

    private static Map<String, String> forbiddenNames() {
        Map<String, String> m = new HashMap<>();
        put(m, REFLECTION, "getClass", "class", "forName", "loadClass", "findClass", "defineClass",
                "getClassLoader", "classLoader", "getContextClassLoader", "contextClassLoader",
                "setContextClassLoader", "getSystemClassLoader", "getPlatformClassLoader", "getDeclaringClass",
                "declaringClass", "getEnclosingClass", "enclosingClass", "getEnclosingMethod", "getNestHost",
                "getModule", "getProtectionDomain", "getMethod", "getMethods", "getField", "getFields",
                "getConstructor", "getConstructors", "declaredMethods", "declaredFields", "declaredConstructors",
                "invoke", "invokeExact", "invokeWithArguments", "newInstance", "setAccessible",
                "trySetAccessible", "lookup", "privateLookupIn", "describeConstable", "resolveConstantDesc",
                "getSuperclass", "getInterfaces");
        put(m, PROCESS, "exec", "exit", "halt", "getRuntime", "getenv", "gc", "runFinalization", "loadLibrary",
                "getInteger", "getLong", "getBoolean");
        put(m, THREADS, "wait", "notify", "notifyAll", "sleep", "interrupt", "synchronized", "finalize", "parallel",
                "parallelStream");
        put(m, ENGINE, "kcontext", "consequenceCtx", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory",
                "getKieBase");
        return Collections.unmodifiableMap(m);
    }

    /**
     * Forbidden names that are also ordinary words ({@code long wait = 30;}). They are refused as
     * calls, method references and members, but allowed as the name of a local variable.
     */
    private static final Set<String> CALL_ONLY_NAMES =
            Set.of("wait", "notify", "notifyAll", "sleep", "interrupt", "exit", "halt", "exec", "invoke", "lookup", "gc");

    /** Consequence shorthands that Drools rewrites into engine calls: {@code channels["x"].send(o)}. */
    private static final Set<String> ENGINE_SHORTHANDS = Set.of("channels", "entryPoints", "exitPoints");

    private static final List<String> FORBIDDEN_PREFIXES = List.of("getDeclared", "getResource", "unreflect");

    private static final Set<String> DROOLS_METHODS =
            Set.of("getRule", "getMatch", "insert", "insertLogical", "update", "delete", "retract");

    /** Rule attributes that schedule work outside the decision (see the class comment). */
    private static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("timer", "duration", "calendars");

    private static final Set<String> STRONG_PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org",
            "jakarta", "kotlin", "scala", "groovy");

    private static final Pattern JAVA_IDENTIFIER = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    private static final Pattern DOTTED_NAME = Pattern.compile(
            "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");
    private static final Pattern PARSER_LOCATION = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");

    private static void put(Map<String, String> m, String reason, String... names) {
        for (String n : names) {
            m.put(n, reason);
        }
    }

    // ------------------------------------------------------------------ configuration

    private final Set<String> allowedTypes;
    /** The caller's own types (the only ones that may be imported from the allowed packages). */
    private final Set<String> callerTypes;
    private final Map<String, String> allowedGlobals;
    private final Set<String> allowedImportPackages;
    private final Set<String> packageRoots;

    /**
     * A sandbox that allows no import package: rules may use the JDK allow-list, the given types
     * when they live in the rule's own package, and the given globals.
     */
    public DrlSandbox(Set<String> allowedTypes, Map<String, String> allowedGlobals) {
        this(allowedTypes, allowedGlobals, Set.of());
    }

    /**
     * @param allowedTypes          simple names of the model and decision classes rules may use
     *                              (the {@link #JDK_ALLOWED_TYPES} are always added)
     * @param allowedGlobals        global name to simple type name, as the engine provides them;
     *                              the types are allowed too
     * @param allowedImportPackages packages whose classes rules may import (exact packages, not
     *                              their sub-packages), e.g. {@code com.topup.rules.model}
     * @throws IllegalArgumentException if a name is not a simple Java name, a type is one of the
     *                                  always-forbidden types, or a package is a JDK package
     */
    public DrlSandbox(Set<String> allowedTypes, Map<String, String> allowedGlobals, Set<String> allowedImportPackages) {
        Objects.requireNonNull(allowedTypes, "allowedTypes");
        Objects.requireNonNull(allowedGlobals, "allowedGlobals");
        Objects.requireNonNull(allowedImportPackages, "allowedImportPackages");
        Set<String> types = new TreeSet<>();
        for (String t : allowedTypes) {
            requireTypeName(t);
            types.add(t);
        }
        Map<String, String> globals = new LinkedHashMap<>();
        for (Map.Entry<String, String> g : allowedGlobals.entrySet()) {
            if (g.getKey() == null || !JAVA_IDENTIFIER.matcher(g.getKey()).matches()) {
                throw new IllegalArgumentException("not a global name: " + g.getKey());
            }
            requireTypeName(g.getValue());
            globals.put(g.getKey(), g.getValue());
        }
        Set<String> packages = new TreeSet<>();
        for (String p : allowedImportPackages) {
            if (p == null || !PACKAGE_NAME.matcher(p).matches()) {
                throw new IllegalArgumentException("not a package name: " + p);
            }
            String root = p.split("\\.")[0];
            if (Set.of("java", "javax", "jdk", "sun").contains(root) || p.startsWith("com.sun.")
                    || p.startsWith("org.drools") || p.startsWith("org.kie") || p.startsWith("org.mvel")) {
                throw new IllegalArgumentException("JDK and engine packages cannot be allowed for import: " + p);
            }
            packages.add(p);
        }
        this.callerTypes = Collections.unmodifiableSet(new TreeSet<>(types));
        types.addAll(JDK_ALLOWED_TYPES.keySet());
        types.addAll(globals.values());
        this.allowedTypes = Collections.unmodifiableSet(types);
        this.allowedGlobals = Collections.unmodifiableMap(globals);
        this.allowedImportPackages = Collections.unmodifiableSet(packages);
        Set<String> roots = new HashSet<>(STRONG_PACKAGE_ROOTS);
        for (Module module : ModuleLayer.boot().modules()) {
            for (String pkg : module.getPackages()) {
                roots.add(pkg.split("\\.")[0]);
            }
        }
        for (String p : packages) {
            roots.add(p.split("\\.")[0]);
        }
        this.packageRoots = Collections.unmodifiableSet(roots);
    }

    private static void requireTypeName(String t) {
        if (t == null || !JAVA_IDENTIFIER.matcher(t).matches() || !isCapitalised(t)) {
            throw new IllegalArgumentException("not a simple, capitalised type name: " + t);
        }
        if (FORBIDDEN_TYPES.containsKey(t)) {
            throw new IllegalArgumentException(t + " can never be allowed (" + FORBIDDEN_TYPES.get(t) + ")");
        }
    }

    /** Every type name rules may use: the caller's types, the JDK allow-list and the globals' types. */
    public Set<String> allowedTypes() {
        return allowedTypes;
    }

    public Map<String, String> allowedGlobals() {
        return allowedGlobals;
    }

    public Set<String> allowedImportPackages() {
        return allowedImportPackages;
    }

    /**
     * Checks a DRL text.
     *
     * @param drl         the rule text as the author wrote it
     * @param packageName the only package the text may declare
     * @return every problem found, ordered by position; empty when the text may be compiled
     */
    public List<DrlProblem> check(String drl, String packageName) {
        Objects.requireNonNull(drl, "drl");
        Objects.requireNonNull(packageName, "packageName");
        if (drl.length() > MAX_DRL_CHARS) {
            return List.of(new DrlProblem(1, 1, "the DRL text is longer than " + MAX_DRL_CHARS + " characters"));
        }
        return new Run(drl, packageName).run();
    }

    private static boolean isCapitalised(String name) {
        int cp = name.codePointAt(0);
        return Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    private static boolean isAllCaps(String name) {
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static String forbiddenNameReason(String name) {
        String reason = FORBIDDEN_NAMES.get(name);
        if (reason != null) {
            return reason;
        }
        for (String prefix : FORBIDDEN_PREFIXES) {
            if (name.startsWith(prefix)) {
                return REFLECTION;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ one check

    /** The state of one {@link #check} call. */
    private final class Run {

        private final String drl;
        private final String packageName;
        private final List<Token> toks;
        private final Set<DrlProblem> problems = new LinkedHashSet<>();
        private final Set<String> problemLines = new HashSet<>();
        private final Set<String> declared = new HashSet<>();
        private final Set<Integer> exempt = new HashSet<>();
        private final Set<Integer> importLines = new HashSet<>();
        private final Set<Integer> globalLines = new HashSet<>();
        private boolean packageSeen;
        private PackageDescr pkg;

        Run(String drl, String packageName) {
            this.drl = drl;
            this.packageName = packageName;
            DrlLexer.Result lexed = DrlLexer.lex(drl);
            this.toks = lexed.tokens();
            for (DrlProblem p : lexed.problems()) {
                add(p.line(), p.column(), p.message());
            }
        }

        List<DrlProblem> run() {
            computeMatches();
            parse();
            collectDeclaredTypes();
            prepass();
            checkRecursion();
            scan();
            if (!packageSeen) {
                add(1, 1, "the DRL must start with 'package " + packageName + ";'");
            }
            crossCheckWithParser();
            List<DrlProblem> out = new ArrayList<>(problems);
            out.sort(Comparator.comparingInt(DrlProblem::line).thenComparingInt(DrlProblem::column)
                    .thenComparing(DrlProblem::message));
            return List.copyOf(out);
        }

        // -------------------------------------------------------------- problems

        private void add(int line, int column, String message) {
            DrlProblem p = new DrlProblem(Math.max(1, line), Math.max(1, column), message);
            problems.add(p);
            problemLines.add(p.line() + "\n" + p.message());
        }

        private void add(Token t, String message) {
            add(t.line(), t.column(), message);
        }

        /** Adds a problem found on the parser's descriptors unless the scan reported it on that line. */
        private void addIfAbsentOnLine(int line, int column, String message) {
            int l = Math.max(1, line);
            if (!problemLines.contains(l + "\n" + message)) {
                add(l, column, message);
            }
        }

        private void addAt(BaseDescr d, String message) {
            addIfAbsentOnLine(d.getLine(), d.getColumn() + 1, message);
        }

        // -------------------------------------------------------------- messages

        private String typeProblem(String name) {
            String reason = FORBIDDEN_TYPES.get(name);
            if (reason != null) {
                return "'" + name + "' is not allowed in rules (" + reason + ")";
            }
            if (allowedTypes.contains(name) || declared.contains(name)) {
                return null;
            }
            return "type '" + name + "' is not in the allow-list of rule types";
        }

        private String nameProblem(String name) {
            String reason = forbiddenNameReason(name);
            return reason == null ? null : "'" + name + "' is not allowed in rules (" + reason + ")";
        }

        private String fqnProblem(String dotted) {
            return "fully qualified name '" + dotted + "' is not allowed; import an allowed class and use its simple name";
        }

        private String dialectProblem(String dialect) {
            return "dialect \"" + dialect + "\" is not allowed; rules must use the \"java\" dialect";
        }

        private String attributeProblem(String attribute) {
            return "rule attribute '" + attribute + "' is not allowed (it schedules work outside the decision and its time budget)";
        }

        // -------------------------------------------------------------- Drools parser

        private void parse() {
            DrlParser parser = new DrlParser();
            try {
                pkg = parser.parse(false, drl);
            } catch (StackOverflowError e) {
                add(1, 1, "syntax error: the DRL is nested too deeply to be parsed");
            } catch (Exception e) {
                add(1, 1, "syntax error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            for (DroolsError error : parser.getErrors()) {
                int line = 1;
                int column = 1;
                if (error instanceof ParserError pe) {
                    line = pe.getRow();
                    column = pe.getCol() + 1;
                } else if (error.getLines() != null && error.getLines().length > 0) {
                    line = error.getLines()[0];
                }
                String msg = error.getMessage() == null ? "unknown" : PARSER_LOCATION.matcher(error.getMessage()).replaceFirst("");
                add(line, column, "syntax error: " + msg);
            }
            if (pkg == null && parser.getErrors().isEmpty()) {
                add(1, 1, "syntax error: the DRL could not be parsed");
            }
        }

        private void collectDeclaredTypes() {
            if (pkg != null) {
                for (AbstractClassTypeDeclarationDescr d : pkg.getClassAndEnumDeclarationDescrs()) {
                    String name = simpleName(d.getTypeName());
                    String existing = allowedTypes.contains(name) ? null : existingClass(name);
                    if (existing != null) {
                        // Drools would treat the declaration as metadata for the existing class and
                        // the name would become usable in rules
                        addAt(d, "a declared type may not be called '" + name + "': that is the existing class '"
                                + existing + "'; choose a new name");
                    } else {
                        declared.add(name);
                    }
                }
                for (WindowDeclarationDescr w : pkg.getWindowDeclarations()) {
                    declared.add(simpleName(w.getName()));
                }
            } else {
                // the text is refused anyway (syntax error); read the declarations from the tokens
                // so that the other problems reported are still meaningful
                for (int k = 0; k + 1 < toks.size(); k++) {
                    if (isKeyword(k, "declare")) {
                        int n = k + 1;
                        if (n < toks.size() && toks.get(n).kind() == Kind.IDENT
                                && Set.of("enum", "trait", "window").contains(toks.get(n).text())) {
                            n++;
                        }
                        if (n < toks.size() && toks.get(n).kind() == Kind.IDENT) {
                            declared.add(toks.get(n).text());
                        }
                    }
                }
            }
            declared.removeIf(FORBIDDEN_TYPES::containsKey);
        }

        /**
         * The class a simple name would resolve to without an import: {@code java.lang}, the rule's
         * own package or an allowed import package (wildcard imports). Looked up without
         * initialising the class.
         */
        private String existingClass(String name) {
            List<String> candidates = new ArrayList<>();
            candidates.add("java.lang." + name);
            candidates.add(packageName + "." + name);
            for (String p : allowedImportPackages) {
                candidates.add(p + "." + name);
            }
            ClassLoader loader = DrlSandbox.class.getClassLoader();
            for (String candidate : candidates) {
                try {
                    Class.forName(candidate, false, loader);
                    return candidate;
                } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                    // not an existing class
                }
            }
            return null;
        }

        // -------------------------------------------------------------- token helpers

        private Token tok(int k) {
            return k >= 0 && k < toks.size() ? toks.get(k) : null;
        }

        private boolean isSymbol(int k, String s) {
            Token t = tok(k);
            return t != null && t.isSymbol(s);
        }

        private boolean isIdent(int k) {
            Token t = tok(k);
            return t != null && t.kind() == Kind.IDENT;
        }

        private boolean isMember(int k) {
            return isSymbol(k - 1, ".") || isSymbol(k - 1, "::");
        }

        /** An identifier token with this text that is not a member access. */
        private boolean isKeyword(int k, String word) {
            Token t = tok(k);
            return t != null && t.isIdent(word) && !isMember(k);
        }

        /** For each (, [ and { token the index of its closing token (or the last token); computed once. */
        private int[] matches;

        private void computeMatches() {
            matches = new int[toks.size()];
            java.util.Arrays.fill(matches, -1);
            Map<String, Deque<Integer>> open = Map.of("(", new ArrayDeque<>(), "[", new ArrayDeque<>(), "{", new ArrayDeque<>());
            Map<String, String> closing = Map.of(")", "(", "]", "[", "}", "{");
            for (int k = 0; k < toks.size(); k++) {
                Token t = toks.get(k);
                if (t.kind() != Kind.SYMBOL) {
                    continue;
                }
                Deque<Integer> stack = open.get(t.text());
                if (stack != null) {
                    stack.push(k);
                } else if (closing.containsKey(t.text())) {
                    Deque<Integer> s = open.get(closing.get(t.text()));
                    if (!s.isEmpty()) {
                        matches[s.pop()] = k;
                    }
                }
            }
            for (int k = 0; k < matches.length; k++) {
                if (matches[k] < 0) {
                    matches[k] = toks.size() - 1;
                }
            }
        }

        /** Index of the token closing the (, [ or { at {@code open}. */
        private int matching(int open) {
            return matches[open];
        }

        /** Index of the '>' closing the '<' at {@code open} (generic arguments), or -1. Bounded. */
        private int matchingAngle(int open) {
            int depth = 0;
            for (int k = open; k < toks.size() && k < open + 256; k++) {
                Token t = toks.get(k);
                if (t.isSymbol("<")) {
                    depth++;
                } else if (t.isSymbol(">")) {
                    depth--;
                    if (depth == 0) {
                        return k;
                    }
                } else if (t.kind() == Kind.SYMBOL && !t.isSymbol(",") && !t.isSymbol(".") && !t.isSymbol("?")
                        && !t.isSymbol("[") && !t.isSymbol("]") && !t.isSymbol("&")) {
                    return -1;
                }
            }
            return -1;
        }

        // -------------------------------------------------------------- pre-pass: names that are not types

        private void prepass() {
            prepassCandidates();
            // a name followed by '.' is used as a receiver, never just as a name
            exempt.removeIf(k -> isSymbol(k + 1, "."));
        }

        private void prepassCandidates() {
            for (int k = 0; k < toks.size(); k++) {
                if (isKeyword(k, "rule") || isKeyword(k, "query")) {
                    // an unquoted rule name, and the parent of "rule A extends B"
                    if (isIdent(k + 1)) {
                        exempt.add(k + 1);
                        if (isKeyword(k + 2, "extends") && isIdent(k + 3)) {
                            exempt.add(k + 3);
                        }
                    }
                } else if (isKeyword(k, "declare")) {
                    declaration(k);
                } else if (isKeyword(k, "case")) {
                    // enum constants in switch labels: case OPEN, HALF_OPEN ->
                    for (int n = k + 1; n < toks.size(); n++) {
                        Token t = toks.get(n);
                        if (t.kind() == Kind.IDENT && isAllCaps(t.text()) && !FORBIDDEN_TYPES.containsKey(t.text())) {
                            exempt.add(n);
                        } else if (!t.isSymbol(",")) {
                            break;
                        }
                    }
                } else if ((isKeyword(k, "then") || isKeyword(k, "do") || isKeyword(k, "break"))
                        && isSymbol(k + 1, "[") && isIdent(k + 2) && isSymbol(k + 3, "]")) {
                    exempt.add(k + 2); // named consequence
                }
            }
        }

        private void declaration(int k) {
            int n = k + 1;
            Token kind = tok(n);
            if (kind != null && kind.isIdent("trait")) {
                add(kind, "'declare trait' is not allowed");
                n++;
            } else if (kind != null && (kind.isIdent("enum") || kind.isIdent("window"))) {
                n++;
            }
            Token name = tok(n);
            if (name == null || name.kind() != Kind.IDENT) {
                return;
            }
            if (FORBIDDEN_TYPES.containsKey(name.text())) {
                add(name, "a declared type may not be called '" + name.text() + "'");
            }
            exempt.add(n);
            if (kind != null && kind.isIdent("enum")) {
                // the constants, up to the first ';' outside parentheses
                int depth = 0;
                for (int m = n + 1; m < toks.size(); m++) {
                    Token t = toks.get(m);
                    if (t.isSymbol("(")) {
                        depth++;
                    } else if (t.isSymbol(")")) {
                        depth--;
                    } else if (t.isSymbol(";") && depth == 0) {
                        break;
                    } else if (depth == 0 && t.kind() == Kind.IDENT
                            && Set.of("end", "declare", "rule", "query", "function").contains(t.text())) {
                        break;
                    } else if (depth == 0 && t.kind() == Kind.IDENT && !FORBIDDEN_TYPES.containsKey(t.text())
                            && isAllCaps(t.text())) {
                        exempt.add(m);
                    }
                }
            }
        }

        // -------------------------------------------------------------- functions must not recurse

        private void checkRecursion() {
            Map<String, List<int[]>> functions = new LinkedHashMap<>(); // name -> [nameIndex, bodyStart, bodyEnd]
            for (int k = 0; k < toks.size(); k++) {
                if (!isKeyword(k, "function")) {
                    continue;
                }
                int open = -1;
                for (int n = k + 1; n < toks.size() && n < k + 64; n++) {
                    if (isSymbol(n, "(")) {
                        open = n;
                        break;
                    }
                }
                if (open < 0 || !isIdent(open - 1)) {
                    continue;
                }
                int close = matching(open);
                int body = -1;
                for (int n = close + 1; n < toks.size(); n++) {
                    if (isSymbol(n, "{")) {
                        body = n;
                        break;
                    }
                    if (!isIdent(n) && !isSymbol(n, ",") && !isSymbol(n, ".")) {
                        break; // only "throws A, B" may stand between the parameters and the body
                    }
                }
                if (body < 0) {
                    continue;
                }
                functions.computeIfAbsent(tok(open - 1).text(), x -> new ArrayList<>())
                        .add(new int[] {open - 1, body, matching(body)});
            }
            Map<String, Set<String>> calls = new HashMap<>();
            for (Map.Entry<String, List<int[]>> f : functions.entrySet()) {
                Set<String> callees = new HashSet<>();
                for (int[] range : f.getValue()) {
                    for (int n = range[1]; n <= range[2]; n++) {
                        Token t = toks.get(n);
                        if (t.kind() == Kind.IDENT && !isMember(n) && isSymbol(n + 1, "(")
                                && functions.containsKey(t.text())) {
                            callees.add(t.text());
                        }
                    }
                }
                calls.put(f.getKey(), callees);
            }
            for (String f : recursive(calls)) {
                for (int[] range : functions.get(f)) {
                    add(toks.get(range[0]), "function '" + f
                            + "' calls itself (directly or through other functions); recursion is not allowed");
                }
            }
        }

        /** The functions that lie on a call cycle (Kosaraju's strongly connected components, iterative). */
        private Set<String> recursive(Map<String, Set<String>> calls) {
            Map<String, Set<String>> reverse = new HashMap<>();
            for (Map.Entry<String, Set<String>> e : calls.entrySet()) {
                for (String callee : e.getValue()) {
                    reverse.computeIfAbsent(callee, x -> new HashSet<>()).add(e.getKey());
                }
            }
            // first pass: order of completion
            List<String> order = new ArrayList<>();
            Set<String> visited = new HashSet<>();
            for (String start : calls.keySet()) {
                if (!visited.add(start)) {
                    continue;
                }
                Deque<Map.Entry<String, java.util.Iterator<String>>> stack = new ArrayDeque<>();
                stack.push(Map.entry(start, calls.getOrDefault(start, Set.of()).iterator()));
                while (!stack.isEmpty()) {
                    java.util.Iterator<String> it = stack.peek().getValue();
                    if (it.hasNext()) {
                        String next = it.next();
                        if (visited.add(next)) {
                            stack.push(Map.entry(next, calls.getOrDefault(next, Set.of()).iterator()));
                        }
                    } else {
                        order.add(stack.pop().getKey());
                    }
                }
            }
            // second pass on the reversed graph, in reverse completion order
            Set<String> out = new LinkedHashSet<>();
            Set<String> assigned = new HashSet<>();
            for (int i = order.size() - 1; i >= 0; i--) {
                String root = order.get(i);
                if (!assigned.add(root)) {
                    continue;
                }
                List<String> component = new ArrayList<>();
                Deque<String> pending = new ArrayDeque<>();
                pending.push(root);
                while (!pending.isEmpty()) {
                    String f = pending.pop();
                    component.add(f);
                    for (String caller : reverse.getOrDefault(f, Set.of())) {
                        if (assigned.add(caller)) {
                            pending.push(caller);
                        }
                    }
                }
                if (component.size() > 1 || calls.getOrDefault(root, Set.of()).contains(root)) {
                    out.addAll(component);
                }
            }
            return out;
        }

        // -------------------------------------------------------------- the token scan

        private void scan() {
            boolean ruleHeader = false;
            for (int k = 0; k < toks.size(); k++) {
                Token t = toks.get(k);
                if (t.kind() != Kind.IDENT) {
                    continue;
                }
                boolean member = isMember(k);
                String text = t.text();
                if (!member) {
                    switch (text) {
                        case "package" -> {
                            k = packageStatement(k);
                            continue;
                        }
                        case "import" -> {
                            k = importStatement(k);
                            continue;
                        }
                        case "global" -> globalStatement(k);
                        case "rule" -> ruleHeader = true;
                        case "when", "then", "end" -> ruleHeader = false;
                        default -> {
                            // checked below
                        }
                    }
                }
                if (exempt.contains(k)) {
                    continue;
                }
                if (isCapitalised(text)) {
                    if (member) {
                        if (text.equals("TYPE")) {
                            add(t, "'TYPE' is not allowed in rules (it is a Class object: " + REFLECTION + ")");
                        } else if (FORBIDDEN_TYPES.containsKey(text)) {
                            add(t, typeProblem(text));
                        }
                    } else {
                        String problem = typeProblem(text);
                        if (problem != null) {
                            add(t, problem);
                        }
                    }
                    continue;
                }
                String problem = nameProblem(text);
                boolean plainVariable = !member && CALL_ONLY_NAMES.contains(text) && !isSymbol(k + 1, "(");
                if (problem != null && !plainVariable) {
                    add(t, problem);
                }
                if (!member && ENGINE_SHORTHANDS.contains(text) && isSymbol(k + 1, "[")) {
                    add(t, "'" + text + "[...]' is not allowed in rules (" + ENGINE + ")");
                }
                if (member) {
                    continue;
                }
                if (ruleHeader && FORBIDDEN_ATTRIBUTES.contains(text)) {
                    add(t, attributeProblem(text));
                }
                switch (text) {
                    case "while", "until", "foreach" -> add(t, "'" + text
                            + "' loops are not allowed (a loop that never ends cannot be stopped); use for-each over a collection");
                    case "do" -> {
                        if (!isSymbol(k + 1, "[")) {
                            add(t, "'do ... while' loops are not allowed (a loop that never ends cannot be stopped); use for-each over a collection");
                        }
                    }
                    case "for" -> forLoop(k);
                    case "interface" -> add(t, "local interfaces are not allowed");
                    case "new" -> anonymousClass(k);
                    case "drools" -> droolsUse(k);
                    case "dialect" -> {
                        Token value = tok(k + 1);
                        if (value != null && value.kind() == Kind.STRING) {
                            String d = unquote(value.text());
                            if (!d.equals("java")) {
                                add(t, dialectProblem(d));
                            }
                        }
                    }
                    default -> qualifiedName(k);
                }
            }
        }

        private int packageStatement(int k) {
            packageSeen = true;
            int n = k + 1;
            StringBuilder name = new StringBuilder();
            Token first = tok(n);
            while (isIdent(n)) {
                name.append(tok(n).text());
                if (isSymbol(n + 1, ".") && isIdent(n + 2)) {
                    name.append('.');
                    n += 2;
                } else {
                    n++;
                    break;
                }
            }
            if (first == null || name.length() == 0) {
                return k;
            }
            if (!name.toString().equals(packageName)) {
                add(first, "package '" + name + "' is not allowed here; this rule set must use 'package " + packageName + ";'");
            }
            return isSymbol(n, ";") ? n : n - 1;
        }

        private int importStatement(int k) {
            int n = k + 1;
            Token modifier = null;
            if (isIdent(n) && Set.of("static", "function", "accumulate").contains(tok(n).text())) {
                modifier = tok(n);
                n++;
            }
            Token first = tok(n);
            List<String> segments = new ArrayList<>();
            boolean wildcard = false;
            while (isIdent(n)) {
                segments.add(tok(n).text());
                if (isSymbol(n + 1, ".") && isIdent(n + 2)) {
                    n += 2;
                } else if (isSymbol(n + 1, ".") && isSymbol(n + 2, "*")) {
                    wildcard = true;
                    n += 3;
                    break;
                } else {
                    n++;
                    break;
                }
            }
            if (first == null || segments.isEmpty()) {
                return k; // the parser reports the syntax error
            }
            String target = String.join(".", segments) + (wildcard ? ".*" : "");
            importLines.add(first.line());
            Token at = modifier != null ? modifier : first;
            String problem = modifier != null && !modifier.is("accumulate")
                    ? importStaticProblem(modifier.text())
                    : importProblem(target);
            if (problem != null) {
                add(at, problem);
            }
            if (modifier != null && modifier.is("accumulate") && isIdent(n) && tok(n).line() == tok(n - 1).line()) {
                n++; // the accumulate function's name
            }
            return isSymbol(n, ";") ? n : n - 1;
        }

        private String importStaticProblem(String modifier) {
            return "'import " + modifier + "' is not allowed; call methods on allowed types instead";
        }

        private String importProblem(String target) {
            if (target.endsWith(".*")) {
                String p = target.substring(0, target.length() - 2);
                return allowedImportPackages.contains(p) ? null
                        : "import of '" + target + "' is not allowed; only packages " + allowedImportPackages
                                + " may be imported with '*'";
            }
            if (JDK_ALLOWED_TYPES.containsValue(target)) {
                return null;
            }
            String[] parts = target.split("\\.");
            int firstClass = 0;
            while (firstClass < parts.length && !isCapitalised(parts[firstClass])) {
                firstClass++;
            }
            String pkgPart = String.join(".", java.util.Arrays.asList(parts).subList(0, firstClass));
            String simple = parts[parts.length - 1];
            if (firstClass < parts.length && allowedImportPackages.contains(pkgPart)) {
                if (FORBIDDEN_TYPES.containsKey(simple)) {
                    return "import of '" + target + "' is not allowed (" + FORBIDDEN_TYPES.get(simple) + ")";
                }
                if (!callerTypes.contains(simple) && !allowedGlobals.containsValue(simple)) {
                    return "import of '" + target + "' is not allowed; type '" + simple
                            + "' is not in the allow-list of rule types";
                }
                return null;
            }
            return "import of '" + target + "' is not allowed; rules may import only the allowed JDK types and classes of "
                    + allowedImportPackages;
        }

        private void globalStatement(int k) {
            int n = k + 1;
            Token typeStart = tok(n);
            if (typeStart == null || typeStart.kind() != Kind.IDENT) {
                return;
            }
            StringBuilder type = new StringBuilder();
            while (isIdent(n)) {
                type.append(tok(n).text());
                if (isSymbol(n + 1, ".") && isIdent(n + 2)) {
                    type.append('.');
                    n += 2;
                } else {
                    n++;
                    break;
                }
            }
            if (isSymbol(n, "<")) {
                int close = matchingAngle(n);
                if (close < 0) {
                    return;
                }
                for (int m = n; m <= close; m++) {
                    type.append(tok(m).text());
                }
                n = close + 1;
            }
            while (isSymbol(n, "[") && isSymbol(n + 1, "]")) {
                type.append("[]");
                n += 2;
            }
            Token name = tok(n);
            if (name == null || name.kind() != Kind.IDENT) {
                return;
            }
            globalLines.add(typeStart.line());
            checkGlobal(name.text(), type.toString(), name.line(), name.column(), typeStart.line(), typeStart.column());
        }

        private void checkGlobal(String name, String type, int nameLine, int nameColumn, int typeLine, int typeColumn) {
            String expected = allowedGlobals.get(name);
            if (expected == null) {
                addIfAbsentOnLine(nameLine, nameColumn, "global '" + name + "' is not provided by the engine; allowed globals: "
                        + allowedGlobals.keySet());
            } else if (!expected.equals(type)) {
                addIfAbsentOnLine(typeLine, typeColumn, "global '" + name + "' must be declared as 'global " + expected + " "
                        + name + "', not with type '" + type + "'");
            }
        }

        private void forLoop(int k) {
            if (!isSymbol(k + 1, "(")) {
                return;
            }
            int close = matching(k + 1);
            for (int n = k + 2; n < close; n++) {
                Token t = toks.get(n);
                if (t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{")) {
                    n = matching(n); // skip nested brackets
                } else if (t.isSymbol(";")) {
                    add(toks.get(k), "counting 'for' loops are not allowed (a loop that never ends cannot be stopped); "
                            + "use for-each over a collection");
                    return;
                }
            }
        }

        private void anonymousClass(int k) {
            int n = k + 1;
            while (isIdent(n) && isSymbol(n + 1, ".")) {
                n += 2;
            }
            if (!isIdent(n)) {
                return;
            }
            n++;
            if (isSymbol(n, "<")) {
                int close = matchingAngle(n);
                if (close < 0) {
                    return;
                }
                n = close + 1;
            }
            if (isSymbol(n, "(")) {
                int close = matching(n);
                if (isSymbol(close + 1, "{")) {
                    add(toks.get(k), "anonymous classes are not allowed; use a lambda");
                }
            }
        }

        private void droolsUse(int k) {
            Token method = tok(k + 2);
            if (isSymbol(k + 1, ".") && method != null && method.kind() == Kind.IDENT && DROOLS_METHODS.contains(method.text())) {
                return;
            }
            add(toks.get(k), "'drools' may only be used as drools." + String.join("(), drools.", new TreeSet<>(DROOLS_METHODS))
                    + "() (" + ENGINE + ")");
        }

        /** A dotted chain that starts with a lowercase name and is really a package-qualified class name. */
        private void qualifiedName(int k) {
            Token first = toks.get(k);
            if (!isSymbol(k + 1, ".") || !isIdent(k + 2) || first.is("this") || first.is("super")) {
                return;
            }
            StringBuilder dotted = new StringBuilder(first.text());
            int n = k;
            boolean strongRoot = packageRoots.contains(first.text());
            while (isSymbol(n + 1, ".") && isIdent(n + 2)) {
                n += 2;
                String segment = tok(n).text();
                dotted.append('.').append(segment);
                if (isCapitalised(segment)) {
                    add(first, fqnProblem(dotted.toString()));
                    return;
                }
            }
            if (strongRoot) {
                add(first, fqnProblem(dotted.toString()));
            }
        }

        // -------------------------------------------------------------- second opinion from the parser's descriptors

        private void crossCheckWithParser() {
            if (pkg == null) {
                return;
            }
            if (pkg.getName() != null && !pkg.getName().isEmpty() && !pkg.getName().equals(packageName)) {
                addIfAbsentOnLine(pkg.getLine(), pkg.getColumn() + 1, "package '" + pkg.getName()
                        + "' is not allowed here; this rule set must use 'package " + packageName + ";'");
            }
            for (ImportDescr i : pkg.getImports()) {
                if (!importLines.contains(i.getLine())) {
                    String problem = importProblem(i.getTarget());
                    if (problem != null) {
                        addAt(i, problem);
                    }
                }
            }
            for (ImportDescr i : pkg.getFunctionImports()) {
                if (!importLines.contains(i.getLine())) {
                    addAt(i, importStaticProblem("static"));
                }
            }
            for (ImportDescr i : pkg.getAccumulateImports()) {
                if (!importLines.contains(i.getLine())) {
                    String problem = importProblem(i.getTarget());
                    if (problem != null) {
                        addAt(i, problem);
                    }
                }
            }
            for (GlobalDescr g : pkg.getGlobals()) {
                if (!globalLines.contains(g.getLine())) {
                    String type = g.getType() == null ? "" : g.getType().replaceAll("\\s+", "");
                    checkGlobal(g.getIdentifier(), type, g.getLine(), g.getColumn() + 1, g.getLine(), g.getColumn() + 1);
                }
            }
            for (AttributeDescr a : pkg.getAttributes()) {
                checkAttribute(a);
            }
            for (FunctionDescr f : pkg.getFunctions()) {
                if (f.getDialect() != null && !f.getDialect().equals("java")) {
                    addAt(f, dialectProblem(f.getDialect()));
                }
            }
            for (RuleDescr r : pkg.getRules()) {
                for (AttributeDescr a : r.getAttributes().values()) {
                    checkAttribute(a);
                }
            }
            for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
                if (t.isTrait()) {
                    addAt(t, "'declare trait' is not allowed");
                }
                for (QualifiedName s : t.getSuperTypes()) {
                    checkDeclaredTypeRef(t, s.getFullName());
                }
                checkFields(t);
            }
            for (EnumDeclarationDescr e : pkg.getEnumDeclarations()) {
                checkFields(e);
            }
        }

        private void checkAttribute(AttributeDescr a) {
            String name = a.getName() == null ? "" : a.getName().toLowerCase(Locale.ROOT);
            if (name.equals("dialect")) {
                String d = a.getValue() == null ? "" : unquote(a.getValue().trim());
                if (!d.equals("java")) {
                    addAt(a, dialectProblem(d));
                }
            } else if (FORBIDDEN_ATTRIBUTES.contains(name)) {
                addAt(a, attributeProblem(name));
            }
        }

        private void checkFields(AbstractClassTypeDeclarationDescr d) {
            for (TypeFieldDescr f : d.getFields().values()) {
                if (f.getPattern() != null && f.getPattern().getObjectType() != null) {
                    checkDeclaredTypeRef(f, f.getPattern().getObjectType());
                }
            }
        }

        /** A type written in a declaration: every capitalised part must be allowed, and no package names. */
        private void checkDeclaredTypeRef(BaseDescr where, String typeText) {
            java.util.regex.Matcher m = DOTTED_NAME.matcher(typeText);
            while (m.find()) {
                String dotted = m.group();
                String[] parts = dotted.split("\\.");
                if (parts.length > 1 && !isCapitalised(parts[0])) {
                    addAt(where, fqnProblem(dotted));
                    continue;
                }
                String problem = isCapitalised(parts[0]) ? typeProblem(parts[0]) : null;
                if (problem != null) {
                    addAt(where, problem);
                }
            }
        }
    }

    private static String simpleName(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
