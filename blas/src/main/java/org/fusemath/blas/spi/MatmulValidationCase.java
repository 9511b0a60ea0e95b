package org.fusemath.blas.spi;

import java.util.Locale;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.ReluMask;
import org.fusemath.blas.Scalar;

/**
 * One matmul validation row: seeded random operands (A row-major, B column-major, C row-major with padded
 * leading dimensions), the product through {@link Matmul} (planned, autotuned, executed) in the case's space, and
 * the worst error relative to the GEMM forward error bound against {@link MatmulReference} (passes at ≤ 1). With
 * beta = 0, C starts as NaN to prove it is not read. A DEVICE case forces device execution on the context's
 * device, so it fails (never silently runs on the host) where no device is usable; the harness skips it there.
 */
final class MatmulValidationCase implements ValidationCase {
    private final DType dtype;
    private final Op opA;
    private final Op opB;
    private final int batch;
    private final int m;
    private final int n;
    private final int k;
    private final Epilogue epilogue;
    private final boolean betaZero;
    private final boolean quick;
    private final Space space;

    MatmulValidationCase(Space space, DType dtype, Op opA, Op opB, int batch, int m, int n, int k, Epilogue epilogue,
                         boolean betaZero, boolean quick) {
        this.space = space;
        this.dtype = dtype;
        this.opA = opA;
        this.opB = opB;
        this.batch = batch;
        this.m = m;
        this.n = n;
        this.k = k;
        this.epilogue = epilogue;
        this.betaZero = betaZero;
        this.quick = quick;
    }

    private static char flag(Op op) {
        return switch (op) {
            case NONE -> 'N';
            case TRANSPOSE -> 'T';
            case CONJUGATE_TRANSPOSE -> 'C';
        };
    }

    @Override
    public String op() {
        return "matmul[" + flag(opA) + flag(opB) + "]" + (epilogue == Epilogue.DEFAULT ? ""
                : "+" + epilogue.name().toLowerCase(Locale.ROOT)) + (betaZero ? " beta=0" : "");
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public String shape() {
        return (batch == 1 ? "" : batch + "x") + m + "x" + n + "x" + k;
    }

    @Override
    public Space space() {
        return space;
    }

    @Override
    public boolean quick() {
        return quick;
    }

    private HostMatrix random(SplittableRandom r, MatrixShape s) {
        int slots = (int) (s.requiredElements() * dtype.slotsPerElement());
        Object data = dtype.isSinglePrecision() ? new float[slots] : new double[slots];
        for (int i = 0; i < slots; i++) {
            double v = 2 * r.nextDouble() - 1;
            if (data instanceof double[] d) {
                d[i] = v;
            } else {
                ((float[]) data)[i] = (float) v;
            }
        }
        return HostMatrix.of(dtype, data, s);
    }

    @Override
    public ValidationResult run(FuseContext context) {
        SplittableRandom r = new SplittableRandom(op().hashCode() * 31L + shape().hashCode() + dtype.ordinal());
        long ra = opA.transposes() ? k : m;
        long ca = opA.transposes() ? m : k;
        long rb = opB.transposes() ? n : k;
        long cb = opB.transposes() ? k : n;
        HostMatrix a = random(r, MatrixShape.rowMajor(ra, ca).withLd(ca + 1).batched(batch, (ca + 1) * Math.max(1, ra) + 3));
        HostMatrix b = random(r, MatrixShape.columnMajor(rb, cb).withLd(rb + 2).batched(batch, (rb + 2) * Math.max(1, cb)));
        HostMatrix c = random(r, MatrixShape.rowMajor(m, n).withLd(n + 1).batched(batch, (long) (n + 1) * Math.max(1, m)));
        if (betaZero) {
            Object data = c.array();
            int slots = java.lang.reflect.Array.getLength(data);
            for (int i = 0; i < slots; i++) {
                if (data instanceof double[] d) {
                    d[i] = Double.NaN;
                } else {
                    ((float[]) data)[i] = Float.NaN;
                }
            }
        }
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        if (epilogue.usesBiasVector()) {
            long len = epilogue.biasLength(m, n);
            ops = ops.withBias(random(r, MatrixShape.rowMajor(1, len).batched(batch)));
        }
        if (epilogue.auxKind() == Epilogue.AuxKind.GELU_INPUT) {
            ops = ops.withAux(random(r, MatrixShape.rowMajor(m, n).withLd(epilogue.alignedAuxLd(n))
                    .batched(batch, epilogue.alignedAuxLd(n) * Math.max(1, m))));
        } else if (epilogue.auxKind() == Epilogue.AuxKind.RELU_MASK) {
            ReluMask mask = ReluMask.allocate(batch, m, n);
            r.nextBytes(mask.bits());
            ops = ops.withReluMask(mask);
        }
        Scalar alpha = dtype.isComplex() ? Scalar.of(0.75, -1.25) : Scalar.of(1.25);
        Scalar beta = betaZero ? Scalar.ZERO : dtype.isComplex() ? Scalar.of(0.5, 0.25) : Scalar.of(-0.5);
        MatmulSpec spec = ops.specBuilder().opA(opA).opB(opB).alpha(alpha).beta(beta).epilogue(epilogue).build();
        MatmulReference.Inputs before = MatmulReference.snapshot(ops);
        FuseContext where = space == Space.DEVICE ? FuseContext.builder().execution(Execution.device(context.deviceId()))
                .threads(context.threads()).logger(context.logger()).build() : context;
        try (Matmul mm = new Matmul(spec, ops, where)) {
            mm.plan().autotune().execute();
        }
        double worst = MatmulReference.worstRatio(spec, before, ops);
        return new ValidationResult(worst, 1.0, "max |error| / GEMM forward bound");
    }

    @Override
    public String toString() {
        return op() + " " + dtype + " " + shape() + " " + space + (quick ? " (quick)" : "");
    }
}
