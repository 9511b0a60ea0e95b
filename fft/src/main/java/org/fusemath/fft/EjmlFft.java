package org.fusemath.fft;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ejml.data.CMatrixRMaj;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.ReshapeMatrix;
import org.ejml.data.ZMatrixRMaj;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;

/**
 * numpy.fft's functions over EJML's dense row-major matrices, as {@link FftOps} runs them over {@link HostTensor}s:
 * a matrix is a 2-D C-order array ({@code ZMatrixRMaj}/{@code CMatrixRMaj} interleaved complex, which is fusemath's
 * complex layout, so the backing array is used without a copy), axis 0 runs down the columns and axis 1 (or -1)
 * along the rows. Double precision in gives double out ({@code DMatrixRMaj} to {@code ZMatrixRMaj}), single gives
 * single ({@code FMatrixRMaj} to {@code CMatrixRMaj}), as NumPy 2 does. Results and their bits are those of the
 * {@code FftOps} call on the same data.
 *
 * <p>{@code out} works as NumPy's {@code out=}, not as EJML's reshaping outputs: it must already have the result's
 * shape (else {@link org.fusemath.api.ShapeMismatchException} naming {@code out}, before anything runs) and may be
 * the input itself for a complex transform of unchanged shape; the result is written into its backing array and
 * {@code out} returned. A mis-sized output is far more often a bug than a request to resize, and resizing would
 * leave a caller's aliases of the old array silently stale. A matrix whose backing array is longer than its shape
 * needs (EJML keeps the array when a matrix is reshaped smaller) is read from, and written to, its leading elements.
 * Nullable arguments take NumPy's defaults. Thread-safe; a matrix may not be modified while a call reads it.
 *
 * <p>Each full form has a twin taking a {@link FuseContext} first, as {@link FftOps}' forms do: the context's host
 * thread count, and its execution space (HOST and AUTO run on the host; DEVICE copies the matrix to that device,
 * runs cuFFT and copies the result back, or raises the CUDA probe's
 * {@link org.fusemath.api.DeviceUnavailableException} when the device or cuFFT is not usable, before anything runs).
 * The forms without a context use {@link FuseContext#defaults()}.
 */
public final class EjmlFft {
    private EjmlFft() {
    }

    private static final int[] BOTH = {0, 1};

    // ---- complex to complex along one axis -------------------------------------------------------------------

    /** {@code fft} as the form without a context, on {@code context}'s execution space and host threads. */
    public static ZMatrixRMaj fft(FuseContext context, ZMatrixRMaj a, Long n, int axis, FftNorm norm, ZMatrixRMaj out) {
        return Z.run(Z.in(a), out, (x, o) -> FftOps.fft(context, x, n, axis, norm, o));
    }

    /** {@code numpy.fft.fft(a, n, axis, norm)} of a C128 matrix, into {@code out} (null: a new matrix). */
    public static ZMatrixRMaj fft(ZMatrixRMaj a, Long n, int axis, FftNorm norm, ZMatrixRMaj out) {
        return fft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code numpy.fft.fft(a, axis=axis)} of a C128 matrix. */
    public static ZMatrixRMaj fft(ZMatrixRMaj a, int axis) {
        return fft(a, null, axis, null, null);
    }

    /** {@code fft} as the form without a context, on {@code context}'s execution space and host threads. */
    public static CMatrixRMaj fft(FuseContext context, CMatrixRMaj a, Long n, int axis, FftNorm norm, CMatrixRMaj out) {
        return C.run(C.in(a), out, (x, o) -> FftOps.fft(context, x, n, axis, norm, o));
    }

    /** {@code numpy.fft.fft(a, n, axis, norm)} of a C64 matrix, into {@code out} (null: a new matrix). */
    public static CMatrixRMaj fft(CMatrixRMaj a, Long n, int axis, FftNorm norm, CMatrixRMaj out) {
        return fft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code numpy.fft.fft(a, axis=axis)} of a C64 matrix. */
    public static CMatrixRMaj fft(CMatrixRMaj a, int axis) {
        return fft(a, null, axis, null, null);
    }

