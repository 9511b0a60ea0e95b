package org.fusemath.blas.spi;

import java.util.Locale;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.blas.Diag;
import org.fusemath.blas.HostVector;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/** What the level 1–3 exec operations read from a request: inputs as vectors or matrices, scalars and flags. */
final class RoutineArgs {
    private final String op;
    private final ExecRequest request;

    RoutineArgs(String op, ExecRequest request, int minInputs, int maxInputs) {
        this.op = op;
        this.request = request;
        request.requireInputs(op, minInputs, maxInputs);
    }

    /** The context the routine runs under: the request's execution space (a device through cuBLAS). */
    FuseContext context() {
        return FuseContext.builder().execution(request.execution()).build();
    }

    boolean has(int input) {
        return request.inputs().size() > input;
    }

    DType dtype() {
        return request.inputs().get(0).dtype();
    }

    /** Input {@code i} in C order, which must be rank {@code rank} and of the first input's type. */
    HostTensor tensor(int i, int rank) {
        HostTensor t = request.inputs().get(i).toCOrder();
        if (t.rank() != rank) {
            throw new InvalidArgumentException("--in #" + (i + 1), "a rank-" + t.rank() + " array",
                    (rank == 1 ? "a 1-D vector" : "a 2-D matrix") + " for " + op);
        }
        if (t.dtype() != dtype()) {
            throw new InvalidArgumentException("--in #" + (i + 1), t.dtype(), dtype() + " as the first input");
        }
        return t;
    }

    /** A fresh copy of input {@code i}, for the routines that overwrite an operand with their result. */
    HostTensor copy(int i, int rank) {
        HostTensor t = tensor(i, rank);
        request.requireAllocatable("a copy of input #" + (i + 1) + " for " + op, t.dtype(), t.shape());
        Object data = t.array() instanceof double[] d ? d.clone() : ((float[]) t.array()).clone();
        return HostTensor.of(t.dtype(), t.shape(), data);
    }

    static HostVector vector(HostTensor t) {
        return HostVector.of(t.dtype(), t.array(), t.dim(0), 0, 1);
    }

    static HostMatrix matrix(HostTensor t) {
        return t.asMatrix();
    }

    /** A zero result of the first input's type, once the JVM is known to have room for it. */
    HostTensor zeros(String what, long... shape) {
        request.requireAllocatable(what, dtype(), shape);
        return HostTensor.zeros(dtype(), shape);
    }

    Scalar scalar(ExecParameter p) {
        return Scalar.parse("--" + p.name(), request.option(p));
    }

    /** beta, which only a call with the optional accumulator input (number {@code input}) may set. */
    Scalar beta(int input) {
        if (!has(input)) {
            if (request.has(BlasParameters.BETA)) {
                throw new InvalidArgumentException("--beta", request.option(BlasParameters.BETA),
                        "an input #" + (input + 1) + " for beta to scale");
            }
            return Scalar.ZERO;
        }
        return scalar(BlasParameters.BETA);
    }

    Op trans(ExecParameter p) {
        p.check().accept(request.option(p));
        return Op.parse(request.option(p));
    }

    Uplo uplo() {
        return uplo(request);
    }

    static Uplo uplo(ExecRequest request) {
        BlasParameters.UPLO.check().accept(request.option(BlasParameters.UPLO));
        return request.option(BlasParameters.UPLO).trim().toLowerCase(Locale.ROOT).startsWith("u") ? Uplo.UPPER : Uplo.LOWER;
    }

    Side side() {
        return side(request);
    }

    static Side side(ExecRequest request) {
        BlasParameters.SIDE.check().accept(request.option(BlasParameters.SIDE));
        return request.option(BlasParameters.SIDE).trim().toLowerCase(Locale.ROOT).startsWith("l") ? Side.LEFT : Side.RIGHT;
    }

    Diag diag() {
        return diag(request);
    }

    static Diag diag(ExecRequest request) {
        BlasParameters.DIAG.check().accept(request.option(BlasParameters.DIAG));
        return request.option(BlasParameters.DIAG).trim().toLowerCase(Locale.ROOT).startsWith("u") ? Diag.UNIT : Diag.NON_UNIT;
    }

    /** A rank-0 result of {@code type}. */
    static HostTensor scalarTensor(DType type, double re, double im) {
        Object data = type.isSinglePrecision() ? new float[type.slotsPerElement()] : new double[type.slotsPerElement()];
        set(data, 0, re);
        if (type.isComplex()) {
            set(data, 1, im);
        }
        return HostTensor.of(type, new long[0], data);
    }

    private static void set(Object data, int at, double v) {
        if (data instanceof double[] d) {
            d[at] = v;
        } else {
            ((float[]) data)[at] = (float) v;
        }
    }
}
