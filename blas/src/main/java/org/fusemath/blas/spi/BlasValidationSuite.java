package org.fusemath.blas.spi;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.Op;

/**
 * The blas domain's {@code fusemath validate} cases: matmul on every type, with transposes (and conjugate
 * transposes for complex types), edge shapes (0, 1, prime, tall-skinny; k = 0 takes the device's cuBLAS route),
 * strided batches, beta = 0 over a NaN C, and every epilogue on F32 and F64, each against EJML or the
 * epilogue's formula with the GEMM bound; the level-2 gemv on every type, op and storage order (the
 * transpose identities of the device's column-major view); and every level 1–3 routine as {@code fusemath exec}
 * runs it ({@link BlasRoutines}), every type at n = 1, 7 and 33, each against its formula. Every case is
 * registered twice: on the host and on the device (cuBLASLt, cuBLAS), where the harness skips it with the device
 * probe's reason when no device is usable. The quick subset covers each type once, two epilogues, a transposed
 * row-major gemv and each routine once, in each space.
 */
public final class BlasValidationSuite implements ValidationSuite {
    /** (batch, m, n, k): unit, small primes, larger primes, tall-skinny, empty in each dimension, a batch. */
    private static final int[][] SHAPES = {{1, 1, 1, 1}, {1, 7, 5, 3}, {1, 31, 29, 37}, {1, 257, 3, 2},
        {1, 0, 4, 3}, {1, 4, 0, 3}, {1, 5, 4, 0}, {3, 5, 4, 3}, {1, 64, 64, 64}};

    @Override
    public String domain() {
        return "blas";
    }

    @Override
    public List<ValidationCase> cases() {
        List<ValidationCase> cases = new ArrayList<>();
        for (Space space : new Space[] {Space.HOST, Space.DEVICE}) {
            for (DType t : DType.values()) {
                Op t2 = t.isComplex() ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE;
                Op[][] flags = {{Op.NONE, Op.NONE}, {t2, Op.NONE}, {Op.NONE, t2}, {Op.TRANSPOSE, t2}};
                for (int[] s : SHAPES) {
                    for (int f = 0; f < flags.length; f++) {
                        boolean quick = (s[1] == 7 && f == 0) || (s[1] == 31 && f == 1);
                        boolean betaZero = (s[1] + f) % 2 == 0;
                        cases.add(new MatmulValidationCase(space, t, flags[f][0], flags[f][1], s[0], s[1], s[2], s[3],
                                Epilogue.DEFAULT, betaZero, quick));
                    }
                }
            }
            for (DType t : new DType[] {DType.F32, DType.F64}) {
                for (Epilogue e : Epilogue.values()) {
                    if (e == Epilogue.DEFAULT) {
                        continue;
                    }
                    boolean quick = (t == DType.F32 && e == Epilogue.RELU_BIAS) || (t == DType.F64 && e == Epilogue.GELU_AUX_BIAS);
                    cases.add(new MatmulValidationCase(space, t, Op.TRANSPOSE, Op.NONE, 2, 33, 17, 9, e, false, quick));
                }
            }
            for (DType t : DType.values()) {
                for (Op op : t.isComplex() ? Op.values() : new Op[] {Op.NONE, Op.TRANSPOSE}) {
                    for (Layout layout : Layout.values()) {
                        boolean quick = op == Op.CONJUGATE_TRANSPOSE && layout == Layout.ROW_MAJOR
                                || !t.isComplex() && op == Op.TRANSPOSE && layout == Layout.ROW_MAJOR;
                        cases.add(new GemvValidationCase(space, t, op, layout, 37, 29, quick));
                    }
                }
            }
            for (BlasRoutine routine : BlasRoutines.routines()) {
                boolean complexOnly = routine.name().equals("herk");
                for (DType t : DType.values()) {
                    if (complexOnly && !t.isComplex()) {
                        continue;
                    }
                    for (int n : new int[] {1, 7, 33}) {
                        cases.add(new RoutineValidationCase(space, routine, t, n, n == 7 && t == (complexOnly ? DType.C128 : DType.F64)));
                    }
                }
            }
        }
        return cases;
    }
}
