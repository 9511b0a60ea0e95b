package org.fusemath.solver.device;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.fusemath.blas.host.Trans;

/**
 * {@link CusolverCalls} on the CPU: each {@link CusolverCall} executed through LAPACK's identical contract (the
 * host call table's getrf/getrs/potrf/potrs, column-major, 1-based pivots) on the matrices its operands address in
 * a {@link CpuDeviceMemory}: the batched routines through their device arrays of pointers, the generic API with
 * int64 pivots. Records every call with the handle it was given and checks that handles were created and match the
 * library, and that the workspace passed is the one the query returned.
 */
final class CpuCusolver implements CusolverCalls {
    private static final NativeLapack LAPACK = NativeCalls.lapack();

    /** One call as made. */
    record Made(CusolverCall call, long handle, long params, Operands operands) {
    }

    private final CpuDeviceMemory memory;
    private final List<Made> made = new ArrayList<>();
    private final List<Long> solvers = new ArrayList<>();
    private final List<Long> blasHandles = new ArrayList<>();
    private final List<Long> paramsList = new ArrayList<>();
    private long nextHandle = 0x100;
    private long lastWorkspace = -1;
    private int queries;
    private int destroyed;

    CpuCusolver(CpuDeviceMemory memory) {
        this.memory = memory;
    }

    List<Made> made() {
        return made;
    }

    int queries() {
        return queries;
    }

    /** Handles and params created and not destroyed. */
    int outstanding() {
        return solvers.size() + blasHandles.size() + paramsList.size() - destroyed;
    }

    @Override
    public long solverCreate() {
        solvers.add(nextHandle);
        return nextHandle++;
    }

    @Override
    public void solverDestroy(long handle) {
        if (!solvers.contains(handle)) {
            throw new IllegalStateException("not a cuSOLVER handle: " + handle);
        }
        destroyed++;
    }

    @Override
    public void solverSetStream(long handle, long stream) {
        if (!solvers.contains(handle) || stream != memory.stream()) {
            throw new IllegalStateException("cusolverDnSetStream(" + handle + ", " + stream + ")");
        }
    }

    @Override
    public long paramsCreate() {
        paramsList.add(nextHandle);
        return nextHandle++;
    }

    @Override
    public void paramsDestroy(long params) {
        destroyed++;
    }

    @Override
    public long blasCreate() {
        blasHandles.add(nextHandle);
        return nextHandle++;
    }

    @Override
    public void blasDestroy(long handle) {
        if (!blasHandles.contains(handle)) {
            throw new IllegalStateException("not a cuBLAS handle: " + handle);
        }
        destroyed++;
    }

    @Override
    public void blasSetStream(long handle, long stream) {
        if (!blasHandles.contains(handle) || stream != memory.stream()) {
            throw new IllegalStateException("cublasSetStream(" + handle + ", " + stream + ")");
        }
    }

    @Override
    public long[] bufferSize(long handle, long params, CusolverCall query, long a) {
        queries++;
        lastWorkspace = 64 * query.n() + 8; // any size: the fake checks that the same size comes back
        return new long[] {lastWorkspace, 0};
    }

