package org.fusemath.blas.spi;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.ReluMask;
import org.fusemath.blas.Scalar;

/**
 * {@code fusemath exec matmul}: {@code epilog(alpha·op(A)@op(B) + beta·C)} with NumPy's matmul semantics
 * (2-D inputs, or 3-D stacks where a 2-D operand or a stack of one is broadcast; op acts on the last two
 * axes). Outputs: D, then the epilogue's extra output if it has one (the GELU aux matrix; the ReLU mask as
 * a 0/1 array of the result type; the bias gradient as a vector). The DRELU and DGELU variants read that same array from
 * {@code --aux FILE}. Its options are declared in {@link #parameters()}.
 */
public final class MatmulExecOperation implements ExecOperation {
    private static final ExecParameter EPILOG = ExecParameter.choice("epilog", "default",
            "the epilogue applied to the product (case-insensitive)", epilogueNames()).withCheck(MatmulExecOperation::checkEpilogue);
    private static final ExecParameter BIAS = ExecParameter.array("bias", "the bias vector of a *_BIAS epilogue, one value per column");
    private static final ExecParameter AUX = ExecParameter.array("aux", "the forward pass's aux output, read by DRELU and DGELU epilogues");
    private static final List<ExecParameter> PARAMETERS = List.of(BlasParameters.TRANS_A, BlasParameters.TRANS_B,
            BlasParameters.ALPHA, BlasParameters.BETA, EPILOG, BIAS, AUX);

    @Override
    public String name() {
        return "matmul";
    }

    @Override
    public String summary() {
        return "D = epilog(alpha*op(A) @ op(B) + beta*C), NumPy matmul semantics (2-D, or 3-D batches): --in A --in B [--in C];"
                + " outputs D, then the epilogue's extra output if it has one";
    }

    @Override
    public List<ExecParameter> parameters() {
        return PARAMETERS;
    }

    private static void checkEpilogue(String v) {
        try {
            Epilogue.parse(v);
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException("--epilog", "'" + v + "'", "one of " + String.join(", ", epilogueNames())
                    + " (case-insensitive)");
        }
    }