    /** {@code ifft} as the form without a context, on {@code context}'s execution space and host threads. */
    public static ZMatrixRMaj ifft(FuseContext context, ZMatrixRMaj a, Long n, int axis, FftNorm norm, ZMatrixRMaj out) {
        return Z.run(Z.in(a), out, (x, o) -> FftOps.ifft(context, x, n, axis, norm, o));
    }

    /** {@code numpy.fft.ifft(a, n, axis, norm)} of a C128 matrix, into {@code out} (null: a new matrix). */
    public static ZMatrixRMaj ifft(ZMatrixRMaj a, Long n, int axis, FftNorm norm, ZMatrixRMaj out) {
        return ifft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code numpy.fft.ifft(a, axis=axis)} of a C128 matrix. */
    public static ZMatrixRMaj ifft(ZMatrixRMaj a, int axis) {
        return ifft(a, null, axis, null, null);
    }

    /** {@code ifft} as the form without a context, on {@code context}'s execution space and host threads. */
    public static CMatrixRMaj ifft(FuseContext context, CMatrixRMaj a, Long n, int axis, FftNorm norm, CMatrixRMaj out) {
        return C.run(C.in(a), out, (x, o) -> FftOps.ifft(context, x, n, axis, norm, o));
    }

    /** {@code numpy.fft.ifft(a, n, axis, norm)} of a C64 matrix, into {@code out} (null: a new matrix). */
    public static CMatrixRMaj ifft(CMatrixRMaj a, Long n, int axis, FftNorm norm, CMatrixRMaj out) {
        return ifft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code numpy.fft.ifft(a, axis=axis)} of a C64 matrix. */
    public static CMatrixRMaj ifft(CMatrixRMaj a, int axis) {
        return ifft(a, null, axis, null, null);
    }

    // ---- complex to complex over both axes ---------------------------------------------------------------------

    /** {@code fft2} as the form without a context, on {@code context}'s execution space and host threads. */
    public static ZMatrixRMaj fft2(FuseContext context, ZMatrixRMaj a, long[] s, FftNorm norm, ZMatrixRMaj out) {
        return Z.run(Z.in(a), out, (x, o) -> FftOps.fft2(context, x, s, BOTH, norm, o));
    }

    /** {@code numpy.fft.fft2(a, s, norm=norm)} of a C128 matrix ({@code s}: rows, columns), into {@code out}. */
    public static ZMatrixRMaj fft2(ZMatrixRMaj a, long[] s, FftNorm norm, ZMatrixRMaj out) {
        return fft2(FuseContext.defaults(), a, s, norm, out);
    }

    /** {@code numpy.fft.fft2(a)} of a C128 matrix. */
    public static ZMatrixRMaj fft2(ZMatrixRMaj a) {
        return fft2(a, null, null, null);
    }

    /** {@code fft2} as the form without a context, on {@code context}'s execution space and host threads. */
    public static CMatrixRMaj fft2(FuseContext context, CMatrixRMaj a, long[] s, FftNorm norm, CMatrixRMaj out) {
        return C.run(C.in(a), out, (x, o) -> FftOps.fft2(context, x, s, BOTH, norm, o));
    }

    /** {@code numpy.fft.fft2(a, s, norm=norm)} of a C64 matrix, into {@code out}. */
    public static CMatrixRMaj fft2(CMatrixRMaj a, long[] s, FftNorm norm, CMatrixRMaj out) {
        return fft2(FuseContext.defaults(), a, s, norm, out);
    }

    /** {@code numpy.fft.fft2(a)} of a C64 matrix. */
    public static CMatrixRMaj fft2(CMatrixRMaj a) {
        return fft2(a, null, null, null);
    }

    /** {@code ifft2} as the form without a context, on {@code context}'s execution space and host threads. */
    public static ZMatrixRMaj ifft2(FuseContext context, ZMatrixRMaj a, long[] s, FftNorm norm, ZMatrixRMaj out) {
        return Z.run(Z.in(a), out, (x, o) -> FftOps.ifft2(context, x, s, BOTH, norm, o));
    }

    /** {@code numpy.fft.ifft2(a, s, norm=norm)} of a C128 matrix, into {@code out}. */
    public static ZMatrixRMaj ifft2(ZMatrixRMaj a, long[] s, FftNorm norm, ZMatrixRMaj out) {
        return ifft2(FuseContext.defaults(), a, s, norm, out);
    }

