package io.jifen.engine.safety;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second line of defence: reads the class bytes Drools compiled from a rule set's Java
 * (consequences, accumulate expressions) and refuses the rule set if any instruction calls a
 * method, reads a field or creates an object outside {@link MemberAllowList}. It reads no source
 * text, so whatever disguise got past the source check, what would run is what is checked.
 *
 * <p>Beyond the allow-list: no loops (a backward jump), no arrays, no exception handlers, no
 * {@code invokedynamic} but string concatenation, and a bound on what straight-line code can build —
 * every string and number value gets an upper bound on its size (characters, or digits plus scale),
 * computed along the data flow, and a rule set whose values could exceed {@link #MAX_STRING_CHARS}
 * or {@link #MAX_NUMBER_DIGITS} is refused ({@code s = s + s} thirty times would need gigabytes).
 */
public final class BytecodeCheck {
    /** What a class or method of the rule set does that rules may not do. */
    public record Finding(String className, String message) {
    }

    /** The largest string a rule may be able to build: 1 MiB characters. */
    public static final long MAX_STRING_CHARS = 1L << 20;
    /** The largest number a rule may be able to build, in digits plus scale. */
    public static final long MAX_NUMBER_DIGITS = 10_000;
    /** An upper bound for any string or number handed in by the evaluation (a fact's field). */
    static final long INPUT_SIZE = 65_536;
    /**
     * An upper bound for any number handed in by the evaluation, in digits plus scale: inputs are
     * refused beyond 18 integer digits ({@code InputCheck}), stored amounts are NUMERIC(19,4) at most.
     */
    static final long INPUT_DIGITS = 40;
    private static final long PRIMITIVE_SIZE = 24;
    private static final long SATURATED = Long.MAX_VALUE / 4;

    private static final String COMPILED_INVOKER = "org/drools/base/rule/accessor/CompiledInvoker";

    private final Set<String> storeClasses;
    private final Set<String> declaredTypes;
    private final List<Finding> findings = new ArrayList<>();

    private BytecodeCheck(Set<String> storeClasses, Set<String> declaredTypes) {
        this.storeClasses = storeClasses;
        this.declaredTypes = declaredTypes;
    }

    /**
     * Checks every class Drools generated for one package. {@code declaredTypes} are the internal
     * names of the package's {@code declare}d types, whose generated accessors rules may use.
     */
    public static List<Finding> check(Map<String, byte[]> classesByPath, Set<String> declaredTypes) {
        Set<String> names = new LinkedHashSet<>();
        classesByPath.keySet().forEach(path -> names.add(path.replaceFirst("\\.class$", "")));
        BytecodeCheck check = new BytecodeCheck(names, declaredTypes);
        classesByPath.forEach((path, bytes) -> check.checkClass(bytes));
        return List.copyOf(check.findings);
    }

    private void checkClass(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        boolean invoker = node.interfaces.contains(COMPILED_INVOKER);
        for (MethodNode method : node.methods) {
            if (invoker) {
                new InvokerScaffolding(node.name).check(method);
            } else {
                checkRuleMethod(node.name, method);
            }
        }
    }

    /**
     * The invoker classes Drools writes around each consequence from a template: they may only call
     * Drools' own plumbing and the rule class beside them, never anything a rule could ask for.
     */
    private final class InvokerScaffolding {
        private final String className;

        InvokerScaffolding(String className) {
            this.className = className;
        }

        void check(MethodNode method) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call && !scaffoldingCall(call)) {
                    refuse(className, "calls " + member(call.owner, call.name) + ", which Drools' generated code never does");
                } else if (insn instanceof InvokeDynamicInsnNode) {
                    refuse(className, "uses invokedynamic, which Drools' generated code never does");
                } else if (insn instanceof FieldInsnNode field && !(field.owner.equals(className)
                        || field.owner.equals("java/lang/Boolean"))) {
                    refuse(className, "reads " + member(field.owner, field.name) + ", which Drools' generated code never does");
                }
            }
        }

        private boolean scaffoldingCall(MethodInsnNode call) {
            String owner = call.owner;
            return storeClasses.contains(owner)
                    || owner.startsWith("org/drools/mvel/asm/")
                    || owner.startsWith("org/drools/base/rule/")
                    || owner.startsWith("org/drools/mvel/field/")
                    || (owner.equals("java/lang/Object") && Set.of("<init>", "getClass", "equals", "hashCode").contains(call.name))
                    || (primitiveBox(owner) && (call.name.equals("valueOf") || call.name.endsWith("Value")));
        }
    }

    private static boolean primitiveBox(String owner) {
        return Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Double",
                "java/lang/Float", "java/lang/Boolean", "java/lang/Character").contains(owner);
    }

    private void checkRuleMethod(String className, MethodNode method) {
        if (!method.tryCatchBlocks.isEmpty()) {
            refuse(className, "catches exceptions, which rules may not do");
        }
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(className, method);
        } catch (AnalyzerException e) {
            refuse(className, "cannot be analysed (" + e.getMessage() + ")");
            return;
        }
        new Flow(className, method, frames).run();
    }

    /** One pass over a method in instruction order; loops are refused, so every value is sized before it is used. */
    private final class Flow {
        private final String className;
        private final MethodNode method;
        private final Frame<SourceValue>[] frames;
        private final long[] size;
        /** Everything added to any collection so far: a collection is at most that big. */
        private long collectionMass;
        private final Set<Integer> collectionValues = new HashSet<>();

        Flow(String className, MethodNode method, Frame<SourceValue>[] frames) {
            this.className = className;
            this.method = method;
            this.frames = frames;
            this.size = new long[method.instructions.size()];
        }

        void run() {
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode insn = method.instructions.get(i);
                Frame<SourceValue> frame = frames[i];
                if (frame == null) {
                    continue; // unreachable
                }
                size[i] = sizeProducedBy(i, insn, frame);
            }
        }

        private long sizeProducedBy(int i, AbstractInsnNode insn, Frame<SourceValue> frame) {
            int op = insn.getOpcode();
            if (insn instanceof JumpInsnNode jump && method.instructions.indexOf(jump.label) <= i) {
                refuse(className, "loops, which rules may not do");
            } else if (insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode) {
                return 0;
            } else if (insn instanceof LdcInsnNode ldc) {
                return ldc(ldc.cst);
            } else if (insn instanceof VarInsnNode var) {
                if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                    return sizeOf(top(frame, 0));
                }
                return sizeOf(frame.getLocal(var.var));
            } else if (insn instanceof IincInsnNode) {
                return PRIMITIVE_SIZE;
            } else if (insn instanceof MethodInsnNode call) {
                return call(i, call, frame);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                return concat(indy, frame);
            } else if (insn instanceof FieldInsnNode field) {
                checkField(field);
                return PRIMITIVE_SIZE;
            } else if (insn instanceof TypeInsnNode type) {
                return typeInsn(i, type, frame);
            } else if (op == Opcodes.NEWARRAY || op == Opcodes.MULTIANEWARRAY) {
                refuse(className, "creates an array, which rules may not do");
            } else if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                refuse(className, "synchronises, which rules may not do");
            } else if (op == Opcodes.ATHROW) {
                refuse(className, "throws, which rules may not do");
            } else if (op >= Opcodes.DUP && op <= Opcodes.SWAP) {
                return sizeOf(top(frame, 0));
            } else if (insn instanceof IntInsnNode) {
                return PRIMITIVE_SIZE;
            }
            return PRIMITIVE_SIZE;
        }

        private long ldc(Object constant) {
            if (constant instanceof String s) {
                return s.length();
            }
            if (constant instanceof Type type) {
                // a class literal: Drools' modify block names the fact's own class
                String name = type.getInternalName();
                if (!(declaredTypes.contains(name) || MemberAllowList.isFact(name))) {
                    refuse(className, "names the class " + name.replace('/', '.') + ", which rules may not do");
                }
                return PRIMITIVE_SIZE;
            }
            if (constant instanceof Handle || constant instanceof ConstantDynamic) {
                refuse(className, "loads a method handle, which rules may not do");
            }
            return PRIMITIVE_SIZE;
        }

        private long typeInsn(int i, TypeInsnNode type, Frame<SourceValue> frame) {
            switch (type.getOpcode()) {
                case Opcodes.NEW -> {
                    if (!constructible(type.desc)) {
                        refuse(className, "creates a " + type.desc.replace('/', '.') + ", which rules may not do");
                    }
                    if (type.desc.startsWith("java/util/")) {
                        collectionValues.add(i);
                    }
                    return 0; // sized when its constructor runs
                }
                case Opcodes.ANEWARRAY -> {
                    refuse(className, "creates an array, which rules may not do");
                    return 0;
                }
                default -> {
                    return sizeOf(top(frame, 0)); // CHECKCAST keeps the value, INSTANCEOF gives a boolean
                }
            }
        }

        private boolean constructible(String internalName) {
            String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
            return declaredTypes.contains(internalName)
                    || internalName.equals("java/math/MathContext")
                    || (AllowList.CONSTRUCTIBLE.contains(simple) && AllowList.isAllowedQualifiedType(internalName.replace('/', '.')));
        }

        private void checkField(FieldInsnNode field) {
            boolean read = field.getOpcode() == Opcodes.GETSTATIC || field.getOpcode() == Opcodes.GETFIELD;
            boolean allowed = declaredTypes.contains(field.owner)
                    || (field.getOpcode() == Opcodes.GETSTATIC && (MemberAllowList.allowsField(field.owner, field.name)
                    || field.owner.equals(className)));
            if (!allowed) {
                refuse(className, (read ? "reads " : "writes ") + member(field.owner, field.name) + ", which rules may not use");
            }
        }

        private long call(int i, MethodInsnNode call, Frame<SourceValue> frame) {
            Type[] args = Type.getArgumentTypes(call.desc);
            boolean hasReceiver = call.getOpcode() != Opcodes.INVOKESTATIC;
            int operands = args.length + (hasReceiver ? 1 : 0);
            String qualified = call.owner + "." + call.name;
            boolean allowed;
            if (declaredTypes.contains(call.owner) || call.owner.equals("org/drools/mvel/field/FieldFactory")) {
                allowed = true;
            } else if (call.owner.equals("java/lang/Object") && call.name.equals("<init>")) {
                allowed = method.name.equals("<init>");
            } else {
                allowed = MemberAllowList.allowsMethod(call.owner, call.name);
            }
            if (!allowed) {
                refuse(className, "calls " + member(call.owner, call.name) + ", which rules may not use");
                return PRIMITIVE_SIZE;
            }
            // new BigDecimal(100) is a value, not a scale: only a second int argument is one
            boolean valueOnly = call.name.equals("<init>") && call.owner.equals("java/math/BigDecimal") && args.length == 1;
            if (MemberAllowList.SMALL_CONSTANT_ARGUMENT.contains(qualified) && !valueOnly) {
                checkIntArguments(call, args, frame, operands);
            }
            if (call.owner.equals("java/math/BigDecimal") && call.name.equals("<init>")
                    && args.length > 0 && args[0].equals(Type.getType(String.class))) {
                checkDecimalLiteral(top(frame, operands - 2));
            }
            long sum = 0;
            for (int k = 0; k < operands; k++) {
                sum = add(sum, sizeOf(top(frame, k)));
            }
            Type result = Type.getReturnType(call.desc);
            long produced;
            if (call.name.equals("<init>")) {
                produced = sum - sizeOf(top(frame, operands - 1)); // the arguments, not the blank receiver
                markNew(top(frame, operands - 1), produced);
                return 0;
            } else if (MemberAllowList.isFact(call.owner)) {
                produced = isNumber(result.getInternalName()) ? INPUT_DIGITS : INPUT_SIZE;
            } else if (result.getSort() != Type.OBJECT) {
                produced = PRIMITIVE_SIZE;
            } else if (call.name.equals("pow")) {
                produced = mul(sizeOf(top(frame, operands - 1)), Math.max(1, constantInt(top(frame, 0))));
            } else {
                produced = sum;
            }
            if (isCollection(call.owner) && (call.name.equals("add") || call.name.equals("put")
                    || call.name.equals("putIfAbsent"))) {
                collectionMass = add(collectionMass, sum);
            }
            if (isCollection(result.getInternalName())) {
                collectionValues.add(i);
            }
            bound(result.getInternalName(), produced);
            return produced;
        }

        private boolean isNumber(String type) {
            return type.equals("java/math/BigDecimal") || type.equals("java/math/BigInteger");
        }

        private boolean isCollection(String owner) {
            return owner.startsWith("java/util/") && !owner.equals("java/util/Objects");
        }

        private void markNew(SourceValue receiver, long produced) {
            for (AbstractInsnNode source : receiver.insns) {
                int index = method.instructions.indexOf(source);
                if (source.getOpcode() == Opcodes.DUP) {
                    markNew(top(frames[index], 0), produced);
                } else if (source.getOpcode() == Opcodes.NEW) {
                    size[index] = produced;
                    bound(((TypeInsnNode) source).desc, produced);
                }
            }
        }

        private long concat(InvokeDynamicInsnNode indy, Frame<SourceValue> frame) {
            if (!indy.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                refuse(className, "uses invokedynamic (" + indy.bsm.getOwner() + "), which rules may not do");
                return PRIMITIVE_SIZE;
            }
            long sum = 0;
            for (Object arg : indy.bsmArgs) {
                sum = add(sum, arg instanceof String s ? s.length() : PRIMITIVE_SIZE);
            }
            int operands = Type.getArgumentTypes(indy.desc).length;
            for (int k = 0; k < operands; k++) {
                sum = add(sum, sizeOf(top(frame, k)));
            }
            bound("java/lang/String", sum);
            return sum;
        }

        private void checkIntArguments(MethodInsnNode call, Type[] args, Frame<SourceValue> frame, int operands) {
            for (int a = 0; a < args.length; a++) {
                if (args[a].getSort() == Type.INT) {
                    SourceValue value = top(frame, args.length - 1 - a);
                    Integer constant = constantOrNull(value);
                    if (constant == null || Math.abs(constant) > MemberAllowList.MAX_CONSTANT_ARGUMENT) {
                        refuse(className, "calls " + member(call.owner, call.name) + " with "
                                + (constant == null ? "a computed" : "the") + " argument" + (constant == null ? "" : " " + constant)
                                + ": scales, powers, shifts and precisions must be numbers written in the rule between -"
                                + MemberAllowList.MAX_CONSTANT_ARGUMENT + " and " + MemberAllowList.MAX_CONSTANT_ARGUMENT);
                    }
                }
            }
        }

        private void checkDecimalLiteral(SourceValue value) {
            String literal = null;
            for (AbstractInsnNode source : value.insns) {
                literal = source instanceof LdcInsnNode ldc && ldc.cst instanceof String s ? s : null;
            }
            if (literal == null || value.insns.size() != 1) {
                refuse(className, "creates a BigDecimal from computed text: write the number in the rule, or use BigDecimal.valueOf");
                return;
            }
            try {
                BigDecimal parsed = new BigDecimal(literal);
                if (Math.abs((long) parsed.scale()) > MemberAllowList.MAX_CONSTANT_ARGUMENT
                        || parsed.precision() > MemberAllowList.MAX_CONSTANT_ARGUMENT) {
                    refuse(className, "writes the number " + (literal.length() > 40 ? literal.substring(0, 40) + "…" : literal)
                            + ", which has more than " + MemberAllowList.MAX_CONSTANT_ARGUMENT + " digits or decimals");
                }
            } catch (NumberFormatException e) {
                refuse(className, "writes \"" + literal + "\", which is not a number");
            }
        }

        private int constantInt(SourceValue value) {
            Integer c = constantOrNull(value);
            return c == null ? MemberAllowList.MAX_CONSTANT_ARGUMENT : Math.abs(c);
        }

        private Integer constantOrNull(SourceValue value) {
            if (value.insns.size() != 1) {
                return null;
            }
            AbstractInsnNode source = value.insns.iterator().next();
            int op = source.getOpcode();
            if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
                return op - Opcodes.ICONST_0;
            }
            if (source instanceof IntInsnNode push && (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH)) {
                return push.operand;
            }
            if (source instanceof LdcInsnNode ldc && ldc.cst instanceof Integer n) {
                return n;
            }
            return null;
        }

        private SourceValue top(Frame<SourceValue> frame, int fromTop) {
            return frame.getStack(frame.getStackSize() - 1 - fromTop);
        }

        /** The largest size any instruction that may have produced this value gave it; parameters are input. */
        private long sizeOf(SourceValue value) {
            if (value.insns.isEmpty()) {
                return INPUT_SIZE;
            }
            long max = 0;
            for (AbstractInsnNode source : value.insns) {
                int index = method.instructions.indexOf(source);
                long s = collectionValues.contains(index) ? Math.max(size[index], collectionMass) : size[index];
                max = Math.max(max, s);
            }
            return max;
        }

        private void bound(String type, long produced) {
            if (type.equals("java/lang/String") && produced > MAX_STRING_CHARS) {
                refuse(className, "can build text of more than " + MAX_STRING_CHARS + " characters");
            } else if (isNumber(type) && produced > MAX_NUMBER_DIGITS) {
                refuse(className, "can build a number of more than " + MAX_NUMBER_DIGITS + " digits");
            }
        }
    }

    private static long add(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    private static long mul(long a, long b) {
        return a > SATURATED / Math.max(1, b) ? SATURATED : a * b;
    }

    private void refuse(String className, String what) {
        Finding finding = new Finding(className, what);
        if (!findings.contains(finding)) {
            findings.add(finding);
        }
    }

    private static String member(String owner, String name) {
        return "`" + owner.replace('/', '.') + (name.equals("<init>") ? "` (new)" : "." + name + "`");
    }
}
