package org.fusemath.bench.solver;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.bench.blas.PairedTimes;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.CholeskyFactorization;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.QrFactorization;
import org.fusemath.solver.QrPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The solver's public function forms on the caller's heap arrays, each paired in one invocation with the same work
 * on off-heap memory through raw LAPACKE (the copy of A into the factor buffer included on both sides, as the
 * function forms never modify A), F64, n = 1000:
 * <ul>
 *   <li>{@link #pairedLuSolve}: {@code Linalg.solve} of a row-major A, one right-hand side, against
 *       {@code dgetrf} (of Aᵀ, the row-major A read column-major) + {@code dgetrs} with the transposed flag;</li>
 *   <li>{@link #pairedCholesky}: {@code Linalg.cholesky} (numpy's lower factor, upper triangle zeroed) against
 *       {@code dpotrf};</li>
 *   <li>{@link #pairedCholeskyInPlace}: {@code CholeskyFactorization.factorInPlace} on a heap copy of A made in
 *       the timed call (the caller letting A be overwritten, as LAPACK does) against the same copy and
 *       {@code dpotrf} off-heap;</li>
 *   <li>{@link #pairedQr}: {@code QrFactorization.factor} of a column-major A against {@code dgeqrf} with its
 *       workspace queried once; {@link #pairedQrPlan} the same with a {@code QrPlan} (workspace queried once on
 *       fusemath's side too).</li>
 * </ul>
 * The {@code ejml…} methods time EJML's solve, Cholesky and QR alone; {@link #pairedLuSolveEjml},
 * {@link #pairedCholeskyEjml} and {@link #pairedQrEjml} run each fusemath function form beside EJML's in one
 * invocation (baselineMs is EJML's: the ≥ 5× targets). The forks get a 16 MB
 * thread stack: OpenBLAS's threaded getrf needs more than 4 MB (a {@code -jvmArgsAppend} on the command line
 * replaces it, so repeat {@code -Xss16m} there).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xss16m")
public class DecompositionBenchmark {
    private static final int COL = 102;

    @Param({"1000"})
    public int n;

    private double[] general;
    private double[] spd;
    private double[] rhs;
    private HostMatrix generalRows;
    private HostMatrix generalColumns;
    private HostMatrix spdRows;
    private double[] spdWork;
    private HostMatrix spdWorkRows;
    private HostMatrix b;
    private DoublePointer pGeneral;
    private DoublePointer pSpd;
    private DoublePointer pRhs;
    private DoublePointer factors;
    private DoublePointer x;
    private DoublePointer tau;
    private DoublePointer work;
    private IntPointer ipiv;
    private int lwork;
    private DMatrixRMaj eGeneral;
    private DMatrixRMaj eSpd;
    private DMatrixRMaj eRhs;
    private DMatrixRMaj eWork;
    private DMatrixRMaj eX;
    private QrPlan qrPlan;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(n);
        general = new double[n * n];
        spd = new double[n * n];
        rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = r.nextDouble() - 0.5;
            spd[i * n + i] = n;
            for (int j = 0; j < n; j++) {
                general[i * n + j] = r.nextDouble() - 0.5;
                if (j < i) {
                    spd[i * n + j] = r.nextDouble() - 0.5;
                    spd[j * n + i] = spd[i * n + j];
                }
            }
        }
        generalRows = HostMatrix.of(general, n, n);
        generalColumns = HostMatrix.of(DType.F64, general, MatrixShape.columnMajor(n, n));
        spdRows = HostMatrix.of(spd, n, n);
        spdWork = new double[n * n];
        spdWorkRows = HostMatrix.of(spdWork, n, n);
        b = HostMatrix.of(rhs, n, 1);
        pGeneral = new DoublePointer(general);
        pSpd = new DoublePointer(spd);
        pRhs = new DoublePointer(rhs);
        factors = new DoublePointer((long) n * n);
        x = new DoublePointer(n);
        tau = new DoublePointer(n);
        ipiv = new IntPointer(n);
        DoublePointer query = new DoublePointer(1);
        openblas.LAPACKE_dgeqrf_work(COL, n, n, factors, n, tau, query, -1);
        lwork = Math.max(n, (int) query.get(0));
        query.close();
        work = new DoublePointer(lwork);
        eGeneral = DMatrixRMaj.wrap(n, n, general);
        eSpd = DMatrixRMaj.wrap(n, n, spd);
        eRhs = DMatrixRMaj.wrap(n, 1, rhs);
        eWork = new DMatrixRMaj(n, n);
        eX = new DMatrixRMaj(n, 1);
        qrPlan = QrPlan.create(FuseContext.defaults(), generalColumns);
    }

    @TearDown
    public void tearDown() {
        for (Pointer p : new Pointer[] {pGeneral, pSpd, pRhs, factors, x, tau, work, ipiv}) {
            p.close();
        }
    }

    private static void check(int info) {
        if (info != 0) {
            throw new IllegalStateException("LAPACK info " + info);
        }
    }

    private void rawLuSolve() {
        Pointer.memcpy(factors, pGeneral, 8L * n * n);
        Pointer.memcpy(x, pRhs, 8L * n);
        check(openblas.LAPACKE_dgetrf_work(COL, n, n, factors, n, ipiv));
        check(openblas.LAPACKE_dgetrs_work(COL, (byte) 'T', n, 1, factors, n, ipiv, x, n));
    }

    private void rawCholesky() {
        Pointer.memcpy(factors, pSpd, 8L * n * n);
        check(openblas.LAPACKE_dpotrf_work(COL, (byte) 'U', n, factors, n));
    }

    private void rawQr() {
        Pointer.memcpy(factors, pGeneral, 8L * n * n);
        check(openblas.LAPACKE_dgeqrf_work(COL, n, n, factors, n, tau, work, lwork));
    }

    @Benchmark
    public void pairedLuSolve(PairedTimes times) {
        times.run(() -> Linalg.solve(generalRows, b), this::rawLuSolve);
    }

    @Benchmark
    public void pairedCholesky(PairedTimes times) {
        times.run(() -> Linalg.cholesky(spdRows), this::rawCholesky);
    }

    @Benchmark
    public void pairedCholeskyInPlace(PairedTimes times) {
        times.run(() -> {
            System.arraycopy(spd, 0, spdWork, 0, spd.length);
            CholeskyFactorization.factorInPlace(FuseContext.defaults(), spdWorkRows, Uplo.LOWER);
        }, this::rawCholesky);
    }

    @Benchmark
    public void pairedQr(PairedTimes times) {
        times.run(() -> QrFactorization.factor(generalColumns), this::rawQr);
    }

    @Benchmark
    public Object fusemathLuSolve() {
        return Linalg.solve(generalRows, b);
    }

    @Benchmark
    public Object fusemathCholesky() {
        return Linalg.cholesky(spdRows);
    }

    @Benchmark
    public Object fusemathQr() {
        return QrFactorization.factor(generalColumns);
    }

    @Benchmark
    public Object ejmlLuSolve() {
        CommonOps_DDRM.solve(eGeneral, eRhs, eX);
        return eX;
    }

    @Benchmark
    public boolean ejmlCholesky() {
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        eWork.setTo(eSpd);
        return chol.decompose(eWork);
    }

    @Benchmark
    public boolean ejmlQr() {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        eWork.setTo(eGeneral);
        return qr.decompose(eWork);
    }

    @Benchmark
    public void pairedQrPlan(PairedTimes times) {
        times.run(() -> qrPlan.execute(generalColumns), this::rawQr);
    }

    /** {@code Linalg.solve} beside EJML's {@code CommonOps_DDRM.solve}: baselineMs ÷ fusemathMs is the speed-up. */
    @Benchmark
    public void pairedLuSolveEjml(PairedTimes times) {
        times.run(() -> Linalg.solve(generalRows, b), this::ejmlLuSolve);
    }

    /** {@code Linalg.cholesky} beside EJML's Cholesky of a copy. */
    @Benchmark
    public void pairedCholeskyEjml(PairedTimes times) {
        times.run(() -> Linalg.cholesky(spdRows), this::ejmlCholesky);
    }

    /** {@code QrFactorization.factor} beside EJML's QR of a copy (the same A read row-major, the same work). */
    @Benchmark
    public void pairedQrEjml(PairedTimes times) {
        times.run(() -> QrFactorization.factor(generalColumns), this::ejmlQr);
    }
}
