package org.fusemath.blas.device;

import java.util.ArrayList;
import java.util.List;
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
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.cuda.device.NativeInvoker;
import org.fusemath.cuda.device.NativeInvoker.Made;
import org.fusemath.cuda.device.PresetInvoker;

/**
 * {@link CublasCalls} through the JavaCPP CUDA 13.1 preset ({@code org.bytedeco.cuda.global.cublas}, which binds
 * cuBLAS and cuBLASLt); the level 1–3 routines go through {@link JavacppRoutines}. Every call is described as a
 * {@link NativeCall} (the header's parameter names bound to their values, in the header's order) and made by a
 * {@link NativeInvoker}, so that tests drive this class on the CPU with a recorder and compare each
 * description with the headers. Created only after the device probe found cuBLAS and cuBLASLt usable, so
 * loading the preset cannot fail here. Every call makes its device current first (handles belong to the
 * device they were created on). Attribute values are passed through short-lived native cells of the
 * attribute's C type; host scalars likewise (pointer mode host: read during the call). Thread-safe: it keeps
 * no state but the device and the invoker.
 */
final class JavacppCublas implements CublasCalls {
    private final int deviceId;
    private final NativeInvoker invoker;

    JavacppCublas(int deviceId) {
        this(deviceId, PresetInvoker.INSTANCE);
    }

    /** Calls on {@code deviceId} made by {@code invoker} (tests: a recorder). */
    JavacppCublas(int deviceId, NativeInvoker invoker) {
        this.deviceId = deviceId;
        this.invoker = invoker;
    }

    @Override
    public long ltCreate() {
        current();
        return lt(NativeCall.of(cublas.class, "cublasLtCreate").out("lightHandle", cublasLtContext.class)).handle();
    }

    @Override
    public void ltDestroy(long handle) {
        current();
        lt(NativeCall.of(cublas.class, "cublasLtDestroy").handle("lightHandle", cublasLtContext.class, handle));
    }

    /** Calls a cuBLASLt attribute setter ({@code object} then the attribute) with {@code value} in a native cell of the attribute's C type. */
    private void set(String function, String objectName, Class<? extends Pointer> objectType, long object, LtAttribute attribute,
                     long value) {
        try (Pointer cell = cell(attribute.type(), value)) {
            lt(NativeCall.of(cublas.class, function).handle(objectName, objectType, object).value("attr", attribute.value())
                    .arg("buf", Pointer.class, cell).value("sizeInBytes", (long) attribute.type().bytes()));
        }
    }

    @Override
    public long matmulDescCreate(int computeType, int scaleType) {
        return lt(NativeCall.of(cublas.class, "cublasLtMatmulDescCreate").out("matmulDesc", PointerPointer.class)
                .value("computeType", computeType).value("scaleType", scaleType)).handle();
    }

    @Override
    public void matmulDescDestroy(long desc) {
        lt(NativeCall.of(cublas.class, "cublasLtMatmulDescDestroy").handle("matmulDesc", cublasLtMatmulDescOpaque_t.class, desc));
    }

    @Override
    public void matmulDescSet(long desc, MatmulDescAttribute attribute, long value) {
        set("cublasLtMatmulDescSetAttribute", "matmulDesc", cublasLtMatmulDescOpaque_t.class, desc, attribute, value);
    }

    @Override
    public long layoutCreate(int dataType, long rows, long cols, long ld) {
        return lt(NativeCall.of(cublas.class, "cublasLtMatrixLayoutCreate").out("matLayout", PointerPointer.class)
                .value("type", dataType).value("rows", rows).value("cols", cols).value("ld", ld)).handle();
    }

    @Override
    public void layoutDestroy(long layout) {
        lt(NativeCall.of(cublas.class, "cublasLtMatrixLayoutDestroy").handle("matLayout", cublasLtMatrixLayoutOpaque_t.class, layout));
    }

    @Override
    public void layoutSet(long layout, LayoutAttribute attribute, long value) {
        set("cublasLtMatrixLayoutSetAttribute", "matLayout", cublasLtMatrixLayoutOpaque_t.class, layout, attribute, value);
    }

    @Override
    public long preferenceCreate() {
        return lt(NativeCall.of(cublas.class, "cublasLtMatmulPreferenceCreate").out("pref", PointerPointer.class)).handle();
    }

    @Override
    public void preferenceDestroy(long preference) {
        lt(NativeCall.of(cublas.class, "cublasLtMatmulPreferenceDestroy")
                .handle("pref", cublasLtMatmulPreferenceOpaque_t.class, preference));
    }

    @Override
    public void preferenceSet(long preference, PreferenceAttribute attribute, long value) {
        set("cublasLtMatmulPreferenceSetAttribute", "pref", cublasLtMatmulPreferenceOpaque_t.class, preference, attribute, value);
    }

