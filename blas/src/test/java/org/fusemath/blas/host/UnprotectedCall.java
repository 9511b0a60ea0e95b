package org.fusemath.blas.host;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.openblas.global.openblas;
import org.fusemath.api.DType;

/**
 * A child JVM's main ({@link NativeStackTest}): a 1000×1000 LU with two OpenBLAS threads on the main thread,
 * either straight through JavaCPP ({@code raw}, no protection) or through fusemath's LAPACK table
 * ({@code table}); prints {@link #DONE} when the call returned.
 */
public final class UnprotectedCall {
    static final String DONE = "getrf returned";
    private static final int N = 1000;

    private UnprotectedCall() {
    }

    public static void main(String[] args) {
        double[] a = new double[N * N];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        int info;
        if (args[0].equals("raw")) {
            openblas.blas_set_num_threads(2);
            try (DoublePointer p = new DoublePointer(a); IntPointer ipiv = new IntPointer(N)) {
                info = openblas.LAPACKE_dgetrf_work(openblas.LAPACK_COL_MAJOR, N, N, p, N, ipiv);
            }
        } else {
            NativeCalls.blas().ensureThreads(2);
            info = NativeCalls.lapack().getrf(DType.F64, N, N, a, 0, N, new int[N], 0);
        }
        System.out.println(DONE + " info=" + info);
    }
}