    /** {@code numpy.fft.ifft2(a)} of a C128 matrix. */
    public static ZMatrixRMaj ifft2(ZMatrixRMaj a) {
        return ifft2(a, null, null, null);
    }

    /** {@code ifft2} as the form without a context, on {@code context}'s execution space and host threads. */
    public static CMatrixRMaj ifft2(FuseContext context, CMatrixRMaj a, long[] s, FftNorm norm, CMatrixRMaj out) {
        return C.run(C.in(a), out, (x, o) -> FftOps.ifft2(context, x, s, BOTH, norm, o));
    }

    /** {@code numpy.fft.ifft2(a, s, norm=norm)} of a C64 matrix, into {@code out}. */
    public static CMatrixRMaj ifft2(CMatrixRMaj a, long[] s, FftNorm norm, CMatrixRMaj out) {
        return ifft2(FuseContext.defaults(), a, s, norm, out);
    }

    /** {@code numpy.fft.ifft2(a)} of a C64 matrix. */
    public static CMatrixRMaj ifft2(CMatrixRMaj a) {
        return ifft2(a, null, null, null);
    }

    // ---- real input ---------------------------------------------------------------------------------------------

    /** {@code rfft} as the form without a context, on {@code context}'s execution space and host threads. */
    public static ZMatrixRMaj rfft(FuseContext context, DMatrixRMaj a, Long n, int axis, FftNorm norm, ZMatrixRMaj out) {
        return Z.run(D.in(a), out, (x, o) -> FftOps.rfft(context, x, n, axis, norm, o));
    }

    /** {@code numpy.fft.rfft(a, n, axis, norm)} of an F64 matrix: {@code n/2+1} points along {@code axis}, into {@code out}. */
    public static ZMatrixRMaj rfft(DMatrixRMaj a, Long n, int axis, FftNorm norm, ZMatrixRMaj out) {
        return rfft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code numpy.fft.rfft(a, axis=axis)} of an F64 matrix. */
    public static ZMatrixRMaj rfft(DMatrixRMaj a, int axis) {
        return rfft(a, null, axis, null, null);
    }

    /** {@code rfft} as the form without a context, on {@code context}'s execution space and host threads. */
    public static CMatrixRMaj rfft(FuseContext context, FMatrixRMaj a, Long n, int axis, FftNorm norm, CMatrixRMaj out) {
        return C.run(F.in(a), out, (x, o) -> FftOps.rfft(context, x, n, axis, norm, o));
    }

    /** {@code numpy.fft.rfft(a, n, axis, norm)} of an F32 matrix, into {@code out}. */
    public static CMatrixRMaj rfft(FMatrixRMaj a, Long n, int axis, FftNorm norm, CMatrixRMaj out) {
        return rfft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code numpy.fft.rfft(a, axis=axis)} of an F32 matrix. */
    public static CMatrixRMaj rfft(FMatrixRMaj a, int axis) {
        return rfft(a, null, axis, null, null);
    }

    /** {@code irfft} as the form without a context, on {@code context}'s execution space and host threads. */
    public static DMatrixRMaj irfft(FuseContext context, ZMatrixRMaj a, Long n, int axis, FftNorm norm, DMatrixRMaj out) {
        return D.run(Z.in(a), out, (x, o) -> FftOps.irfft(context, x, n, axis, norm, o));
    }

    /** {@code numpy.fft.irfft(a, n, axis, norm)} of a C128 matrix: {@code n} real points along {@code axis} (null: {@code 2(m-1)}), into {@code out}. */
    public static DMatrixRMaj irfft(ZMatrixRMaj a, Long n, int axis, FftNorm norm, DMatrixRMaj out) {
        return irfft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code numpy.fft.irfft(a, n, axis)} of a C128 matrix. */
    public static DMatrixRMaj irfft(ZMatrixRMaj a, long n, int axis) {
        return irfft(a, n, axis, null, null);
    }

    /** {@code irfft} as the form without a context, on {@code context}'s execution space and host threads. */
    public static FMatrixRMaj irfft(FuseContext context, CMatrixRMaj a, Long n, int axis, FftNorm norm, FMatrixRMaj out) {
        return F.run(C.in(a), out, (x, o) -> FftOps.irfft(context, x, n, axis, norm, o));
    }

