package org.fusemath.blas.device;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulPlan;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.device.DeviceLayout.Role;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStatus;
import org.slf4j.Logger;

/**
 * The device matmul plan for host operands: {@link #plan} decides the call in plain Java ({@link DeviceProblem},
 * which rejects what the device cannot run before anything native happens), asks the device probe (a
 * {@link org.fusemath.api.DeviceUnavailableException} naming its reason when the device, cuBLAS or cuBLASLt is
 * unusable), then makes, once: device memory for every operand, a pooled cuBLASLt handle, the descriptors and
 * layouts of the {@link CublasLtCall} ({@link CublasLtDescriptors}), up to {@link #CANDIDATES} algorithms from
 * cuBLASLt's heuristic and a workspace for the largest. {@link #autotune} times every candidate with CUDA events on
 * the current operands and keeps them fastest first; {@link #execute} copies the inputs in, runs
 * {@code cublasLtMatmul} with the first candidate on the stream, and copies the outputs back. Products with
 * k = 0 or alpha = 0 and no epilogue run as a cuBLAS gemm instead ({@link CublasGemmCall#scaleByBeta}).
 *
 * <p>What the device cannot run although the host can is rejected by {@link #plan} with an
 * {@link org.fusemath.api.InvalidArgumentException} naming the argument, before anything native: a bias-gradient
 * epilogue on an empty result (m = 0 or n = 0); k = 0 with an epilogue; more than 2³¹−1 batch entries
 * (cuBLASLt's batch count is 32-bit); aux leading dimensions or batch strides that are not multiples of 8
 * elements (GELU input) or 128 bits (ReLU mask); DRELU epilogues with k = 1. Everything else the host computes
 * runs here: every type, op (conjugate transposes through cuBLASLt's row-order layouts), storage order, strided
 * and list batches (a list is packed into one strided call) and every epilogue on F32 and F64. One difference
 * remains: with alpha = 0 and an epilogue, cuBLASLt reads A and B, so a NaN or infinity there reaches the
 * result, where the host reads neither.
 *
 * <p>{@link #planResident} makes the same plan over device memory the caller owns ({@link ResidentOperands}: the
 * fusion planner keeps a plan's values on the device between launches); {@link #executeResident} then queues the call
 * alone, with no copy and no wait.
 *
 * <p>Work goes to the context's stream, or to a stream the plan creates and owns. Used by one thread at a time
 * (as every {@link MatmulPlan}); separate plans may run on separate threads, each holding its own handle. Closing
 * releases everything newest first; a plan that is not closed is released by a {@link Cleaner}.
 */
public final class CublasLtMatmul implements MatmulPlan {
    /** Algorithms asked of the heuristic, and so timed by autotuning. */
    static final int CANDIDATES = 8;
    /** Products timed per candidate, after one untimed warm-up run. */
    static final int TUNING_RUNS = 3;

    private static final Cleaner CLEANER = Cleaner.create();

    private final DeviceProblem problem;
    private final CublasCalls calls;
    private final DeviceStreamCalls device;
    private final Logger log;
    private final ReleaseStack resources = new ReleaseStack();
    private final Cleaner.Cleanable cleanable;
    private DeviceOperands operands;
    private CublasLtDescriptors descriptors;
    private long handle;
    private long workspace;
    private long workspaceBytes;
    private List<MatmulAlgorithm> candidates = List.of();
    private boolean closed;
    private final boolean resident;
    private final ResidentOperands residentImages;

    /**
     * Plans {@code spec} on the context's device.
     *
     * @throws org.fusemath.api.InvalidArgumentException for what the device cannot run ({@link DeviceProblem})
     * @throws org.fusemath.api.DeviceUnavailableException when the device, cuBLAS or cuBLASLt is not usable, naming why
     * @throws CudaLibraryException when a CUDA call fails (nothing stays allocated)
     */
    public static CublasLtMatmul plan(MatmulSpec spec, FuseContext context) {
        Arguments.requireNonNull(spec, "spec");
        Arguments.requireNonNull(context, "context");
        DeviceProblem problem = DeviceProblem.of(spec);
        int deviceId = context.deviceId();
        CudaDevices.require(deviceId, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT);
        return new CublasLtMatmul(problem, CublasHandles.forDevice(deviceId), CudaStreamCalls.open(context), context.logger());
    }

