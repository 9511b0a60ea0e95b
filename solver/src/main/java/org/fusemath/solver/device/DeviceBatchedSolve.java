package org.fusemath.solver.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.solver.BatchedProblem;
import org.fusemath.solver.BatchedProblem.Failure;
import org.fusemath.solver.BatchedProblem.Method;
import org.fusemath.solver.device.CusolverCall.Routine;

/**
 * The device provider of batched solves. Members of order up to {@link #BATCHED_MAX_N} go through the batched
 * routines (cuBLAS {@code getrfBatched}/{@code getrsBatched}, cuSOLVER {@code potrfBatched}/{@code potrsBatched},
 * which NVIDIA recommends for small orders); larger ones through the 64-bit generic API, one
 * {@code cusolverDnXgetrf}/{@code Xgetrs} or {@code Xpotrf}/{@code Xpotrs} per member on one stream, the workspace
 * sized by one {@code *_bufferSize} query per call and reused by every member. Operands are copied in as the
 * column-major images LAPACK would read (a row-major member verbatim, as Aᵀ, solved with the transposed flag or the
 * other triangle, as on the host), X is copied back, and the per-member devInfo is read back and the lowest
 * failing member reported as on the host. Memory comes from the cuda module's stream allocations; handles and
 * allocations live in one {@link SolverScope} per call. Stateless; each call opens its own handles.
 */
public final class DeviceBatchedSolve {
    /** The largest order the batched routines take. */
    static final int BATCHED_MAX_N = 32;

    private DeviceBatchedSolve() {
    }

    /**
     * Solves {@code problem} on the context's device; null, or the failing member with the lowest index.
     *
     * @throws DeviceUnavailableException when the device, cuSOLVER or cuBLAS is not usable, naming why
     */
    public static Failure solve(FuseContext context, BatchedProblem problem) {
        // The host image of A (a broadcast A is expanded) must fit one Java array, checked before any native call.
        long n = problem.n();
        Arguments.toInt("the device image of a", Arguments.multiply("the device image of a",
                Arguments.multiply("the device image of a", problem.batch(), n * n), problem.dtype().slotsPerElement()));
        Optional<DeviceUnavailableException> failure = CudaProbe.get().failure(context.deviceId(), CudaLibrary.CUBLAS,
                CudaLibrary.CUSOLVER);
        if (failure.isPresent()) {
            throw failure.get();
        }
        if (problem.batch() == 0 || problem.n() == 0) {
            return null;
        }
        try (DeviceMemory memory = CudaDeviceMemory.open(context)) {
            return run(problem, new JavacppCusolver(context.deviceId()), memory);
        }
    }

    /** The calls {@code problem} becomes, in order (workspace queries excluded), for logs and tests. */
    static List<CusolverCall> plan(BatchedProblem p) {
        int n = p.n();
        int k = p.k();
        long batch = p.batch();
        boolean lu = p.method() == Method.LU;
        List<CusolverCall> calls = new ArrayList<>();
        if (n <= BATCHED_MAX_N) {
            if (lu) {
                calls.add(CusolverCall.of(Routine.GETRF_BATCHED, p.dtype(), n, 0, n, n, false, p.storedUplo(), batch));
                calls.add(CusolverCall.of(Routine.GETRS_BATCHED, p.dtype(), n, k, n, n, p.rowMajorA(), p.storedUplo(),
                        batch));
            } else {
                calls.add(CusolverCall.of(Routine.POTRF_BATCHED, p.dtype(), n, 0, n, n, false, p.storedUplo(), batch));
                // One right-hand side per entry: entry j·batch + b is column j of member b.
                calls.add(CusolverCall.of(Routine.POTRS_BATCHED, p.dtype(), n, 1, n, n, false, p.storedUplo(),
                        batch * k));
            }
            return calls;
        }
        calls.add(CusolverCall.of(lu ? Routine.X_GETRF : Routine.X_POTRF, p.dtype(), n, 0, n, n, false,
                p.storedUplo(), 1));
        calls.add(CusolverCall.of(lu ? Routine.X_GETRS : Routine.X_POTRS, p.dtype(), n, k, n, n, p.rowMajorA(),
                p.storedUplo(), 1));
        return calls;
    }