    /** {@code numpy.fft.irfft(a, n, axis, norm)} of a C64 matrix, into {@code out}. */
    public static FMatrixRMaj irfft(CMatrixRMaj a, Long n, int axis, FftNorm norm, FMatrixRMaj out) {
        return irfft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code numpy.fft.irfft(a, n, axis)} of a C64 matrix. */
    public static FMatrixRMaj irfft(CMatrixRMaj a, long n, int axis) {
        return irfft(a, n, axis, null, null);
    }

    /** {@code rfft2} as the form without a context, on {@code context}'s execution space and host threads. */
    public static ZMatrixRMaj rfft2(FuseContext context, DMatrixRMaj a, long[] s, FftNorm norm, ZMatrixRMaj out) {
        return Z.run(D.in(a), out, (x, o) -> FftOps.rfft2(context, x, s, BOTH, norm, o));
    }

    /** {@code numpy.fft.rfft2(a, s, norm=norm)} of an F64 matrix: {@code cols/2+1} columns, into {@code out}. */
    public static ZMatrixRMaj rfft2(DMatrixRMaj a, long[] s, FftNorm norm, ZMatrixRMaj out) {
        return rfft2(FuseContext.defaults(), a, s, norm, out);
    }

    /** {@code numpy.fft.rfft2(a)} of an F64 matrix. */
    public static ZMatrixRMaj rfft2(DMatrixRMaj a) {
        return rfft2(a, null, null, null);
    }

    /** {@code rfft2} as the form without a context, on {@code context}'s execution space and host threads. */
    public static CMatrixRMaj rfft2(FuseContext context, FMatrixRMaj a, long[] s, FftNorm norm, CMatrixRMaj out) {
        return C.run(F.in(a), out, (x, o) -> FftOps.rfft2(context, x, s, BOTH, norm, o));
    }

    /** {@code numpy.fft.rfft2(a, s, norm=norm)} of an F32 matrix, into {@code out}. */
    public static CMatrixRMaj rfft2(FMatrixRMaj a, long[] s, FftNorm norm, CMatrixRMaj out) {
        return rfft2(FuseContext.defaults(), a, s, norm, out);
    }

    /** {@code numpy.fft.rfft2(a)} of an F32 matrix. */
    public static CMatrixRMaj rfft2(FMatrixRMaj a) {
        return rfft2(a, null, null, null);
    }

    /** {@code irfft2} as the form without a context, on {@code context}'s execution space and host threads. */
    public static DMatrixRMaj irfft2(FuseContext context, ZMatrixRMaj a, long[] s, FftNorm norm, DMatrixRMaj out) {
        return D.run(Z.in(a), out, (x, o) -> FftOps.irfft2(context, x, s, BOTH, norm, o));
    }

    /** {@code numpy.fft.irfft2(a, s, norm=norm)} of a C128 matrix (null {@code s}: rows, {@code 2(cols-1)}), into {@code out}. */
    public static DMatrixRMaj irfft2(ZMatrixRMaj a, long[] s, FftNorm norm, DMatrixRMaj out) {
        return irfft2(FuseContext.defaults(), a, s, norm, out);
    }

    /** {@code numpy.fft.irfft2(a, s=(rows, cols))} of a C128 matrix: the real matrix of {@code cols} columns (odd or even). */
    public static DMatrixRMaj irfft2(ZMatrixRMaj a, long cols) {
        Arguments.requireNonNull(a, "a");
        return irfft2(a, new long[] {a.numRows, cols}, null, null);
    }

    /** {@code irfft2} as the form without a context, on {@code context}'s execution space and host threads. */
    public static FMatrixRMaj irfft2(FuseContext context, CMatrixRMaj a, long[] s, FftNorm norm, FMatrixRMaj out) {
        return F.run(C.in(a), out, (x, o) -> FftOps.irfft2(context, x, s, BOTH, norm, o));
    }

