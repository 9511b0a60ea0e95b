package org.fusemath.fft;

import java.util.Arrays;

/**
 * A layout in cuFFT's {@code cufftPlanMany}/{@code cufftMakePlanMany64} (and FFTW's {@code plan_many_dft})
 * terms: {@code rank} transform dimensions {@code n[0..rank)} (slowest first; for R2C/C2R the real axis is
 * last), input element (b, x₀..x_{rank-1}) at
 * {@code inputOffset + b·idist + istride·(x_{rank-1} + inembed[rank-1]·(x_{rank-2} + inembed[rank-2]·(...)))},
 * output likewise with onembed/ostride/odist, for {@code batch} transforms. Strides, distances and offsets
 * count elements of each side's type. {@code axes[i]} is the array axis that {@code n[i]} transforms.
 */
public record PlanManyLayout(int rank, long[] n, long[] inembed, long istride, long idist, long[] onembed,
        long ostride, long odist, long batch, long inputOffset, long outputOffset, int[] axes) {

    /** Copies the arrays, so the record stays immutable. */
    public PlanManyLayout {
        n = n.clone();
        inembed = inembed.clone();
        onembed = onembed.clone();
        axes = axes.clone();
    }

    @Override
    public long[] n() {
        return n.clone();
    }

    @Override
    public long[] inembed() {
        return inembed.clone();
    }

    @Override
    public long[] onembed() {
        return onembed.clone();
    }

    @Override
    public int[] axes() {
        return axes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanManyLayout p && rank == p.rank && Arrays.equals(n, p.n) && Arrays.equals(inembed, p.inembed)
                && istride == p.istride && idist == p.idist && Arrays.equals(onembed, p.onembed) && ostride == p.ostride
                && odist == p.odist && batch == p.batch && inputOffset == p.inputOffset && outputOffset == p.outputOffset
                && Arrays.equals(axes, p.axes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(n) * 31 + Long.hashCode(batch) * 17 + Long.hashCode(istride ^ ostride ^ idist ^ odist);
    }

    @Override
    public String toString() {
        return "PlanMany[rank=" + rank + " n=" + Arrays.toString(n) + " inembed=" + Arrays.toString(inembed) + " istride="
                + istride + " idist=" + idist + " onembed=" + Arrays.toString(onembed) + " ostride=" + ostride + " odist="
                + odist + " batch=" + batch + " inOffset=" + inputOffset + " outOffset=" + outputOffset + " axes="
                + Arrays.toString(axes) + "]";
    }
}
