package org.fusemath.solver.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecOperationGroup;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.Eigen;
import org.fusemath.solver.EigenPlan;
import org.fusemath.solver.HermitianEigen;
import org.fusemath.solver.HermitianEigenPlan;
import org.fusemath.solver.Svd;
import org.fusemath.solver.SvdMode;
import org.fusemath.solver.SvdPlan;

/**
 * {@code fusemath exec svd|eig|eigvals|eigh|eigvalsh}: numpy.linalg's functions on one array of shape (..., M, N)
 * (square for the eigen functions), stacked inputs decomposed matrix by matrix with one plan (one workspace) for
 * the stack, outputs in C order with NumPy's dtypes:
 * <ul>
 *   <li>svd: U (..., M, K), S (..., K) of the real component type, Vh (..., K, N) with K = min(M, N), reduced by
 *       default; {@code --full-matrices} gives U (..., M, M) and Vh (..., N, N) as NumPy's default
 *       {@code full_matrices=True}; {@code --compute-uv false} writes S only;</li>
 *   <li>eigh: w (..., N) real ascending and v (..., N, N) of the input type; eigvalsh: w; both read the
 *       {@code --uplo} triangle (L by default, as NumPy's {@code UPLO='L'});</li>
 *   <li>eig: w (..., N) and v (..., N, N); eigvals: w. Complex for complex input; for real input complex unless every
 *       eigenvalue of the whole stack has a zero imaginary part, when w and v are real, as NumPy returns them.</li>
 * </ul>
 * Each matrix goes to LAPACK as NumPy hands it over: a column-major copy, decomposed in double precision for
 * single-precision input (results rounded to single, as NumPy's {@code _commonType} computes), so that the same
 * LAPACK routine sees the same numbers and the results agree with NumPy's to rounding, vectors' signs and phases and
 * eig's value order included (the library itself decomposes row-major arrays as their transpose, in the input's
 * precision; its vectors are unique only up to a unit factor). NaN or infinity in the input fails the operation with exit
 * code 1 (NumPy's eig and eigvals reject them too; its svd reports non-convergence), as does LAPACK's non-convergence.
 */
public final class SpectralExecOperations implements ExecOperationGroup {
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();
    private static final ExecParameter FULL = ExecParameter.flag("full-matrices",
            "U (..., M, M) and Vh (..., N, N), numpy's full_matrices=True (default: reduced, K = min(M, N))");
    private static final ExecParameter COMPUTE_UV = ExecParameter.choice("compute-uv", "true",
            "false: write S only, as numpy's compute_uv=False", "true", "false");
    private static final ExecParameter UPLO = ExecParameter.choice("uplo", "L",
            "the triangle read, numpy's UPLO", "L", "U");

    @Override
    public List<ExecOperation> operations() {
        return List.of(
                op("svd", "u, s, vh = numpy.linalg.svd(a, full_matrices=False): --in A (..., M, N); --out U S Vh",
                        List.of(FULL, COMPUTE_UV), SpectralExecOperations::svd),
                op("eigh", "w, v = numpy.linalg.eigh(a): --in A (..., N, N) Hermitian; --out W V", List.of(UPLO),
                        r -> eigh(r, true)),
                op("eigvalsh", "w = numpy.linalg.eigvalsh(a): --in A (..., N, N) Hermitian", List.of(UPLO),
                        r -> eigh(r, false)),
                op("eig", "w, v = numpy.linalg.eig(a): --in A (..., N, N); --out W V", List.of(),
                        r -> eig(r, true)),
                op("eigvals", "w = numpy.linalg.eigvals(a): --in A (..., N, N)", List.of(), r -> eig(r, false)));
    }

    private static ExecOperation op(String name, String summary, List<ExecParameter> parameters,
                                    Function<ExecRequest, List<HostTensor>> run) {
        return ExecOperation.hostOnly(name, summary + " (host)", 1, parameters,
                "host or auto: '" + name + "' runs on the host only", run);
    }

