package org.fusemath.fft.spi;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecOperationGroup;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.fft.FftNorm;
import org.fusemath.fft.FftOps;

/**
 * {@code fusemath exec fft|ifft|rfft|irfft|fft2|ifft2|rfft2|irfft2|fftn|ifftn|rfftn|irfftn}: numpy.fft's functions on
 * one .npy input (C or Fortran order, real or complex), through {@link FftOps}. The 1-D forms take {@code --n} and
 * {@code --axis}, the others {@code --s N,M,...} and {@code --axes A,B,...}; all take {@code --norm}. Host only.
 */
public final class FftExecOperations implements ExecOperationGroup {
    static final ExecParameter N = ExecParameter.integer("n", null, "transform length along the axis (crop or zero-pad; irfft: output length)");
    static final ExecParameter AXIS = ExecParameter.integer("axis", "-1", "the axis to transform");
    static final ExecParameter S = ExecParameter.text("s", null, "lengths per transformed axis, comma-separated",
            v -> parseLongs("--s", v));
    static final ExecParameter AXES = ExecParameter.text("axes", null, "axes to transform, comma-separated",
            v -> parseInts("--axes", v));
    static final ExecParameter NORM = ExecParameter.choice("norm", "backward", "which direction carries 1/N",
            "backward", "ortho", "forward");

    /** The twelve functions and whether each is 1-D. */
    private interface OneD {
        HostTensor apply(HostTensor a, Long n, int axis, FftNorm norm);
    }

    private interface MultiD {
        HostTensor apply(HostTensor a, long[] s, int[] axes, FftNorm norm);
    }

    @Override
    public List<ExecOperation> operations() {
        List<ExecOperation> ops = new ArrayList<>();
        ops.add(one("fft", "numpy.fft.fft(a, n, axis, norm)", FftOps::fft));
        ops.add(one("ifft", "numpy.fft.ifft(a, n, axis, norm)", FftOps::ifft));
        ops.add(one("rfft", "numpy.fft.rfft(a, n, axis, norm) of real a", FftOps::rfft));
        ops.add(one("irfft", "numpy.fft.irfft(a, n, axis, norm), a real result", FftOps::irfft));
        ops.add(multi("fft2", "numpy.fft.fft2(a, s, axes, norm)", FftOps::fft2));
        ops.add(multi("ifft2", "numpy.fft.ifft2(a, s, axes, norm)", FftOps::ifft2));
        ops.add(multi("rfft2", "numpy.fft.rfft2(a, s, axes, norm) of real a", FftOps::rfft2));
        ops.add(multi("irfft2", "numpy.fft.irfft2(a, s, axes, norm), a real result", FftOps::irfft2));
        ops.add(multi("fftn", "numpy.fft.fftn(a, s, axes, norm)", FftOps::fftn));
        ops.add(multi("ifftn", "numpy.fft.ifftn(a, s, axes, norm)", FftOps::ifftn));
        ops.add(multi("rfftn", "numpy.fft.rfftn(a, s, axes, norm) of real a", FftOps::rfftn));
        ops.add(multi("irfftn", "numpy.fft.irfftn(a, s, axes, norm), a real result", FftOps::irfftn));
        return List.copyOf(ops);
    }

    private static ExecOperation one(String name, String summary, OneD f) {
        return op(name, summary, List.of(N, AXIS, NORM), r -> {
            String n = r.option(N);
            return f.apply(r.inputs().get(0), n == null ? null : Long.parseLong(n.trim()),
                    Integer.parseInt(r.option(AXIS).trim()), FftNorm.parse(r.option(NORM)));
        });
    }

    private static ExecOperation multi(String name, String summary, MultiD f) {
        return op(name, summary, List.of(S, AXES, NORM), r -> {
            String s = r.option(S);
            String axes = r.option(AXES);
            return f.apply(r.inputs().get(0), s == null ? null : parseLongs("--s", s),
                    axes == null ? null : parseInts("--axes", axes), FftNorm.parse(r.option(NORM)));
        });
    }

    private static ExecOperation op(String name, String summary, List<ExecParameter> params,
            java.util.function.Function<ExecRequest, HostTensor> run) {
        return ExecOperation.hostOnly(name, summary + ": --in A (host)", 1, params,
                "host or auto: '" + name + "' runs on the host in this build", r -> List.of(run.apply(r)));
    }

    static long[] parseLongs(String name, String text) {
        String[] parts = text.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException(name, "'" + text + "'", "comma-separated integers such as 8,16");
            }
        }
        return out;
    }

    static int[] parseInts(String name, String text) {
        long[] v = parseLongs(name, text);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != (int) v[i]) {
                throw new InvalidArgumentException(name, "'" + text + "'", "axes that fit an int");
            }
            out[i] = (int) v[i];
        }
        return out;
    }
}