    /** {@code numpy.fft.irfft2(a, s, norm=norm)} of a C64 matrix, into {@code out}. */
    public static FMatrixRMaj irfft2(CMatrixRMaj a, long[] s, FftNorm norm, FMatrixRMaj out) {
        return irfft2(FuseContext.defaults(), a, s, norm, out);
    }

    /** {@code numpy.fft.irfft2(a, s=(rows, cols))} of a C64 matrix. */
    public static FMatrixRMaj irfft2(CMatrixRMaj a, long cols) {
        Arguments.requireNonNull(a, "a");
        return irfft2(a, new long[] {a.numRows, cols}, null, null);
    }

    // ---- the one adapter, configured per EJML type ---------------------------------------------------------------

    /**
     * How one EJML matrix type maps to a 2-D C-order {@link HostTensor}: dtype, backing array, and how a result array
     * becomes a matrix without a copy (an empty matrix given the array, then reshaped: EJML keeps an array that
     * already holds the new shape).
     */
    private static final class Layout<M extends ReshapeMatrix> {
        final DType dtype;
        private final Function<M, Object> data;
        private final Supplier<M> empty;
        private final BiConsumer<M, Object> setData;

        Layout(DType dtype, Function<M, Object> data, Supplier<M> empty, BiConsumer<M, Object> setData) {
            this.dtype = dtype;
            this.data = data;
            this.empty = empty;
            this.setData = setData;
        }

        /** A matrix of {@code rows x cols} over {@code array} (exactly its length, not copied). */
        M wrap(int rows, int cols, Object array) {
            M m = empty.get();
            setData.accept(m, array);
            m.reshape(rows, cols);
            return m;
        }

        /** The matrix as a tensor: its own array when that is exactly as long as the shape needs, else its leading slots. */
        HostTensor in(M m) {
            Arguments.requireNonNull(m, "a");
            return tensor(m, "a", true);
        }

        private HostTensor tensor(M m, String name, boolean copyPrefix) {
            long[] shape = {m.getNumRows(), m.getNumCols()};
            int slots = Arguments.toInt("matrix slots", (long) m.getNumRows() * m.getNumCols() * dtype.slotsPerElement());
            Object array = data.apply(m);
            int length = dtype.arrayLength(name + ".data", array);
            Arguments.requireLength(name + ".data", length, slots);
            if (length == slots) {
                return HostTensor.of(dtype, shape, array);
            }
            if (!copyPrefix) {
                return HostTensor.zeros(dtype, shape);
            }
            return HostTensor.of(dtype, shape, array instanceof double[] d ? Arrays.copyOf(d, slots)
                    : Arrays.copyOf((float[]) array, slots));
        }

        /**
         * Runs {@code op} on {@code in} into {@code out}'s array (null {@code out}: a fresh result, wrapped without
         * a copy); an {@code out} whose array is longer than its shape gets the result copied into its leading slots.
         */
        M run(HostTensor in, M out, BiFunction<HostTensor, HostTensor, HostTensor> op) {
            if (out == null) {
                HostTensor r = op.apply(in, null);
                return wrap((int) r.dim(0), (int) r.dim(1), r.array());
            }
            HostTensor target = tensor(out, "out", false);
            HostTensor r = op.apply(in, target);
            Object array = data.apply(out);
            if (r.array() != array) {
                System.arraycopy(r.array(), 0, array, 0, java.lang.reflect.Array.getLength(r.array()));
            }
            return out;
        }
    }

    private static final Layout<ZMatrixRMaj> Z = new Layout<>(DType.C128, ZMatrixRMaj::getData,
            () -> new ZMatrixRMaj(0, 0), (m, d) -> m.setData((double[]) d));
    private static final Layout<CMatrixRMaj> C = new Layout<>(DType.C64, CMatrixRMaj::getData,
            () -> new CMatrixRMaj(0, 0), (m, d) -> m.setData((float[]) d));
    private static final Layout<DMatrixRMaj> D = new Layout<>(DType.F64, DMatrixRMaj::getData,
            () -> new DMatrixRMaj(0, 0), (m, d) -> m.setData((double[]) d));
    private static final Layout<FMatrixRMaj> F = new Layout<>(DType.F32, FMatrixRMaj::getData,
            () -> new FMatrixRMaj(0, 0), (m, d) -> m.setData((float[]) d));
}
