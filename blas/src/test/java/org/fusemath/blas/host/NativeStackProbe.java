package org.fusemath.blas.host;

import java.util.Random;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;

/**
 * Measures how much native stack one unprotected OpenBLAS call needs (a tool, not a test):
 * {@code NativeStackProbe ROUTINE TYPE N STACK_KB} makes one n×n call straight through JavaCPP, with OpenBLAS's
 * default thread count, on a thread with that stack, and prints {@code OK}; when the stack is too small the JVM
 * dies with SIGSEGV. {@code scripts/native-stack-probe.sh} binary-searches the smallest size that survives; the
 * figures are in {@code blas/README.md}. ROUTINE: getrf, getrs, potrf, potrs, geqrf, gemm, trsm, syrk;
 * TYPE: s, d, c or z.
 */
public final class NativeStackProbe {
    private static final int COL = openblas.LAPACK_COL_MAJOR;

    private NativeStackProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        String routine = args[0];
        char t = args[1].charAt(0);
        int n = Integer.parseInt(args[2]);
        long stack = Long.parseLong(args[3]) << 10;
        boolean single = t == 's' || t == 'c';
        int slots = t == 'c' || t == 'z' ? 2 : 1;
        // Diagonally dominant (n on the diagonal): nonsingular and, read as one triangle, positive definite.
        Pointer a = operand(single, n, slots, 1, true);
        Pointer b = operand(single, n, slots, 2, false);
        Pointer c = operand(single, n, slots, 3, false);
        IntPointer ipiv = new IntPointer(n);
        for (int i = 0; i < n; i++) {
            ipiv.put(i, i + 1);
        }
        Thread th = new Thread(null, () -> System.out.println("OK info=" + call(routine, t, n, a, b, c, ipiv)),
                "probe", stack);
        th.start();
        th.join();
    }

    private static Pointer operand(boolean single, int n, int slots, long seed, boolean dominant) {
        Random r = new Random(seed);
        long len = (long) n * n * slots;
        Pointer p = single ? new FloatPointer(len) : new DoublePointer(len);
        for (long i = 0; i < len; i++) {
            double v = r.nextGaussian();
            if (dominant && i % slots == 0 && (i / slots) % (n + 1) == 0) {
                v = n;
            }
            if (single) {
                ((FloatPointer) p).put(i, (float) v);
            } else {
                ((DoublePointer) p).put(i, v);
            }
        }
        return p;
    }

    private static int call(String routine, char t, int n, Pointer a, Pointer b, Pointer c, IntPointer ipiv) {
        FloatPointer fa = a instanceof FloatPointer f ? f : null;
        DoublePointer da = a instanceof DoublePointer d ? d : null;
        FloatPointer fb = b instanceof FloatPointer f ? f : null;
        DoublePointer db = b instanceof DoublePointer d ? d : null;
        byte tr = (byte) 'N';
        byte lo = (byte) 'L';
        switch (routine + t) {
            case "getrfs": return openblas.LAPACKE_sgetrf_work(COL, n, n, fa, n, ipiv);
            case "getrfd": return openblas.LAPACKE_dgetrf_work(COL, n, n, da, n, ipiv);
            case "getrfc": return openblas.LAPACKE_cgetrf_work(COL, n, n, fa, n, ipiv);
            case "getrfz": return openblas.LAPACKE_zgetrf_work(COL, n, n, da, n, ipiv);
            case "getrsd": return openblas.LAPACKE_dgetrs_work(COL, tr, n, n, da, n, ipiv, db, n);
            case "getrsz": return openblas.LAPACKE_zgetrs_work(COL, tr, n, n, da, n, ipiv, db, n);
            case "potrfd": return openblas.LAPACKE_dpotrf_work(COL, lo, n, da, n);
            case "potrfz": return openblas.LAPACKE_zpotrf_work(COL, lo, n, da, n);
            case "potrsd": return openblas.LAPACKE_dpotrs_work(COL, lo, n, n, da, n, db, n);
            case "geqrfd": return openblas.LAPACKE_dgeqrf_work(COL, n, n, da, n, (DoublePointer) c, db, n * n);
            case "geqrfz": return openblas.LAPACKE_zgeqrf_work(COL, n, n, da, n, (DoublePointer) c, db, n * n / 2);
            case "gemmd":
                openblas.cblas_dgemm(openblas.CblasColMajor, openblas.CblasNoTrans, openblas.CblasTrans, n, n, n, 1, da, n,
                        db, n, 0, (DoublePointer) c, n);
                return 0;
            case "trsmd":
                openblas.cblas_dtrsm(openblas.CblasColMajor, openblas.CblasLeft, openblas.CblasLower, openblas.CblasNoTrans,
                        openblas.CblasNonUnit, n, n, 1, da, n, db, n);
                return 0;
            case "syrkd":
                openblas.cblas_dsyrk(openblas.CblasColMajor, openblas.CblasLower, openblas.CblasNoTrans, n, n, 1, da, n, 0,
                        (DoublePointer) c, n);
                return 0;
            default:
                throw new IllegalArgumentException("no probe for " + routine + " " + t);
        }
    }
}