    /**
     * Plans {@code spec} on the context's device to compute in the caller's device memory: {@link #executeResident}
     * queues the call on the context's stream (which {@code context} must name: the caller's work around the call
     * is ordered on it) without any copy. The images are checked first ({@link ResidentOperands}).
     *
     * @throws org.fusemath.api.InvalidArgumentException for what the device cannot run, a list-batched spec, a
     *         gradient or ReLU-mask epilogue, a missing or wrong-sized image, or a context without a stream
     * @throws org.fusemath.api.DeviceUnavailableException when the device, cuBLAS or cuBLASLt is not usable
     */
    public static CublasLtMatmul planResident(MatmulSpec spec, FuseContext context, ResidentOperands images) {
        Arguments.requireNonNull(spec, "spec");
        Arguments.requireNonNull(context, "context");
        if (context.stream() == null) {
            throw new InvalidArgumentException("context.stream", null,
                    "the stream the caller orders its work on around a device-resident matmul");
        }
        DeviceProblem problem = DeviceProblem.of(spec);
        int deviceId = context.deviceId();
        DeviceOperands.resident(problem, images, deviceId);
        CudaDevices.require(deviceId, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT);
        return new CublasLtMatmul(problem, CublasHandles.forDevice(deviceId), CudaStreamCalls.open(context), context.logger(),
                images);
    }

    /**
     * The library call {@code spec} becomes on the device, as text ({@code cuBLASLt F32 … epilogue RELU_BIAS}), decided
     * in plain Java; throws for what the device cannot run, as {@link #plan} would.
     */
    public static String describeCall(MatmulSpec spec) {
        DeviceProblem problem = DeviceProblem.of(Arguments.requireNonNull(spec, "spec"));
        return switch (problem.kind()) {
            case NOTHING -> "nothing to compute (empty result)";
            case SCALE_C -> "cuBLAS " + problem.gemm().describe();
            case CUBLASLT -> "cuBLASLt " + describeCall(problem.lt());
        };
    }

    /** Makes {@code problem} through {@code handles}' calls on {@code device}, which the plan now owns. */
    CublasLtMatmul(DeviceProblem problem, CublasHandles handles, DeviceStreamCalls device, Logger log) {
        this(problem, handles, device, log, null);
    }

    /**
     * Makes {@code problem} through {@code handles}' calls on {@code device}, which the plan now owns, in the
     * caller's {@code images} (checked again here), or in images of its own when null.
     */
    CublasLtMatmul(DeviceProblem problem, CublasHandles handles, DeviceStreamCalls device, Logger log,
                   ResidentOperands images) {
        this.resident = images != null;
        this.residentImages = images;
        this.problem = problem;
        this.calls = handles.calls();
        this.device = device;
        this.log = log;
        resources.push("the plan's stream calls", device::close);
        this.cleanable = CLEANER.register(this, resources);
        try {
            make(handles);
        } catch (RuntimeException | Error e) {
            resources.closingByOwner();
            cleanable.clean();
            if (resources.failure() != null) {
                e.addSuppressed(resources.failure());
            }
            throw e;
        }
    }

    private void make(CublasHandles handles) {
        if (problem.kind() == DeviceProblem.Kind.NOTHING) {
            return;
        }
        operands = resident ? DeviceOperands.resident(problem, residentImages, device.deviceId())
                : DeviceOperands.allocate(problem, device, resources);
        if (problem.kind() == DeviceProblem.Kind.SCALE_C) {
            long h = handles.takeBlas();
            handle = h;
            resources.push("cuBLAS handle", () -> handles.giveBackBlas(h));
            return;
        }
        long h = handles.takeLt();
        handle = h;
        resources.push("cuBLASLt handle", () -> handles.giveBackLt(h));
        CublasLtCall lt = problem.lt();
        descriptors = CublasLtDescriptors.create(calls, lt, operands, resources);
        List<MatmulAlgorithm> found = calls.heuristics(h, descriptors.desc(), descriptors.a(), descriptors.b(),
                descriptors.c(), descriptors.c(), descriptors.preference(), CANDIDATES);
        if (found.isEmpty()) {
            throw CudaStatus.failure(CudaLibrary.CUBLAS_LT, "cublasLtMatmulAlgoGetHeuristic", CublasEnums.STATUS_NOT_SUPPORTED,
                    "no algorithm for " + describeCall(lt) + " within a workspace of " + lt.workspaceBytes()
                            + " bytes; the host runs this problem");
        }
        candidates = List.copyOf(found);
        workspaceBytes = candidates.stream().mapToLong(MatmulAlgorithm::workspaceBytes).max().orElse(0);
        if (workspaceBytes > 0) {
            DeviceStreamCalls d = device; // a local, so that the release does not capture the plan
            long w = d.allocate(workspaceBytes);
            workspace = w;
            resources.push("cuBLASLt workspace of " + workspaceBytes + " bytes", () -> d.free(w));
        }
    }

    /** The device images (null when there is nothing to compute). */
    DeviceOperands operands() {
        return operands;
    }

    /** The cuBLASLt descriptors (null unless the problem runs on cuBLASLt). */
    CublasLtDescriptors descriptors() {
        return descriptors;
    }

    /** The candidate algorithms, in the order they would be used (fastest first once autotuned). */
    List<MatmulAlgorithm> candidates() {
        return candidates;
    }

