package org.fusemath.solver.spi;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;

/**
 * The one case builder of the solver's {@code fusemath validate} suites: each suite lists its rows here (op, dtype,
 * shape as the table prints it, space, whether {@code --quick} includes it) with the check that measures the row,
 * and gets the harness's cases back. It holds what the suites share: the op × dtype × size grid with its quick rule
 * (one size on F64 and C64), the structured inputs' labels, the bound of the backward-stable decompositions and the
 * names of their metrics (the metrics themselves are {@link SpectralMetrics}'). Device rows need no code of their
 * own to skip: where no device is usable the harness lists them as SKIP with the device probe's reason, and run on
 * a DEVICE context without a device they throw the probe's {@link org.fusemath.api.DeviceUnavailableException}.
 * The rows are immutable and each run builds its own inputs, so a row may run on any thread; a builder is not
 * thread-safe.
 */
final class SolverCases {
    private static final String DOMAIN = "solver";
    /**
     * The bound of the SVD, eigen, Cholesky, QR and least-squares metrics in units of u: the algorithms are backward
     * stable (each metric O(1)); 16 allows for their dimension-dependent constants.
     */
    static final double BACKWARD_STABLE = 16;
    /** The SVD's metric: its reconstruction and the orthogonality of U's columns and Vᴴ's rows. */
    static final String SVD_METRIC = "max(|A-USVh|/(|A|*n*u), |UhU-I|/(n*u), |VhV-I|/(n*u))";
    /** The Cholesky factor's metric: A's reconstruction from the upper factor. */
    static final String CHOLESKY_METRIC = "|A-UhU|/(|A|*n*u)";
    /** The least-squares metric: the residual the normal equations show. */
    static final String NORMAL_EQUATIONS_METRIC = "|Ah(AX-B)|/(|A|*(|A||X|+|B|)*m*u)";

    /** How a row is measured: the error beside its bound. */
    @FunctionalInterface
    interface Check {
        ValidationResult run(FuseContext context) throws Exception;
    }

    /** The check of one grid cell: an op at one type and size. */
    @FunctionalInterface
    interface Cell {
        Check at(String op, DType dtype, int n);
    }

    /** A grid cell's shape as printed, where it is not n×n. */
    @FunctionalInterface
    interface CellShape {
        String of(String op, int n);
    }

    /** The structured inputs, each with the label its rows' shapes end in. */
    enum Structure {
        RANDOM(""), HILBERT(" hilbert"), RANK_5(" rank 5"), REPEATED(" repeated eigenvalues");

        final String label;

        Structure(String label) {
            this.label = label;
        }
    }

    /**
     * A solver suite: the domain is the solver's and the cases are the rows {@link #table} adds to a builder of
     * {@link #space}.
     */
    abstract static class Suite implements ValidationSuite {
        private final Space space;

        Suite(Space space) {
            this.space = space;
        }

        @Override
        public final String domain() {
            return DOMAIN;
        }

        @Override
        public final List<ValidationCase> cases() {
            SolverCases builder = new SolverCases(space);
            table(builder);
            return builder.cases();
        }

        /** Adds the suite's rows, in the order the table prints them. */
        abstract void table(SolverCases rows);
    }

    /** One row as the harness prints and runs it. */
    private record Row(String op, DType dtype, String shape, Space space, boolean quick, Check check)
            implements ValidationCase {
        @Override
        public ValidationResult run(FuseContext context) throws Exception {
            return check.run(context);
        }
    }

    private final Space space;
    private final List<ValidationCase> rows = new ArrayList<>();

    private SolverCases(Space space) {
        this.space = space;
    }

    /** Adds one row in the suite's space. */
    SolverCases add(String op, DType dtype, String shape, boolean quick, Check check) {
        return add(space, op, dtype, shape, quick, check);
    }

    /** Adds one row in {@code where}. */
    SolverCases add(Space where, String op, DType dtype, String shape, boolean quick, Check check) {
        rows.add(new Row(op, dtype, shape, where, quick, check));
        return this;
    }

    /** Every op × type × n, op outermost, each n×n; quick at n = {@code quickSize} on F64 and C64. */
    SolverCases grid(String[] ops, DType[] types, int[] sizes, int quickSize, Cell cell) {
        return grid(ops, types, sizes, quickSize, (op, n) -> square(n), cell);
    }

    /** {@link #grid(String[], DType[], int[], int, Cell)} with the shapes {@code shape} prints. */
    SolverCases grid(String[] ops, DType[] types, int[] sizes, int quickSize, CellShape shape, Cell cell) {
        for (String op : ops) {
            for (DType t : types) {
                for (int n : sizes) {
                    add(op, t, shape.of(op, n), n == quickSize && quickType(t), cell.at(op, t, n));
                }
            }
        }
        return this;
    }

    /** The rows, in the order they were added (the order the table prints them). */
    List<ValidationCase> cases() {
        return new ArrayList<>(rows);
    }

    /** The types whose rows the quick grids keep: F64 and C64 (one real, one complex; both kinds of LAPACK routine). */
    static boolean quickType(DType t) {
        return t == DType.F64 || t == DType.C64;
    }

    /** {@code n}x{@code n}. */
    static String square(int n) {
        return shape(n, n);
    }

    /** {@code m}x{@code n}. */
    static String shape(int m, int n) {
        return m + "x" + n;
    }
}
