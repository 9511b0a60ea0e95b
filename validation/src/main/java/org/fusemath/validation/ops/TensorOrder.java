package org.fusemath.validation.ops;

import org.fusemath.api.Arguments;
import org.fusemath.api.HostTensor;

/**
 * Reorderings of a {@link HostTensor}'s storage. They rest on one identity: the Fortran-order data of
 * an array is the C-order data of its transpose (all axes reversed), so a relabelled view plus
 * {@link HostTensor#toCOrder()} gives every direction.
 */
public final class TensorOrder {
    private TensorOrder() {
    }

    /**
     * NumPy's {@code a.T} (axes reversed; the matrix transpose for 2-D) in C order; it shares {@code a}'s
     * storage when no element moves (rank ≤ 1, or {@code a} in Fortran order).
     */
    public static HostTensor transpose(HostTensor a) {
        Arguments.requireNonNull(a, "a");
        return reversedAxesView(a).toCOrder();
    }

    /** {@code a} stored first-index-fastest ({@code np.asfortranarray}); {@code a} itself when already so. */
    public static HostTensor toFortranOrder(HostTensor a) {
        Arguments.requireNonNull(a, "a");
        if (a.isFortranOrder()) {
            return a;
        }
        HostTensor transposed = transpose(a);
        return HostTensor.of(a.dtype(), a.shape(), true, transposed.array());
    }

    /** {@code a.T} sharing {@code a}'s storage: the same data read in the opposite order with the shape reversed. */
    static HostTensor reversedAxesView(HostTensor a) {
        long[] shape = a.shape();
        long[] reversed = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            reversed[i] = shape[shape.length - 1 - i];
        }
        return HostTensor.of(a.dtype(), reversed, !a.isFortranOrder(), a.array());
    }
}
