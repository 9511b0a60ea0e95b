package org.fusemath.blas.device;

import static org.fusemath.blas.device.CublasRoutine.Param.A;
import static org.fusemath.blas.device.CublasRoutine.Param.ALPHA;
import static org.fusemath.blas.device.CublasRoutine.Param.B;
import static org.fusemath.blas.device.CublasRoutine.Param.BETA;
import static org.fusemath.blas.device.CublasRoutine.Param.C;
import static org.fusemath.blas.device.CublasRoutine.Param.INCX;
import static org.fusemath.blas.device.CublasRoutine.Param.INCY;
import static org.fusemath.blas.device.CublasRoutine.Param.K;
import static org.fusemath.blas.device.CublasRoutine.Param.LDA;
import static org.fusemath.blas.device.CublasRoutine.Param.LDB;
import static org.fusemath.blas.device.CublasRoutine.Param.LDC;
import static org.fusemath.blas.device.CublasRoutine.Param.M;
import static org.fusemath.blas.device.CublasRoutine.Param.N;
import static org.fusemath.blas.device.CublasRoutine.Param.X;
import static org.fusemath.blas.device.CublasRoutine.Param.Y;

import java.util.Map;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.device.CublasRoutine.Param;
import org.fusemath.blas.host.NativeBlas;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.Trans;

/**
 * Runs a cuBLAS level 1–3 routine on the CPU with cuBLAS's contract, from its C arguments alone (named by
 * parameter): every matrix column-major, extents as cuBLAS derives them from m, n, k, the flags and the leading
 * dimensions, through the same column-major BLAS contract in OpenBLAS. Each operand is the whole allocation its
 * pointer names, so an access past it is OpenBLAS's argument check failing, reported as the error cuBLAS would
 * make. cuBLAS's own conventions are kept: iamax answers 1-based, trmm writes C (which must be B to run in place),
 * gemv with m = 0 or n = 0 returns at once. Nothing here knows the user's storage order: a wrong description gives a
 * wrong result.
 */
final class CublasRoutineCpuExecutor {
    /** The fake device memory. */
    interface Memory {
        /** A copy of the whole allocation at {@code address} as the type's array. */
        Object read(long address);

        /** Writes the array back over the allocation. */
        void write(long address, Object array);
    }

    private CublasRoutineCpuExecutor() {
    }

    private static int size(Map<Param, Object> args, Param p) {
        return Math.toIntExact((Long) args.get(p));
    }

    /** A leading dimension as OpenBLAS takes it: a single stored column is never stepped over, so any ld serves. */
    private static int ld(Map<Param, Object> args, Param p, long rows, long cols) {
        long ld = (Long) args.get(p);
        if (ld < Math.max(1, rows)) {
            throw new AssertionError("cuBLAS rejects " + p + " = " + ld + " for " + rows + " stored rows");
        }
        return cols <= 1 ? (int) Math.max(1, rows) : Math.toIntExact(ld);
    }

    private static long address(Map<Param, Object> args, Param p) {
        return (Long) args.get(p);
    }

    private static Scalar scalar(Map<Param, Object> args, Param p) {
        return (Scalar) args.get(p);
    }

    private static Trans trans(Map<Param, Object> args) {
        return Trans.of(CpuCublas.opOf((Integer) args.get(Param.TRANS)));
    }

    private static Uplo fill(Map<Param, Object> args) {
        int v = (Integer) args.get(Param.FILL);
        for (Uplo u : Uplo.values()) {
            if (CublasEnums.fill(u) == v) {
                return u;
            }
        }
        throw new AssertionError("cublasFillMode_t " + v);
    }

    private static Side side(Map<Param, Object> args) {
        int v = (Integer) args.get(Param.SIDE);
        for (Side s : Side.values()) {
            if (CublasEnums.side(s) == v) {
                return s;
            }
        }
        throw new AssertionError("cublasSideMode_t " + v);
    }

    private static Diag diag(Map<Param, Object> args) {
        int v = (Integer) args.get(Param.DIAG);
        for (Diag d : Diag.values()) {
            if (CublasEnums.diag(d) == v) {
                return d;
            }
        }
        throw new AssertionError("cublasDiagType_t " + v);
    }

    /** The routine's host result as cuBLAS writes it (iamax 1-based), or null. */
    static Scalar run(CublasRoutine routine, DType t, Map<Param, Object> args, Memory memory) {
        try {
            return execute(routine, t, args, memory);
        } catch (InvalidArgumentException e) {
            throw new AssertionError(routine.entryPoint(t, false) + ": cuBLAS would address an operand past its"
                    + " allocation or reject an argument: " + e.getMessage(), e);
        }
    }

