package org.fusemath.blas.spi;

import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.Op;
import org.fusemath.blas.host.SmallGemm;

/**
 * The blas domain's {@code fusemath bench} cases, the claims of bench/README.md in miniature: GEMM on heap
 * arrays beside raw {@code cblas_?gemm} on off-heap memory (the baseline of the ratio targets), beside EJML at
 * n = 256 and at 4×4 (the function form's per-call cost), and matmul + bias + ReLU through the epilogue beside
 * the bare GEMM.
 */
public final class BlasBenchmarks implements BenchmarkSuite {
    private static final int CBLAS_ROW_MAJOR = 101;
    private static final int CBLAS_NO_TRANS = 111;

    @Override
    public String domain() {
        return "blas";
    }

    @Override
    public List<BenchmarkCase> cases() {
        return List.of(
                new Gemm(DType.F64, 256, Baseline.RAW_OFF_HEAP, true), new Gemm(DType.F64, 1024, Baseline.RAW_OFF_HEAP, false),
                new Gemm(DType.F32, 256, Baseline.RAW_OFF_HEAP, false), new Gemm(DType.F32, 1024, Baseline.RAW_OFF_HEAP, false),
                new Gemm(DType.F64, 256, Baseline.EJML, true), new Gemm(DType.F64, 4, Baseline.EJML, true),
                new Gemm(DType.F64, 32, Baseline.EJML, false), new FusedEpilogue(1024, true), new FusedEpilogue(2048, false));
    }

    /** What a GEMM case is compared with. */
    private enum Baseline {
        RAW_OFF_HEAP, EJML
    }

    private static double[] random(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = r.nextDouble() - 0.5;
        }
        return v;
    }

    private static float[] narrow(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** C = A·B, n×n row-major, through {@code Blas.gemm} on heap arrays. */
    private record Gemm(DType type, int n, Baseline against, boolean quick) implements BenchmarkCase {
        @Override
        public String name() {
            // The baseline is part of the row's identity: n=256 F64 is timed against both.
            // The path that runs the product (java kernel, ffm, netlib or javacpp staging) is named too: the ratio depends on it.
            return "gemm " + type + " heap (" + SmallGemm.pathFor(type, (long) n * n * n) + ") vs "
                    + (against == Baseline.EJML ? "EJML" : "raw cblas off-heap");
        }

        @Override
        public double speedupTarget() {
            if (against == Baseline.EJML) {
                // >= 10x EJML for n >= 256; never slower than EJML at small n.
                return n >= 256 ? 10 : 1;
            }
            // >= 0.95x raw cblas for n >= 256 on heap arrays passed without copies (FFM on JDK 22+, the netlib JNI shims
            // on JDK 17-21); >= 0.9x where the arrays are staged (javacpp: JDK 17-21 without the shims, complex types).
            return n >= 256 ? (SmallGemm.pathFor(type, (long) n * n * n).equals("javacpp") ? 0.9 : 0.95) : Double.NaN;
        }

        @Override
        public String size() {
            return "n=" + n;
        }

        @Override
        public String baseline() {
            return against == Baseline.EJML ? "EJML CommonOps_DDRM.mult"
                    : "cblas_" + (type == DType.F64 ? "d" : "s") + "gemm off-heap";
        }

        @Override
        public double workPerCall() {
            return 2e-9 * n * n * n;
        }

        @Override
        public String rateUnit() {
            return "GFLOP/s";
        }

        @Override
        public Trial open() {
            double[] a = random(n * n, 1);
            double[] b = random(n * n, 2);
            HostMatrix ha;
            HostMatrix hb;
            HostMatrix hc;
            if (type == DType.F64) {
                ha = HostMatrix.of(a, n, n);
                hb = HostMatrix.of(b, n, n);
                hc = HostMatrix.of(new double[n * n], n, n);
            } else {
                ha = HostMatrix.of(narrow(a), n, n);
                hb = HostMatrix.of(narrow(b), n, n);
                hc = HostMatrix.of(new float[n * n], n, n);
            }
            Runnable fusemath = () -> Blas.gemm(Op.NONE, Op.NONE, 1.0, ha, hb, 0.0, hc);
            if (against == Baseline.EJML) {
                DMatrixRMaj ea = DMatrixRMaj.wrap(n, n, a.clone());
                DMatrixRMaj eb = DMatrixRMaj.wrap(n, n, b.clone());
                DMatrixRMaj ec = new DMatrixRMaj(n, n);
                return Trial.of(fusemath, () -> CommonOps_DDRM.mult(ea, eb, ec), () -> { });
            }
            if (type == DType.F64) {
                DoublePointer pa = new DoublePointer(a);
                DoublePointer pb = new DoublePointer(b);
                DoublePointer pc = new DoublePointer((long) n * n);
                return Trial.of(fusemath, () -> openblas.cblas_dgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS,
                        n, n, n, 1.0, pa, n, pb, n, 0.0, pc, n), () -> {
                            pa.close();
                            pb.close();
                            pc.close();
                        });
            }
            FloatPointer pa = new FloatPointer(narrow(a));
            FloatPointer pb = new FloatPointer(narrow(b));
            FloatPointer pc = new FloatPointer((long) n * n);
            return Trial.of(fusemath, () -> openblas.cblas_sgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS,
                    n, n, n, 1.0f, pa, n, pb, n, 0.0f, pc, n), () -> {
                        pa.close();
                        pb.close();
                        pc.close();
                    });
        }
    }

    /** relu(A·B + bias) through a planned RELU_BIAS matmul beside the same planned matmul without epilogue. */
    private record FusedEpilogue(int n, boolean quick) implements BenchmarkCase {
        @Override
        public String name() {
            return "matmul+bias+relu F64 (fused)";
        }

        @Override
        public String size() {
            return "n=" + n;
        }

        @Override
        public String baseline() {
            return "the bare matmul";
        }

        @Override
        public double speedupTarget() {
            // The fused call may take at most 1.05x the bare matmul's time: a speed-up of at least 1/1.05.
            return 1 / 1.05;
        }

        @Override
        public double workPerCall() {
            return 2e-9 * n * n * n;
        }

        @Override
        public String rateUnit() {
            return "GFLOP/s";
        }

        @Override
        public Trial open() {
            HostMatrix a = HostMatrix.of(random(n * n, 3), n, n);
            HostMatrix b = HostMatrix.of(random(n * n, 4), n, n);
            HostMatrix c = HostMatrix.of(new double[n * n], n, n);
            MatmulOperands bare = MatmulOperands.of(a, b, c);
            MatmulOperands fused = bare.withBias(HostMatrix.of(random(n, 5), 1, n));
            Matmul plain = new Matmul(bare.specBuilder().build(), bare).plan();
            Matmul withEpilogue = new Matmul(fused.specBuilder().epilogue(Epilogue.RELU_BIAS).build(), fused).plan();
            return Trial.of(withEpilogue::execute, plain::execute, () -> {
                plain.close();
                withEpilogue.close();
            });
        }
    }
}