    /** Runs {@code problem} through {@code calls} on {@code memory}: the making code, shared with the CPU fakes. */
    static Failure run(BatchedProblem p, CusolverCalls calls, DeviceMemory memory) {
        DType t = p.dtype();
        int n = p.n();
        int k = p.k();
        int batch = Math.toIntExact(p.batch());
        int slots = t.slotsPerElement();
        int bytes = t.elementBytes();
        List<CusolverCall> plan = plan(p);
        Object a = gather(p);
        boolean staged = p.xLayout() == Layout.ROW_MAJOR && k > 1;
        Object b = staged ? columns(p) : p.x();
        boolean conjugate = p.method() == Method.CHOLESKY && p.rowMajorA() && t.isComplex();
        if (conjugate) {
            conjugate(b);
        }
        try (SolverScope scope = SolverScope.open(calls, memory)) {
            long dA = scope.allocate((long) batch * n * n * bytes);
            long dB = scope.allocate((long) batch * n * k * bytes);
            memory.toDevice(a, 0, batch * n * n * slots, dA, 0);
            memory.toDevice(b, 0, batch * n * k * slots, dB, 0);
            int[] info = new int[batch];
            long solver = scope.solver();
            if (n <= BATCHED_MAX_N) {
                long dInfo = scope.allocate(4L * batch);
                if (p.method() == Method.LU) {
                    long blas = scope.blas();
                    long aPointers = pointers(scope, dA, (long) n * n * bytes, batch, 1, 0);
                    long bPointers = pointers(scope, dB, (long) n * k * bytes, batch, 1, 0);
                    long dPiv = scope.allocate(4L * n * batch);
                    calls.run(blas, 0, plan.get(0), new CusolverCalls.Operands(aPointers, 0, dPiv, dInfo, 0, 0, 0));
                    memory.toHost(dInfo, 0, info, 0, batch);
                    Failure f = first(info);
                    if (f != null) {
                        return f;
                    }
                    calls.run(blas, 0, plan.get(1), new CusolverCalls.Operands(aPointers, bPointers, dPiv, 0, 0, 0, 0));
                } else {
                    long aPointers = pointers(scope, dA, (long) n * n * bytes, batch, 1, 0);
                    calls.run(solver, 0, plan.get(0), new CusolverCalls.Operands(aPointers, 0, 0, dInfo, 0, 0, 0));
                    memory.toHost(dInfo, 0, info, 0, batch);
                    Failure f = first(info);
                    if (f != null) {
                        return f;
                    }
                    long aRepeated = pointers(scope, dA, (long) n * n * bytes, batch, k, 0);
                    long bColumns = pointers(scope, dB, (long) n * k * bytes, batch, k, (long) n * bytes);
                    long dSolveInfo = scope.allocate(4);
                    calls.run(solver, 0, plan.get(1), new CusolverCalls.Operands(aRepeated, bColumns, 0, dSolveInfo, 0,
                            0, 0));
                }
            } else {
                long params = scope.params();
                CusolverCall factor = plan.get(0);
                long[] work = calls.bufferSize(solver, params, factor.bufferSizeQuery(), dA);
                long dWork = scope.allocate(work[0]);
                long dPiv = scope.allocate(8L * n);
                long dInfo = scope.allocate(4L * batch);
                long dSolveInfo = scope.allocate(4);
                for (int m = 0; m < batch; m++) {
                    // Members run in stream order, so one pivot area and one workspace serve them all.
                    long am = dA + (long) m * n * n * bytes;
                    long bm = dB + (long) m * n * k * bytes;
                    long im = dInfo + 4L * m;
                    calls.run(solver, params, factor, new CusolverCalls.Operands(am, 0, dPiv, im, dWork, work[0], work[1]));
                    calls.run(solver, params, plan.get(1), new CusolverCalls.Operands(am, bm, dPiv, dSolveInfo, 0, 0, 0));
                }
                memory.toHost(dInfo, 0, info, 0, batch);
                Failure f = first(info);
                if (f != null) {
                    return f;
                }
            }
            memory.toHost(dB, 0, b, 0, batch * n * k * slots);
        }
        if (conjugate) {
            conjugate(b);
        }
        if (staged) {
            scatter(p, b);
        }
        return null;
    }

