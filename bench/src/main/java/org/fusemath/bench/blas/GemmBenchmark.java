package org.fusemath.bench.blas;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.Op;
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
 * Square GEMM C = A·B, row-major, in one JVM: fusemath on heap arrays (function form and a planned
 * {@link Matmul}), raw {@code cblas_?gemm} on off-heap JavaCPP pointers (the baseline of the ratio targets),
 * JavaCPP's heap-array overload, the raw FFM downcall on heap arrays (JDK 22+), and EJML. All OpenBLAS
 * variants call the same OpenBLAS instance with its default thread count. {@link #pairedPlannedAndRaw} times the
 * planned Matmul and the raw call in the same invocations, for a ratio free of fork-to-fork spread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class GemmBenchmark {
    @Param({"4", "16", "32", "256", "1024", "2048"})
    public int n;

    @Param({"F64", "F32"})
    public String type;

    private DType dtype;
    private double[] da;
    private double[] db;
    private double[] dc;
    private float[] fa;
    private float[] fb;
    private float[] fc;
    private HostMatrix a;
    private HostMatrix b;
    private HostMatrix c;
    private Matmul planned;
    private DoublePointer pa;
    private DoublePointer pb;
    private DoublePointer pc;
    private FloatPointer qa;
    private FloatPointer qb;
    private FloatPointer qc;
    private DMatrixRMaj ea;
    private DMatrixRMaj eb;
    private DMatrixRMaj ec;
    private FMatrixRMaj ga;
    private FMatrixRMaj gb;
    private FMatrixRMaj gc;

    @Setup(Level.Trial)
    public void setUp() {
        dtype = DType.parse(type);
        SplittableRandom r = new SplittableRandom(n);
        int size = n * n;
        if (dtype == DType.F64) {
            da = new double[size];
            db = new double[size];
            dc = new double[size];
            for (int i = 0; i < size; i++) {
                da[i] = r.nextDouble() - 0.5;
                db[i] = r.nextDouble() - 0.5;
            }
            a = HostMatrix.of(da, n, n);
            b = HostMatrix.of(db, n, n);
            c = HostMatrix.of(dc, n, n);
            pa = new DoublePointer(da);
            pb = new DoublePointer(db);
            pc = new DoublePointer((long) size);
            ea = DMatrixRMaj.wrap(n, n, da.clone());
            eb = DMatrixRMaj.wrap(n, n, db.clone());
            ec = new DMatrixRMaj(n, n);
        } else {
            fa = new float[size];
            fb = new float[size];
            fc = new float[size];
            for (int i = 0; i < size; i++) {
                fa[i] = (float) (r.nextDouble() - 0.5);
                fb[i] = (float) (r.nextDouble() - 0.5);
            }
            a = HostMatrix.of(fa, n, n);
            b = HostMatrix.of(fb, n, n);
            c = HostMatrix.of(fc, n, n);
            qa = new FloatPointer(fa);
            qb = new FloatPointer(fb);
            qc = new FloatPointer((long) size);
            ga = FMatrixRMaj.wrap(n, n, fa.clone());
            gb = FMatrixRMaj.wrap(n, n, fb.clone());
            gc = new FMatrixRMaj(n, n);
        }
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        planned = new Matmul(ops.specBuilder().build(), ops).plan();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        planned.close();
        for (org.bytedeco.javacpp.Pointer p : new org.bytedeco.javacpp.Pointer[] {pa, pb, pc, qa, qb, qc}) {
            if (p != null) {
                p.close();
            }
        }
    }

    /** fusemath's function form on heap arrays (checks, plan and execute per call). */
    @Benchmark
    public Object fusemath() {
        Blas.gemm(Op.NONE, Op.NONE, 1.0, a, b, 0.0, c);
        return c.array();
    }

    /** A planned fusemath Matmul executed again. */
    @Benchmark
    public Object fusemathPlanned() {
        return planned.execute();
    }

    /** Raw cblas_?gemm on off-heap JavaCPP pointers: the baseline of the ratio targets. */
    @Benchmark
    public Object rawOffHeap() {
        if (dtype == DType.F64) {
            openblas.cblas_dgemm(101, 111, 111, n, n, n, 1.0, pa, n, pb, n, 0.0, pc, n);
            return pc;
        }
        openblas.cblas_sgemm(101, 111, 111, n, n, n, 1.0f, qa, n, qb, n, 0.0f, qc, n);
        return qc;
    }

    /**
     * The planned Matmul and the raw off-heap call back to back on the same data (see {@link PairedTimes}):
     * the ratio target's figure on this machine, fusemathMs ÷ baselineMs.
     */
    @Benchmark
    public void pairedPlannedAndRaw(PairedTimes times) {
        times.run(planned::execute, this::rawOffHeap);
    }

    /** JavaCPP's heap-array overload (allocates and copies every array in and out per call). */
    @Benchmark
    public Object javacppHeapArrays() {
        if (dtype == DType.F64) {
            openblas.cblas_dgemm(101, 111, 111, n, n, n, 1.0, da, n, db, n, 0.0, dc, n);
            return dc;
        }
        openblas.cblas_sgemm(101, 111, 111, n, n, n, 1.0f, fa, n, fb, n, 0.0f, fc, n);
        return fc;
    }

    /** Raw FFM downcall on the heap arrays, no checks (JDK 22+ only). */
    @Benchmark
    public Object rawFfm() {
        if (dtype == DType.F64) {
            RawFfmGemm.dgemm(n, da, db, dc);
            return dc;
        }
        RawFfmGemm.sgemm(n, fa, fb, fc);
        return fc;
    }

    /** EJML's CommonOps mult. */
    @Benchmark
    public Object ejml() {
        if (dtype == DType.F64) {
            CommonOps_DDRM.mult(ea, eb, ec);
            return ec;
        }
        CommonOps_FDRM.mult(ga, gb, gc);
        return gc;
    }
}
