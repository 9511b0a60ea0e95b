package org.fusemath.validation.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.validation.npy.NpyReader;
import org.fusemath.validation.npy.NpyWriter;
import org.fusemath.validation.ops.CopyOperation;
import org.fusemath.validation.ops.TransposeOperation;

/**
 * Domain {@code io}: .npy round trips of every dtype in both orders, Fortran-to-C reordering, and the
 * host {@code copy} and {@code transpose} operations. All are exact: the error is the number of elements
 * whose bits differ from a direct index formula, the bound zero.
 */
public final class IoValidationSuite implements ValidationSuite {
    private static final long[] QUICK_3D = {3, 4, 5};
    private static final long[] QUICK_2D = {7, 5};

    @Override
    public String domain() {
        return "io";
    }

    @Override
    public List<ValidationCase> cases() {
        // Grouped by operation so the table reads op by op; the quick cases cover every op, dtype and order.
        List<ValidationCase> cases = new ArrayList<>();
        boolean[] orders = {false, true};
        for (DType dtype : DType.values()) {
            for (boolean fortran : orders) {
                cases.add(roundTrip(dtype, QUICK_3D, fortran, true));
                for (long[] shape : new long[][] {{}, {9}, {0, 3}, {64, 33, 17}}) {
                    cases.add(roundTrip(dtype, shape, fortran, false));
                }
            }
        }
        for (DType dtype : DType.values()) {
            cases.add(fortranToC(dtype, new long[] {4, 5, 6}, dtype == DType.F64 || dtype == DType.C64));
            cases.add(fortranToC(dtype, new long[] {2, 3, 4, 5}, false));
        }
        for (DType dtype : DType.values()) {
            for (boolean fortran : orders) {
                cases.add(copy(dtype, QUICK_2D, fortran, true));
                cases.add(copy(dtype, new long[] {3, 4, 5}, fortran, false));
            }
        }
        for (DType dtype : DType.values()) {
            for (boolean fortran : orders) {
                cases.add(transpose(dtype, QUICK_2D, fortran, true));
                cases.add(transpose(dtype, new long[] {3, 4, 5}, fortran, false));
            }
        }
        return cases;
    }

    private static String label(long[] shape, boolean fortran) {
        return Strides.text(shape) + (fortran ? " F" : " C");
    }

    private static long seed(DType dtype, long[] shape) {
        return dtype.ordinal() * 1_000_003L + Arrays.hashCode(shape);
    }

    static ValidationCase roundTrip(DType dtype, long[] shape, boolean fortran, boolean quick) {
        return new HostCase("npy-roundtrip", dtype, label(shape, fortran), quick, context -> {
            HostTensor a = SampleArrays.tensor(dtype, shape, fortran, seed(dtype, shape));
            byte[] file = NpyWriter.toBytes(a);
            long dataBytes = Strides.count(shape) * dtype.elementBytes();
            if ((file.length - dataBytes) % NpyWriter.ALIGNMENT != 0) {
                throw new IllegalStateException("the data starts at byte " + (file.length - dataBytes)
                        + ", not on a " + NpyWriter.ALIGNMENT + "-byte boundary");
            }
            HostTensor b = NpyReader.read(file, "memory");
            requireSameHeader(a, b);
            long mismatches = 0;
            for (long e = 0; e < Strides.count(shape); e++) {
                mismatches += SampleArrays.elementMismatch(dtype, a.array(), e, b.array(), e);
            }
            return ValidationResult.exact(mismatches);
        });
    }

    static ValidationCase fortranToC(DType dtype, long[] shape, boolean quick) {
        return new HostCase("fortran-to-c", dtype, Strides.text(shape), quick, context -> {
            HostTensor f = SampleArrays.tensor(dtype, shape, true, seed(dtype, shape));
            HostTensor c = f.toCOrder();
            if (c.isFortranOrder() || !Arrays.equals(c.shape(), shape)) {
                throw new IllegalStateException("toCOrder() gave " + c + " for " + f);
            }
            return ValidationResult.exact(mismatchesAgainstFormula(f, c, false));
        });
    }

    static ValidationCase copy(DType dtype, long[] shape, boolean fortran, boolean quick) {
        return new HostCase("copy", dtype, label(shape, fortran), quick, context -> {
            HostTensor a = SampleArrays.tensor(dtype, shape, fortran, seed(dtype, shape));
            HostTensor out = single(new CopyOperation(), a, context);
            if (out.isFortranOrder() || !Arrays.equals(out.shape(), shape) || out.array() == a.array()) {
                throw new IllegalStateException("copy gave " + out + " for " + a + " (expected a new C-order array)");
            }
            return ValidationResult.exact(mismatchesAgainstFormula(a, out, false));
        });
    }

    static ValidationCase transpose(DType dtype, long[] shape, boolean fortran, boolean quick) {
        return new HostCase("transpose", dtype, label(shape, fortran), quick, context -> {
            HostTensor a = SampleArrays.tensor(dtype, shape, fortran, seed(dtype, shape));
            HostTensor out = single(new TransposeOperation(), a, context);
            long[] reversed = new long[shape.length];
            for (int i = 0; i < shape.length; i++) {
                reversed[i] = shape[shape.length - 1 - i];
            }
            if (out.isFortranOrder() || !Arrays.equals(out.shape(), reversed)) {
                throw new IllegalStateException("transpose gave " + out + " for " + a);
            }
            return ValidationResult.exact(mismatchesAgainstFormula(a, out, true));
        });
    }

    private static HostTensor single(ExecOperation op, HostTensor a, FuseContext context) {
        List<HostTensor> out = op.execute(new ExecRequest(List.of(a), Map.of(), Map.of(), context.execution()));
        if (out.size() != 1) {
            throw new IllegalStateException(op.name() + " returned " + out.size() + " arrays instead of 1");
        }
        return out.get(0);
    }

    /**
     * Elements of C-order {@code out} that differ from {@code a} read by the direct formula: out[i] = a[i],
     * or out[i_{n-1}, ..., i_0] = a[i_0, ..., i_{n-1}] when {@code reversedAxes}.
     */
    private static long mismatchesAgainstFormula(HostTensor a, HostTensor out, boolean reversedAxes) {
        long[] shape = a.shape();
        long[] outShape = out.shape();
        long[] index = new long[shape.length];
        long[] outIndex = new long[shape.length];
        long mismatches = 0;
        if (Strides.count(shape) == 0) {
            return 0;
        }
        do {
            for (int k = 0; k < shape.length; k++) {
                outIndex[k] = reversedAxes ? index[shape.length - 1 - k] : index[k];
            }
            mismatches += SampleArrays.elementMismatch(a.dtype(), a.array(), Strides.offset(index, shape, a.isFortranOrder()),
                    out.array(), Strides.offset(outIndex, outShape, false));
        } while (Strides.next(index, shape));
        return mismatches;
    }

    private static void requireSameHeader(HostTensor a, HostTensor b) {
        if (a.dtype() != b.dtype() || !Arrays.equals(a.shape(), b.shape()) || a.isFortranOrder() != b.isFortranOrder()) {
            throw new IllegalStateException("read back as " + b + " instead of " + a);
        }
    }
}
