package org.fusemath.solver.device;

import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.cudart.double2;
import org.bytedeco.cuda.cudart.float2;
import org.bytedeco.cuda.cusolver.cusolverDnContext;
import org.bytedeco.cuda.cusolver.cusolverDnParams;
import org.bytedeco.cuda.cusolver.gesvdjInfo;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cusolver;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.fusemath.api.DType;
import org.fusemath.api.FusemathException;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.cuda.device.NativeInvoker;
import org.fusemath.cuda.device.PresetInvoker;
import org.fusemath.solver.device.CusolverCall.Routine;

/**
 * {@link CusolverCalls} on a GPU through JavaCPP's cuSOLVER and cuBLAS bindings. Every call is a {@link NativeCall}
 * (the header's parameter names bound to their values, in its order) built from a {@link CusolverCall} and made by
 * a {@link NativeInvoker}, so tests record the calls on the CPU and compare them with the preset's declarations.
 * Created only after the device probe found cuSOLVER and cuBLAS usable, so loading it cannot fail with an
 * {@link UnsatisfiedLinkError} at the caller. Thread-safe as the libraries are for distinct handles.
 */
final class JavacppCusolver implements CusolverCalls {
    private final int device;
    private final NativeInvoker invoker;

    JavacppCusolver(int device) {
        this(device, PresetInvoker.INSTANCE);
    }

    /** The calls on {@code device}, made by {@code invoker} (tests: a recorder). */
    JavacppCusolver(int device, NativeInvoker invoker) {
        this.device = device;
        this.invoker = invoker;
    }

    private void setDevice() {
        invoker.check(CudaLibrary.RUNTIME, NativeCall.of(cudart.class, "cudaSetDevice").value("device", device));
    }

    private NativeInvoker.Made solver(NativeCall call) {
        return invoker.check(CudaLibrary.CUSOLVER, call);
    }

    private NativeInvoker.Made blas(NativeCall call) {
        return invoker.check(CudaLibrary.CUBLAS, call);
    }

    @Override
    public long solverCreate() {
        setDevice();
        return solver(NativeCall.of(cusolver.class, "cusolverDnCreate").out("handle", cusolverDnContext.class)).handle();
    }

    @Override
    public void solverDestroy(long handle) {
        solver(NativeCall.of(cusolver.class, "cusolverDnDestroy").handle("handle", cusolverDnContext.class, handle));
    }

    @Override
    public void solverSetStream(long handle, long stream) {
        solver(NativeCall.of(cusolver.class, "cusolverDnSetStream").handle("handle", cusolverDnContext.class, handle)
                .handle("streamId", CUstream_st.class, stream));
    }

    @Override
    public long paramsCreate() {
        return solver(NativeCall.of(cusolver.class, "cusolverDnCreateParams").out("params", cusolverDnParams.class))
                .handle();
    }

    @Override
    public void paramsDestroy(long params) {
        solver(NativeCall.of(cusolver.class, "cusolverDnDestroyParams").handle("params", cusolverDnParams.class, params));
    }

    @Override
    public long blasCreate() {
        setDevice();
        return blas(NativeCall.of(cublas.class, "cublasCreate_v2").out("handle", cublasContext.class)).handle();
    }

    @Override
    public void blasDestroy(long handle) {
        blas(NativeCall.of(cublas.class, "cublasDestroy_v2").handle("handle", cublasContext.class, handle));
    }

    @Override
    public void blasSetStream(long handle, long stream) {
        blas(NativeCall.of(cublas.class, "cublasSetStream_v2").handle("handle", cublasContext.class, handle)
                .handle("streamId", CUstream_st.class, stream));
    }

    /** The generic API's opening arguments: handle and params. */
    private static NativeCall generic(CusolverCall c, long handle, long params) {
        return NativeCall.of(cusolver.class, c.function()).handle("handle", cusolverDnContext.class, handle)
                .handle("params", cusolverDnParams.class, params);
    }

