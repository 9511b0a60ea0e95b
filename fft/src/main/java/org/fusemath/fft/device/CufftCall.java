package org.fusemath.fft.device;

import java.util.List;
import java.util.Optional;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.PlanManyLayout;

/**
 * One cuFFT transform described as plain numbers before any native call: the PlanMany layout ({@code rank},
 * {@code n}, {@code inembed}, {@code istride}, {@code idist}, {@code onembed}, {@code ostride}, {@code odist},
 * {@code batch}, as cufft.h names them, element offsets of both sides), the {@link CufftType}, the direction of a
 * complex-to-complex execution, whether the 64-bit planner ({@code cufftMakePlanMany64}) is needed, and whether a
 * C2R input must first be copied (cuFFT overwrites a C2R input; the caller may not have allowed that). The device
 * provider makes exactly these numbers; tests execute the same record on the CPU through FFTW's interface and
 * compare with a direct DFT. Immutable; equal calls plan the same cuFFT plan (the device plan cache's key).
 *
 * @param type      the cuFFT type
 * @param layout    the PlanMany numbers
 * @param direction {@code CUFFT_FORWARD} (-1) or {@code CUFFT_INVERSE} (+1); for R2C/C2R the kind's own
 * @param copyInput whether execution runs a C2R on a copy of its input
 */
public record CufftCall(CufftType type, PlanManyLayout layout, int direction, boolean copyInput) {
    /** {@code CUFFT_FORWARD}. */
    public static final int FORWARD = -1;
    /** {@code CUFFT_INVERSE}. */
    public static final int INVERSE = 1;

    /** Checks the call: a rank cuFFT takes, a direction that fits the type. */
    public CufftCall {
        Arguments.requireNonNull(type, "type");
        Arguments.requireNonNull(layout, "layout");
        if (layout.rank() < 1 || layout.rank() > 3) {
            throw new InvalidArgumentException("rank", layout.rank(), "1, 2 or 3 (cufftPlanMany's ranks)");
        }
        int expected = type.kind() == FftKind.R2C ? FORWARD : type.kind() == FftKind.C2R ? INVERSE : direction;
        if (direction != expected || direction != FORWARD && direction != INVERSE) {
            throw new InvalidArgumentException("direction", direction, type.takesDirection()
                    ? "-1 (CUFFT_FORWARD) or +1 (CUFFT_INVERSE)" : type + "'s direction " + expected);
        }
        if (copyInput && type.kind() != FftKind.C2R) {
            throw new InvalidArgumentException("copyInput", true, "false: only a C2R execution overwrites its input");
        }
    }

    /**
     * Why cuFFT cannot run {@code spec} as one PlanMany call, or empty: more than three transformed axes, or a
     * layout PlanMany cannot say (negative strides, transform axes whose strides do not nest, batch axes that do
     * not collapse into one distance).
     */
    public static Optional<String> unsupported(FftSpec spec) {
        Arguments.requireNonNull(spec, "spec");
        if (spec.axes().length > 3) {
            return Optional.of(spec.axes().length + " transformed axes (cuFFT plans 1 to 3 per call)");
        }
        if (spec.batchCount() == 0) {
            return Optional.of("an empty batch (nothing to transform; cuFFT rejects batch 0)");
        }
        if (spec.planMany().isEmpty()) {
            return Optional.of("a layout cufftPlanMany cannot express (negative strides, transform axes that do not"
                    + " nest, or batch axes that do not collapse into one distance)");
        }
        return Optional.empty();
    }

    /**
     * The call for {@code spec}; {@code mayOverwriteInput} says whether a C2R may destroy the caller's input.
     *
     * @throws InvalidArgumentException naming the reason when {@link #unsupported} is not empty
     */
    public static CufftCall of(FftSpec spec, boolean mayOverwriteInput) {
        Optional<String> why = unsupported(spec);
        if (why.isPresent()) {
            throw new InvalidArgumentException("spec", spec, "a transform cuFFT takes in one plan, not " + why.get());
        }
        boolean copy = spec.kind() == FftKind.C2R && !spec.inPlace() && !mayOverwriteInput;
        return new CufftCall(CufftType.of(spec.kind(), spec.precision()), spec.planMany().orElseThrow(), spec.sign(), copy);
    }

    /**
     * Whether a number exceeds {@code int}, or an array side spans more than 2^31-1 elements, so that
     * {@code cufftMakePlanMany64} must plan it rather than {@code cufftMakePlanMany}.
     */
    public boolean needs64() {
        PlanManyLayout l = layout;
        long big = Math.max(Math.max(l.istride(), l.idist()), Math.max(l.ostride(), l.odist()));
        big = Math.max(big, l.batch());
        for (int d = 0; d < l.rank(); d++) {
            big = Math.max(big, Math.max(l.n()[d], Math.max(l.inembed()[d], l.onembed()[d])));
        }
        return big > Integer.MAX_VALUE || inputElements() > Integer.MAX_VALUE || outputElements() > Integer.MAX_VALUE;
    }

    /** The planner entry point: {@code cufftMakePlanMany} or {@code cufftMakePlanMany64}. */
    public String planFunction() {
        return needs64() ? "cufftMakePlanMany64" : "cufftMakePlanMany";
    }

    /** The PlanMany arguments after the plan handle, in cufft.h's order, by its names. */
    public static final List<String> PLAN_PARAMETERS = List.of("rank", "n", "inembed", "istride", "idist", "onembed",
            "ostride", "odist", "type", "batch");

    /** Elements (of the input's type) the input spans from its offset. */
    public long inputElements() {
        return span(layout.inembed(), layout.istride(), layout.idist(), type.kind() == FftKind.C2R);
    }

    /** Elements (of the output's type) the output spans from its offset. */
    public long outputElements() {
        return span(layout.onembed(), layout.ostride(), layout.odist(), type.kind() == FftKind.R2C);
    }

    /** Bytes of one input element: a real or a complex of the type's precision. */
    public int inputElementBytes() {
        return (type.isDouble() ? 8 : 4) * (type.kind() == FftKind.R2C ? 1 : 2);
    }

    /** Bytes of one output element. */
    public int outputElementBytes() {
        return (type.isDouble() ? 8 : 4) * (type.kind() == FftKind.C2R ? 1 : 2);
    }

    /** The device address of the input's first element in an allocation at {@code base} (the layout's offset applied). */
    public long inputAt(long base) {
        return base + layout.inputOffset() * inputElementBytes();
    }

    /** The device address of the output's first element in an allocation at {@code base}. */
    public long outputAt(long base) {
        return base + layout.outputOffset() * outputElementBytes();
    }

    private long span(long[] embed, long stride, long dist, boolean halvedLast) {
        long[] n = layout.n();
        int r = n.length;
        long last = (layout.batch() - 1) * dist;
        long inner = stride;
        for (int d = r - 1; d >= 0; d--) {
            long count = halvedLast && d == r - 1 ? n[d] / 2 + 1 : n[d];
            last += (count - 1) * inner;
            inner *= embed[d];
        }
        return last + 1;
    }

    @Override
    public String toString() {
        return "CufftCall[" + type + " " + layout + " direction=" + direction + (copyInput ? " copyInput" : "") + "]";
    }
}
