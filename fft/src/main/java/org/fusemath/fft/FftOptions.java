package org.fusemath.fft;

import org.fusemath.api.Arguments;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;

/**
 * The options of an {@link Fft}, after nvmath-python's {@code FFTOptions}: the transform type (null: C2C for
 * complex operands, R2C for real ones; C2R must be asked for), in-place, the parity of the last axis's real length
 * for C2R, the result layout, the normalisation, plus the execution space, the host thread count and the host
 * provider. Immutable; the {@code with...} methods return modified copies.
 *
 * @param fftType        the transform type, or null to infer it from the operand's dtype
 * @param inPlace        whether the result overwrites the operand (C2C only for tensors)
 * @param lastAxisParity the C2R output length along the last transformed axis: {@code 2(m-1)} (EVEN) or {@code 2m-1} (ODD)
 * @param resultLayout   NATURAL (the result's axes in the operand's order, C order) or OPTIMIZED (the provider's
 *                       choice; on the host the same C order)
 * @param norm           the normalisation (default backward, as NumPy)
 * @param execution      where to run: host, device or auto (host unless a device provider is registered and usable)
 * @param threads        host threads, >= 1
 * @param provider       the host provider's name ({@code jtransforms} by default)
 */
public record FftOptions(FftKind fftType, boolean inPlace, Parity lastAxisParity, ResultLayout resultLayout, FftNorm norm,
        Execution execution, int threads, String provider) {

    /** The real output length's parity for C2R. */
    public enum Parity {
        /** n = 2(m - 1). */
        EVEN,
        /** n = 2m - 1. */
        ODD
    }

    /** The result's layout. */
    public enum ResultLayout {
        /** The operand's axis order, C order. */
        NATURAL,
        /** Whatever the provider computes fastest. */
        OPTIMIZED
    }

    /** Checks the fields. */
    public FftOptions {
        Arguments.requireNonNull(lastAxisParity, "lastAxisParity");
        Arguments.requireNonNull(resultLayout, "resultLayout");
        Arguments.requireNonNull(norm, "norm");
        Arguments.requireNonNull(execution, "execution");
        Arguments.requirePositive("threads", threads);
        Arguments.requireNonNull(provider, "provider");
        if (provider.isBlank()) {
            throw new InvalidArgumentException("provider", "'" + provider + "'", "a provider name such as jtransforms");
        }
    }

    /** The defaults: type inferred, out of place, even parity, natural layout, backward norm, host, the default context's threads, JTransforms. */
    public static FftOptions defaults() {
        return new FftOptions(null, false, Parity.EVEN, ResultLayout.NATURAL, FftNorm.BACKWARD, Execution.HOST,
                FuseContext.defaults().threads(), "jtransforms");
    }

    /** With this transform type. */
    public FftOptions withFftType(FftKind value) {
        return new FftOptions(value, inPlace, lastAxisParity, resultLayout, norm, execution, threads, provider);
    }

    /** In place or not. */
    public FftOptions withInPlace(boolean value) {
        return new FftOptions(fftType, value, lastAxisParity, resultLayout, norm, execution, threads, provider);
    }

    /** With this C2R output parity. */
    public FftOptions withLastAxisParity(Parity value) {
        return new FftOptions(fftType, inPlace, value, resultLayout, norm, execution, threads, provider);
    }

    /** With this result layout. */
    public FftOptions withResultLayout(ResultLayout value) {
        return new FftOptions(fftType, inPlace, lastAxisParity, value, norm, execution, threads, provider);
    }

    /** With this normalisation. */
    public FftOptions withNorm(FftNorm value) {
        return new FftOptions(fftType, inPlace, lastAxisParity, resultLayout, value, execution, threads, provider);
    }

    /** With this execution space. */
    public FftOptions withExecution(Execution value) {
        return new FftOptions(fftType, inPlace, lastAxisParity, resultLayout, norm, value, threads, provider);
    }

    /** With this many host threads. */
    public FftOptions withThreads(int value) {
        return new FftOptions(fftType, inPlace, lastAxisParity, resultLayout, norm, execution, value, provider);
    }

    /** With this host provider. */
    public FftOptions withProvider(String value) {
        return new FftOptions(fftType, inPlace, lastAxisParity, resultLayout, norm, execution, threads, value);
    }
}