    @Override
    public void run(long handle, long params, CusolverCall c, Operands o) {
        if (!(c.routine().cublas() ? blasHandles : solvers).contains(handle)) {
            throw new IllegalStateException(c.function() + " called with handle " + handle);
        }
        made.add(new Made(c, handle, params, o));
        DType t = c.dtype();
        int n = (int) c.n();
        switch (c.routine()) {
            case GETRF_BATCHED -> {
                for (int m = 0; m < c.batch(); m++) {
                    long am = pointer(o.a(), m);
                    Object a = read(t, am, n * c.lda());
                    int[] ipiv = new int[n];
                    int info = LAPACK.getrf(t, n, n, a, 0, (int) c.lda(), ipiv, 0);
                    write(a, am);
                    putInts(o.ipiv() + 4L * n * m, ipiv);
                    putInts(o.info() + 4L * m, new int[] {info});
                }
            }
            case GETRS_BATCHED -> {
                for (int m = 0; m < c.batch(); m++) {
                    long am = pointer(o.a(), m);
                    long bm = pointer(o.b(), m);
                    Object b = read(t, bm, c.ldb() * c.nrhs());
                    LAPACK.getrs(t, c.transposed() ? Trans.T : Trans.N, n, (int) c.nrhs(), read(t, am, n * c.lda()), 0,
                            (int) c.lda(), ints(o.ipiv() + 4L * n * m, n), 0, b, 0, (int) c.ldb());
                    write(b, bm);
                }
            }
            case POTRF_BATCHED -> {
                for (int m = 0; m < c.batch(); m++) {
                    long am = pointer(o.a(), m);
                    Object a = read(t, am, n * c.lda());
                    int info = LAPACK.potrf(t, c.uplo(), n, a, 0, (int) c.lda());
                    write(a, am);
                    putInts(o.info() + 4L * m, new int[] {info});
                }
            }
            case POTRS_BATCHED -> {
                for (int m = 0; m < c.batch(); m++) {
                    long bm = pointer(o.b(), m);
                    Object b = read(t, bm, c.ldb());
                    LAPACK.potrs(t, c.uplo(), n, 1, read(t, pointer(o.a(), m), n * c.lda()), 0, (int) c.lda(), b, 0,
                            (int) c.ldb());
                    write(b, bm);
                }
                putInts(o.info(), new int[] {0});
            }
            case X_GETRF, X_POTRF -> {
                if (o.workBytes() != lastWorkspace || o.work() == 0) {
                    throw new IllegalStateException(c.function() + " given " + o.workBytes() + " workspace bytes, the query said "
                            + lastWorkspace);
                }
                memory.at(o.work(), o.workBytes());
                Object a = read(t, o.a(), n * c.lda());
                int info;
                if (c.routine() == CusolverCall.Routine.X_GETRF) {
                    int[] ipiv = new int[n];
                    info = LAPACK.getrf(t, n, n, a, 0, (int) c.lda(), ipiv, 0);
                    ByteBuffer p = memory.at(o.ipiv(), 8L * n);
                    for (int v : ipiv) {
                        p.putLong(v);
                    }
                } else {
                    info = LAPACK.potrf(t, c.uplo(), n, a, 0, (int) c.lda());
                }
                write(a, o.a());
                putInts(o.info(), new int[] {info});
            }
            case X_GETRS, X_POTRS -> {
                Object b = read(t, o.b(), c.ldb() * c.nrhs());
                Object a = read(t, o.a(), n * c.lda());
                if (c.routine() == CusolverCall.Routine.X_GETRS) {
                    ByteBuffer p = memory.at(o.ipiv(), 8L * n);
                    int[] ipiv = new int[n];
                    for (int i = 0; i < n; i++) {
                        ipiv[i] = Math.toIntExact(p.getLong());
                    }
                    LAPACK.getrs(t, c.transposed() ? Trans.T : Trans.N, n, (int) c.nrhs(), a, 0, (int) c.lda(), ipiv, 0, b,
                            0, (int) c.ldb());
                } else {
                    LAPACK.potrs(t, c.uplo(), n, (int) c.nrhs(), a, 0, (int) c.lda(), b, 0, (int) c.ldb());
                }
                write(b, o.b());
                putInts(o.info(), new int[] {0});
            }
            default -> throw new IllegalStateException(c.routine() + " is a query");
        }
    }

    /** Entry {@code m} of the device pointer array at {@code array}. */
    private long pointer(long array, int m) {
        return memory.at(array + 8L * m, 8).getLong();
    }

    private int[] ints(long address, int count) {
        ByteBuffer b = memory.at(address, 4L * count);
        int[] v = new int[count];
        for (int i = 0; i < count; i++) {
            v[i] = b.getInt();
        }
        return v;
    }

    private void putInts(long address, int[] values) {
        ByteBuffer b = memory.at(address, 4L * values.length);
        for (int v : values) {
            b.putInt(v);
        }
    }

