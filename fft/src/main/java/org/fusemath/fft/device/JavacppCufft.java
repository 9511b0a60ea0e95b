package org.fusemath.fft.device;

import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.cudart.double2;
import org.bytedeco.cuda.cudart.float2;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cufft;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.cuda.device.NativeInvoker;
import org.fusemath.cuda.device.PresetInvoker;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.PlanManyLayout;

/**
 * {@link CufftApi} through JavaCPP's cuFFT binding. Only reached once the device probe found the device and cuFFT,
 * so loading it cannot fail with an {@link UnsatisfiedLinkError} at the caller. Every call is a {@link NativeCall}
 * (cufft.h's parameter names bound to their values, in its order) made by a {@link NativeInvoker}; the planner's
 * arguments come from the {@link CufftCall} by name. Plan creation and execution first make the API's device current
 * (a cuFFT plan belongs to the device current at creation). Thread-safe for distinct plans.
 */
final class JavacppCufft implements CufftApi {
    private final int device;
    private final NativeInvoker invoker;

    JavacppCufft(int device) {
        this(device, PresetInvoker.INSTANCE);
    }

    /** The API on {@code device}, its calls made by {@code invoker} (tests: a recorder). */
    JavacppCufft(int device, NativeInvoker invoker) {
        this.device = device;
        this.invoker = invoker;
    }

    /** cuFFT's version (e.g. 12000); call only once the probe found cuFFT. */
    static int version(NativeInvoker invoker) {
        int[] version = new int[1];
        invoker.check(CudaLibrary.CUFFT, NativeCall.of(cufft.class, "cufftGetVersion").arg("version", int[].class, version));
        return version[0];
    }

    private NativeInvoker.Made check(NativeCall call) {
        return invoker.check(CudaLibrary.CUFFT, call);
    }

    private static NativeCall on(String function, int plan) {
        return NativeCall.of(cufft.class, function).value("plan", plan);
    }

    @Override
    public int create() {
        setDevice();
        int[] handle = new int[1];
        check(NativeCall.of(cufft.class, "cufftCreate").arg("handle", int[].class, handle));
        return handle[0];
    }

    @Override
    public void disableAutoAllocation(int plan) {
        check(on("cufftSetAutoAllocation", plan).value("autoAllocate", 0));
    }

    @Override
    public long makePlan(int plan, CufftCall call) {
        try (SizeTPointer workSize = new SizeTPointer(1)) {
            workSize.put(0, 0);
            check(describePlan(plan, call, workSize));
            return workSize.get(0);
        }
    }

    /** The planner call of {@code call} as a description: the PlanMany numbers under cufft.h's names, in its order. */
    static NativeCall describePlan(int plan, CufftCall call, SizeTPointer workSize) {
        PlanManyLayout l = call.layout();
        NativeCall made = on(call.planFunction(), plan).value("rank", l.rank());
        if (call.needs64()) {
            made.arg("n", long[].class, l.n()).arg("inembed", long[].class, l.inembed())
                    .value("istride", l.istride()).value("idist", l.idist())
                    .arg("onembed", long[].class, l.onembed()).value("ostride", l.ostride()).value("odist", l.odist())
                    .value("type", call.type().value()).value("batch", l.batch());
        } else {
            made.arg("n", int[].class, ints(l.n())).arg("inembed", int[].class, ints(l.inembed()))
                    .value("istride", (int) l.istride()).value("idist", (int) l.idist())
                    .arg("onembed", int[].class, ints(l.onembed())).value("ostride", (int) l.ostride())
                    .value("odist", (int) l.odist()).value("type", call.type().value()).value("batch", (int) l.batch());
        }
        return made.arg("workSize", SizeTPointer.class, workSize);
    }

    @Override
    public void setWorkArea(int plan, long workArea) {
        check(on("cufftSetWorkArea", plan).handle("workArea", Pointer.class, workArea));
    }

    @Override
    public void setStream(int plan, long stream) {
        check(on("cufftSetStream", plan).handle("stream", CUstream_st.class, stream));
    }

    @Override
    public void execute(int plan, CufftCall call, long input, long output) {
        setDevice();
        check(describeExecute(plan, call, input, output));
    }

    /** The {@code cufftExec*} call of {@code call}: the preset's pointer class for each side, the direction for C2C/Z2Z. */
    static NativeCall describeExecute(int plan, CufftCall call, long input, long output) {
        CufftType t = call.type();
        Class<? extends Pointer> complex = t.isDouble() ? double2.class : float2.class;
        Class<? extends Pointer> real = t.isDouble() ? DoublePointer.class : FloatPointer.class;
        NativeCall made = on(t.execFunction(), plan)
                .handle("idata", t.kind() == FftKind.R2C ? real : complex, input)
                .handle("odata", t.kind() == FftKind.C2R ? real : complex, output);
        return t.takesDirection() ? made.value("direction", call.direction()) : made;
    }

    @Override
    public void destroy(int plan) {
        check(on("cufftDestroy", plan));
    }

    private void setDevice() {
        invoker.check(CudaLibrary.RUNTIME, NativeCall.of(cudart.class, "cudaSetDevice").value("device", device));
    }

    private static int[] ints(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }
}
