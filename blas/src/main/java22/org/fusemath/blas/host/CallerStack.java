package org.fusemath.blas.host;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The size of the calling thread's native stack, asked of the C library through FFM ({@code pthread_getattr_np} and
 * {@code pthread_attr_getstack}, glibc and musl) once per platform thread and remembered: {@link NativeCallThreads}
 * then runs a deep-stack call inline on a caller whose stack is at least as large as its own threads' (a JVM started
 * with {@code -Xss16m}, a thread made with that stack size) instead of handing it off. A virtual thread answers 0
 * (its native frames run on whichever carrier mounts it), as does a platform without those functions. The answer is
 * the stack the thread really has, which may exceed the size it was made with (glibc may give a new thread the cached,
 * larger stack of one that ended). Thread-safe.
 */
final class CallerStack {
    /** The calling thread's answer; a platform thread keeps its stack for life. */
    private static final ThreadLocal<long[]> SIZE = new ThreadLocal<>();

    private CallerStack() {
    }

    /** The handles, or null where the C library lacks them; made on first use. */
    private static final class Handles {
        static final MethodHandle SELF;
        static final MethodHandle GETATTR;
        static final MethodHandle GETSTACK;
        static final MethodHandle DESTROY;

        static {
            MethodHandle self = null;
            MethodHandle getattr = null;
            MethodHandle getstack = null;
            MethodHandle destroy = null;
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                ValueLayout i = ValueLayout.JAVA_INT;
                ValueLayout p = ValueLayout.ADDRESS;
                ValueLayout word = ValueLayout.JAVA_LONG; // pthread_t is an unsigned long on Linux
                self = linker.downcallHandle(libc.find("pthread_self").orElseThrow(), FunctionDescriptor.of(word));
                getattr = linker.downcallHandle(libc.find("pthread_getattr_np").orElseThrow(),
                        FunctionDescriptor.of(i, word, p));
                getstack = linker.downcallHandle(libc.find("pthread_attr_getstack").orElseThrow(),
                        FunctionDescriptor.of(i, p, p, p));
                destroy = linker.downcallHandle(libc.find("pthread_attr_destroy").orElseThrow(),
                        FunctionDescriptor.of(i, p));
            } catch (RuntimeException | LinkageError e) {
                self = null; // not Linux, or FFM refused: every deep call is handed off, as on Java 17
            }
            SELF = self;
            GETATTR = getattr;
            GETSTACK = getstack;
            DESTROY = destroy;
        }
    }

    /** The calling thread's stack size in bytes, or 0 when it is not known. */
    static long size() {
        if (Thread.currentThread().isVirtual()) {
            return 0;
        }
        long[] known = SIZE.get();
        if (known == null) {
            known = new long[] {ask()};
            SIZE.set(known);
        }
        return known[0];
    }

    private static long ask() {
        if (Handles.SELF == null) {
            return 0;
        }
        try (Arena arena = Arena.ofConfined()) {
            // pthread_attr_t is 56 bytes on x86-64 and 64 on AArch64 (glibc), 56 or less with musl.
            MemorySegment attr = arena.allocate(256, 16);
            MemorySegment addr = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment size = arena.allocate(ValueLayout.JAVA_LONG);
            long self = (long) Handles.SELF.invokeExact();
            if ((int) Handles.GETATTR.invokeExact(self, attr) != 0) {
                return 0;
            }
            try {
                return (int) Handles.GETSTACK.invokeExact(attr, addr, size) == 0 ? size.get(ValueLayout.JAVA_LONG, 0)
                        : 0;
            } finally {
                int ignored = (int) Handles.DESTROY.invokeExact(attr);
            }
        } catch (Throwable e) {
            return 0; // an unanswered query means unknown: the call is handed off, as it always was before
        }
    }
}