    /** {@code elements} elements of {@code t} at {@code address} as a host array. */
    private Object read(DType t, long address, long elements) {
        int slots = (int) elements * t.slotsPerElement();
        Object out = t.isSinglePrecision() ? new float[slots] : new double[slots];
        memory.toHost(address, 0, out, 0, slots);
        return out;
    }

    private void write(Object array, long address) {
        memory.toDevice(array, 0, array instanceof double[] d ? d.length : ((float[]) array).length, address, 0);
    }

    /** The workspace sizes the decomposition queries report: any size, checked when it comes back. */
    @Override
    public long[] bufferSize(long handle, long params, DecompositionCall query, DecompositionOperands o) {
        if (!solvers.contains(handle)) {
            throw new IllegalStateException(query.function() + " called with handle " + handle);
        }
        queries++;
        lastWorkspace = 32 * (query.m() + query.n()) + 16 * query.dtype().elementBytes();
        return new long[] {lastWorkspace, 24};
    }

    /** Each QR, SVD or eigen description through the host LAPACK routine of the identical contract. */
    @Override
    public void run(long handle, long params, DecompositionCall c, DecompositionOperands o) {
        if (!solvers.contains(handle)) {
            throw new IllegalStateException(c.function() + " called with handle " + handle);
        }
        if (o.workBytes() != lastWorkspace || o.work() == 0) {
            throw new IllegalStateException(c.function() + " given " + o.workBytes() + " workspace bytes, the query said "
                    + lastWorkspace);
        }
        boolean generic = c.routine().generic();
        if (generic && o.hostWorkBytes() != 24) {
            throw new IllegalStateException(c.function() + " given " + o.hostWorkBytes() + " host workspace bytes");
        }
        memory.at(o.work(), o.workBytes());
        decompositions.add(c);
        DType t = c.dtype();
        DType real = t.isSinglePrecision() ? DType.F32 : DType.F64;
        int m = (int) c.m();
        int n = (int) c.n();
        int lda = (int) c.lda();
        int min = Math.min(m, n);
        Object a = read(t, o.a(), (long) lda * n);
        int info;
        switch (c.routine()) {
            case X_GEQRF -> {
                Object tau = read(t, o.values(), min);
                info = LAPACK.geqrf(t, m, n, a, 0, lda, tau, 0);
                write(tau, o.values());
            }
            case ORGQR -> info = LAPACK.orgqr(t, m, n, (int) c.k(), a, 0, lda, read(t, o.values(), c.k()), 0);
            case X_GESVD -> {
                Object s = read(real, o.values(), min);
                int uCols = c.jobu() == 'A' ? m : min;
                int vtRows = c.jobvt() == 'A' ? n : min;
                Object u = c.jobu() == 'N' ? null : read(t, o.u(), c.ldu() * uCols);
                Object vt = c.jobvt() == 'N' ? null : read(t, o.vt(), c.ldvt() * n);
                Object rwork = t.isComplex() ? work(real, 5 * Math.max(1, min)) : null;
                Object query = work(t, 1);
                LAPACK.gesvd(t, c.jobu(), c.jobvt(), m, n, a, 0, lda, s, 0, u, 0, (int) c.ldu(), vt, 0, (int) c.ldvt(), query,
                        -1, rwork);
                int lwork = (int) first(query);
                info = LAPACK.gesvd(t, c.jobu(), c.jobvt(), m, n, a, 0, lda, s, 0, u, 0, (int) c.ldu(), vt, 0,
                        (int) c.ldvt(), work(t, lwork), lwork, rwork);
                write(s, o.values());
                if (u != null) {
                    write(u, o.u());
                }
                if (vt != null) {
                    write(vt, o.vt());
                }
                if (vtRows > c.ldvt()) {
                    throw new IllegalStateException("ldvt " + c.ldvt() + " < " + vtRows);
                }
                if (gesvdFailure > 0) {
                    info = gesvdFailure; // the count of superdiagonals that did not converge, as gesvd reports it
                }
            }
            case X_SYEVD -> {
                Object w = read(real, o.values(), n);
                Object query = work(t, 1);
                Object rquery = t.isComplex() ? work(real, 1) : null;
                int[] iquery = new int[1];
                LAPACK.syevd(t, c.jobu(), c.uplo(), n, a, 0, lda, w, 0, query, -1, rquery, -1, iquery, -1);
                int lwork = (int) first(query);
                int lrwork = rquery == null ? 0 : (int) first(rquery);
                info = LAPACK.syevd(t, c.jobu(), c.uplo(), n, a, 0, lda, w, 0, work(t, lwork), lwork,
                        rquery == null ? null : work(real, lrwork), lrwork, new int[iquery[0]], iquery[0]);
                write(w, o.values());
            }
            case X_GEEV -> {
                // Real types: 2·n real values (real parts, then imaginary parts), as cuSOLVER with real dataTypeW.
                Object w = t.isComplex() ? read(t, o.values(), n) : read(t, o.values(), 2L * n);
                Object vr = c.vectors() ? read(t, o.u(), c.ldu() * n) : null;
                Object rwork = t.isComplex() ? work(real, 2 * Math.max(1, n)) : null;
                Object query = work(t, 1);
                LAPACK.geev(t, 'N', c.jobu(), n, a, 0, lda, w, 0, null, 0, 1, vr, 0, (int) c.ldu(), query, -1, rwork);
                int lwork = (int) first(query);
                info = LAPACK.geev(t, 'N', c.jobu(), n, a, 0, lda, w, 0, null, 0, 1, vr, 0, (int) c.ldu(), work(t, lwork),
                        lwork, rwork);
                write(w, o.values());
                if (vr != null) {
                    write(vr, o.u());
                }
            }
            default -> throw new IllegalStateException(c.routine() + " is a query");
        }
        write(a, o.a());
        putInts(o.info(), new int[] {info});
    }

