package org.fusemath.fusion;

import org.fusemath.blas.MatmulSpec;
import org.fusemath.fusion.ir.ScalarType;

/**
 * One library matmul of a device plan, with the epilogue {@link MatmulFusion} found, computing in device buffers
 * (cuBLASLt on the caller's images: no copy in or out): D over the result's buffer, which first receives C when the
 * matmul adds beta·C of a value computed on the device. Immutable.
 */
final class DeviceMatmulLaunch implements DeviceLaunch {
    /** The host planner's step for the same matmul: its fusion, and the text the explanation shows. */
    final MatmulStep step;
    final MatmulSpec spec;
    /** The device call {@link #spec} becomes, decided when planned. */
    final String call;
    final int a;
    final int b;
    final int result;
    final int bias;
    final int aux;
    /** The buffer C is copied from into the result's before the call, or -1. */
    final int copyCFrom;

    DeviceMatmulLaunch(MatmulStep step, MatmulSpec spec, String call, int a, int b, int result, int bias, int aux,
                       int copyCFrom) {
        this.step = step;
        this.spec = spec;
        this.call = call;
        this.a = a;
        this.b = b;
        this.result = result;
        this.bias = bias;
        this.aux = aux;
        this.copyCFrom = copyCFrom;
    }

    @Override
    public AutoCloseable prepare(DeviceProgram.Session session) {
        return session.calls.matmul(spec, session.handle(a), session.handle(b), session.handle(result),
                bias < 0 ? 0 : session.handle(bias), aux < 0 ? 0 : session.handle(aux));
    }

    @Override
    public void run(DeviceProgram.Session session, AutoCloseable prepared) {
        if (copyCFrom >= 0) {
            ScalarType t = step.f.result.type();
            session.calls.copy(session.handle(copyCFrom), session.handle(result), t, step.f.result.shape().size());
        }
        ((DeviceCalls.LibraryMatmul) prepared).run();
    }

    @Override
    public int[] reads() {
        // D's buffer is read too when it starts as C (beta·C).
        int[] r = {a, b, bias, copyCFrom, step.cSlot >= 0 ? result : -1};
        return java.util.Arrays.stream(r).filter(x -> x >= 0).toArray();
    }

    @Override
    public int[] writes() {
        return aux < 0 ? new int[] {result} : new int[] {result, aux};
    }

    @Override
    public Explanation.Launch describe(String transfers) {
        Explanation.Launch host = step.describe();
        String detail = host.detail() + "\ndevice call: " + call
                + (copyCFrom >= 0 ? "\nC copied into D's buffer on the device first" : "") + transfers;
        return new Explanation.Launch(host.kind(), host.executor(), host.nodes(), host.bytesRead(), host.bytesWritten(),
                detail);
    }
}
