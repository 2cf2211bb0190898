package io.jifen.engine.safety;

import java.util.Set;

/**
 * What merchant-authored rules may name. Rules are untrusted input: they may use the fact model,
 * {@code java.time}, {@code java.math}, collections and a few harmless {@code java.lang} types,
 * and nothing that reaches the JVM, the file system, the network, reflection or the wall clock.
 */
final class AllowList {
    private AllowList() {
    }

    static final String FACTS_PACKAGE = "io.jifen.engine.facts";

    static final Set<String> FACT_TYPES = Set.of("Purchase", "LineItem", "MemberEvent", "EventTypes", "Member",
            "MemberActivity", "ProgramCalendar", "CatalogItem", "QuoteRequest", "RuleActions");

    static final Set<String> JAVA_LANG = Set.of("String", "Integer", "Long", "Double", "Float", "Short", "Byte",
            "Boolean", "Character", "Math", "Number", "Object", "CharSequence", "Comparable");

    static final Set<String> JAVA_TIME = Set.of("LocalDate", "LocalDateTime", "LocalTime", "Instant", "ZoneId",
            "ZoneOffset", "ZonedDateTime", "OffsetDateTime", "Duration", "Period", "DayOfWeek", "Month", "MonthDay",
            "YearMonth", "Year", "ChronoUnit", "TemporalAdjusters");

    static final Set<String> JAVA_MATH = Set.of("BigDecimal", "BigInteger", "RoundingMode", "MathContext");

    static final Set<String> COLLECTIONS = Set.of("List", "ArrayList", "LinkedList", "Map", "HashMap",
            "LinkedHashMap", "TreeMap", "Set", "HashSet", "LinkedHashSet", "TreeSet", "Collection", "Collections",
            "Optional", "Objects");

    /** Types a rule may create with {@code new}. */
    static final Set<String> CONSTRUCTIBLE = Set.of("BigDecimal", "ArrayList", "LinkedList", "HashMap",
            "LinkedHashMap", "TreeMap", "HashSet", "LinkedHashSet", "TreeSet");

    static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "float", "short", "byte", "boolean",
            "char");

    /** First segments of qualified names; any qualified type must then be on the allow-list. */
    static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jakarta", "jdk", "sun", "com", "org",
            "net", "io", "kotlin", "groovy", "scala");

    static final Set<String> LOOP_KEYWORDS = Set.of("while", "for", "do", "foreach", "until");

    static final Set<String> FORBIDDEN_KEYWORDS = Set.of("class", "interface", "enum", "try", "catch", "finally",
            "throw", "throws", "synchronized", "import", "package", "goto", "assert", "function", "def",
            "native", "volatile", "transient", "super", "this", "static", "strictfp");

    /** Members whose call would reach reflection, the runtime, threads or the wall clock. */
    static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "forName", "getClassLoader",
            "getContextClassLoader", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField",
            "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors", "getMethod", "getMethods",
            "getField", "getFields", "getConstructor", "getConstructors", "newInstance", "invoke", "invokeExact",
            "setAccessible", "exec", "exit", "halt", "load", "loadLibrary", "getRuntime", "wait", "notify",
            "notifyAll", "getKieRuntime", "getKieBase", "getWorkingMemory", "getKnowledgeRuntime", "getEntryPoint",
            "random", "now", "currentTimeMillis", "nanoTime", "repeat", "getenv", "getProperty", "finalize",
            "start", "clone", "nCopies", "pow", "scaleByPowerOfTen");

    /** Collections may only be created empty: a capacity or a source collection could be made huge. */
    static final Set<String> EMPTY_ONLY = Set.of("ArrayList", "LinkedList", "HashMap", "LinkedHashMap", "TreeMap",
            "HashSet", "LinkedHashSet", "TreeSet");

    /** Implicit rule-context variables that expose the engine itself. */
    static final Set<String> ENGINE_HANDLES = Set.of("drools", "kcontext", "kieRuntime");

    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max", "average",
            "collectList", "collectSet");

    /** Rule attributes that read the wall clock or bypass the phase order. */
    static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("timer", "duration", "calendars", "date-effective",
            "date-expires", "auto-focus");

    static boolean isAllowedSimpleType(String name) {
        return FACT_TYPES.contains(name) || JAVA_LANG.contains(name) || JAVA_TIME.contains(name)
                || JAVA_MATH.contains(name) || COLLECTIONS.contains(name);
    }

    /** A fully qualified type name a rule may use or import. */
    static boolean isAllowedQualifiedType(String qualified) {
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) {
            return isAllowedSimpleType(qualified);
        }
        String pkg = qualified.substring(0, dot);
        String simple = qualified.substring(dot + 1);
        return switch (pkg) {
            case FACTS_PACKAGE -> FACT_TYPES.contains(simple);
            case "java.time", "java.time.temporal" -> JAVA_TIME.contains(simple);
            case "java.math" -> JAVA_MATH.contains(simple);
            case "java.util" -> COLLECTIONS.contains(simple);
            case "java.lang" -> JAVA_LANG.contains(simple);
            default -> false;
        };
    }

    static boolean isAllowedWildcardImport(String pkg) {
        return Set.of(FACTS_PACKAGE, "java.time", "java.math", "java.util").contains(pkg);
    }
}
