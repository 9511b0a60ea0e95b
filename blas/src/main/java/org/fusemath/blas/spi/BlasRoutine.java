package org.fusemath.blas.spi;

import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecRequest;

/**
 * One level 1–3 routine as {@code fusemath exec} runs it (NumPy/SciPy semantics) and as {@code fusemath validate}
 * checks it: how to run it on a request, how far its outputs may be from the formula evaluated in double
 * precision (the worst error / bound ratio, passing at ≤ 1), and a sample request for a validation case.
 *
 * @param name    the exec name
 * @param summary the NumPy/SciPy expression it computes and its options
 * @param run     computes the outputs of a request
 * @param check   the worst error / bound ratio of outputs for a request
 * @param sample  a seeded random request of a type and size
 */
record BlasRoutine(String name, String summary, Run run, Check check, Sample sample) implements ExecOperation {
    /** Computes the outputs. */
    interface Run {
        List<HostTensor> apply(ExecRequest request);
    }

    /** Compares outputs with the routine's formula. */
    interface Check {
        double worstRatio(ExecRequest request, List<HostTensor> outputs);
    }

    /** A random request whose operands have dimension {@code n}. */
    interface Sample {
        ExecRequest of(DType type, int n, SplittableRandom random);
    }

    @Override
    public List<HostTensor> execute(ExecRequest request) {
        return run.apply(request);
    }
}