    /**
     * A device array of {@code batch·repeat} matrix pointers: entry j·batch + m points at {@code base + m·stride +
     * j·step}, copied in as pairs of ints (the low word first: little-endian, as CUDA's 64-bit pointers are laid out).
     */
    private static long pointers(SolverScope scope, long base, long stride, int batch, int repeat, long step) {
        int count = batch * repeat;
        int[] words = new int[2 * count];
        for (int j = 0; j < repeat; j++) {
            for (int m = 0; m < batch; m++) {
                long address = base + m * stride + j * step;
                words[2 * (j * batch + m)] = (int) address;
                words[2 * (j * batch + m) + 1] = (int) (address >>> 32);
            }
        }
        long array = scope.allocate(8L * count);
        scope.memory().toDevice(words, 0, words.length, array, 0);
        return array;
    }

    private static Failure first(int[] info) {
        for (int m = 0; m < info.length; m++) {
            if (info[m] != 0) {
                return new Failure(m, info[m]);
            }
        }
        return null;
    }

    /** The members of A verbatim, packed without gaps, in their own storage order (read column-major by cuSOLVER). */
    private static Object gather(BatchedProblem p) {
        MatrixShape s = p.aShape();
        int n = p.n();
        int slots = p.dtype().slotsPerElement();
        int batch = (int) p.batch();
        Object out = p.dtype().isSinglePrecision() ? new float[batch * n * n * slots] : new double[batch * n * n * slots];
        for (int m = 0; m < batch; m++) {
            int base = Math.toIntExact(s.indexOf(m, 0, 0) * slots);
            for (int o = 0; o < n; o++) {
                System.arraycopy(p.a(), base + (int) (o * s.ld() * slots), out, (m * n + o) * n * slots, n * slots);
            }
        }
        return out;
    }

    /** X's row-major n×k members as column-major members (LAPACK's and cuSOLVER's B). */
    private static Object columns(BatchedProblem p) {
        int n = p.n();
        int k = p.k();
        int slots = p.dtype().slotsPerElement();
        int batch = (int) p.batch();
        Object out = p.dtype().isSinglePrecision() ? new float[batch * n * k * slots] : new double[batch * n * k * slots];
        for (int m = 0; m < batch; m++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    System.arraycopy(p.x(), ((m * n + i) * k + j) * slots, out, ((m * k + j) * n + i) * slots, slots);
                }
            }
        }
        return out;
    }

    /** The inverse of {@link #columns}: the column-major solution back into X's row-major members. */
    private static void scatter(BatchedProblem p, Object columns) {
        int n = p.n();
        int k = p.k();
        int slots = p.dtype().slotsPerElement();
        for (int m = 0; m < p.batch(); m++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    System.arraycopy(columns, ((m * k + j) * n + i) * slots, p.x(), ((m * n + i) * k + j) * slots, slots);
                }
            }
        }
    }

    /** Negates every imaginary part (a Hermitian row-major member read column-major is conj(A)). */
    private static void conjugate(Object b) {
        if (b instanceof double[] d) {
            for (int i = 1; i < d.length; i += 2) {
                d[i] = -d[i];
            }
        } else {
            float[] f = (float[]) b;
            for (int i = 1; i < f.length; i += 2) {
                f[i] = -f[i];
            }
        }
    }
}
