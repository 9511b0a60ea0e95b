package org.fusemath.blas.spi;

import java.util.List;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;

/**
 * One level 1–3 routine as {@code fusemath exec} runs it (NumPy/SciPy semantics): its name, what it computes, its
 * declared options and how to run it on a request. Its reference for {@code fusemath validate} is
 * {@link RoutineReferences#of}.
 *
 * @param name       the exec name
 * @param summary    the NumPy/SciPy expression it computes and the inputs it takes
 * @param parameters the options it reads
 * @param run        computes the outputs of a request
 */
record BlasRoutine(String name, String summary, List<ExecParameter> parameters, Run run) implements ExecOperation {
    /** Computes the outputs. */
    interface Run {
        List<HostTensor> apply(ExecRequest request);
    }

    BlasRoutine {
        parameters = List.copyOf(parameters);
    }

    @Override
    public List<HostTensor> execute(ExecRequest request) {
        return run.apply(request);
    }
}
