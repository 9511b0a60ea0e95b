package org.fusemath.fusion.host;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.codehaus.janino.SimpleCompiler;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.spi.HostKernel;
import org.fusemath.fusion.spi.KernelCompiler;

/**
 * The host code generator: Java source from {@link HostSourceGenerator}, compiled in process by Janino and
 * defined as a hidden class next to the vector-math kernels, so that HotSpot compiles one tight loop per fused
 * group. Kernels are cached by the group's {@link FusedGroup#key() key} (structure, shapes, dtypes); thread-safe.
 *
 * <p>Why Janino: measured in one JDK 17 JVM on the 2-core dev machine under a load average of about 19, for the
 * sigmoid-tanh chain's kernel: Janino compile + hidden-class definition 2.4 s for the first kernel (class loading),
 * then 58-107 ms, against 5.1 s and then 280-310 ms for {@code javax.tools} compiling the same source (which also
 * needs the {@code jdk.compiler} module at run time); generating source rather than bytecode (ASM) keeps the
 * generator readable and its output printable ({@link #source}).
 */
public final class JavaKernelCompiler implements KernelCompiler {
    private static final Map<String, HostKernel> CACHE = new ConcurrentHashMap<>();
    private static final AtomicLong COMPILED = new AtomicLong();

    /** For {@link java.util.ServiceLoader}. */
    public JavaKernelCompiler() {
    }

    @Override
    public String name() {
        return "java-hidden-class";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Optional<HostKernel> compileHost(FusedGroup group) {
        if (HostSourceGenerator.declineReason(group).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(group.key(), k -> define(group)));
    }

    @Override
    public String declineReason(FusedGroup group) {
        return HostSourceGenerator.declineReason(group).map(r -> name() + ": " + r).orElse(name() + " handles this group");
    }

    /** How many distinct kernels this JVM has compiled (cache hits do not count). */
    public static long compiledCount() {
        return COMPILED.get();
    }

    /** The Java source generated for {@code group} (for explanations and tests). */
    public static String source(FusedGroup group) {
        return HostSourceGenerator.generate(group, "FusedKernel");
    }

    private static HostKernel define(FusedGroup group) {
        String name = "FusedKernel";
        String src = HostSourceGenerator.generate(group, name);
        try {
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.setParentClassLoader(JavaKernelCompiler.class.getClassLoader());
            compiler.cook(src);
            byte[] bytes = compiler.getBytecodes().get(HostSourceGenerator.PACKAGE + "." + name);
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            HostKernel kernel = (HostKernel) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
            COMPILED.incrementAndGet();
            return kernel;
        } catch (Throwable e) {
            throw new IllegalStateException("generated host kernel does not compile (a generator bug): " + e
                    + "\n" + src, e);
        }
    }
}
