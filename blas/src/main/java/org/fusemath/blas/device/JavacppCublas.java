package org.fusemath.blas.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cublas.cublasLtContext;
import org.bytedeco.cuda.cublas.cublasLtMatmulAlgo_t;
import org.bytedeco.cuda.cublas.cublasLtMatmulDescOpaque_t;
import org.bytedeco.cuda.cublas.cublasLtMatmulHeuristicResult_t;
import org.bytedeco.cuda.cublas.cublasLtMatmulPreferenceOpaque_t;
import org.bytedeco.cuda.cublas.cublasLtMatrixLayoutOpaque_t;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.fusemath.api.DType;
import org.fusemath.blas.Scalar;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStatus;
import org.fusemath.cuda.device.JavacppHandles;

/**
 * {@link CublasCalls} through the JavaCPP CUDA 13.1 preset ({@code org.bytedeco.cuda.global.cublas}, which binds
 * cuBLAS and cuBLASLt); the level 1–3 routines go through {@link JavacppRoutines}. Created only after the device probe found cuBLAS and cuBLASLt usable, so loading the
 * preset cannot fail here. Every call makes its device current first (handles belong to the device they were
 * created on). Attribute values are passed through short-lived native cells of the attribute's C type; host
 * scalars likewise (pointer mode host: read during the call). Thread-safe: it keeps no state but the device.
 */
final class JavacppCublas implements CublasCalls {
    private final int deviceId;

    JavacppCublas(int deviceId) {
        this.deviceId = deviceId;
    }

    @Override
    public long ltCreate() {
        current();
        cublasLtContext handle = new cublasLtContext();
        lt("cublasLtCreate", cublas.cublasLtCreate(handle));
        return handle.address();
    }

    @Override
    public void ltDestroy(long handle) {
        current();
        lt("cublasLtDestroy", cublas.cublasLtDestroy(ltHandle(handle)));
    }

    /** Calls a cuBLASLt create function with a fresh out-pointer and returns the descriptor it wrote. */
    private long created(String function, ToIntFunction<PointerPointer<Pointer>> create) {
        try (PointerPointer<Pointer> out = new PointerPointer<>(1)) {
            lt(function, create.applyAsInt(out));
            return out.get(0).address();
        }
    }

    /** Calls a cuBLASLt attribute setter with {@code value} in a native cell of the attribute's C type. */
    private void set(String function, LtAttribute attribute, long value, ToIntFunction<Pointer> setter) {
        try (Pointer cell = cell(attribute.type(), value)) {
            lt(function + "(" + attribute + ")", setter.applyAsInt(cell));
        }
    }

    @Override
    public long matmulDescCreate(int computeType, int scaleType) {
        return created("cublasLtMatmulDescCreate", out -> cublas.cublasLtMatmulDescCreate(out, computeType, scaleType));
    }

    @Override
    public void matmulDescDestroy(long desc) {
        lt("cublasLtMatmulDescDestroy", cublas.cublasLtMatmulDescDestroy(desc(desc)));
    }

    @Override
    public void matmulDescSet(long desc, MatmulDescAttribute attribute, long value) {
        set("cublasLtMatmulDescSetAttribute", attribute, value,
                cell -> cublas.cublasLtMatmulDescSetAttribute(desc(desc), attribute.value(), cell, attribute.type().bytes()));
    }

    @Override
    public long layoutCreate(int dataType, long rows, long cols, long ld) {
        return created("cublasLtMatrixLayoutCreate", out -> cublas.cublasLtMatrixLayoutCreate(out, dataType, rows, cols, ld));
    }

    @Override
    public void layoutDestroy(long layout) {
        lt("cublasLtMatrixLayoutDestroy", cublas.cublasLtMatrixLayoutDestroy(layout(layout)));
    }

    @Override
    public void layoutSet(long layout, LayoutAttribute attribute, long value) {
        set("cublasLtMatrixLayoutSetAttribute", attribute, value,
                cell -> cublas.cublasLtMatrixLayoutSetAttribute(layout(layout), attribute.value(), cell, attribute.type().bytes()));
    }

    @Override
    public long preferenceCreate() {
        return created("cublasLtMatmulPreferenceCreate", cublas::cublasLtMatmulPreferenceCreate);
    }

    @Override
    public void preferenceDestroy(long preference) {
        lt("cublasLtMatmulPreferenceDestroy", cublas.cublasLtMatmulPreferenceDestroy(preference(preference)));
    }

    @Override
    public void preferenceSet(long preference, PreferenceAttribute attribute, long value) {
        set("cublasLtMatmulPreferenceSetAttribute", attribute, value, cell -> cublas.cublasLtMatmulPreferenceSetAttribute(
                preference(preference), attribute.value(), cell, attribute.type().bytes()));
    }

    @Override
    public List<MatmulAlgorithm> heuristics(long handle, long desc, long aLayout, long bLayout, long cLayout, long dLayout,
                                            long preference, int requested) {
        current();
        int[] returned = new int[1];
        try (cublasLtMatmulHeuristicResult_t results = new cublasLtMatmulHeuristicResult_t(requested)) {
            int status = cublas.cublasLtMatmulAlgoGetHeuristic(ltHandle(handle), desc(desc), layout(aLayout),
                    layout(bLayout), layout(cLayout), layout(dLayout), preference(preference), requested, results, returned);
            if (status == CublasEnums.STATUS_NOT_SUPPORTED) {
                return List.of();
            }
            lt("cublasLtMatmulAlgoGetHeuristic", status);
            List<MatmulAlgorithm> found = new ArrayList<>(returned[0]);
            for (int i = 0; i < returned[0]; i++) {
                cublasLtMatmulHeuristicResult_t r = results.getPointer(i);
                if (r.state() != CudaStatus.SUCCESS) {
                    continue;
                }
                cublasLtMatmulAlgo_t algo = r.algo();
                long[] words = new long[MatmulAlgorithm.WORDS];
                for (int w = 0; w < words.length; w++) {
                    words[w] = algo.data(w);
                }
                found.add(new MatmulAlgorithm(words, r.workspaceSize(), r.wavesCount()));
            }
            return found;
        }
    }

