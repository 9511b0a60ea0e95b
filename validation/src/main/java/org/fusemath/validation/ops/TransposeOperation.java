package org.fusemath.validation.ops;

import java.util.List;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;

/** {@code fusemath exec transpose}: NumPy's {@code a.T} (axes reversed), materialized in C order. */
public final class TransposeOperation implements ExecOperation {
    @Override
    public String name() {
        return "transpose";
    }

    @Override
    public String summary() {
        return "np.ascontiguousarray(a.T): axes reversed (the matrix transpose for 2-D), any dtype, written in C order";
    }

    @Override
    public List<ExecParameter> parameters() {
        return List.of();
    }

    @Override
    public List<HostTensor> execute(ExecRequest request) {
        request.requireInputs(name(), 1, 1);
        HostOnly.require(name(), request);
        HostTensor a = request.inputs().get(0);
        request.requireAllocatable("the transpose", a.dtype(), a.shape());
        return List.of(TensorOrder.transpose(a));
    }
}