    /** The input as a stack of matrices: leading dimensions, then M×N, each matrix a view without copying. */
    private record Stack(DType dtype, DType input, long[] lead, int batch, int m, int n, Object data,
                         boolean fortran) {
        static Stack of(ExecRequest r, boolean square) {
            HostTensor a = r.inputs().get(0);
            if (a.rank() < 2 || (square && a.dim(a.rank() - 1) != a.dim(a.rank() - 2))) {
                throw new ShapeMismatchException("--in A", Arrays.toString(a.shape()),
                        square ? "a square matrix or a stack of them, shape (..., N, N)"
                                : "a matrix or a stack of them, shape (..., M, N)");
            }
            // A Fortran-order matrix is already column-major; a Fortran-order stack is reordered to C order first.
            boolean fortran = a.isFortranOrder() && a.rank() == 2;
            if (a.isFortranOrder() && !fortran) {
                r.requireAllocatable("a C-order copy of the input", a.dtype(), a.shape());
                a = a.toCOrder();
            }
            long[] lead = Arrays.copyOf(a.shape(), a.rank() - 2);
            long batch = 1;
            for (long d : lead) {
                batch *= d;
            }
            DType wide = a.dtype().isComplex() ? DType.C128 : DType.F64;
            Object data = a.array();
            if (a.dtype().isSinglePrecision()) {
                r.requireAllocatable("a double-precision copy of the input", wide, a.shape());
                float[] f = (float[]) data;
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                data = d;
            }
            return new Stack(wide, a.dtype(), lead, (int) batch, (int) a.dim(a.rank() - 2), (int) a.dim(a.rank() - 1),
                    data, fortran);
        }

        HostMatrix matrix(int b) {
            MatrixShape s = fortran ? MatrixShape.columnMajor(m, n) : MatrixShape.rowMajor(m, n);
            return HostMatrix.of(dtype, data, s.withOffset((long) b * m * n));
        }

        /** The plans' order: column-major, as NumPy copies each matrix before LAPACK sees it. */
        Layout layout() {
            return Layout.COLUMN_MAJOR;
        }

        long[] shape(long... tail) {
            long[] s = Arrays.copyOf(lead, lead.length + tail.length);
            System.arraycopy(tail, 0, s, lead.length, tail.length);
            return s;
        }
    }

    /** A C-order output of {@code batch} matrices rows×cols of t, filled by {@link #place}. */
    private static Object output(ExecRequest r, String what, DType t, long[] shape) {
        r.requireAllocatable(what, t, shape);
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        int slots = (int) (count * t.slotsPerElement());
        return t.isSinglePrecision() ? new float[slots] : new double[slots];
    }

    /**
     * Writes the double-precision matrix {@code m} in C order as item {@code b} of {@code out} (rounded when out is a
     * float[]), keeping {@code parts} slots per element (1 keeps only the real part of a complex m: NumPy's real eig
     * output).
     */
    private static void place(HostMatrix m, Object out, int b, int parts) {
        MatrixShape s = m.shape();
        int from = m.dtype().slotsPerElement();
        double[] in = (double[]) m.array();
        long base = (long) b * s.rows() * s.cols();
        for (long i = 0; i < s.rows(); i++) {
            for (long j = 0; j < s.cols(); j++) {
                int src = (int) (s.indexOf(0, i, j) * from);
                int dst = (int) ((base + i * s.cols() + j) * parts);
                for (int p = 0; p < parts; p++) {
                    if (out instanceof double[] d) {
                        d[dst + p] = in[src + p];
                    } else {
                        ((float[]) out)[dst + p] = (float) in[src + p];
                    }
                }
            }
        }
    }

