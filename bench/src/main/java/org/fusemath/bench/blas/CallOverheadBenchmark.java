package org.fusemath.bench.blas;

import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulOptions;
import org.fusemath.blas.Op;
import org.fusemath.blas.host.NativeCalls;
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
 * Per-call cost of a tiny F64 GEMM (default 4×4): fusemath's function form (checks + plan + Java kernel),
 * its planned Matmul, the same forced onto OpenBLAS, the checked call table, the raw FFM downcall (JDK 22+),
 * raw JavaCPP on off-heap pointers, JavaCPP's heap-array overload and EJML. Targets: function form within
 * 0.1 µs of the raw FFM call on JDK 25, and below EJML for every n ≤ 32 ({@code -p n=4,8,16,32} for the
 * Java-kernel crossover).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class CallOverheadBenchmark {
    @Param({"4"})
    public int n;

    private double[] a;
    private double[] b;
    private double[] c;
    private HostMatrix ha;
    private HostMatrix hb;
    private HostMatrix hc;
    private Matmul planned;
    private Matmul plannedNative;
    private DoublePointer pa;
    private DoublePointer pb;
    private DoublePointer pc;
    private DMatrixRMaj ea;
    private DMatrixRMaj eb;
    private DMatrixRMaj ec;

    @Setup(Level.Trial)
    public void setUp() {
        a = new double[n * n];
        b = new double[n * n];
        c = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = (i % 5) - 2;
            b[i] = (i % 3) - 1;
        }
        ha = HostMatrix.of(a, n, n);
        hb = HostMatrix.of(b, n, n);
        hc = HostMatrix.of(c, n, n);
        MatmulOperands ops = MatmulOperands.of(ha, hb, hc);
        planned = new Matmul(ops.specBuilder().build(), ops).plan();
        plannedNative = new Matmul(ops.specBuilder().options(MatmulOptions.defaults()
                .withHostKernel(MatmulOptions.HostKernel.NATIVE)).build(), ops).plan();
        pa = new DoublePointer(a);
        pb = new DoublePointer(b);
        pc = new DoublePointer((long) n * n);
        ea = DMatrixRMaj.wrap(n, n, a.clone());
        eb = DMatrixRMaj.wrap(n, n, b.clone());
        ec = new DMatrixRMaj(n, n);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        planned.close();
        plannedNative.close();
        pa.close();
        pb.close();
        pc.close();
    }

    /** Blas.gemm on prepared views: the function form. */
    @Benchmark
    public Object functionForm() {
        Blas.gemm(Op.NONE, Op.NONE, 1.0, ha, hb, 0.0, hc);
        return c;
    }

    /** Blas.matmul, which also allocates the result and its view. */
    @Benchmark
    public Object functionFormAllocating() {
        return Blas.matmul(ha, hb);
    }

    /** A planned Matmul (the AUTO kernel choice). */
    @Benchmark
    public Object planned() {
        return planned.execute();
    }

    /** A planned Matmul forced onto OpenBLAS. */
    @Benchmark
    public Object plannedNative() {
        return plannedNative.execute();
    }

    /** The checked host call table (FFM on JDK 22+, JavaCPP staging before). */
    @Benchmark
    public Object callTable() {
        NativeCalls.blas().gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N, n, n, n, 1, 0, a, 0, n, b, 0, n, 0, 0, c, 0, n);
        return c;
    }

    /** The raw critical FFM downcall on heap arrays (JDK 22+ only). */
    @Benchmark
    public Object rawFfm() {
        RawFfmGemm.dgemm(n, a, b, c);
        return c;
    }

    /** Raw JavaCPP on off-heap pointers. */
    @Benchmark
    public Object rawOffHeap() {
        openblas.cblas_dgemm(101, 111, 111, n, n, n, 1.0, pa, n, pb, n, 0.0, pc, n);
        return pc;
    }

    /** JavaCPP's heap-array overload. */
    @Benchmark
    public Object javacppHeapArrays() {
        openblas.cblas_dgemm(101, 111, 111, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
        return c;
    }

    /** EJML's CommonOps mult. */
    @Benchmark
    public Object ejml() {
        CommonOps_DDRM.mult(ea, eb, ec);
        return ec;
    }
}