    @Override
    public long[] bufferSize(long handle, long params, CusolverCall query, long a) {
        int type = CusolverEnums.dataType(query.dtype());
        try (SizeTPointer device = new SizeTPointer(1); SizeTPointer host = new SizeTPointer(1)) {
            NativeCall call = generic(query, handle, params);
            if (query.routine() == Routine.X_GETRF_BUFFER_SIZE) {
                call.value("m", query.n()).value("n", query.n());
            } else if (query.routine() == Routine.X_POTRF_BUFFER_SIZE) {
                call.value("uplo", CusolverEnums.fillMode(query.uplo())).value("n", query.n());
            } else {
                throw new IllegalArgumentException(query.routine() + " is not a workspace query");
            }
            solver(call.value("dataTypeA", type).handle("A", Pointer.class, a).value("lda", query.lda())
                    .value("computeType", type).arg("workspaceInBytesOnDevice", SizeTPointer.class, device)
                    .arg("workspaceInBytesOnHost", SizeTPointer.class, host));
            return new long[] {device.get(), host.get()};
        }
    }

    @Override
    public void run(long handle, long params, CusolverCall c, Operands o) {
        setDevice();
        switch (c.routine()) {
            case X_GETRF, X_POTRF -> factor(handle, params, c, o);
            case X_GETRS, X_POTRS -> solve(handle, params, c, o);
            case GETRF_BATCHED -> blas(NativeCall.of(cublas.class, c.function()).handle("handle", cublasContext.class, handle)
                    .value("n", (int) c.n()).handle("A", PointerPointer.class, o.a()).value("lda", (int) c.lda())
                    .handle("P", IntPointer.class, o.ipiv()).handle("info", IntPointer.class, o.info())
                    .value("batchSize", (int) c.batch()));
            case GETRS_BATCHED -> getrsBatched(handle, c, o);
            case POTRF_BATCHED -> solver(NativeCall.of(cusolver.class, c.function())
                    .handle("handle", cusolverDnContext.class, handle).value("uplo", CusolverEnums.fillMode(c.uplo()))
                    .value("n", (int) c.n()).handle("Aarray", PointerPointer.class, o.a()).value("lda", (int) c.lda())
                    .handle("infoArray", IntPointer.class, o.info()).value("batchSize", (int) c.batch()));
            case POTRS_BATCHED -> solver(NativeCall.of(cusolver.class, c.function())
                    .handle("handle", cusolverDnContext.class, handle).value("uplo", CusolverEnums.fillMode(c.uplo()))
                    .value("n", (int) c.n()).value("nrhs", (int) c.nrhs()).handle("A", PointerPointer.class, o.a())
                    .value("lda", (int) c.lda()).handle("B", PointerPointer.class, o.b()).value("ldb", (int) c.ldb())
                    .handle("d_info", IntPointer.class, o.info()).value("batchSize", (int) c.batch()));
            default -> throw new IllegalArgumentException(c.routine() + " is a workspace query: use bufferSize");
        }
    }

    private void factor(long handle, long params, CusolverCall c, Operands o) {
        int type = CusolverEnums.dataType(c.dtype());
        NativeCall call = generic(c, handle, params);
        boolean lu = c.routine() == Routine.X_GETRF;
        if (lu) {
            call.value("m", c.n()).value("n", c.n());
        } else {
            call.value("uplo", CusolverEnums.fillMode(c.uplo())).value("n", c.n());
        }
        call.value("dataTypeA", type).handle("A", Pointer.class, o.a()).value("lda", c.lda());
        if (lu) {
            call.handle("ipiv", LongPointer.class, o.ipiv());
        }
        withWorkspaces(call, type, o.work(), o.workBytes(), o.hostWorkBytes(), o.info());
    }

