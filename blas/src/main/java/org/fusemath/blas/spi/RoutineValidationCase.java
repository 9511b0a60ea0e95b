package org.fusemath.blas.spi;

import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;

/**
 * One level 1–3 validation row: the routine's seeded sample request ({@link RoutineReferences}) run through its exec
 * operation in the case's space, and the worst error / bound ratio of the outputs against the routine's formula
 * (passes at ≤ 1).
 */
final class RoutineValidationCase implements ValidationCase {
    private final Space space;
    private final BlasRoutine routine;
    private final DType dtype;
    private final int n;
    private final boolean quick;

    RoutineValidationCase(Space space, BlasRoutine routine, DType dtype, int n, boolean quick) {
        this.space = space;
        this.routine = routine;
        this.dtype = dtype;
        this.n = n;
        this.quick = quick;
    }

    @Override
    public String op() {
        return routine.name();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public String shape() {
        return "n=" + n;
    }

    @Override
    public Space space() {
        return space;
    }

    @Override
    public boolean quick() {
        return quick;
    }

    @Override
    public ValidationResult run(FuseContext context) {
        RoutineReferences.Reference reference = RoutineReferences.of(routine.name());
        ExecRequest sample = reference.sample().of(dtype, n, new SplittableRandom(31L * routine.name().hashCode() + 7L * n + dtype.ordinal()));
        // A DEVICE case insists on the context's device: without one it fails instead of running on the host.
        ExecRequest request = new ExecRequest(sample.inputs(), sample.options(), sample.arrays(),
                space == Space.DEVICE ? Execution.device(context.deviceId()) : Execution.HOST);
        List<HostTensor> outputs = routine.execute(request);
        return new ValidationResult(reference.check().worstRatio(request, outputs), 1, "error / bound");
    }
}
