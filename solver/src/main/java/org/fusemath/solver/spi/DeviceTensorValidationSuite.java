package org.fusemath.solver.spi;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
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
import org.fusemath.solver.spi.SpectralMetrics.Complex;

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
public final class DeviceTensorValidationSuite implements ValidationSuite {
    private static final double BOUND = 16;

    @Override
    public String domain() {
        return "solver";
    }

    @Override
    public List<ValidationCase> cases() {
        List<ValidationCase> cases = new ArrayList<>();
        for (DType t : DType.values()) {
            boolean quick = t == DType.F64;
            cases.add(new Case("cholesky[tensor]", t, 31, 31, quick));
            cases.add(new Case("qr[tensor]", t, 40, 9, false));
            cases.add(new Case("svd[tensor]", t, 40, 9, quick));
            cases.add(new Case("svd[tensor]", t, 9, 40, false));
            cases.add(new Case("eigh[tensor]", t, 31, 31, false));
            cases.add(new Case("eig[tensor]", t, 31, 31, false));
            cases.add(new Case("lstsq[tensor]", t, 40, 9, quick));
        }
        return cases;
    }

    /** One case: the op on device tensors of an m×n operand. */
    record Case(String op, DType dtype, int m, int n, boolean quick) implements ValidationCase {
        @Override
        public String shape() {
            return m + "x" + n;
        }

        @Override
        public Space space() {
            return Space.DEVICE;
        }

        @Override
        public ValidationResult run(FuseContext context) {
            long seed = 37L * m + n + dtype.ordinal() + op.hashCode();
            try (CudaStream stream = CudaStream.create(context.deviceId());
                 FuseContext on = FuseContext.builder().execution(Execution.device(context.deviceId())).stream(stream)
                         .build()) {
                double worst = 0;
                for (Layout layout : Layout.values()) {
                    worst = Math.max(worst, measure(on, stream, layout, seed));
                }
                return new ValidationResult(worst, BOUND, switch (op) {
                    case "cholesky[tensor]" -> "|A-UhU|/(|A|*n*u), C and Fortran order";
                    case "qr[tensor]" -> "max(|A-QR|/(|A|*m*u), |QhQ-I|/(n*u)), C and Fortran order";
                    case "svd[tensor]" -> "max(|A-USVh|/(|A|*n*u), |UhU-I|/(n*u), |VhV-I|/(n*u)), C and Fortran order";
                    case "lstsq[tensor]" -> "|Ah(AX-B)|/(|A|*(|A||X|+|B|)*m*u), C and Fortran order";
                    default -> "|Av-wv|/(|A|*|v|*n*u), C and Fortran order";
                });
            }
        }

        private double measure(FuseContext on, CudaStream stream, Layout layout, long seed) {
            HostMatrix a = switch (op) {
                case "cholesky[tensor]" -> positiveDefinite(dtype, n, layout, seed);
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
                                return choleskyError(a, download(stream, u));
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
                                return qrError(a, download(stream, q), download(stream, r));
                            } finally {
                                q.buffer().close();
                                r.buffer().close();
                            }
                        }
                    }
                    case "svd[tensor]" -> {
                        try (DeviceSvd svd = Linalg.svd(on, da, SvdMode.THIN)) {
                            return svdError(a, download(stream, svd.u()), download(stream, svd.s()),
                                    download(stream, svd.vh()));
                        }
                    }
                    case "lstsq[tensor]" -> {
                        HostMatrix b = SpectralSamples.random(dtype, m, 2, layout, seed + 1);
                        DeviceTensor db = upload(stream, b);
                        try (DeviceLstsq ls = Linalg.lstsq(on, da, db, -1)) {
                            return DeviceSolverValidationSuite.normalEquationsError(a, download(stream, ls.x()), b);
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

    /** A Hermitian sample + 2n·I: positive definite (Gershgorin: the entries are at most 1 in modulus). */
    static HostMatrix positiveDefinite(DType t, int n, Layout layout, long seed) {
        HostMatrix spd = SpectralSamples.hermitian(t, n, layout, seed);
        int slots = t.slotsPerElement();
        for (int i = 0; i < n; i++) {
            int at = (i * n + i) * slots;
            if (spd.array() instanceof double[] d) {
                d[at] += 2 * n;
            } else {
                ((float[]) spd.array())[at] += 2 * n;
            }
        }
        return spd;
    }

    /** ‖A − Uᴴ·U‖_F / (‖A‖_F·n·u) for the upper factor U of A. */
    static double choleskyError(HostMatrix a, HostMatrix upper) {
        Complex u = SpectralMetrics.read(upper);
        return difference(SpectralMetrics.multiply(u, true, u), SpectralMetrics.read(a), a.shape().cols(), a.dtype());
    }

    /** max(‖A − Q·R‖_F / (‖A‖_F·m·u), ‖QᴴQ − I‖_F / (n·u)) for the thin Q and reduced R of A. */
    static double qrError(HostMatrix a, HostMatrix q, HostMatrix r) {
        Complex product = SpectralMetrics.multiply(SpectralMetrics.read(q), false, SpectralMetrics.read(r));
        double reconstruction = difference(product, SpectralMetrics.read(a), a.shape().rows(), a.dtype());
        return Math.max(reconstruction, SpectralMetrics.orthogonality(q, false));
    }

    /** The svd's reconstruction and the orthogonality of U's columns and Vᴴ's rows, the worst. */
    static double svdError(HostMatrix a, HostMatrix u, HostMatrix s, HostMatrix vh) {
        return Math.max(SpectralMetrics.reconstruction(a, u, s, vh), Math.max(SpectralMetrics.orthogonality(u, false),
                SpectralMetrics.orthogonality(vh, true)));
    }

    /** ‖x − target‖_F / (‖target‖_F·order·u). */
    private static double difference(Complex x, Complex target, long order, DType t) {
        double diff = 0;
        for (int i = 0; i < x.re().length; i++) {
            diff += Math.pow(x.re()[i] - target.re()[i], 2) + Math.pow(x.im()[i] - target.im()[i], 2);
        }
        return Math.sqrt(diff) / (target.frobenius() * order * t.unitRoundoff());
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