    /**
     * The generic API's closing arguments (compute type, device and host workspaces, info) and the call; the host
     * workspace is allocated here for the call's duration, as the query asked.
     */
    private void withWorkspaces(NativeCall call, int computeType, long work, long workBytes, long hostWorkBytes,
                                long info) {
        try (BytePointer host = hostWorkBytes > 0 ? new BytePointer(hostWorkBytes) : null) {
            call.value("computeType", computeType).handle("bufferOnDevice", Pointer.class, work)
                    .value("workspaceInBytesOnDevice", workBytes);
            if (host == null) {
                call.handle("bufferOnHost", Pointer.class, 0L);
            } else {
                call.arg("bufferOnHost", Pointer.class, host);
            }
            solver(call.value("workspaceInBytesOnHost", hostWorkBytes).handle("info", IntPointer.class, info));
        }
    }

    /** The typed legacy API's pointer type for {@code t}'s elements. */
    private static Class<? extends Pointer> typed(DType t) {
        return switch (t) {
            case F32 -> FloatPointer.class;
            case F64 -> DoublePointer.class;
            case C64 -> float2.class;
            case C128 -> double2.class;
        };
    }

    /** The arguments of a QR, SVD or eigen call from the handle up to (excluding) the compute type. */
    private static NativeCall decomposition(long handle, long params, DecompositionCall c, CusolverCalls.DecompositionOperands o) {
        int type = CusolverEnums.dataType(c.dtype());
        NativeCall call = NativeCall.of(cusolver.class, c.function()).handle("handle", cusolverDnContext.class, handle)
                .handle("params", cusolverDnParams.class, params);
        switch (c.routine()) {
            case X_GEQRF_BUFFER_SIZE, X_GEQRF -> call.value("m", c.m()).value("n", c.n()).value("dataTypeA", type)
                    .handle("A", Pointer.class, o.a()).value("lda", c.lda()).value("dataTypeTau", type)
                    .handle("tau", Pointer.class, o.values());
            case X_GESVD_BUFFER_SIZE, X_GESVD -> call.arg("jobu", byte.class, (byte) c.jobu())
                    .arg("jobvt", byte.class, (byte) c.jobvt()).value("m", c.m()).value("n", c.n())
                    .value("dataTypeA", type).handle("A", Pointer.class, o.a()).value("lda", c.lda())
                    .value("dataTypeS", CusolverEnums.realDataType(c.dtype())).handle("S", Pointer.class, o.values())
                    .value("dataTypeU", type).handle("U", Pointer.class, o.u()).value("ldu", c.ldu())
                    .value("dataTypeVT", type).handle("VT", Pointer.class, o.vt()).value("ldvt", c.ldvt());
            case X_SYEVD_BUFFER_SIZE, X_SYEVD -> call.value("jobz", CusolverEnums.eigMode(c.vectors()))
                    .value("uplo", CusolverEnums.fillMode(c.uplo())).value("n", c.n()).value("dataTypeA", type)
                    .handle("A", Pointer.class, o.a()).value("lda", c.lda())
                    .value("dataTypeW", CusolverEnums.realDataType(c.dtype())).handle("W", Pointer.class, o.values());
            // Real A: W in the real type, 2·n entries (real parts, then imaginary parts), VR as LAPACK stores pairs.
            case X_GEEV_BUFFER_SIZE, X_GEEV -> call.value("jobvl", CusolverEnums.EIG_MODE_NOVECTOR)
                    .value("jobvr", CusolverEnums.eigMode(c.vectors())).value("n", c.n()).value("dataTypeA", type)
                    .handle("A", Pointer.class, o.a()).value("lda", c.lda()).value("dataTypeW", type)
                    .handle("W", Pointer.class, o.values()).value("dataTypeVL", type).handle("VL", Pointer.class, 0L)
                    .value("ldvl", Math.max(1, c.n())).value("dataTypeVR", type).handle("VR", Pointer.class, o.u())
                    .value("ldvr", c.ldu());
            default -> throw new IllegalArgumentException(c.routine() + " is not of the generic API");
        }
        return call;
    }