    private static String[] epilogueNames() {
        Epilogue[] all = Epilogue.values();
        String[] names = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            names[i] = all[i].name().toLowerCase(java.util.Locale.ROOT);
        }
        return names;
    }

    @Override
    public List<HostTensor> execute(ExecRequest request) {
        request.requireInputs("matmul", 2, 3);
        BlasParameters.TRANS_A.check().accept(request.option(BlasParameters.TRANS_A));
        BlasParameters.TRANS_B.check().accept(request.option(BlasParameters.TRANS_B));
        Op opA = Op.parse(request.option(BlasParameters.TRANS_A));
        Op opB = Op.parse(request.option(BlasParameters.TRANS_B));
        Epilogue epilogue = Epilogue.parse(request.option(EPILOG));
        Scalar alpha = Scalar.parse("--alpha", request.option(BlasParameters.ALPHA));
        boolean hasC = request.inputs().size() == 3;
        if (!hasC && request.has(BlasParameters.BETA)) {
            throw new InvalidArgumentException("--beta", request.option(BlasParameters.BETA), "a third input C (--in C) for beta to scale");
        }
        Scalar beta = hasC ? Scalar.parse("--beta", request.option(BlasParameters.BETA)) : Scalar.ZERO;
        HostMatrix a = request.inputs().get(0).toCOrder().asMatrix();
        HostMatrix b = request.inputs().get(1).toCOrder().asMatrix();
        DType t = a.dtype();
        if (b.dtype() != t) {
            throw new InvalidArgumentException("--in B", b.dtype(), t + " as A");
        }
        long batch = MatrixShape.broadcastBatch("--in A", a.shape().batch(), "--in B", b.shape().batch());
        long m = opA.rowsOf(a.shape().rows(), a.shape().cols());
        long n = opB.colsOf(b.shape().rows(), b.shape().cols());
        boolean stacked = request.inputs().get(0).rank() == 3 || request.inputs().get(1).rank() == 3;
        // (n,1) @ (1,n) from two small files is an n×n result: say so instead of running out of heap.
        request.requireAllocatable("the result of matmul", t, batch, m, n);
        if (epilogue.auxKind() == Epilogue.AuxKind.GELU_INPUT && epilogue.writesAux()) {
            request.requireAllocatable("the result and aux output of matmul", t, 2, batch, m, n);
        }
        HostTensor out = stacked ? HostTensor.zeros(t, batch, m, n) : HostTensor.zeros(t, m, n);
        HostMatrix d = out.asMatrix();
        if (hasC) {
            fillFromC(request.inputs().get(2).toCOrder(), d);
        }
        MatmulOperands ops = MatmulOperands.of(a, b, d);
        List<HostTensor> outputs = new ArrayList<>();
        outputs.add(out);
        HostTensor extra = null;
        if (epilogue.usesBiasVector()) {
            long length = epilogue.biasLength(m, n);
            if (epilogue.takesBias()) {
                HostTensor bias = request.arrays().get("bias");
                if (bias == null) {
                    throw new InvalidArgumentException("--bias", "none", "a bias vector of length " + length + " for " + epilogue);
                }
                ops = ops.withBias(vector(bias.toCOrder(), t, length));
            } else {
                extra = stacked ? HostTensor.zeros(t, batch, length) : HostTensor.zeros(t, length);
                ops = ops.withBias(HostMatrix.of(t, extra.array(), MatrixShape.rowMajor(1, length).batched(batch)));
            }
        }
        HostTensor auxOut = null;
        ReluMask mask = null;
        if (epilogue.auxKind() == Epilogue.AuxKind.GELU_INPUT) {
            HostMatrix aux;
            if (epilogue.writesAux()) {
                auxOut = stacked ? HostTensor.zeros(t, batch, m, n) : HostTensor.zeros(t, m, n);
                aux = auxOut.asMatrix();
            } else {
                aux = auxInput(request, t, stacked, batch, m, n);
            }
            ops = ops.withAux(aux);
        } else if (epilogue.auxKind() == Epilogue.AuxKind.RELU_MASK) {
            mask = ReluMask.allocate(batch, m, n);
            if (epilogue.readsAux()) {
                HostMatrix flags = auxInput(request, t, stacked, batch, m, n);
                copyFlagsToMask(flags, mask);
            }
            ops = ops.withReluMask(mask);
        }
        MatmulSpec spec = ops.specBuilder().opA(opA).opB(opB).alpha(alpha.requireFor("--alpha", t)).beta(beta.requireFor("--beta", t))
                .epilogue(epilogue).build();
        FuseContext context = FuseContext.builder().execution(request.execution()).build();
        try (Matmul mm = new Matmul(spec, ops, context)) {
            mm.plan().execute();
        }
        if (auxOut != null) {
            outputs.add(auxOut);
        } else if (mask != null && epilogue.writesAux()) {
            HostTensor flags = stacked ? HostTensor.zeros(t, batch, m, n) : HostTensor.zeros(t, m, n);
            copyMaskToFlags(mask, flags.asMatrix());
            outputs.add(flags);
        }
        if (extra != null) {
            outputs.add(extra);
        }
        return outputs;
    }

    /** Broadcasts C (2-D or 3-D, NumPy rules) into D. */
    private static void fillFromC(HostTensor c, HostMatrix d) {
        HostMatrix cm = c.asMatrix();
        if (cm.dtype() != d.dtype()) {
            throw new InvalidArgumentException("--in C", cm.dtype(), d.dtype() + " as A");
        }
        MatrixShape cs = cm.shape();
        MatrixShape ds = d.shape();
        if (cs.rows() != ds.rows() || cs.cols() != ds.cols() || (cs.batch() != 1 && cs.batch() != ds.batch())) {
            throw new ShapeMismatchException("--in C", cs.toString(), ds.batch() + "x" + ds.rows() + "x" + ds.cols()
                    + " (the result's shape, a stack of one broadcast)");
        }
        int slots = d.dtype().slotsPerElement();
        int entry = (int) (ds.rows() * ds.cols() * slots);
        for (long e = 0; e < ds.batch(); e++) {
            System.arraycopy(cm.array(), (int) (cs.batch() == 1 ? 0 : e * entry), d.array(), (int) (e * entry), entry);
        }
    }

    private static HostMatrix vector(HostTensor v, DType t, long length) {
        if (v.dtype() != t) {
            throw new InvalidArgumentException("--bias", v.dtype(), t + " as A");
        }
        if (v.elementCount() != length || v.rank() > 2 || (v.rank() == 2 && v.dim(0) != 1 && v.dim(1) != 1)) {
            throw new ShapeMismatchException("--bias", java.util.Arrays.toString(v.shape()), "a vector of " + length
                    + " (one value per result column)");
        }
        return HostMatrix.of(t, v.array(), MatrixShape.rowMajor(1, length));
    }

    private static HostMatrix auxInput(ExecRequest request, DType t, boolean stacked, long batch, long m, long n) {
        HostTensor aux = request.arrays().get("aux");
        if (aux == null) {
            throw new InvalidArgumentException("--aux", "none", "the aux array of the forward pass (" + m + "x" + n + ")");
        }
        HostMatrix am = Arguments.requireNonNull(aux.toCOrder(), "--aux").asMatrix();
        if (am.dtype() != t || am.shape().rows() != m || am.shape().cols() != n || am.shape().batch() != batch) {
            throw new ShapeMismatchException("--aux", am.dtype() + " " + am.shape(), t + " " + batch + "x" + m + "x" + n);
        }
        return am;
    }

    private static void copyMaskToFlags(ReluMask mask, HostMatrix flags) {
        MatrixShape s = flags.shape();
        for (long e = 0; e < s.batch(); e++) {
            for (long i = 0; i < s.rows(); i++) {
                for (long j = 0; j < s.cols(); j++) {
                    int at = (int) s.indexOf(e, i, j);
                    double v = mask.get(e, i, j) ? 1 : 0;
                    if (flags.array() instanceof double[] d) {
                        d[at] = v;
                    } else {
                        ((float[]) flags.array())[at] = (float) v;
                    }
                }
            }
        }
    }

    private static void copyFlagsToMask(HostMatrix flags, ReluMask mask) {
        MatrixShape s = flags.shape();
        byte[] bits = mask.bits();
        for (long e = 0; e < s.batch(); e++) {
            for (long i = 0; i < s.rows(); i++) {
                for (long j = 0; j < s.cols(); j++) {
                    int at = (int) s.indexOf(e, i, j);
                    double v = flags.array() instanceof double[] d ? d[at] : ((float[]) flags.array())[at];
                    if (v != 0) {
                        long p = mask.shape().indexOf(e, i, j);
                        bits[(int) (p >>> 3)] |= (byte) (1 << (p & 7));
                    }
                }
            }
        }
    }
}