    @Override
    public List<MatmulAlgorithm> heuristics(long handle, long desc, long aLayout, long bLayout, long cLayout, long dLayout,
                                            long preference, int requested) {
        current();
        int[] returned = new int[1];
        NativeCall call = NativeCall.of(cublas.class, "cublasLtMatmulAlgoGetHeuristic")
                .handle("lightHandle", cublasLtContext.class, handle)
                .handle("operationDesc", cublasLtMatmulDescOpaque_t.class, desc)
                .handle("Adesc", cublasLtMatrixLayoutOpaque_t.class, aLayout)
                .handle("Bdesc", cublasLtMatrixLayoutOpaque_t.class, bLayout)
                .handle("Cdesc", cublasLtMatrixLayoutOpaque_t.class, cLayout)
                .handle("Ddesc", cublasLtMatrixLayoutOpaque_t.class, dLayout)
                .handle("preference", cublasLtMatmulPreferenceOpaque_t.class, preference)
                .value("requestedAlgoCount", requested)
                .outArray("heuristicResultsArray", cublasLtMatmulHeuristicResult_t.class, requested)
                .arg("returnAlgoCount", int[].class, returned);
        Made made = invoker.make(call);
        try (Pointer results = (Pointer) made.created()[call.parameters().indexOf("heuristicResultsArray")]) {
            if (made.status() == CublasEnums.STATUS_NOT_SUPPORTED) {
                return List.of();
            }
            CudaStatus.check(CudaLibrary.CUBLAS_LT, call.function(), made.status());
            List<MatmulAlgorithm> found = new ArrayList<>(returned[0]);
            for (int i = 0; i < returned[0]; i++) {
                cublasLtMatmulHeuristicResult_t r = ((cublasLtMatmulHeuristicResult_t) results).getPointer(i);
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
        // cublasLtMatmulAlgo_t is uint64_t data[8]: a cell of its words is the struct.
        try (Pointer alphaCell = scalar(scaleType, alpha); Pointer betaCell = scalar(scaleType, beta);
             LongPointer algo = algorithm == null ? null : algorithmCell(algorithm)) {
            lt(NativeCall.of(cublas.class, "cublasLtMatmul")
                    .handle("lightHandle", cublasLtContext.class, handle)
                    .handle("computeDesc", cublasLtMatmulDescOpaque_t.class, desc)
                    .arg("alpha", Pointer.class, alphaCell)
                    .handle("A", Pointer.class, a)
                    .handle("Adesc", cublasLtMatrixLayoutOpaque_t.class, aLayout)
                    .handle("B", Pointer.class, b)
                    .handle("Bdesc", cublasLtMatrixLayoutOpaque_t.class, bLayout)
                    .arg("beta", Pointer.class, betaCell)
                    .handle("C", Pointer.class, c)
                    .handle("Cdesc", cublasLtMatrixLayoutOpaque_t.class, cLayout)
                    .handle("D", Pointer.class, d)
                    .handle("Ddesc", cublasLtMatrixLayoutOpaque_t.class, dLayout)
                    .arg("algo", cublasLtMatmulAlgo_t.class, algo)
                    .handle("workspace", Pointer.class, workspace)
                    .value("workspaceSizeInBytes", workspaceBytes)
                    .handle("stream", CUstream_st.class, stream));
        }
    }

    @Override
    public long blasCreate() {
        current();
        return blas(NativeCall.of(cublas.class, "cublasCreate_v2").out("handle", cublasContext.class)).handle();
    }

    @Override
    public void blasDestroy(long handle) {
        current();
        blas(NativeCall.of(cublas.class, "cublasDestroy_v2").handle("handle", cublasContext.class, handle));
    }

    @Override
    public void gemm(long handle, long stream, CublasGemmCall call, long a, long b, long c) {
        current();
        blas(JavacppRoutines.setStream(handle, stream));
        int type = CublasEnums.dataType(call.dtype());
        try (Pointer alpha = scalar(call.dtype(), call.alpha()); Pointer beta = scalar(call.dtype(), call.beta())) {
            blas(NativeCall.of(cublas.class, "cublasGemmStridedBatchedEx_64")
                    .handle("handle", cublasContext.class, handle)
                    .value("transa", CublasEnums.op(call.transa()))
                    .value("transb", CublasEnums.op(call.transb()))
                    .value("m", call.m()).value("n", call.n()).value("k", call.k())
                    .arg("alpha", Pointer.class, alpha)
                    .handle("A", Pointer.class, a).value("Atype", type).value("lda", call.lda()).value("strideA", call.strideA())
                    .handle("B", Pointer.class, b).value("Btype", type).value("ldb", call.ldb()).value("strideB", call.strideB())
                    .arg("beta", Pointer.class, beta)
                    .handle("C", Pointer.class, c).value("Ctype", type).value("ldc", call.ldc()).value("strideC", call.strideC())
                    .value("batchCount", call.batchCount())
                    .value("computeType", CublasEnums.computeType(call.computeType()))
                    .value("algo", CublasEnums.GEMM_DEFAULT));
        }
    }

    @Override
    public Scalar routine(long handle, long stream, CublasRoutineCall call, long[] addresses) {
        current();
        blas(JavacppRoutines.setStream(handle, stream));
        blas(JavacppRoutines.setHostPointerMode(handle));
        return JavacppRoutines.invoke(handle, call, addresses);
    }

    /** The words of {@code algorithm} in a native cell laid out as {@code cublasLtMatmulAlgo_t}. */
    private static LongPointer algorithmCell(MatmulAlgorithm algorithm) {
        LongPointer cell = new LongPointer(MatmulAlgorithm.WORDS);
        for (int w = 0; w < MatmulAlgorithm.WORDS; w++) {
            cell.put(w, algorithm.word(w));
        }
        return cell;
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
        invoker.check(CudaLibrary.RUNTIME, NativeCall.of(cudart.class, "cudaSetDevice").value("device", deviceId));
    }

    private Made lt(NativeCall call) {
        return invoker.check(CudaLibrary.CUBLAS_LT, call);
    }

    private Made blas(NativeCall call) {
        return invoker.check(CudaLibrary.CUBLAS, call);
    }
}
