package org.fusemath.blas.device;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.Op;
import org.fusemath.blas.ReluMask;
import org.fusemath.blas.Scalar;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStatus;

/**
 * cuBLASLt, cuBLAS and one device stream simulated on the CPU, recording every call. Device memory is byte
 * arrays at distinct fake addresses, filled with 0xFF (NaN in every float type) when allocated so that nothing
 * can depend on fresh memory being zero. {@link #matmul} knows nothing of the plan that called it: it rebuilds
 * the product from the attributes and layouts that were set (as cuBLASLt would read them), checks that every
 * operand lies inside the allocation it points to, and runs it through {@link CublasLtCpuExecutor}; so a wrong
 * attribute, layout or buffer size makes a wrong result or a failed check. Every call can be made to fail.
 * Synchronized: a plan's cleaner releases from another thread.
 */
final class CpuCublas implements CublasCalls, DeviceStreamCalls {
    static final long STREAM = 0x5_7000L;
    private static final long ALGO_TAG = 0xA160_0000L;
    private static final int INJECTED = 14;

    /** A matmul descriptor: compute and scale type and every attribute set. */
    static final class Desc {
        final int computeType;
        final int scaleType;
        final Map<MatmulDescAttribute, Long> attributes = new EnumMap<>(MatmulDescAttribute.class);

        Desc(int computeType, int scaleType) {
            this.computeType = computeType;
            this.scaleType = scaleType;
        }
    }

    /** A matrix layout: what create took and every attribute set. */
    static final class LayoutDesc {
        final int type;
        final long rows;
        final long cols;
        final long ld;
        final Map<LayoutAttribute, Long> attributes = new EnumMap<>(LayoutAttribute.class);

        LayoutDesc(int type, long rows, long cols, long ld) {
            this.type = type;
            this.rows = rows;
            this.cols = cols;
            this.ld = ld;
        }
    }

    /** The arguments of the last matmul. */
    record MatmulArgs(long desc, long a, long aLayout, long b, long bLayout, long c, long cLayout, long d, long dLayout,
                      MatmulAlgorithm algorithm, long workspace, long workspaceBytes) {
    }

    private final List<String> log = new ArrayList<>();
    private final Map<Long, String> handles = new HashMap<>();
    private final Map<Long, Desc> descs = new HashMap<>();
    private final Map<Long, LayoutDesc> layouts = new HashMap<>();
    private final Map<Long, Map<PreferenceAttribute, Long>> preferences = new HashMap<>();
    private final TreeMap<Long, byte[]> memory = new TreeMap<>();
    private final Set<Long> failingAlgorithms = new HashSet<>();
    private final Map<PreferenceAttribute, Long> heuristicAlignments = new EnumMap<>(PreferenceAttribute.class);
    private final Map<Long, Double> algorithmMillis = new HashMap<>();
    private long nextHandle = 0x100;
    private long nextAddress = 0x7000_0000_0000L;
    private long misalignment;
    private long counted;
    private long failAt = -1;
    private int algorithms = 3;
    private double elapsed;
    private boolean closed;
    private MatmulArgs lastMatmul;

    // ---- test controls and views

    /** Makes the {@code n}-th call from now (1-based; creations, settings, queries, allocations, copies, launches) fail. */
    synchronized CpuCublas failAtCall(long n) {
        failAt = counted + n;
        return this;
    }

    /** How many algorithms the heuristic returns. */
    synchronized CpuCublas algorithms(int count) {
        algorithms = count;
        return this;
    }

    /** Milliseconds a run of algorithm {@code id} (1-based, the heuristic's order) takes on the fake clock. */
    synchronized CpuCublas millis(long id, double value) {
        algorithmMillis.put(id, value);
        return this;
    }

    /** Makes allocations start {@code bytes} past a 256-byte boundary, as a pool that packs small blocks might. */
    synchronized CpuCublas misalign(long bytes) {
        misalignment = bytes;
        return this;
    }