    @Override
    public long[] bufferSize(long handle, long params, DecompositionCall q, CusolverCalls.DecompositionOperands o) {
        if (!q.routine().query()) {
            throw new IllegalArgumentException(q.routine() + " is not a workspace query");
        }
        if (q.routine() == DecompositionCall.Routine.ORGQR_BUFFER_SIZE) {
            try (IntPointer lwork = new IntPointer(1)) {
                Class<? extends Pointer> e = typed(q.dtype());
                solver(NativeCall.of(cusolver.class, q.function()).handle("handle", cusolverDnContext.class, handle)
                        .value("m", (int) q.m()).value("n", (int) q.n()).value("k", (int) q.k())
                        .handle("A", e, o.a()).value("lda", (int) q.lda()).handle("tau", e, o.values())
                        .arg("lwork", IntPointer.class, lwork));
                return new long[] {(long) lwork.get() * q.dtype().elementBytes(), 0};
            }
        }
        try (SizeTPointer device = new SizeTPointer(1); SizeTPointer host = new SizeTPointer(1)) {
            solver(decomposition(handle, params, q, o).value("computeType", CusolverEnums.dataType(q.dtype()))
                    .arg("workspaceInBytesOnDevice", SizeTPointer.class, device)
                    .arg("workspaceInBytesOnHost", SizeTPointer.class, host));
            return new long[] {device.get(), host.get()};
        }
    }

    @Override
    public void run(long handle, long params, DecompositionCall c, CusolverCalls.DecompositionOperands o) {
        if (c.routine().query()) {
            throw new IllegalArgumentException(c.routine() + " is a workspace query: use bufferSize");
        }
        setDevice();
        if (c.routine() == DecompositionCall.Routine.ORGQR) {
            Class<? extends Pointer> e = typed(c.dtype());
            solver(NativeCall.of(cusolver.class, c.function()).handle("handle", cusolverDnContext.class, handle)
                    .value("m", (int) c.m()).value("n", (int) c.n()).value("k", (int) c.k()).handle("A", e, o.a())
                    .value("lda", (int) c.lda()).handle("tau", e, o.values()).handle("work", e, o.work())
                    .value("lwork", Math.toIntExact(o.workBytes() / c.dtype().elementBytes()))
                    .handle("info", IntPointer.class, o.info()));
            return;
        }
        withWorkspaces(decomposition(handle, params, c, o), CusolverEnums.dataType(c.dtype()), o.work(), o.workBytes(),
                o.hostWorkBytes(), o.info());
    }

    private void solve(long handle, long params, CusolverCall c, Operands o) {
        int type = CusolverEnums.dataType(c.dtype());
        NativeCall call = generic(c, handle, params);
        boolean lu = c.routine() == Routine.X_GETRS;
        if (lu) {
            call.value("trans", c.transposed() ? CusolverEnums.OP_T : CusolverEnums.OP_N);
        } else {
            call.value("uplo", CusolverEnums.fillMode(c.uplo()));
        }
        call.value("n", c.n()).value("nrhs", c.nrhs()).value("dataTypeA", type).handle("A", Pointer.class, o.a())
                .value("lda", c.lda());
        if (lu) {
            call.handle("ipiv", LongPointer.class, o.ipiv());
        }
        solver(call.value("dataTypeB", type).handle("B", Pointer.class, o.b()).value("ldb", c.ldb())
                .handle("info", IntPointer.class, o.info()));
    }

