package org.fusemath.ejml.spi;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.ejml.CommonOps_DDRM;
import org.fusemath.ejml.CommonOps_FDRM;
import org.fusemath.ejml.CommonOps_MT_DDRM;

/**
 * The EJML facades' {@code fusemath bench} rows: the same call through {@code org.fusemath.ejml} and through
 * {@code org.ejml.dense.row} on the same preallocated matrices, at the execution settings in force. Targets (from
 * the module's claims): mult ≥ 10× EJML at n = 1024 and never slower at n ≤ 32; solve ≥ 5× EJML at n = 1000;
 * the concurrent mult ≥ EJML's concurrent mult at every size; the vectorised element functions (elementExp,
 * elementLog, float elementPower) faster than EJML's loops above their threshold.
 */
public final class EjmlBenchmarks implements BenchmarkSuite {
    @Override
    public String domain() {
        return "ejml";
    }

    @Override
    public List<BenchmarkCase> cases() {
        return List.of(new Row(Op.MULT, 32, true), new Row(Op.MULT, 256, true), new Row(Op.MULT, 1024, false),
                new Row(Op.MULT_MT, 256, true), new Row(Op.MULT_MT, 1024, false),
                new Row(Op.SOLVE, 32, true), new Row(Op.SOLVE, 256, true), new Row(Op.SOLVE, 1000, false),
                new Row(Op.EXP, 1024, true), new Row(Op.EXP, 1 << 20, false),
                new Row(Op.LOG, 1024, true), new Row(Op.LOG, 1 << 20, false),
                new Row(Op.EXP_F32, 1024, true), new Row(Op.EXP_F32, 1 << 20, false),
                new Row(Op.POWER_F32, 1024, true), new Row(Op.POWER_F32, 1 << 20, false));
    }

    /** The facade calls timed. */
    enum Op {
        /** C = A·B, CommonOps_DDRM.mult. */
        MULT("ejml mult F64", "EJML"),
        /** C = A·B, CommonOps_MT_DDRM.mult. */
        MULT_MT("ejml mult MT F64", "EJML concurrent"),
        /** A·X = B with one right-hand side, CommonOps_DDRM.solve (it modifies neither A nor B, so no copies are timed). */
        SOLVE("ejml solve F64", "EJML"),
        /** B = exp(A) elementwise, CommonOps_DDRM.elementExp on a 1 x n matrix (n the element count). */
        EXP("ejml elementExp F64", "EJML"),
        /** B = ln(A) elementwise, CommonOps_DDRM.elementLog. */
        LOG("ejml elementLog F64", "EJML"),
        /** B = exp(A) elementwise, CommonOps_FDRM.elementExp. */
        EXP_F32("ejml elementExp F32", "EJML"),
        /** B = A^1.7 elementwise, CommonOps_FDRM.elementPower(A, b, B). */
        POWER_F32("ejml elementPower F32", "EJML");

        final String row;
        final String baseline;

        Op(String row, String baseline) {
            this.row = row;
            this.baseline = baseline;
        }
    }

    private record Row(Op op, int n, boolean quick) implements BenchmarkCase {
        @Override
        public String name() {
            return op.row;
        }

        @Override
        public String size() {
            return elementwise() ? "elements=" + n : "n=" + n;
        }

        @Override
        public String baseline() {
            return op.baseline;
        }

        @Override
        public double speedupTarget() {
            return switch (op) {
                case MULT -> n >= 1024 ? 10 : n <= 32 ? 1 : Double.NaN;
                case MULT_MT -> 1;
                case SOLVE -> n >= 1000 ? 5 : Double.NaN;
                // Above the element-wise threshold the vectorised functions are to be faster than EJML's loops.
                case EXP, LOG, EXP_F32, POWER_F32 -> 1;
            };
        }

        @Override
        public double workPerCall() {
            if (elementwise()) {
                return 1e-9 * n;
            }
            double n3 = (double) n * n * n;
            return 1e-9 * (op == Op.SOLVE ? 2.0 / 3 * n3 + 2.0 * n * n : 2 * n3);
        }

        @Override
        public String rateUnit() {
            return elementwise() ? "G elements/s" : "GFLOP/s";
        }

        private boolean elementwise() {
            return op == Op.EXP || op == Op.LOG || op == Op.EXP_F32 || op == Op.POWER_F32;
        }

        @Override
        public Trial open() {
            if (elementwise()) {
                return openElementwise();
            }
            Random r = new Random(n);
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, n, -1, 1, r);
            for (int i = 0; i < n; i++) {
                a.add(i, i, n);
            }
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, op == Op.SOLVE ? 1 : n, -1, 1, r);
            DMatrixRMaj c = new DMatrixRMaj(n, b.numCols);
            return switch (op) {
                case MULT -> Trial.of(() -> CommonOps_DDRM.mult(a, b, c),
                        () -> org.ejml.dense.row.CommonOps_DDRM.mult(a, b, c), () -> { });
                case MULT_MT -> Trial.of(() -> CommonOps_MT_DDRM.mult(a, b, c),
                        () -> org.ejml.dense.row.CommonOps_MT_DDRM.mult(a, b, c), () -> { });
                case SOLVE -> Trial.of(() -> CommonOps_DDRM.solve(a, b, c),
                        () -> org.ejml.dense.row.CommonOps_DDRM.solve(a, b, c), () -> { });
                default -> throw new IllegalStateException("an element-wise row: " + op);
            };
        }

        /** A 1 x n matrix with entries in (0, 10]: in log's domain, and exp and pow without overflow. */
        private Trial openElementwise() {
            Random r = new Random(n);
            DMatrixRMaj a = new DMatrixRMaj(1, n);
            FMatrixRMaj af = new FMatrixRMaj(1, n);
            for (int i = 0; i < n; i++) {
                a.data[i] = 10 * (1 - r.nextDouble());
                af.data[i] = (float) a.data[i];
            }
            DMatrixRMaj c = new DMatrixRMaj(1, n);
            FMatrixRMaj cf = new FMatrixRMaj(1, n);
            return switch (op) {
                case EXP -> Trial.of(() -> CommonOps_DDRM.elementExp(a, c),
                        () -> org.ejml.dense.row.CommonOps_DDRM.elementExp(a, c), () -> { });
                case LOG -> Trial.of(() -> CommonOps_DDRM.elementLog(a, c),
                        () -> org.ejml.dense.row.CommonOps_DDRM.elementLog(a, c), () -> { });
                case EXP_F32 -> Trial.of(() -> CommonOps_FDRM.elementExp(af, cf),
                        () -> org.ejml.dense.row.CommonOps_FDRM.elementExp(af, cf), () -> { });
                default -> Trial.of(() -> CommonOps_FDRM.elementPower(af, 1.7f, cf),
                        () -> org.ejml.dense.row.CommonOps_FDRM.elementPower(af, 1.7f, cf), () -> { });
            };
        }
    }
}
