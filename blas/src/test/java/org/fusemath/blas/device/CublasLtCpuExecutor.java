package org.fusemath.blas.device;

import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.Op;
import org.fusemath.blas.Ref;
import org.fusemath.blas.host.NativeBlas;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.Trans;
import org.fusemath.blas.spi.MatmulReference;

/**
 * Runs a {@link CublasLtCall} on the CPU with cuBLASLt's contract: one column-major (or, per layout, row-major)
 * OpenBLAS gemm per batch entry on the roles and layouts the record names, then the epilogue as cuBLASLt
 * defines it in its own view (bias per row of D, aux in D's column-major layout with the record's leading
 * dimension, BGRADA/BGRADB over cuBLASLt's A and B). Nothing here knows the user's row-major spec: if the
 * record maps it wrongly, the result differs from the reference.
 */
final class CublasLtCpuExecutor {
    private CublasLtCpuExecutor() {
    }

    private static HostMatrix source(CublasLtCall.Source s, MatmulOperands ops) {
        return s == CublasLtCall.Source.A ? ops.a() : ops.b();
    }

    private static long index(CublasLtCall.MatrixLayout l, long r, long c) {
        return l.order() == CublasLtCall.Order.COL ? r + c * l.ld() : r * l.ld() + c;
    }

    static void run(CublasLtCall call, MatmulOperands ops) {
        NativeBlas blas = NativeCalls.blas();
        CublasLtCall.Order dOrder = call.c().order();
        Layout order = dOrder == CublasLtCall.Order.COL ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR;
        HostMatrix xa = source(call.a().source(), ops);
        HostMatrix xb = source(call.b().source(), ops);
        HostMatrix xc = ops.c();
        Trans ta = trans(call.a(), dOrder);
        Trans tb = trans(call.b(), dOrder);
        for (long e = 0; e < call.batchCount(); e++) {
            int aOff = (int) (xa.shape().offset() + e * call.a().layout().batchStride());
            int bOff = (int) (xb.shape().offset() + e * call.b().layout().batchStride());
            int cOff = (int) (xc.shape().offset() + e * call.c().batchStride());
            if (call.m() > 0 && call.n() > 0) {
                blas.gemm(call.dtype(), order, ta, tb, (int) call.m(), (int) call.n(), (int) call.k(), call.alpha().re(),
                        call.alpha().im(), xa.array(), aOff, (int) call.a().layout().ld(), xb.array(), bOff,
                        (int) call.b().layout().ld(), call.beta().re(), call.beta().im(), xc.array(), cOff,
                        (int) call.c().ld());
            }
            if (call.epilogue() != Epilogue.DEFAULT.cublasLtValue()) {
                epilogue(call, ops, e, xa, aOff, xb, bOff, cOff);
            }
        }
    }

    /** cuBLASLt's op on a layout whose order differs from D's: its storage is the transpose in D's order. */
    private static Trans trans(CublasLtCall.Operand o, CublasLtCall.Order dOrder) {
        Trans t = Trans.of(o.op());
        return o.layout().order() == dOrder ? t : t.flipped();
    }

    private static Epilogue epilogueOf(int value) {
        for (Epilogue e : Epilogue.values()) {
            if (e.cublasLtValue() == value) {
                return e;
            }
        }
        throw new IllegalArgumentException("CUBLASLT_EPILOGUE value " + value);
    }

    private static void epilogue(CublasLtCall call, MatmulOperands ops, long e, HostMatrix xa, int aOff, HostMatrix xb,
                                 int bOff, int cOff) {
        if (call.c().order() != CublasLtCall.Order.COL) {
            throw new IllegalStateException("cuBLASLt epilogues need a column-major D");
        }
        Epilogue ep = epilogueOf(call.epilogue());
        int slots = call.dtype().slotsPerElement();
        Object d = ops.c().array();
        long ld = call.c().ld();
        HostMatrix bias = ops.bias();
        long biasOff = bias == null ? 0 : bias.shape().offset() + e * call.bias().batchStride();
        long m = call.m();
        long n = call.n();
        if (ep.biasGradient() == Epilogue.BiasGradient.A_ROWS || ep.biasGradient() == Epilogue.BiasGradient.B_COLUMNS) {
            boolean rowsOfA = ep.biasGradient() == Epilogue.BiasGradient.A_ROWS;
            CublasLtCall.Operand o = rowsOfA ? call.a() : call.b();
            HostMatrix x = rowsOfA ? xa : xb;
            int off = rowsOfA ? aOff : bOff;
            long length = rowsOfA ? m : n;
            for (long v = 0; v < length; v++) {
                double s = 0;
                for (long p = 0; p < call.k(); p++) {
                    // op(A)[v, p] or op(B)[p, v] of cuBLASLt's operands.
                    long r = rowsOfA == (o.op() == Op.NONE) ? v : p;
                    long c = r == v ? p : v;
                    s += Ref.get(x.array(), (off + index(o.layout(), r, c)) * slots);
                }
                Ref.set(bias.array(), (biasOff + v) * slots, s);
            }
            return;
        }
        double[] rowSums = new double[(int) m];
        for (long j = 0; j < n; j++) {
            for (long i = 0; i < m; i++) {
                long at = (cOff + i + j * ld) * slots;
                double x = Ref.get(d, at);
                if (ep.takesBias()) {
                    x += Ref.get(bias.array(), (biasOff + i) * slots);
                }
                long auxAt = auxIndex(call, ops, e, i, j);
                if (ep.writesAux()) {
                    if (call.aux().bitMask()) {
                        setBit(ops.reluMask().bits(), auxAt, x > 0);
                    } else {
                        Ref.set(ops.aux().array(), auxAt * slots, x);
                    }
                }
                switch (ep.activation()) {
                    case RELU -> x = x <= 0 ? 0 : x;
                    case GELU -> x = MatmulReference.gelu(x);
                    case NONE -> {
                    }
                }
                switch (ep.derivative()) {
                    case RELU -> x = bit(ops.reluMask().bits(), auxAt) ? x : 0;
                    case GELU -> x *= MatmulReference.geluPrime(Ref.get(ops.aux().array(), auxAt * slots));
                    case NONE -> {
                    }
                }
                Ref.set(d, at, x);
                rowSums[(int) i] += Ref.get(d, at);
            }
        }
        if (ep.biasGradient() == Epilogue.BiasGradient.RESULT_COLUMNS) {
            for (int i = 0; i < m; i++) {
                Ref.set(bias.array(), (biasOff + i) * slots, rowSums[i]);
            }
        }
    }

    private static long auxIndex(CublasLtCall call, MatmulOperands ops, long e, long i, long j) {
        if (call.aux() == null) {
            return -1;
        }
        long base = call.aux().bitMask() ? ops.reluMask().shape().offset() : ops.aux().shape().offset();
        return base + e * call.aux().batchStride() + i + j * call.aux().ld();
    }

    private static boolean bit(byte[] bits, long p) {
        return (bits[(int) (p >>> 3)] & (1 << (p & 7))) != 0;
    }

    private static void setBit(byte[] bits, long p, boolean on) {
        int i = (int) (p >>> 3);
        int mask = 1 << (p & 7);
        bits[i] = (byte) (on ? bits[i] | mask : bits[i] & ~mask);
    }
}