    private static List<HostTensor> svd(ExecRequest r) {
        Stack a = Stack.of(r, false);
        boolean vectors = Boolean.parseBoolean(r.option(COMPUTE_UV).trim().toLowerCase(java.util.Locale.ROOT));
        boolean full = Boolean.parseBoolean(r.option(FULL).trim().toLowerCase(java.util.Locale.ROOT));
        SvdMode mode = !vectors ? SvdMode.VALUES : full ? SvdMode.FULL : SvdMode.THIN;
        int k = Math.min(a.m, a.n);
        DType t = a.dtype;
        DType o = a.input;
        r.requireAllocatable("a copy of one matrix for the SVD", t, a.m, a.n);
        long[] uShape = a.shape(a.m, full ? a.m : k);
        long[] vShape = a.shape(full ? a.n : k, a.n);
        Object s = output(r, "S", o.componentType(), a.shape(k));
        Object u = vectors ? output(r, "U", o, uShape) : null;
        Object vh = vectors ? output(r, "Vh", o, vShape) : null;
        SvdPlan plan = SvdPlan.create(HOST, t, a.m, a.n, a.layout(), mode);
        for (int b = 0; b < a.batch; b++) {
            Svd d = plan.execute(a.matrix(b));
            place(d.s(), s, b, 1);
            if (vectors) {
                place(d.u(), u, b, o.slotsPerElement());
                place(d.vh(), vh, b, o.slotsPerElement());
            }
        }
        HostTensor st = HostTensor.of(o.componentType(), a.shape(k), s);
        if (!vectors) {
            return List.of(st);
        }
        return List.of(HostTensor.of(o, uShape, u), st, HostTensor.of(o, vShape, vh));
    }

    private static List<HostTensor> eigh(ExecRequest r, boolean vectors) {
        Stack a = Stack.of(r, true);
        DType t = a.dtype;
        DType o = a.input;
        Uplo uplo = r.option(UPLO).trim().equalsIgnoreCase("U") ? Uplo.UPPER : Uplo.LOWER;
        r.requireAllocatable("a copy of one matrix for eigh", t, a.n, a.n);
        Object w = output(r, "w", o.componentType(), a.shape(a.n));
        Object v = vectors ? output(r, "v", o, a.shape(a.n, a.n)) : null;
        HermitianEigenPlan plan = HermitianEigenPlan.create(HOST, t, a.n, a.layout(), uplo, vectors);
        for (int b = 0; b < a.batch; b++) {
            HermitianEigen e = plan.execute(a.matrix(b));
            place(e.values(), w, b, 1);
            if (vectors) {
                place(e.vectors(), v, b, o.slotsPerElement());
            }
        }
        HostTensor wt = HostTensor.of(o.componentType(), a.shape(a.n), w);
        return vectors ? List.of(wt, HostTensor.of(o, a.shape(a.n, a.n), v)) : List.of(wt);
    }

    private static List<HostTensor> eig(ExecRequest r, boolean vectors) {
        Stack a = Stack.of(r, true);
        DType t = a.dtype;
        DType complex = t.complexType();
        DType o = a.input;
        r.requireAllocatable("the complex results of one matrix for eig", complex, 2L * a.n + 1, a.n);
        List<Eigen> results = new ArrayList<>();
        boolean real = !t.isComplex();
        EigenPlan plan = EigenPlan.create(HOST, t, a.n, vectors);
        for (int b = 0; b < a.batch; b++) {
            Eigen e = plan.execute(a.matrix(b));
            real &= e.isReal();
            results.add(e);
        }
        // NumPy: a real input whose eigenvalues are all real gives real w and v, else complex ones.
        DType out = real ? o : o.complexType();
        int parts = out.slotsPerElement();
        Object w = output(r, "w", out, a.shape(a.n));
        Object v = vectors ? output(r, "v", out, a.shape(a.n, a.n)) : null;
        for (int b = 0; b < a.batch; b++) {
            place(results.get(b).values(), w, b, parts);
            if (vectors) {
                place(results.get(b).vectors(), v, b, parts);
            }
        }
        HostTensor wt = HostTensor.of(out, a.shape(a.n), w);
        return vectors ? List.of(wt, HostTensor.of(out, a.shape(a.n, a.n), v)) : List.of(wt);
    }
}
