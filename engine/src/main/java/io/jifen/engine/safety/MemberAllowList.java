package io.jifen.engine.safety;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per allowed type, the methods and fields a rule may use. Everything not named here is refused —
 * by the source check on the names a rule writes, and by the bytecode check on what the compiler
 * actually produced. Types are JVM internal names ({@code java/math/BigDecimal}).
 *
 * <p>Left out on purpose: whatever reads the clock or the environment ({@code now},
 * {@code systemDefault}), reflection ({@code getClass}), regular expressions ({@code matches},
 * {@code replaceAll}: a pattern can backtrack for hours), and whatever an argument can blow up
 * ({@code String.format}, {@code repeat}, {@code nCopies}, {@code addAll}, {@code remainder}).
 * A few methods are allowed only with a small constant argument ({@link #SMALL_CONSTANT_ARGUMENT}).
 */
public final class MemberAllowList {
    private MemberAllowList() {
    }

    /** The largest constant a scale, shift, power or precision argument may have. */
    public static final int MAX_CONSTANT_ARGUMENT = 64;

    private static final Map<String, Set<String>> METHODS = new HashMap<>();
    private static final Map<String, Set<String>> FIELDS = new HashMap<>();
    /** Types whose methods are allowed by name prefix ({@code plusDays}, {@code getYear}, {@code isBefore} …). */
    private static final Set<String> PREFIX_TYPES = new HashSet<>();
    private static final List<String> TIME_PREFIXES = List.of("of", "plus", "minus", "with", "get", "is", "at", "to",
            "compareTo", "equals", "hashCode", "until", "between", "parse", "from", "length", "valueOf", "ordinal",
            "name", "truncatedTo", "next", "previous", "firstDay", "lastDay", "firstIn", "lastIn", "dayOfWeekInMonth",
            "normalized", "negated", "abs", "multipliedBy", "dividedBy", "range", "compare");
    /** The public method names of those types that pass the prefixes: what the source check may see. */
    private static final Set<String> TIME_METHODS = new HashSet<>();
    private static final Set<String> TIME_EXCLUDED = Set.of("now", "systemDefault", "ofDateAdjuster",
            "getAvailableZoneIds", "toTemporal", "withLocale");

    /**
     * "owner.name" of methods whose int argument (scale, shift, power, precision) must be a
     * literal between -{@value #MAX_CONSTANT_ARGUMENT} and {@value #MAX_CONSTANT_ARGUMENT}:
     * {@code setScale(1_000_000_000)} would build a number of a billion digits.
     */
    public static final Set<String> SMALL_CONSTANT_ARGUMENT = Set.of("java/math/BigDecimal.setScale",
            "java/math/BigDecimal.movePointLeft", "java/math/BigDecimal.movePointRight",
            "java/math/BigDecimal.scaleByPowerOfTen", "java/math/BigDecimal.pow", "java/math/BigDecimal.valueOf",
            "java/math/BigDecimal.divide", "java/math/BigInteger.pow", "java/math/BigInteger.shiftLeft",
            "java/math/BigInteger.shiftRight", "java/math/MathContext.<init>", "java/math/BigDecimal.<init>");

    static {
        Set<String> objectMethods = Set.of("equals", "hashCode", "toString");
        String boxedNumber = "valueOf intValue longValue doubleValue floatValue shortValue byteValue compare compareTo"
                + " equals hashCode toString sum max min signum";
        allow("java/lang/Object", "<init> equals hashCode toString");
        allow("java/lang/String", "length isEmpty isBlank charAt codePointAt substring indexOf lastIndexOf contains"
                + " startsWith endsWith equals equalsIgnoreCase compareTo compareToIgnoreCase toUpperCase toLowerCase"
                + " trim strip stripLeading stripTrailing valueOf concat hashCode toString");
        allow("java/lang/CharSequence", "length charAt isEmpty toString");
        allow("java/lang/Comparable", "compareTo");
        allow("java/lang/Number", "intValue longValue doubleValue floatValue shortValue byteValue");
        for (String boxed : List.of("Integer", "Long", "Short", "Byte")) {
            allow("java/lang/" + boxed, boxedNumber + " parse" + (boxed.equals("Integer") ? "Int" : boxed));
            allowFields("java/lang/" + boxed, "MIN_VALUE MAX_VALUE");
        }
        for (String boxed : List.of("Double", "Float")) {
            allow("java/lang/" + boxed, boxedNumber + " parse" + boxed + " isNaN isInfinite isFinite");
            allowFields("java/lang/" + boxed, "MIN_VALUE MAX_VALUE");
        }
        allow("java/lang/Boolean", "valueOf booleanValue parseBoolean equals hashCode toString compare compareTo");
        allowFields("java/lang/Boolean", "TRUE FALSE");
        allow("java/lang/Character", "isDigit isLetter isLetterOrDigit isUpperCase isLowerCase isWhitespace"
                + " toUpperCase toLowerCase valueOf charValue equals hashCode toString compare compareTo");
        allow("java/lang/Math", "abs max min floor ceil round rint signum addExact subtractExact multiplyExact"
                + " negateExact incrementExact decrementExact toIntExact floorDiv floorMod sqrt cbrt pow hypot exp log log10");
        allowFields("java/lang/Math", "PI E");

        allow("java/math/BigDecimal", "<init> valueOf add subtract multiply divide negate abs plus signum scale precision"
                + " unscaledValue compareTo equals hashCode min max intValue longValue doubleValue floatValue intValueExact"
                + " longValueExact toBigInteger toString toPlainString toEngineeringString stripTrailingZeros setScale round"
                + " movePointLeft movePointRight scaleByPowerOfTen pow ulp");
        allowFields("java/math/BigDecimal", "ZERO ONE TWO TEN ROUND_UP ROUND_DOWN ROUND_CEILING ROUND_FLOOR ROUND_HALF_UP"
                + " ROUND_HALF_DOWN ROUND_HALF_EVEN ROUND_UNNECESSARY");
        allow("java/math/BigInteger", "valueOf add subtract multiply divide mod negate abs signum compareTo equals hashCode"
                + " min max intValue longValue doubleValue toString intValueExact longValueExact bitLength pow shiftLeft shiftRight");
        allowFields("java/math/BigInteger", "ZERO ONE TWO TEN");
        allow("java/math/RoundingMode", "valueOf name ordinal equals hashCode toString compareTo");
        allowFields("java/math/RoundingMode", "UP DOWN CEILING FLOOR HALF_UP HALF_DOWN HALF_EVEN UNNECESSARY");
        allow("java/math/MathContext", "<init> getPrecision getRoundingMode equals hashCode toString");
        allowFields("java/math/MathContext", "DECIMAL32 DECIMAL64 DECIMAL128");

        for (String type : List.of("LocalDate", "LocalDateTime", "LocalTime", "Instant", "ZoneId", "ZoneOffset",
                "ZonedDateTime", "OffsetDateTime", "Duration", "Period", "DayOfWeek", "Month", "MonthDay", "YearMonth",
                "Year", "chrono/ChronoLocalDate", "chrono/ChronoLocalDateTime", "chrono/ChronoZonedDateTime",
                "temporal/ChronoUnit", "temporal/TemporalAdjusters", "temporal/Temporal", "temporal/TemporalAccessor",
                "temporal/TemporalAmount", "temporal/TemporalUnit", "temporal/TemporalAdjuster")) {
            PREFIX_TYPES.add("java/time/" + type);
            Class<?> timeType = jdkClass("java/time/" + type);
            for (Field f : timeType.getFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    FIELDS.computeIfAbsent("java/time/" + type, k -> new HashSet<>()).add(f.getName());
                }
            }
            for (Method m : timeType.getMethods()) {
                if (allowedTimeMethod(m.getName())) {
                    TIME_METHODS.add(m.getName());
                }
            }
        }

        String collection = "<init> add get size isEmpty contains containsKey containsValue put putIfAbsent getOrDefault"
                + " remove indexOf lastIndexOf clear keySet values first last subList equals hashCode toString";
        for (String type : List.of("List", "ArrayList", "LinkedList", "Collection", "Set", "HashSet", "LinkedHashSet",
                "TreeSet", "SortedSet", "Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap")) {
            allow("java/util/" + type, collection);
        }
        allow("java/util/Collections", "emptyList emptyMap emptySet singletonList singleton singletonMap"
                + " unmodifiableList unmodifiableSet unmodifiableMap unmodifiableCollection max min sort reverse frequency disjoint");
        allow("java/util/Objects", "equals isNull nonNull toString hashCode requireNonNull requireNonNullElse");
        allow("java/util/Optional", "of ofNullable empty isPresent isEmpty get orElse equals hashCode toString");

        // the fact model: its own public methods (getters, attribute(..), eventsToday(..), isBetween(..)),
        // never what it inherits from Object beyond equals, hashCode and toString
        for (String fact : AllowList.FACT_TYPES) {
            Class<?> type = factClass(fact);
            String owner = type.getName().replace('.', '/');
            Set<String> methods = METHODS.computeIfAbsent(owner, k -> new HashSet<>());
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    methods.add(m.getName());
                }
            }
            methods.addAll(objectMethods);
            for (Field f : type.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && Modifier.isFinal(mod)) {
                    FIELDS.computeIfAbsent(owner, k -> new HashSet<>()).add(f.getName());
                }
            }
        }
    }

    /** Every method and constant name any allowed type allows, for the source check, which sees names only. */
    private static final Set<String> ANY_NAME = new HashSet<>();

    static {
        METHODS.values().forEach(ANY_NAME::addAll);
        FIELDS.values().forEach(ANY_NAME::addAll);
        ANY_NAME.addAll(TIME_METHODS);
    }

    private static void allow(String owner, String names) {
        METHODS.computeIfAbsent(owner, k -> new HashSet<>()).addAll(List.of(names.split(" ")));
    }

    private static void allowFields(String owner, String names) {
        FIELDS.computeIfAbsent(owner, k -> new HashSet<>()).addAll(List.of(names.split(" ")));
    }

    private static Class<?> jdkClass(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the allow-list names a JDK type that does not exist: " + internalName, e);
        }
    }

    private static Class<?> factClass(String simpleName) {
        try {
            return Class.forName(AllowList.FACTS_PACKAGE + "." + simpleName, false, MemberAllowList.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the allow-list names a fact type that does not exist: " + simpleName, e);
        }
    }

    /** May a rule call {@code owner.name}? */
    public static boolean allowsMethod(String owner, String name) {
        Set<String> names = METHODS.get(owner);
        if (names != null) {
            return names.contains(name);
        }
        return PREFIX_TYPES.contains(owner) && TIME_METHODS.contains(name);
    }

    /** May a rule read the static field {@code owner.name}? Every public constant of the java.time types is fine. */
    public static boolean allowsField(String owner, String name) {
        Set<String> names = FIELDS.get(owner);
        return names != null && names.contains(name);
    }

    /** Is {@code owner} a fact type, whose getters hand out the evaluation's input? */
    public static boolean isFact(String owner) {
        return owner.startsWith(AllowList.FACTS_PACKAGE.replace('.', '/') + "/");
    }

    private static boolean allowedTimeMethod(String name) {
        if (TIME_EXCLUDED.contains(name)) {
            return false;
        }
        for (String prefix : TIME_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The source check's view, where the receiver's type is not known: may any allowed type have a
     * method or a property (a getter, as constraints write {@code total} for {@code getTotal()}) of this name?
     */
    static boolean anyTypeAllows(String name) {
        if (TIME_EXCLUDED.contains(name)) {
            return false;
        }
        String capitalised = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return ANY_NAME.contains(name) || ANY_NAME.contains("get" + capitalised) || ANY_NAME.contains("is" + capitalised)
                || AllowList.isAllowedSimpleType(name);
    }
}