    private static Scalar execute(CublasRoutine routine, DType t, Map<Param, Object> args, Memory memory) {
        NativeBlas blas = NativeCalls.blas();
        Layout col = Layout.COLUMN_MAJOR;
        switch (routine) {
            case DOT, DOTC -> {
                return blas.dot(t, routine == CublasRoutine.DOTC, size(args, N), memory.read(address(args, X)), 0,
                        size(args, INCX), memory.read(address(args, Y)), 0, size(args, INCY));
            }
            case AXPY -> {
                Object y = memory.read(address(args, Y));
                Scalar alpha = scalar(args, ALPHA);
                blas.axpy(t, size(args, N), alpha.re(), alpha.im(), memory.read(address(args, X)), 0, size(args, INCX), y,
                        0, size(args, INCY));
                memory.write(address(args, Y), y);
                return null;
            }
            case SCAL -> {
                Object x = memory.read(address(args, X));
                Scalar alpha = scalar(args, ALPHA);
                blas.scal(t, size(args, N), alpha.re(), alpha.im(), x, 0, size(args, INCX));
                memory.write(address(args, X), x);
                return null;
            }
            case NRM2 -> {
                return Scalar.of(blas.nrm2(t, size(args, N), memory.read(address(args, X)), 0, size(args, INCX)));
            }
            case ASUM -> {
                return Scalar.of(blas.asum(t, size(args, N), memory.read(address(args, X)), 0, size(args, INCX)));
            }
            case IAMAX -> {
                return Scalar.of(blas.iamax(t, size(args, N), memory.read(address(args, X)), 0, size(args, INCX)) + 1);
            }
            case GEMV -> {
                int m = size(args, M);
                int n = size(args, N);
                if (m == 0 || n == 0) {
                    return null;
                }
                Object y = memory.read(address(args, Y));
                Scalar alpha = scalar(args, ALPHA);
                Scalar beta = scalar(args, BETA);
                blas.gemv(t, col, trans(args), m, n, alpha.re(), alpha.im(), memory.read(address(args, A)), 0,
                        ld(args, LDA, m, n), memory.read(address(args, X)), 0, size(args, INCX), beta.re(), beta.im(), y, 0,
                        size(args, INCY));
                memory.write(address(args, Y), y);
                return null;
            }
            case GER, GERC -> {
                int m = size(args, M);
                int n = size(args, N);
                Object a = memory.read(address(args, A));
                Scalar alpha = scalar(args, ALPHA);
                blas.ger(t, col, routine == CublasRoutine.GERC, m, n, alpha.re(), alpha.im(), memory.read(address(args, X)),
                        0, size(args, INCX), memory.read(address(args, Y)), 0, size(args, INCY), a, 0, ld(args, LDA, m, n));
                memory.write(address(args, A), a);
                return null;
            }
            case TRSV -> {
                int n = size(args, N);
                Object x = memory.read(address(args, X));
                blas.trsv(t, col, fill(args), trans(args), diag(args), n, memory.read(address(args, A)), 0,
                        ld(args, LDA, n, n), x, 0, size(args, INCX));
                memory.write(address(args, X), x);
                return null;
            }
            case TRSM, TRMM -> {
                int m = size(args, M);
                int n = size(args, N);
                int ka = side(args) == Side.LEFT ? m : n;
                if (routine == CublasRoutine.TRMM && (address(args, C) != address(args, B) || !args.get(LDC).equals(args.get(LDB)))) {
                    throw new AssertionError("cublas<t>trmm out of place: C must be B to compute BLAS's in-place trmm");
                }
                Object b = memory.read(address(args, B));
                Scalar alpha = scalar(args, ALPHA);
                Object a = memory.read(address(args, A));
                int lda = ld(args, LDA, ka, ka);
                int ldb = ld(args, LDB, m, n);
                if (routine == CublasRoutine.TRSM) {
                    blas.trsm(t, col, side(args), fill(args), trans(args), diag(args), m, n, alpha.re(), alpha.im(), a, 0,
                            lda, b, 0, ldb);
                } else {
                    blas.trmm(t, col, side(args), fill(args), trans(args), diag(args), m, n, alpha.re(), alpha.im(), a, 0,
                            lda, b, 0, ldb);
                }
                memory.write(address(args, B), b);
                return null;
            }
            case SYRK, HERK -> {
                int n = size(args, N);
                int k = size(args, K);
                Trans tr = trans(args);
                Object c = memory.read(address(args, C));
                Object a = memory.read(address(args, A));
                int lda = tr == Trans.N ? ld(args, LDA, n, k) : ld(args, LDA, k, n);
                Scalar alpha = scalar(args, ALPHA);
                Scalar beta = scalar(args, BETA);
                if (routine == CublasRoutine.SYRK) {
                    blas.syrk(t, col, fill(args), tr, n, k, alpha.re(), alpha.im(), a, 0, lda, beta.re(), beta.im(), c, 0,
                            ld(args, LDC, n, n));
                } else {
                    if (alpha.im() != 0 || beta.im() != 0) {
                        throw new AssertionError("herk takes real alpha and beta");
                    }
                    blas.herk(t, col, fill(args), tr, n, k, alpha.re(), a, 0, lda, beta.re(), c, 0, ld(args, LDC, n, n));
                }
                memory.write(address(args, C), c);
                return null;
            }
            case SYMM -> {
                int m = size(args, M);
                int n = size(args, N);
                int ka = side(args) == Side.LEFT ? m : n;
                Object c = memory.read(address(args, C));
                Scalar alpha = scalar(args, ALPHA);
                Scalar beta = scalar(args, BETA);
                blas.symm(t, col, side(args), fill(args), m, n, alpha.re(), alpha.im(), memory.read(address(args, A)), 0,
                        ld(args, LDA, ka, ka), memory.read(address(args, B)), 0, ld(args, LDB, m, n), beta.re(), beta.im(),
                        c, 0, ld(args, LDC, m, n));
                memory.write(address(args, C), c);
                return null;
            }
            default -> throw new AssertionError(routine + " is not simulated");
        }
    }
}
