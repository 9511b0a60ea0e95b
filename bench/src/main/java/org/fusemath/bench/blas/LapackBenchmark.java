package org.fusemath.bench.blas;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.openblas.global.openblas;
import org.fusemath.api.DType;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.fusemath.blas.host.Trans;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * LU solve, getrf then getrs with one right-hand side, of a column-major n×n F64 system: fusemath's host LAPACK
 * table ({@link NativeCalls#lapack()}: FFM on JDK 22+, the netlib JNI shims or staging on 17–21) on heap arrays
 * beside raw {@code LAPACKE_dgetrf_work}/{@code LAPACKE_dgetrs_work} on off-heap JavaCPP pointers, the same
 * OpenBLAS routines. {@link #pairedLuSolve} runs both in each invocation (see {@link PairedTimes}); the inputs
 * are restored before each pair, outside the timed sections. The forks get an 8 MB+ thread stack: OpenBLAS's
 * threaded getrf needs more than 4 MB of its calling thread's stack at n = 1000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xss16m")
public class LapackBenchmark {
    private static final int COL_MAJOR = 102;

    @Param({"1000"})
    public int n;

    private double[] original;
    private double[] rhs;
    private double[] a;
    private double[] b;
    private int[] ipiv;
    private NativeLapack lapack;
    private DoublePointer pa;
    private DoublePointer pb;
    private IntPointer pipiv;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(n);
        original = new double[n * n];
        for (int i = 0; i < original.length; i++) {
            original[i] = r.nextDouble() - 0.5;
        }
        rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = r.nextDouble() - 0.5;
        }
        a = original.clone();
        b = rhs.clone();
        ipiv = new int[n];
        lapack = NativeCalls.lapack();
        pa = new DoublePointer(original);
        pb = new DoublePointer(rhs);
        pipiv = new IntPointer(n);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pa.close();
        pb.close();
        pipiv.close();
    }

    private void restore() {
        System.arraycopy(original, 0, a, 0, a.length);
        System.arraycopy(rhs, 0, b, 0, n);
        pa.put(original);
        pb.put(rhs);
    }

    private void check(String routine, int info) {
        if (info != 0) {
            throw new IllegalStateException(routine + " returned info " + info);
        }
    }

    /** fusemath's LAPACK table on the heap arrays. */
    private void fusemath() {
        check("getrf", lapack.getrf(DType.F64, n, n, a, 0, n, ipiv, 0));
        check("getrs", lapack.getrs(DType.F64, Trans.N, n, 1, a, 0, n, ipiv, 0, b, 0, n));
    }

    /** Raw LAPACKE on off-heap memory: the baseline. */
    private void raw() {
        check("LAPACKE_dgetrf_work", openblas.LAPACKE_dgetrf_work(COL_MAJOR, n, n, pa, n, pipiv));
        check("LAPACKE_dgetrs_work", openblas.LAPACKE_dgetrs_work(COL_MAJOR, (byte) 'N', n, 1, pa, n, pipiv, pb, n));
    }

    /** Both, back to back on the same system: fusemathMs ÷ baselineMs is the ratio. */
    @Benchmark
    public void pairedLuSolve(PairedTimes times) {
        restore();
        times.run(this::fusemath, this::raw);
    }
}
