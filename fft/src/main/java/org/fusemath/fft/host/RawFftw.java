package org.fusemath.fft.host;

import static org.bytedeco.fftw.global.fftw3.fftw_destroy_plan;
import static org.bytedeco.fftw.global.fftw3.fftw_execute;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_dft_1d;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_dft_r2c_1d;
import static org.bytedeco.fftw.global.fftw3.fftwf_destroy_plan;
import static org.bytedeco.fftw.global.fftw3.fftwf_execute;
import static org.bytedeco.fftw.global.fftw3.fftwf_plan_dft_1d;

import org.bytedeco.fftw.global.fftw3.fftw_plan;
import org.bytedeco.fftw.global.fftw3.fftwf_plan;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.fusemath.fft.FftKind;

/**
 * FFTW as a C program calls it, the baseline of the {@code fusemath bench} FFTW rows: a one-dimensional plan
 * ({@code fftw_plan_dft_1d} / {@code fftw_plan_dft_r2c_1d}) made with the same planner effort on 64-byte-aligned
 * off-heap buffers it owns, run by {@code fftw_execute} with no copies and no checks. Not thread-safe.
 */
final class RawFftw implements AutoCloseable {
    private final boolean single;
    private final Object plan;
    private final AutoCloseable in;
    private final AutoCloseable out;

    RawFftw(FftKind kind, boolean single, int n, FftwEffort effort, double[] data) {
        FftwLibrary.require();
        this.single = single;
        int inSlots = kind == FftKind.R2C ? n : 2 * n;
        int outSlots = 2 * (kind == FftKind.R2C ? n / 2 + 1 : n);
        synchronized (FftwPlanner.LOCK) {
            // One thread, as the provider's plan in the bench rows.
            org.bytedeco.fftw.global.fftw3.fftw_plan_with_nthreads(1);
            org.bytedeco.fftw.global.fftw3.fftwf_plan_with_nthreads(1);
            if (single) {
                FloatPointer a = JavacppFftw.alignedFloats(inSlots);
                FloatPointer b = JavacppFftw.alignedFloats(outSlots);
                plan = fftwf_plan_dft_1d(n, a, b, FftwGuru.FORWARD, effort.flag());
                in = a;
                out = b;
                for (int i = 0; i < inSlots; i++) {
                    a.put(i, (float) data[i]);
                }
            } else {
                DoublePointer a = JavacppFftw.alignedDoubles(inSlots);
                DoublePointer b = JavacppFftw.alignedDoubles(outSlots);
                plan = kind == FftKind.R2C ? fftw_plan_dft_r2c_1d(n, a, b, effort.flag())
                        : fftw_plan_dft_1d(n, a, b, FftwGuru.FORWARD, effort.flag());
                in = a;
                out = b;
                a.put(data, 0, inSlots);
            }
        }
    }

    /** One transform. */
    void run() {
        if (single) {
            fftwf_execute((fftwf_plan) plan);
        } else {
            fftw_execute((fftw_plan) plan);
        }
    }

    @Override
    public void close() {
        synchronized (FftwPlanner.LOCK) {
            // One thread, as the provider's plan in the bench rows.
            org.bytedeco.fftw.global.fftw3.fftw_plan_with_nthreads(1);
            org.bytedeco.fftw.global.fftw3.fftwf_plan_with_nthreads(1);
            if (single) {
                fftwf_destroy_plan((fftwf_plan) plan);
            } else {
                fftw_destroy_plan((fftw_plan) plan);
            }
        }
        try {
            in.close();
            out.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
