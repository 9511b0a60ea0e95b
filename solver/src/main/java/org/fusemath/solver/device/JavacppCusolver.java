package org.fusemath.solver.device;

import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.cusolver.cusolverDnContext;
import org.bytedeco.cuda.cusolver.cusolverDnParams;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cusolver;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
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
        try (BytePointer host = o.hostWorkBytes() > 0 ? new BytePointer(o.hostWorkBytes()) : null) {
            call.value("computeType", type).handle("bufferOnDevice", Pointer.class, o.work())
                    .value("workspaceInBytesOnDevice", o.workBytes());
            if (host == null) {
                call.handle("bufferOnHost", Pointer.class, 0L);
            } else {
                call.arg("bufferOnHost", Pointer.class, host);
            }
            solver(call.value("workspaceInBytesOnHost", o.hostWorkBytes()).handle("info", IntPointer.class, o.info()));
        }
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
}
