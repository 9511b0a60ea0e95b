package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.fusemath.api.Arguments;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.spi.KernelCompiler;

/**
 * The entry points of fusion: plan expressions into launches ({@link #plan}), or plan, run and close in one call
 * ({@link #evaluate}). Plans are cached by expression structure (repeated sub-expressions merged, inputs by
 * position), shapes, dtypes, operand storage and execution space, so planning the same computation on new operands
 * reuses the cached launches; {@link #planningCount()} counts the times the planner actually ran. Thread-safe.
 */
public final class Fusion {
    private static final int CACHE_SIZE = 256;
    private static final AtomicLong PLANNED = new AtomicLong();
    private static final Map<String, PlanTemplate> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PlanTemplate> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private Fusion() {
    }

    /** Plans {@code roots} on the host with the default context. */
    public static FusionPlan plan(Expr... roots) {
        return plan(FuseContext.defaults(), roots);
    }

    /**
     * Plans {@code roots} in {@code context}'s execution space; the plan is bound to the inputs' operands. On the
     * device every launch runs there (each matmul on cuBLASLt, each fused group as one generated CUDA kernel, on the
     * context's stream or one the plan makes), the values between them stay in device memory, and only the results
     * are copied back.
     *
     * @throws org.fusemath.api.DeviceUnavailableException for DEVICE execution when the probe finds that device,
     *         NVRTC or cuBLASLt unusable (its reason and remedy)
     */
    public static FusionPlan plan(FuseContext context, Expr... roots) {
        Arguments.requireNonNull(context, "context");
        Arguments.requireNonNull(roots, "roots");
        if (roots.length == 0) {
            throw new InvalidArgumentException("roots", "none", "at least one expression");
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < roots.length; i++) {
            Node n = Arguments.requireNonNull(roots[i], "roots[" + i + "]").node();
            if (n.type() == ScalarType.BOOL) {
                throw new InvalidArgumentException("roots[" + i + "]", n.describe(),
                        "a numeric expression (a comparison is only a where() condition)");
            }
            nodes.add(n);
        }
        if (context.execution().kind() == Execution.Kind.DEVICE) {
            // The one gate of the device space: without a usable device (or NVRTC and cuBLASLt, which its launches
            // need) the probe's DeviceUnavailableException, before any planning work.
            CudaDevices.require(context.deviceId(), CudaLibrary.NVRTC, CudaLibrary.CUBLAS_LT);
        }
        Graph g = new Graph(nodes);
        List<KernelCompiler> compilers = Compilers.INSTALLED;
        String key = g.key + "|" + context.execution() + "|" + Compilers.NAMES;
        PlanTemplate t;
        synchronized (CACHE) {
            t = CACHE.get(key);
        }
        if (t == null) {
            t = context.execution().kind() == Execution.Kind.DEVICE ? DevicePlanner.plan(g, context.execution())
                    : Planner.plan(g, context.execution(), compilers);
            PLANNED.incrementAndGet();
            synchronized (CACHE) {
                CACHE.putIfAbsent(key, t);
            }
        }
        return new FusionPlan(t, g.inputs, context);
    }

    /** Plans, executes once and closes: the value of each expression. */
    public static List<HostTensor> evaluate(Expr... roots) {
        try (FusionPlan p = plan(roots)) {
            return p.executeAll();
        }
    }

    /** How many times the planner has run in this JVM (a plan served from the cache does not count). */
    public static long planningCount() {
        return PLANNED.get();
    }

    /** Empties the plan cache (plans already made keep working). */
    public static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    /** The installed kernel compilers, highest priority first, found once. */
    private static final class Compilers {
        static final List<KernelCompiler> INSTALLED;
        static final String NAMES;

        static {
            List<KernelCompiler> found = new ArrayList<>();
            ServiceLoader.load(KernelCompiler.class, Fusion.class.getClassLoader()).forEach(found::add);
            found.sort(Comparator.comparingInt(KernelCompiler::priority).reversed());
            INSTALLED = List.copyOf(found);
            NAMES = Arrays.toString(found.stream().map(KernelCompiler::name).toArray());
        }
    }
}
