package org.fusemath.validation.ops;

import java.util.List;
import java.util.Locale;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;

/** {@code fusemath exec copy}: NumPy's {@code np.array(a, order=ORDER)} of one input, C order unless {@code --order F}. */
public final class CopyOperation implements ExecOperation {
    @Override
    public String name() {
        return "copy";
    }

    private static final ExecParameter ORDER = ExecParameter.choice("order", "C", "the storage order of the copy", "C", "F");

    @Override
    public String summary() {
        return "np.array(a, order='C'): one input copied, in C order unless --order F";
    }

    @Override
    public List<ExecParameter> parameters() {
        return List.of(ORDER);
    }

    @Override
    public List<HostTensor> execute(ExecRequest request) {
        request.requireInputs(name(), 1, 1);
        HostOnly.require(name(), request);
        HostTensor a = request.inputs().get(0);
        request.requireAllocatable("the copy", a.dtype(), a.shape());
        String order = request.option(ORDER).trim().toUpperCase(Locale.ROOT);
        HostTensor ordered = switch (order) {
            case "C" -> a.toCOrder();
            case "F" -> TensorOrder.toFortranOrder(a);
            default -> throw new InvalidArgumentException("--order", "'" + request.option(ORDER) + "'", "C or F");
        };
        // Reordering already made fresh storage; when none was needed the result must still not alias the input.
        return List.of(ordered.array() != a.array() ? ordered
                : HostTensor.of(a.dtype(), a.shape(), ordered.isFortranOrder(), cloneArray(a.array())));
    }

    private static Object cloneArray(Object array) {
        return array instanceof float[] f ? f.clone() : ((double[]) array).clone();
    }
}