    private final List<DecompositionCall> decompositions = new ArrayList<>();

    /** The QR, SVD and eigen calls made, in order. */
    List<DecompositionCall> decompositions() {
        return decompositions;
    }

    private static Object work(DType t, int elements) {
        int slots = Math.max(1, elements) * t.slotsPerElement();
        return t.isSinglePrecision() ? new float[slots] : new double[slots];
    }

    private static double first(Object array) {
        return array instanceof double[] d ? d[0] : ((float[]) array)[0];
    }

    private final java.util.Map<Long, JacobiSvdCall> jacobiParams = new java.util.HashMap<>();
    private final List<JacobiSvdCall> jacobis = new ArrayList<>();
    private int jacobiFailure = -1;

    /** The Jacobi SVD calls made, in order. */
    List<JacobiSvdCall> jacobis() {
        return jacobis;
    }

    /** Makes matrix {@code member} of every later Jacobi SVD report cuSOLVER's no-convergence devInfo. */
    void failJacobi(int member) {
        jacobiFailure = member;
    }

    private int gesvdFailure;

    /** Makes every later Xgesvd report the positive devInfo {@code info} (superdiagonals that did not converge). */
    void failGesvd(int info) {
        gesvdFailure = info;
    }

    @Override
    public long gesvdjInfoCreate() {
        paramsList.add(nextHandle);
        jacobiParams.put(nextHandle, null);
        return nextHandle++;
    }

    @Override
    public void gesvdjInfoDestroy(long info) {
        if (!jacobiParams.containsKey(info)) {
            throw new IllegalStateException("not a gesvdjInfo: " + info);
        }
        jacobiParams.remove(info);
        destroyed++;
    }

    @Override
    public void gesvdjInfoSet(long info, JacobiSvdCall call) {
        if (!jacobiParams.containsKey(info)) {
            throw new IllegalStateException("not a gesvdjInfo: " + info);
        }
        jacobiParams.put(info, call);
    }