    /** Makes cublasLtMatmul refuse algorithm {@code id}. */
    synchronized CpuCublas refuse(long id) {
        failingAlgorithms.add(id);
        return this;
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    synchronized long count(String call) {
        return log.stream().filter(s -> s.equals(call) || s.startsWith(call + " ")).count();
    }

    synchronized Desc onlyDesc() {
        if (descs.size() != 1) {
            throw new AssertionError(descs.size() + " live matmul descriptors");
        }
        return descs.values().iterator().next();
    }

    synchronized LayoutDesc layout(long handle) {
        return layouts.get(handle);
    }

    synchronized Map<PreferenceAttribute, Long> preference(long handle) {
        return Map.copyOf(preferences.get(handle));
    }

    synchronized MatmulArgs lastMatmul() {
        return lastMatmul;
    }

    synchronized long allocationBytes(long address) {
        byte[] b = memory.get(address);
        return b == null ? -1 : b.length;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Handles, descriptors, layouts, preferences and allocations alive. */
    synchronized int live() {
        return handles.size() + descs.size() + layouts.size() + preferences.size() + memory.size();
    }

    synchronized String liveDescription() {
        return "handles " + handles + ", descs " + descs.keySet() + ", layouts " + layouts.keySet() + ", preferences "
                + preferences.keySet() + ", memory " + memory.keySet();
    }

    private void call(String what) {
        log.add(what);
        counted++;
        if (counted == failAt) {
            throw CudaStatus.failure(CudaLibrary.CUBLAS_LT, what, INJECTED, "injected by the test");
        }
    }

    private void release(String what) {
        log.add(what);
    }

    private long newHandle() {
        return nextHandle++;
    }

    private static <T> T live(Map<Long, T> table, long handle, String what) {
        T t = table.get(handle);
        if (t == null) {
            throw new AssertionError(what + " 0x" + Long.toHexString(handle) + " is not alive");
        }
        return t;
    }

    // ---- cuBLASLt and cuBLAS

    /** Records a create call and returns a new live handle of {@code kind} ("lt" or "blas"). */
    private long createHandle(String function, String kind) {
        call(function);
        long h = newHandle();
        handles.put(h, kind);
        return h;
    }

    /** Records a destroy call of a handle that must be a live one of {@code kind}. */
    private void destroyHandle(String function, String kind, long handle) {
        release(function);
        if (!kind.equals(handles.remove(handle))) {
            throw new AssertionError(function + " of a handle that is not a live " + kind + " handle");
        }
    }

    @Override
    public synchronized long ltCreate() {
        return createHandle("cublasLtCreate", "lt");
    }

    @Override
    public synchronized void ltDestroy(long handle) {
        destroyHandle("cublasLtDestroy", "lt", handle);
    }

    @Override
    public synchronized long matmulDescCreate(int computeType, int scaleType) {
        call("cublasLtMatmulDescCreate");
        long h = newHandle();
        descs.put(h, new Desc(computeType, scaleType));
        return h;
    }

    @Override
    public synchronized void matmulDescDestroy(long desc) {
        release("cublasLtMatmulDescDestroy");
        live(descs, desc, "matmul descriptor");
        descs.remove(desc);
    }

    @Override
    public synchronized void matmulDescSet(long desc, MatmulDescAttribute attribute, long value) {
        call("cublasLtMatmulDescSetAttribute " + attribute);
        live(descs, desc, "matmul descriptor").attributes.put(attribute, value);
    }

    @Override
    public synchronized long layoutCreate(int dataType, long rows, long cols, long ld) {
        call("cublasLtMatrixLayoutCreate");
        long h = newHandle();
        layouts.put(h, new LayoutDesc(dataType, rows, cols, ld));
        return h;
    }

    @Override
    public synchronized void layoutDestroy(long layout) {
        release("cublasLtMatrixLayoutDestroy");
        live(layouts, layout, "layout");
        layouts.remove(layout);
    }

    @Override
    public synchronized void layoutSet(long layout, LayoutAttribute attribute, long value) {
        call("cublasLtMatrixLayoutSetAttribute " + attribute);
        live(layouts, layout, "layout").attributes.put(attribute, value);
    }

    @Override
    public synchronized long preferenceCreate() {
        call("cublasLtMatmulPreferenceCreate");
        long h = newHandle();
        preferences.put(h, new EnumMap<>(PreferenceAttribute.class));
        return h;
    }

    @Override
    public synchronized void preferenceDestroy(long preference) {
        release("cublasLtMatmulPreferenceDestroy");
        live(preferences, preference, "preference");
        preferences.remove(preference);
    }

    @Override
    public synchronized void preferenceSet(long preference, PreferenceAttribute attribute, long value) {
        call("cublasLtMatmulPreferenceSetAttribute " + attribute);
        live(preferences, preference, "preference").put(attribute, value);
    }

    @Override
    public synchronized List<MatmulAlgorithm> heuristics(long handle, long desc, long aLayout, long bLayout, long cLayout,
                                                         long dLayout, long preference, int requested) {
        call("cublasLtMatmulAlgoGetHeuristic");
        live(handles, handle, "handle");
        live(descs, desc, "matmul descriptor");
        for (long l : new long[] {aLayout, bLayout, cLayout, dLayout}) {
            live(layouts, l, "layout");
        }
        Map<PreferenceAttribute, Long> pref = live(preferences, preference, "preference");
        long limit = pref.getOrDefault(PreferenceAttribute.MAX_WORKSPACE_BYTES, 0L);
        heuristicAlignments.clear();
        heuristicAlignments.putAll(pref);
        List<MatmulAlgorithm> out = new ArrayList<>();
        for (long id = 1; id <= Math.min(algorithms, requested); id++) {
            long[] words = new long[MatmulAlgorithm.WORDS];
            words[0] = id;
            words[1] = ALGO_TAG;
            out.add(new MatmulAlgorithm(words, Math.min(limit, id * 1024), id));
        }
        return out;
    }

    @Override
    public synchronized void matmul(long handle, long desc, DType scaleType, Scalar alpha, Scalar beta, long a,
                                    long aLayout, long b, long bLayout, long c, long cLayout, long d, long dLayout,
                                    MatmulAlgorithm algorithm, long workspace, long workspaceBytes, long stream) {
        call("cublasLtMatmul");
        lastMatmul = new MatmulArgs(desc, a, aLayout, b, bLayout, c, cLayout, d, dLayout, algorithm, workspace, workspaceBytes);
        if (!"lt".equals(handles.get(handle))) {
            throw new AssertionError("cublasLtMatmul with a handle that is not a live cuBLASLt handle");
        }
        if (stream != STREAM) {
            throw new AssertionError("cublasLtMatmul queued on stream 0x" + Long.toHexString(stream));
        }
        if (algorithm == null || algorithm.word(1) != ALGO_TAG) {
            throw new AssertionError("cublasLtMatmul with an algorithm the heuristic did not return: " + algorithm);
        }
        if (algorithm.workspaceBytes() > workspaceBytes || (workspaceBytes > 0 && allocationBytes(workspace) < workspaceBytes)) {
            throw new AssertionError("workspace of " + workspaceBytes + " B at 0x" + Long.toHexString(workspace)
                    + " for " + algorithm);
        }
        if (failingAlgorithms.contains(algorithm.word(0))) {
            throw CudaStatus.failure(CudaLibrary.CUBLAS_LT, "cublasLtMatmul", CublasEnums.STATUS_NOT_SUPPORTED,
                    "this algorithm refuses the problem");
        }
        if (c != d || cLayout != dLayout) {
            throw new AssertionError("D is computed in place of C");
        }
        // The algorithms were chosen for the alignments the preference stated (256 bytes when unstated).
        long[][] pointers = {{a, heuristicAlignments.getOrDefault(PreferenceAttribute.MIN_ALIGNMENT_A_BYTES, 256L)},
            {b, heuristicAlignments.getOrDefault(PreferenceAttribute.MIN_ALIGNMENT_B_BYTES, 256L)},
            {c, heuristicAlignments.getOrDefault(PreferenceAttribute.MIN_ALIGNMENT_C_BYTES, 256L)},
            {d, heuristicAlignments.getOrDefault(PreferenceAttribute.MIN_ALIGNMENT_D_BYTES, 256L)}};
        for (long[] p : pointers) {
            if (p[0] % p[1] != 0) {
                throw new AssertionError("pointer 0x" + Long.toHexString(p[0]) + " is not aligned to the " + p[1]
                        + " bytes the heuristic was told");
            }
        }
        elapsed += algorithmMillis.getOrDefault(algorithm.word(0), 1.0);
        Desc ds = live(descs, desc, "matmul descriptor");
        LayoutDesc la = live(layouts, aLayout, "layout");
        LayoutDesc lb = live(layouts, bLayout, "layout");
        LayoutDesc lc = live(layouts, cLayout, "layout");
        DType t = dtypeOf(lc.type);
        if (dtypeOf(la.type) != t || dtypeOf(lb.type) != t || dtypeOf(ds.scaleType) != t || scaleType != t) {
            throw new AssertionError("mixed types");
        }
        Op opA = opOf(ds.attributes.getOrDefault(MatmulDescAttribute.TRANSA, 0L));
        Op opB = opOf(ds.attributes.getOrDefault(MatmulDescAttribute.TRANSB, 0L));
        CublasLtCall.MatrixLayout ma = layoutOf(la);
        CublasLtCall.MatrixLayout mb = layoutOf(lb);
        CublasLtCall.MatrixLayout mc = layoutOf(lc);
        long batch = batchOf(la);
        if (batchOf(lb) != batch || batchOf(lc) != batch) {
            throw new AssertionError("layouts disagree on the batch count");
        }
        long m = opA.rowsOf(la.rows, la.cols);
        long k = opA.colsOf(la.rows, la.cols);
        long n = opB.colsOf(lb.rows, lb.cols);
        if (opB.rowsOf(lb.rows, lb.cols) != k || lc.rows != m || lc.cols != n) {
            throw new AssertionError("layouts of " + la.rows + "x" + la.cols + " " + opA + ", " + lb.rows + "x" + lb.cols
                    + " " + opB + " and " + lc.rows + "x" + lc.cols + " do not form a product");
        }
        int epilogueValue = (int) (long) ds.attributes.getOrDefault(MatmulDescAttribute.EPILOGUE, 1L);
        Epilogue e = epilogueOf(epilogueValue);
        CublasLtCall.BiasVector bias = null;
        if (e.usesBiasVector()) {
            long length = e.biasGradient() == Epilogue.BiasGradient.B_COLUMNS ? n : m;
            bias = new CublasLtCall.BiasVector(length, ds.attributes.getOrDefault(MatmulDescAttribute.BIAS_BATCH_STRIDE, 0L));
        }
        CublasLtCall.AuxMatrix aux = null;
        if (e.auxKind() != Epilogue.AuxKind.NONE) {
            aux = new CublasLtCall.AuxMatrix(e.auxKind() == Epilogue.AuxKind.RELU_MASK,
                    required(ds, MatmulDescAttribute.EPILOGUE_AUX_LD),
                    ds.attributes.getOrDefault(MatmulDescAttribute.EPILOGUE_AUX_BATCH_STRIDE, 0L));
        }
        CublasLtCall call = new CublasLtCall(t, computeTypeOf(ds.computeType), false,
                new CublasLtCall.Operand(CublasLtCall.Source.A, opA, ma), new CublasLtCall.Operand(CublasLtCall.Source.B, opB, mb),
                mc, m, n, k, batch, alpha, beta, epilogueValue, bias, aux, workspaceBytes);

        HostMatrix xa = matrix("A", t, a, ma, batch);
        HostMatrix xb = matrix("B", t, b, mb, batch);
        HostMatrix xd = matrix("D", t, d, mc, batch);
        MatmulOperands ops = MatmulOperands.of(xa, xb, xd);
        HostMatrix xbias = null;
        HostMatrix xaux = null;
        ReluMask mask = null;
        if (bias != null) {
            long p = required(ds, MatmulDescAttribute.BIAS_POINTER);
            MatrixShape s = new MatrixShape(batch, 1, bias.length(), Layout.ROW_MAJOR, Math.max(1, bias.length()),
                    bias.batchStride(), 0);
            xbias = fits("bias", t, read(p, t), s);
            ops = ops.withBias(xbias);
        }
        if (aux != null) {
            long p = required(ds, MatmulDescAttribute.EPILOGUE_AUX_POINTER);
            // D's column-major m x n aux, seen as the row-major n x m matrix with the same index arithmetic.
            MatrixShape s = shape("aux", batch, n, m, Layout.ROW_MAJOR, aux.ld(), aux.batchStride());
            if (aux.bitMask()) {
                try {
                    mask = ReluMask.of(memory.get(p).clone(), s);
                } catch (InvalidArgumentException ex) {
                    throw new AssertionError("cuBLASLt would address the ReLU mask past its allocation: " + ex.getMessage());
                }
                ops = ops.withReluMask(mask);
            } else {
                xaux = fits("aux", t, read(p, t), s);
                ops = ops.withAux(xaux);
            }
        }
        CublasLtCpuExecutor.run(call, ops);
        write(d, xd.array());
        if (e.biasGradient() != Epilogue.BiasGradient.NONE) {
            write(ds.attributes.get(MatmulDescAttribute.BIAS_POINTER), xbias.array());
        }
        if (e.writesAux()) {
            long p = ds.attributes.get(MatmulDescAttribute.EPILOGUE_AUX_POINTER);
            if (mask != null) {
                System.arraycopy(mask.bits(), 0, memory.get(p), 0, mask.bits().length);
            } else {
                write(p, xaux.array());
            }
        }
    }

    @Override
    public synchronized long blasCreate() {
        return createHandle("cublasCreate_v2", "blas");
    }

    @Override
    public synchronized void blasDestroy(long handle) {
        destroyHandle("cublasDestroy_v2", "blas", handle);
    }

    /** Column-major gemm with BLAS semantics: A and B unread when k = 0 or alpha = 0, C unread when beta = 0. */
    @Override
    public synchronized void gemm(long handle, long stream, CublasGemmCall g, long a, long b, long c) {
        call("cublasGemmStridedBatchedEx_64");
        if (!"blas".equals(handles.get(handle)) || stream != STREAM) {
            throw new AssertionError("gemm with handle " + handles.get(handle) + " on stream " + stream);
        }
        if (g.ldc() < Math.max(1, g.m()) || g.lda() < Math.max(1, g.transa() == Op.NONE ? g.m() : g.k())
                || g.ldb() < Math.max(1, g.transb() == Op.NONE ? g.k() : g.n())) {
            throw new AssertionError("cuBLAS would reject the leading dimensions of " + g);
        }
        DType t = g.dtype();
        int s = t.slotsPerElement();
        boolean readsAB = g.k() > 0 && !g.alpha().isZero();
        Object xa = readsAB ? read(a, t) : null;
        Object xb = readsAB ? read(b, t) : null;
        Object xc = read(c, t);
        long lastC = ((g.batchCount() - 1) * g.strideC() + (g.n() - 1) * g.ldc() + g.m()) * s;
        if (lastC > java.lang.reflect.Array.getLength(xc)) {
            throw new AssertionError("cuBLAS would write C past its allocation");
        }
        for (long e = 0; e < g.batchCount(); e++) {
            for (long j = 0; j < g.n(); j++) {
                for (long i = 0; i < g.m(); i++) {
                    double re = 0;
                    double im = 0;
                    for (long p = 0; readsAB && p < g.k(); p++) {
                        double[] x = element(xa, t, e * g.strideA(), g.transa(), i, p, g.lda());
                        double[] y = element(xb, t, e * g.strideB(), g.transb(), p, j, g.ldb());
                        re += x[0] * y[0] - x[1] * y[1];
                        im += x[0] * y[1] + x[1] * y[0];
                    }
                    long at = (e * g.strideC() + i + j * g.ldc()) * s;
                    double rr = g.alpha().re() * re - g.alpha().im() * im;
                    double ri = g.alpha().re() * im + g.alpha().im() * re;
                    if (!g.beta().isZero()) {
                        double cr = get(xc, at);
                        double ci = t.isComplex() ? get(xc, at + 1) : 0;
                        rr += g.beta().re() * cr - g.beta().im() * ci;
                        ri += g.beta().re() * ci + g.beta().im() * cr;
                    }
                    set(xc, at, rr);
                    if (t.isComplex()) {
                        set(xc, at + 1, ri);
                    }
                }
            }
        }
        write(c, xc);
    }

    /**
     * A level 1–3 routine, read as cuBLAS reads it: the positional arguments of {@link CublasRoutineCall#arguments}
     * named by the entry point's parameter list as cublas_api.h declares it ({@link CublasParameterNames}), run by {@link CublasRoutineCpuExecutor} on the allocations the
     * pointers name. Logged under its entry point's name; a call to a 32-bit entry point with a size beyond int
     * range fails, as the binding's int conversion would.
     */
    @Override
    public synchronized Scalar routine(long handle, long stream, CublasRoutineCall rc, long[] addresses) {
        call(rc.entryPoint());
        if (!"blas".equals(handles.get(handle)) || stream != STREAM) {
            throw new AssertionError(rc.entryPoint() + " with handle " + handles.get(handle) + " on stream " + stream);
        }
        List<Object> args = rc.arguments(handle, addresses);
        // Positions are named by the header's declaration, not by the production parameter table.
        List<CublasRoutine.Param> declared = CublasParameterNames.declared(rc.entryPoint());
        if (declared.size() != args.size()) {
            throw new AssertionError(rc.entryPoint() + " takes " + declared.size() + " arguments, given " + args.size());
        }
        Map<CublasRoutine.Param, Object> named = new EnumMap<>(CublasRoutine.Param.class);
        for (int i = 0; i < args.size(); i++) {
            CublasRoutine.Param p = declared.get(i);
            Object v = args.get(i);
            if (p.isSize() && !rc.wide() && (Long) v > Integer.MAX_VALUE) {
                throw new AssertionError(rc.entryPoint() + " takes int sizes, given " + p + " = " + v);
            }
            Object before = named.put(p, v);
            if (before != null && !before.equals(v)) {
                throw new AssertionError(p + " passed twice with different values");
            }
        }
        return CublasRoutineCpuExecutor.run(rc.routine(), rc.dtype(), named, new CublasRoutineCpuExecutor.Memory() {
            @Override
            public Object read(long address) {
                return CpuCublas.this.read(address, rc.dtype());
            }

            @Override
            public void write(long address, Object array) {
                CpuCublas.this.write(address, array);
            }
        });
    }

    private static double[] element(Object x, DType t, long base, Op op, long r, long c, long ld) {
        long at = (base + (op == Op.NONE ? r + c * ld : c + r * ld)) * t.slotsPerElement();
        double im = t.isComplex() ? get(x, at + 1) : 0;
        return new double[] {get(x, at), op == Op.CONJUGATE_TRANSPOSE ? -im : im};
    }

    // ---- the stream

    @Override
    public int deviceId() {
        return 0;
    }

    @Override
    public long stream() {
        return STREAM;
    }

    @Override
    public synchronized long allocate(long bytes) {
        call("allocate " + bytes);
        if (bytes <= 0) {
            throw new AssertionError("allocation of " + bytes + " bytes");
        }
        long at = nextAddress + misalignment;
        nextAddress += ((bytes + misalignment + 255) / 256 + 1) * 256;
        byte[] b = new byte[Math.toIntExact(bytes)];
        Arrays.fill(b, (byte) 0xFF);
        memory.put(at, b);
        return at;
    }

    @Override
    public synchronized void free(long allocation) {
        release("free");
        if (memory.remove(allocation) == null) {
            throw new AssertionError("free of 0x" + Long.toHexString(allocation) + ", which is not an allocation");
        }
    }

    @Override
    public synchronized void upload(Object array, int offset, int length, long allocation, long index) {
        call("upload");
        ByteBuffer buf = range(allocation, index, length, width(array));
        if (array instanceof float[] f) {
            buf.asFloatBuffer().put(f, offset, length);
        } else if (array instanceof double[] d) {
            buf.asDoubleBuffer().put(d, offset, length);
        } else {
            buf.asIntBuffer().put((int[]) array, offset, length);
        }
    }

    @Override
    public synchronized void download(long allocation, long index, Object array, int offset, int length) {
        call("download");
        ByteBuffer buf = range(allocation, index, length, width(array));
        if (array instanceof float[] f) {
            buf.asFloatBuffer().get(f, offset, length);
        } else if (array instanceof double[] d) {
            buf.asDoubleBuffer().get(d, offset, length);
        } else {
            buf.asIntBuffer().get((int[]) array, offset, length);
        }
    }

    @Override
    public synchronized void zero(long allocation) {
        call("zero");
        Arrays.fill(live(memory, allocation, "allocation"), (byte) 0);
    }

    @Override
    public double time(Runnable queue) {
        synchronized (this) {
            call("time");
            elapsed = 0;
        }
        queue.run();
        synchronized (this) {
            return elapsed;
        }
    }

    @Override
    public synchronized void close() {
        release("close");
        closed = true;
    }

    // ---- memory helpers

    private ByteBuffer range(long allocation, long index, int length, int width) {
        byte[] b = live(memory, allocation, "allocation");
        long end = (index + length) * width;
        if (index < 0 || length < 0 || end > b.length) {
            throw new AssertionError("copy of " + length + " elements of " + width + " bytes at element " + index
                    + " outside the allocation of " + b.length + " bytes");
        }
        return ByteBuffer.wrap(b, (int) (index * width), length * width).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int width(Object array) {
        return array instanceof double[] ? 8 : 4;
    }

    private Object read(long address, DType t) {
        byte[] b = live(memory, address, "allocation (operands are passed as allocation starts)");
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (t.isSinglePrecision()) {
            float[] f = new float[b.length / 4];
            buf.asFloatBuffer().get(f);
            return f;
        }
        double[] d = new double[b.length / 8];
        buf.asDoubleBuffer().get(d);
        return d;
    }

    private void write(long address, Object array) {
        ByteBuffer buf = ByteBuffer.wrap(memory.get(address)).order(ByteOrder.LITTLE_ENDIAN);
        if (array instanceof float[] f) {
            buf.asFloatBuffer().put(f);
        } else {
            buf.asDoubleBuffer().put((double[]) array);
        }
    }

    private static double get(Object array, long slot) {
        return array instanceof double[] d ? d[(int) slot] : ((float[]) array)[(int) slot];
    }

    private static void set(Object array, long slot, double v) {
        if (array instanceof double[] d) {
            d[(int) slot] = v;
        } else {
            ((float[]) array)[(int) slot] = (float) v;
        }
    }

    private HostMatrix matrix(String role, DType t, long address, CublasLtCall.MatrixLayout l, long batch) {
        Layout order = l.order() == CublasLtCall.Order.COL ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR;
        return fits(role, t, read(address, t), shape(role, batch, l.rows(), l.cols(), order, l.ld(), l.batchStride()));
    }

    private static MatrixShape shape(String role, long batch, long rows, long cols, Layout order, long ld, long stride) {
        try {
            return new MatrixShape(batch, rows, cols, order, ld, stride, 0);
        } catch (InvalidArgumentException e) {
            throw new AssertionError("cuBLASLt would reject the layout of " + role + ": " + e.getMessage());
        }
    }

    private static HostMatrix fits(String role, DType t, Object array, MatrixShape s) {
        try {
            return HostMatrix.of(t, array, s);
        } catch (InvalidArgumentException e) {
            throw new AssertionError("cuBLASLt would address " + role + " past its allocation: " + e.getMessage());
        }
    }

    private static long required(Desc ds, MatmulDescAttribute attribute) {
        Long v = ds.attributes.get(attribute);
        if (v == null) {
            throw new AssertionError(attribute + " is not set");
        }
        return v;
    }

    // ---- enum values back to the planning terms

    static DType dtypeOf(int value) {
        for (DType t : DType.values()) {
            if (CublasEnums.dataType(t) == value) {
                return t;
            }
        }
        throw new AssertionError("cudaDataType " + value);
    }

    static Op opOf(long value) {
        for (Op op : Op.values()) {
            if (CublasEnums.op(op) == value) {
                return op;
            }
        }
        throw new AssertionError("cublasOperation_t " + value);
    }

    static CublasLtCall.Order orderOf(long value) {
        for (CublasLtCall.Order o : CublasLtCall.Order.values()) {
            if (CublasEnums.order(o) == value) {
                return o;
            }
        }
        throw new AssertionError("cublasLtOrder_t " + value);
    }

    static CublasLtCall.ComputeType computeTypeOf(int value) {
        for (CublasLtCall.ComputeType c : CublasLtCall.ComputeType.values()) {
            if (CublasEnums.computeType(c) == value) {
                return c;
            }
        }
        throw new AssertionError("cublasComputeType_t " + value);
    }

    static Epilogue epilogueOf(int value) {
        for (Epilogue e : Epilogue.values()) {
            if (e.cublasLtValue() == value) {
                return e;
            }
        }
        throw new AssertionError("cublasLtEpilogue_t " + value);
    }

    private static CublasLtCall.MatrixLayout layoutOf(LayoutDesc l) {
        return new CublasLtCall.MatrixLayout(orderOf(l.attributes.getOrDefault(LayoutAttribute.ORDER, 0L)), l.rows, l.cols,
                l.ld, l.attributes.getOrDefault(LayoutAttribute.STRIDED_BATCH_OFFSET, 0L));
    }

    private static long batchOf(LayoutDesc l) {
        return l.attributes.getOrDefault(LayoutAttribute.BATCH_COUNT, 1L);
    }
}