    @Override
    public void matmul(long handle, long desc, DType scaleType, Scalar alpha, Scalar beta, long a, long aLayout, long b,
                       long bLayout, long c, long cLayout, long d, long dLayout, MatmulAlgorithm algorithm, long workspace,
                       long workspaceBytes, long stream) {
        current();
        try (Pointer alphaCell = scalar(scaleType, alpha); Pointer betaCell = scalar(scaleType, beta);
             cublasLtMatmulAlgo_t algo = new cublasLtMatmulAlgo_t()) {
            if (algorithm != null) {
                for (int w = 0; w < MatmulAlgorithm.WORDS; w++) {
                    algo.data(w, algorithm.word(w));
                }
            }
            lt("cublasLtMatmul", cublas.cublasLtMatmul(ltHandle(handle), desc(desc), alphaCell, at(a), layout(aLayout),
                    at(b), layout(bLayout), betaCell, at(c), layout(cLayout), at(d), layout(dLayout),
                    algorithm == null ? null : algo, at(workspace), workspaceBytes, stream(stream)));
        }
    }

    @Override
    public long blasCreate() {
        current();
        cublasContext handle = new cublasContext();
        blas("cublasCreate_v2", cublas.cublasCreate_v2(handle));
        return handle.address();
    }

    @Override
    public void blasDestroy(long handle) {
        current();
        blas("cublasDestroy_v2", cublas.cublasDestroy_v2(blasHandle(handle)));
    }

    @Override
    public void gemm(long handle, long stream, CublasGemmCall call, long a, long b, long c) {
        current();
        cublasContext h = blasHandle(handle);
        blas("cublasSetStream_v2", cublas.cublasSetStream_v2(h, stream(stream)));
        int type = CublasEnums.dataType(call.dtype());
        try (Pointer alpha = scalar(call.dtype(), call.alpha()); Pointer beta = scalar(call.dtype(), call.beta())) {
            blas("cublasGemmStridedBatchedEx_64", cublas.cublasGemmStridedBatchedEx_64(h, CublasEnums.op(call.transa()),
                    CublasEnums.op(call.transb()), call.m(), call.n(), call.k(), alpha, at(a), type, call.lda(), call.strideA(),
                    at(b), type, call.ldb(), call.strideB(), beta, at(c), type, call.ldc(), call.strideC(), call.batchCount(),
                    CublasEnums.computeType(call.computeType()), CublasEnums.GEMM_DEFAULT));
        }
    }

    @Override
    public Scalar routine(long handle, long stream, CublasRoutineCall call, long[] addresses) {
        current();
        return JavacppRoutines.invoke(handle, stream, call, addresses);
    }

    /** A native cell holding {@code value} as {@code type}; the caller closes it. */
    private static Pointer cell(AttributeType type, long value) {
        switch (type) {
            case INT32, UINT32 -> {
                boolean fits = type == AttributeType.INT32 ? value == (int) value : value >= 0 && value <= 0xFFFF_FFFFL;
                if (!fits) {
                    throw new IllegalArgumentException(value + " does not fit the attribute's " + type);
                }
                IntPointer p = new IntPointer(1);
                p.put((int) value);
                return p;
            }
            default -> {
                LongPointer p = new LongPointer(1);
                p.put(value);
                return p;
            }
        }
    }

    /** A host scalar of the scale type: one value for real types, (re, im) for complex ones. */
    private static Pointer scalar(DType type, Scalar s) {
        if (type.isSinglePrecision()) {
            return type.isComplex() ? new FloatPointer((float) s.re(), (float) s.im()) : new FloatPointer((float) s.re());
        }
        return type.isComplex() ? new DoublePointer(s.re(), s.im()) : new DoublePointer(s.re());
    }

    private void current() {
        CudaStatus.check(CudaLibrary.RUNTIME, "cudaSetDevice", cudart.cudaSetDevice(deviceId));
    }

    private static Pointer at(long address) {
        return address == 0 ? null : JavacppHandles.pointer(address);
    }

    private static cublasLtContext ltHandle(long h) {
        return new cublasLtContext(JavacppHandles.pointer(h));
    }

    private static cublasContext blasHandle(long h) {
        return new cublasContext(JavacppHandles.pointer(h));
    }

    private static cublasLtMatmulDescOpaque_t desc(long d) {
        return new cublasLtMatmulDescOpaque_t(JavacppHandles.pointer(d));
    }

    private static cublasLtMatrixLayoutOpaque_t layout(long l) {
        return new cublasLtMatrixLayoutOpaque_t(JavacppHandles.pointer(l));
    }

    private static cublasLtMatmulPreferenceOpaque_t preference(long p) {
        return new cublasLtMatmulPreferenceOpaque_t(JavacppHandles.pointer(p));
    }

    private static CUstream_st stream(long s) {
        return new CUstream_st(JavacppHandles.pointer(s));
    }

    private static void lt(String call, int status) {
        CudaStatus.check(CudaLibrary.CUBLAS_LT, call, status);
    }

    private static void blas(String call, int status) {
        CudaStatus.check(CudaLibrary.CUBLAS, call, status);
    }
}