    @Override
    public String describe() {
        String where = "device:" + device.deviceId() + " ";
        return switch (problem.kind()) {
            case NOTHING -> where + "nothing to compute (" + problem.spec() + " has an empty result)";
            case SCALE_C -> where + "cuBLAS " + problem.gemm().describe() + ": k = 0 or alpha = 0 without epilogue,"
                    + " so D = beta·C and A, B are not read";
            case CUBLASLT -> where + "cuBLASLt " + describeCall(problem.lt()) + ", " + candidates.size()
                    + " candidate algorithm(s), using " + candidates.get(0) + ", workspace " + workspaceBytes + " B";
        };
    }

    private static String describeCall(CublasLtCall lt) {
        Epilogue epilogue = null;
        for (Epilogue e : Epilogue.values()) {
            if (e.cublasLtValue() == lt.epilogue()) {
                epilogue = e;
            }
        }
        return lt.dtype() + " " + lt.computeType() + " m=" + lt.m() + " n=" + lt.n() + " k=" + lt.k()
                + (lt.swapped() ? " (operands swapped: Dᵀ = op(B)ᵀ·op(A)ᵀ)" : "") + " transa=" + lt.a().op()
                + " transb=" + lt.b().op() + " orders " + lt.a().layout().order() + "/" + lt.b().layout().order() + "/"
                + lt.c().order() + (lt.batchCount() == 1 ? "" : " batch " + lt.batchCount()) + " epilogue " + epilogue;
    }

    @Override
    public void autotune(MatmulOperands ops) {
        requireOpen();
        requireCopying();
        if (problem.kind() != DeviceProblem.Kind.CUBLASLT || candidates.size() < 2) {
            log.debug("matmul autotune: nothing to choose ({} candidate algorithm(s))", candidates.size());
            return;
        }
        operands.upload(ops);
        List<MatmulAlgorithm> timed = new ArrayList<>();
        CudaLibraryException firstFailure = null;
        for (MatmulAlgorithm algorithm : candidates) {
            try {
                run(algorithm);
                double millis = device.time(() -> {
                    for (int i = 0; i < TUNING_RUNS; i++) {
                        run(algorithm);
                    }
                }) / TUNING_RUNS;
                timed.add(algorithm.timed(millis));
            } catch (CudaLibraryException e) {
                // An algorithm the heuristic offered may still refuse these operands; the others can run.
                log.debug("matmul autotune: {} failed and is dropped: {}", algorithm, e.getMessage());
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        if (timed.isEmpty()) {
            throw firstFailure;
        }
        timed.sort(Comparator.comparingDouble(MatmulAlgorithm::millis));
        candidates = List.copyOf(timed);
        log.debug("matmul autotune: {}", candidates);
    }

    @Override
    public void execute(MatmulOperands ops) {
        requireOpen();
        requireCopying();
        if (problem.kind() == DeviceProblem.Kind.NOTHING) {
            return;
        }
        operands.upload(ops);
        run(candidates.isEmpty() ? null : candidates.get(0));
        operands.download(ops);
    }

    /**
     * Queues the call on the caller's device images (a plan made by {@link #planResident}) on the context's stream:
     * no copy, no wait. The images must hold A, B (and C when beta ≠ 0, the bias) by the time the stream reaches it.
     */
    public void executeResident() {
        requireOpen();
        if (!resident) {
            throw new IllegalStateException("this device matmul plan copies host operands: use execute(operands)");
        }
        if (problem.kind() == DeviceProblem.Kind.NOTHING) {
            return;
        }
        run(candidates.isEmpty() ? null : candidates.get(0));
    }

    /** Queues the library call on the stream's current device images. */
    private void run(MatmulAlgorithm algorithm) {
        long d = operands.address(Role.C);
        if (problem.kind() == DeviceProblem.Kind.SCALE_C) {
            // k = 0: A and B are not read, D stands in for their pointers.
            calls.gemm(handle, device.stream(), problem.gemm(), d, d, d);
            return;
        }
        CublasLtCall lt = problem.lt();
        long a = operands.address(CublasLtDescriptors.role(lt.a().source()));
        long b = operands.address(CublasLtDescriptors.role(lt.b().source()));
        calls.matmul(handle, descriptors.desc(), lt.dtype(), lt.alpha(), lt.beta(), a, descriptors.a(), b, descriptors.b(),
                d, descriptors.c(), d, descriptors.c(), algorithm, workspace, workspaceBytes, device.stream());
    }

    private void requireCopying() {
        if (resident) {
            throw new IllegalStateException(
                    "this device matmul plan computes in the caller's device memory: use executeResident()");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the device matmul plan is closed");
        }
    }

    /** Releases every native resource, newest first; idempotent. Throws the first release failure, once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        resources.closingByOwner();
        cleanable.clean();
        if (resources.failure() != null) {
            throw resources.failure();
        }
    }
}
