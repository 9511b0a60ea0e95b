package org.fusemath.solver.spi;

import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaBuffer;
import org.fusemath.cuda.CudaStream;
import org.fusemath.solver.CholeskyFactorization;
import org.fusemath.solver.DeviceCholeskyFactorization;
import org.fusemath.solver.DeviceEigen;
import org.fusemath.solver.DeviceHermitianEigen;
import org.fusemath.solver.DeviceQrFactorization;
import org.fusemath.solver.DeviceSvd;
import org.fusemath.solver.DeviceLstsq;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.QrFactorization;
import org.fusemath.solver.SvdMode;

/**
 * The solver's device-tensor cases of {@code fusemath validate} (device space: run with {@code --space device} where
 * a GPU is present, skipped elsewhere): the operands uploaded to device buffers in both storage orders, the
 * decomposition computed on the device tensors (results left there, then read back to be judged), each measured in
 * units of the type's unit roundoff with bound 16 (backward-stable algorithms): cholesky by ‖A − Uᴴ·U‖_F/(‖A‖_F·n·u)
 * (A Hermitian + 2n·I), qr by ‖A − Q·R‖_F/(‖A‖_F·m·u) and ‖QᴴQ − I‖_F/(n·u), svd by SpectralMetrics'
 * reconstruction and orthogonality (tall and wide), eigh and eig by their residuals, lstsq by the normal equations
 * ‖Aᴴ(A·X − B)‖_F/(‖A‖_F·(‖A‖_F·‖X‖_F + ‖B‖_F)·m·u). Every type; the quick subset is
 * the F64 cases of cholesky, svd and lstsq.
 */
public final class DeviceTensorValidationSuite extends SolverCases.Suite {
    private static final String ORDERS = ", C and Fortran order";

    /** The suite as the command line loads it. */
    public DeviceTensorValidationSuite() {
        super(Space.DEVICE);
    }

    @Override
    void table(SolverCases table) {
        for (DType t : DType.values()) {
            boolean quick = t == DType.F64;
            row(table, "cholesky[tensor]", t, 31, 31, quick);
            row(table, "qr[tensor]", t, 40, 9, false);
            row(table, "svd[tensor]", t, 40, 9, quick);
            row(table, "svd[tensor]", t, 9, 40, false);
            row(table, "eigh[tensor]", t, 31, 31, false);
            row(table, "eig[tensor]", t, 31, 31, false);
            row(table, "lstsq[tensor]", t, 40, 9, quick);
        }
    }

    private static void row(SolverCases table, String op, DType t, int m, int n, boolean quick) {
        table.add(op, t, SolverCases.shape(m, n), quick, new Case(op, t, m, n)::run);
    }

    /** One case: the op on device tensors of an m×n operand. */
    private record Case(String op, DType dtype, int m, int n) {
        ValidationResult run(FuseContext context) {
            long seed = 37L * m + n + dtype.ordinal() + op.hashCode();
            try (CudaStream stream = CudaStream.create(context.deviceId());
                 FuseContext on = FuseContext.builder().execution(Execution.device(context.deviceId())).stream(stream)
                         .build()) {
                double worst = 0;
                for (Layout layout : Layout.values()) {
                    worst = Math.max(worst, measure(on, stream, layout, seed));
                }
                return new ValidationResult(worst, SolverCases.BACKWARD_STABLE, switch (op) {
                    case "cholesky[tensor]" -> SolverCases.CHOLESKY_METRIC + ORDERS;
                    case "qr[tensor]" -> "max(|A-QR|/(|A|*m*u), |QhQ-I|/(n*u))" + ORDERS;
                    case "svd[tensor]" -> SolverCases.SVD_METRIC + ORDERS;
                    case "lstsq[tensor]" -> SolverCases.NORMAL_EQUATIONS_METRIC + ORDERS;
                    default -> "|Av-wv|/(|A|*|v|*n*u)" + ORDERS;
                });
            }
        }