    /** The parameters set on {@code info} must be the call's (tolerance, sweeps, sort). */
    private void requireParameters(long handle, long info, JacobiSvdCall c) {
        JacobiSvdCall set = jacobiParams.get(info);
        if (!solvers.contains(handle) || set == null || set.tolerance() != c.tolerance()
                || set.maxSweeps() != c.maxSweeps() || set.sort() != c.sort()) {
            throw new IllegalStateException(c.function() + " with handle " + handle + " and gesvdjInfo " + info
                    + " holding " + (set == null ? "nothing" : set.describe()));
        }
    }

    @Override
    public long jacobiBufferSize(long handle, long info, JacobiSvdCall query, JacobiOperands o) {
        requireParameters(handle, info, query);
        if (!query.routine().query()) {
            throw new IllegalStateException(query.function() + " is not a query");
        }
        queries++;
        lastWorkspace = (16 * (query.m() + query.n()) + 8) * query.dtype().elementBytes();
        return lastWorkspace;
    }

    /**
     * gesvdj/gesvdjBatched through LAPACK's gesvd on each matrix the operands address (jobu = jobvt = 'S' with econ,
     * 'A' without, 'N' for values only), V written as (Vᴴ)ᴴ as cuSOLVER returns it, devInfo min(m, n) + 1 where
     * LAPACK did not converge.
     */
    @Override
    public void jacobiRun(long handle, long info, JacobiSvdCall c, JacobiOperands o) {
        requireParameters(handle, info, c);
        if (o.workBytes() != lastWorkspace || o.work() == 0) {
            throw new IllegalStateException(c.function() + " given " + o.workBytes() + " workspace bytes, the query said "
                    + lastWorkspace);
        }
        memory.at(o.work(), o.workBytes());
        jacobis.add(c);
        DType t = c.dtype();
        DType real = t.componentType();
        int m = (int) c.m();
        int n = (int) c.n();
        int k = (int) c.k();
        int lda = (int) c.lda();
        int ldu = (int) c.ldu();
        int ldv = (int) c.ldv();
        int uCols = (int) c.uCols();
        int vCols = (int) c.vCols();
        char job = c.vectors() ? (c.econ() ? 'S' : 'A') : 'N';
        int ldvt = Math.max(1, vCols);
        long eb = t.elementBytes();
        int slots = t.slotsPerElement();
        for (int b = 0; b < c.batch(); b++) {
            Object a = read(t, o.a() + b * eb * lda * n, (long) lda * n);
            Object s = work(real, k);
            Object u = work(t, ldu * uCols);
            Object vt = work(t, ldvt * n);
            Object rwork = t.isComplex() ? work(real, 5 * Math.max(1, k)) : null;
            Object query = work(t, 1);
            LAPACK.gesvd(t, job, job, m, n, a, 0, lda, s, 0, u, 0, ldu, vt, 0, ldvt, query, -1, rwork);
            int lwork = (int) first(query);
            int result = LAPACK.gesvd(t, job, job, m, n, a, 0, lda, s, 0, u, 0, ldu, vt, 0, ldvt, work(t, lwork), lwork,
                    rwork);
            memory.toDevice(s, 0, k, o.s() + (long) b * k * real.elementBytes(), 0);
            if (c.vectors()) {
                memory.toDevice(u, 0, ldu * uCols * slots, o.u() + b * eb * ldu * uCols, 0);
                Object v = work(t, ldv * vCols);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < vCols; j++) { // V(i, j) = conj(Vᴴ(j, i))
                        for (int p = 0; p < slots; p++) {
                            double x = array(vt, (j + i * ldvt) * slots + p);
                            set(v, (i + j * ldv) * slots + p, p == 1 ? -x : x);
                        }
                    }
                }
                memory.toDevice(v, 0, ldv * vCols * slots, o.v() + b * eb * ldv * vCols, 0);
            }
            putInts(o.info() + 4L * b, new int[] {result != 0 || b == jacobiFailure ? k + 1 : 0});
        }
    }

    private static double array(Object a, int i) {
        return a instanceof double[] d ? d[i] : ((float[]) a)[i];
    }

    private static void set(Object a, int i, double x) {
        if (a instanceof double[] d) {
            d[i] = x;
        } else {
            ((float[]) a)[i] = (float) x;
        }
    }
}
