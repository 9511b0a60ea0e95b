package org.fusemath.validation.ops;

import java.util.Collection;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.HostMemory;

/**
 * NumPy's type promotion over fusemath's four types ({@code np.result_type}): the result is complex when any
 * operand is, and double precision when any operand is (so float32 + float64 is float64, float64 + complex64 is
 * complex128). Stateless.
 */
public final class Promotion {
    private Promotion() {
    }

    /** The type NumPy computes in for operands of {@code types}; null for none. */
    public static DType resultType(Collection<DType> types) {
        Arguments.requireNonNull(types, "types");
        if (types.isEmpty()) {
            return null;
        }
        boolean complex = false;
        boolean dbl = false;
        for (DType t : types) {
            complex |= t.isComplex();
            dbl |= !t.isSinglePrecision();
        }
        return complex ? (dbl ? DType.C128 : DType.C64) : (dbl ? DType.F64 : DType.F32);
    }

    /**
     * {@code t} converted to {@code target} (NumPy's {@code t.astype(target)} for a widening cast: values kept,
     * imaginary parts 0), in {@code t}'s order; {@code t} itself when already of that type. A narrowing cast
     * (losing precision or an imaginary part) is refused.
     */
    public static HostTensor widen(HostTensor t, DType target, String name) {
        Arguments.requireNonNull(t, "t");
        Arguments.requireNonNull(target, "target");
        if (t.dtype() == target) {
            return t;
        }
        if (resultType(java.util.List.of(t.dtype(), target)) != target) {
            throw new IllegalArgumentException(name + ": " + t.dtype() + " cannot be widened to " + target);
        }
        HostMemory.requireAllocatable(name + " converted to " + target, target, t.shape());
        int n = Math.toIntExact(t.elementCount());
        int from = t.dtype().slotsPerElement();
        int to = target.slotsPerElement();
        Object src = t.array();
        Object dst = target.isSinglePrecision() ? new float[n * to] : new double[n * to];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < from; s++) {
                double v = src instanceof double[] d ? d[i * from + s] : ((float[]) src)[i * from + s];
                if (dst instanceof double[] d) {
                    d[i * to + s] = v;
                } else {
                    ((float[]) dst)[i * to + s] = (float) v;
                }
            }
        }
        return HostTensor.of(target, t.shape(), t.isFortranOrder(), dst);
    }
}
