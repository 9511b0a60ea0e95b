package org.fusemath.ejml.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public static method of each EJML CommonOps class against the facade of the same simple name (see
 * {@link FacadePair}): each method is called on both sides with equal deep copies of generated arguments, over every
 * {@link Scenario} (shape families, sizes, integer and scalar variants, random, SPD and singular contents), once
 * below the acceleration thresholds (the facade must delegate and be bit-identical) and once above them (threshold
 * 0: accelerated calls must be within {@link Accuracy}'s bound), and the outcomes compared by {@link Differ}.
 */
class FacadeDifferentialTest {

    /** Differences in exception messages (same class): not failures, listed in a file for the findings. */
    private static final Set<String> MESSAGE_DIFFERENCES = new ConcurrentSkipListSet<>();
    private static final int REPORTED = 8;

    @TestFactory
    Stream<DynamicContainer> everyCommonOpsMethodBehavesLikeEjml() {
        return FacadePair.of(FacadePair.COMMON_OPS).stream()
                .map(pair -> DynamicContainer.dynamicContainer(pair.label(), methods(pair)));
    }

    static Stream<DynamicTest> methods(FacadePair pair) {
        return publicStatics(pair.ejml()).stream()
                .map(m -> DynamicTest.dynamicTest(signature(m), () -> check(pair, m)));
    }

    static List<Method> publicStatics(Class<?> type) {
        List<Method> list = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type) {
                list.add(m);
            }
        }
        list.sort(Comparator.comparing(FacadeDifferentialTest::signature));
        return list;
    }

    static String signature(Method m) {
        StringBuilder b = new StringBuilder(m.getName()).append('(');
        Class<?>[] p = m.getParameterTypes();
        for (int i = 0; i < p.length; i++) {
            b.append(i == 0 ? "" : ",").append(p[i].getSimpleName());
        }
        return b.append(')').toString();
    }

    private static void check(FacadePair pair, Method ejml) throws Exception {
        Method facade = pair.facade().getMethod(ejml.getName(), ejml.getParameterTypes());
        List<String> failures = new ArrayList<>();
        int calls = 0;
        List<Acceleration.Side> sides = Acceleration.available() && !pair.self()
                ? List.of(Acceleration.Side.BELOW, Acceleration.Side.ABOVE) : List.of(Acceleration.Side.BELOW);
        List<Scenario> scenarios = Scenario.all(Arguments.hasVariantParameters(ejml));
        for (Acceleration.Side side : sides) {
            Acceleration.force(side);
            try {
                for (Scenario s : scenarios) {
                    if (s.pattern() == Scenario.Pattern.ALIASED && pair.ejml().getSimpleName().contains("_MT_")) {
                        // EJML's concurrent methods race on an input that is also their output: no defined result.
                        continue;
                    }
                    long seed = (signature(ejml) + s).hashCode();
                    Object[] args = Arguments.build(ejml, s, seed);
                    Object[] before = Arguments.copy(args);
                    Outcome e = Outcome.invoke(ejml, Arguments.copy(args));
                    if (s.pattern() == Scenario.Pattern.ALIASED && !reproducible(ejml, args, before, e)) {
                        // EJML's own result depends on thread timing here (a concurrent method writing an input
                        // it reads): there is no one answer to compare with.
                        continue;
                    }
                    long accelerated = Acceleration.acceleratedCalls();
                    Outcome f = Outcome.invoke(facade, Arguments.copy(args));
                    boolean ranAccelerated = Acceleration.acceleratedCalls() > accelerated;
                    calls++;
                    if (side == Acceleration.Side.BELOW && ranAccelerated) {
                        failures.add(side + " " + s + ": accelerated although every threshold is Long.MAX_VALUE");
                    }
                    Differ d = new Differ(ejml.getName(), before, ranAccelerated);
                    for (String diff : d.compare(e, f)) {
                        failures.add(side + " " + s + (ranAccelerated ? " (accelerated)" : "") + ": " + diff);
                    }
                    for (String m : d.messageDifferences()) {
                        MESSAGE_DIFFERENCES.add(pair.ejml().getSimpleName() + "." + signature(ejml) + " " + s + ": " + m);
                    }
                }
            } finally {
                Acceleration.reset();
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + calls + " calls differ from EJML; first ones:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(REPORTED, failures.size()))));
        }
        assertTrue(calls > 0, "no scenario gave a reproducible EJML result");
    }

    /** Whether a second EJML call on equal arguments gives the same outcome. */
    private static boolean reproducible(Method ejml, Object[] args, Object[] before, Outcome first) {
        return new Differ(ejml.getName(), before, false).compare(first, Outcome.invoke(ejml, Arguments.copy(args))).isEmpty();
    }

    /** Lists the exception-message differences (same exception class, different text) for the findings. */
    @AfterAll
    static void writeMessageDifferences() throws IOException {
        Path out = Path.of("target", "ejml-differential-messages.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, new TreeSet<>(MESSAGE_DIFFERENCES));
    }
}