        private double measure(FuseContext on, CudaStream stream, Layout layout, long seed) {
            HostMatrix a = switch (op) {
                case "cholesky[tensor]" -> SpectralSamples.positiveDefinite(dtype, n, layout, seed);
                case "eigh[tensor]" -> SpectralSamples.hermitian(dtype, n, layout, seed);
                default -> SpectralSamples.random(dtype, m, n, layout, seed);
            };
            DeviceTensor da = upload(stream, a);
            try {
                switch (op) {
                    case "cholesky[tensor]" -> {
                        try (DeviceCholeskyFactorization f = CholeskyFactorization.factor(on, da, Uplo.UPPER)) {
                            DeviceTensor u = f.triangularFactor();
                            try {
                                return SpectralMetrics.cholesky(a, download(stream, u));
                            } finally {
                                u.buffer().close();
                            }
                        }
                    }
                    case "qr[tensor]" -> {
                        try (DeviceQrFactorization qr = QrFactorization.factor(on, da)) {
                            DeviceTensor q = qr.q();
                            DeviceTensor r = qr.r();
                            try {
                                return SpectralMetrics.qr(a, download(stream, q), download(stream, r));
                            } finally {
                                q.buffer().close();
                                r.buffer().close();
                            }
                        }
                    }
                    case "svd[tensor]" -> {
                        try (DeviceSvd svd = Linalg.svd(on, da, SvdMode.THIN)) {
                            return SpectralMetrics.svd(a, download(stream, svd.u()), download(stream, svd.s()),
                                    download(stream, svd.vh()));
                        }
                    }
                    case "lstsq[tensor]" -> {
                        HostMatrix b = SpectralSamples.random(dtype, m, 2, layout, seed + 1);
                        DeviceTensor db = upload(stream, b);
                        try (DeviceLstsq ls = Linalg.lstsq(on, da, db, -1)) {
                            return SpectralMetrics.normalEquations(a, download(stream, ls.x()), b);
                        } finally {
                            db.buffer().close();
                        }
                    }
                    case "eigh[tensor]" -> {
                        try (DeviceHermitianEigen e = Linalg.eigh(on, da, Uplo.LOWER, true)) {
                            return SpectralMetrics.residual(a, Uplo.LOWER, download(stream, e.values()),
                                    download(stream, e.vectors()));
                        }
                    }
                    default -> {
                        try (DeviceEigen e = Linalg.eig(on, da, true)) {
                            return SpectralMetrics.residual(a, null, download(stream, e.values()),
                                    download(stream, e.vectors()));
                        }
                    }
                }
            } finally {
                da.buffer().close();
            }
        }
    }

    private static DeviceTensor upload(CudaStream stream, HostMatrix a) {
        CudaBuffer b = CudaBuffer.allocate(stream, a.dtype(), a.shape().size());
        if (a.array() instanceof double[] d) {
            b.copyFrom(stream, d);
        } else {
            b.copyFrom(stream, (float[]) a.array());
        }
        return DeviceTensor.of(b, new long[] {a.shape().rows(), a.shape().cols()}, a.shape().layout() == Layout.COLUMN_MAJOR);
    }

    /** A device matrix (a vector as one column) copied back, in its storage order. */
    private static HostMatrix download(CudaStream stream, DeviceTensor t) {
        int slots = Math.toIntExact(t.elementCount() * t.dtype().slotsPerElement());
        Object out;
        if (t.dtype().isSinglePrecision()) {
            float[] f = new float[slots];
            ((CudaBuffer) t.buffer()).copyTo(stream, f);
            out = f;
        } else {
            double[] d = new double[slots];
            ((CudaBuffer) t.buffer()).copyTo(stream, d);
            out = d;
        }
        return HostMatrix.of(t.dtype(), out, MatrixShape.dense(t.dim(0), t.rank() == 1 ? 1 : t.dim(1),
                t.isFortranOrder() ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR));
    }
}
