package org.fusemath.bench.blas;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.CMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_CDRM;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
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

/**
 * Small complex products, fusemath's function form on interleaved heap arrays beside EJML's
 * {@code CommonOps_ZDRM.mult} / {@code CommonOps_CDRM.mult}: the "never below EJML for n ≤ 32" claim for C128
 * and C64.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class ComplexGemmBenchmark {
    @Param({"2", "4", "6", "8", "16", "32"})
    public int n;

    @Param({"C128", "C64"})
    public String type;

    private HostMatrix a;
    private HostMatrix b;
    private HostMatrix c;
    private ZMatrixRMaj za;
    private ZMatrixRMaj zb;
    private ZMatrixRMaj zc;
    private CMatrixRMaj ca;
    private CMatrixRMaj cb;
    private CMatrixRMaj cc;
    private boolean single;

    @Setup(Level.Trial)
    public void setUp() {
        DType t = DType.parse(type);
        single = t == DType.C64;
        SplittableRandom r = new SplittableRandom(n);
        int slots = 2 * n * n;
        za = new ZMatrixRMaj(n, n);
        zb = new ZMatrixRMaj(n, n);
        zc = new ZMatrixRMaj(n, n);
        ca = new CMatrixRMaj(n, n);
        cb = new CMatrixRMaj(n, n);
        cc = new CMatrixRMaj(n, n);
        for (int i = 0; i < slots; i++) {
            za.data[i] = r.nextDouble() - 0.5;
            zb.data[i] = r.nextDouble() - 0.5;
            ca.data[i] = (float) za.data[i];
            cb.data[i] = (float) zb.data[i];
        }
        MatrixShape s = MatrixShape.rowMajor(n, n);
        a = HostMatrix.of(t, single ? ca.data.clone() : za.data.clone(), s);
        b = HostMatrix.of(t, single ? cb.data.clone() : zb.data.clone(), s);
        c = HostMatrix.of(t, single ? new float[slots] : new double[slots], s);
    }

    /** fusemath's function form: C = A·B. */
    @Benchmark
    public Object fusemath() {
        Blas.gemm(Op.NONE, Op.NONE, Scalar.ONE, a, b, Scalar.ZERO, c);
        return c.array();
    }

    /** EJML's complex mult. */
    @Benchmark
    public Object ejml() {
        if (single) {
            CommonOps_CDRM.mult(ca, cb, cc);
            return cc;
        }
        CommonOps_ZDRM.mult(za, zb, zc);
        return zc;
    }
}