    /** getrsBatched reports a bad argument through a host int, checked here (cuBLAS's status is success then). */
    private void getrsBatched(long handle, CusolverCall c, Operands o) {
        try (IntPointer info = new IntPointer(1)) {
            info.put(0, 0);
            blas(NativeCall.of(cublas.class, c.function()).handle("handle", cublasContext.class, handle)
                    .value("trans", c.transposed() ? CusolverEnums.OP_T : CusolverEnums.OP_N).value("n", (int) c.n())
                    .value("nrhs", (int) c.nrhs()).handle("Aarray", PointerPointer.class, o.a()).value("lda", (int) c.lda())
                    .handle("devIpiv", IntPointer.class, o.ipiv()).handle("Barray", PointerPointer.class, o.b())
                    .value("ldb", (int) c.ldb()).arg("info", IntPointer.class, info).value("batchSize", (int) c.batch()));
            if (info.get() < 0) {
                throw new FusemathException(c.function() + " rejected parameter " + (-info.get()) + " after fusemath's checks");
            }
        }
    }

    @Override
    public long gesvdjInfoCreate() {
        return solver(NativeCall.of(cusolver.class, "cusolverDnCreateGesvdjInfo").out("info", gesvdjInfo.class)).handle();
    }

    @Override
    public void gesvdjInfoDestroy(long info) {
        solver(NativeCall.of(cusolver.class, "cusolverDnDestroyGesvdjInfo").handle("info", gesvdjInfo.class, info));
    }

    @Override
    public void gesvdjInfoSet(long info, JacobiSvdCall c) {
        solver(NativeCall.of(cusolver.class, "cusolverDnXgesvdjSetTolerance").handle("info", gesvdjInfo.class, info)
                .arg("tolerance", double.class, c.tolerance()));
        solver(NativeCall.of(cusolver.class, "cusolverDnXgesvdjSetMaxSweeps").handle("info", gesvdjInfo.class, info)
                .value("max_sweeps", c.maxSweeps()));
        solver(NativeCall.of(cusolver.class, "cusolverDnXgesvdjSetSortEig").handle("info", gesvdjInfo.class, info)
                .value("sort_svd", c.sort() ? 1 : 0));
    }

    /** A Jacobi SVD's arguments from the handle up to V's leading dimension, in the header's order. */
    private static NativeCall jacobi(long handle, JacobiSvdCall c, JacobiOperands o) {
        Class<? extends Pointer> e = typed(c.dtype());
        NativeCall call = NativeCall.of(cusolver.class, c.function()).handle("handle", cusolverDnContext.class, handle)
                .value("jobz", CusolverEnums.eigMode(c.vectors()));
        if (!c.routine().batched()) {
            call.value("econ", c.econ() ? 1 : 0);
        }
        return call.value("m", (int) c.m()).value("n", (int) c.n()).handle("A", e, o.a()).value("lda", (int) c.lda())
                .handle("S", typed(c.dtype().componentType()), o.s()).handle("U", e, o.u()).value("ldu", (int) c.ldu())
                .handle("V", e, o.v()).value("ldv", (int) c.ldv());
    }

    @Override
    public long jacobiBufferSize(long handle, long info, JacobiSvdCall q, JacobiOperands o) {
        if (!q.routine().query()) {
            throw new IllegalArgumentException(q.routine() + " is not a workspace query");
        }
        try (IntPointer lwork = new IntPointer(1)) {
            NativeCall call = jacobi(handle, q, o).arg("lwork", IntPointer.class, lwork)
                    .handle("params", gesvdjInfo.class, info);
            if (q.routine().batched()) {
                call.value("batchSize", (int) q.batch());
            }
            solver(call);
            return (long) lwork.get() * q.dtype().elementBytes();
        }
    }

    @Override
    public void jacobiRun(long handle, long info, JacobiSvdCall c, JacobiOperands o) {
        if (c.routine().query()) {
            throw new IllegalArgumentException(c.routine() + " is a workspace query: use jacobiBufferSize");
        }
        setDevice();
        NativeCall call = jacobi(handle, c, o).handle("work", typed(c.dtype()), o.work())
                .value("lwork", Math.toIntExact(o.workBytes() / c.dtype().elementBytes()))
                .handle("info", IntPointer.class, o.info()).handle("params", gesvdjInfo.class, info);
        if (c.routine().batched()) {
            call.value("batchSize", (int) c.batch());
        }
        solver(call);
    }
}
