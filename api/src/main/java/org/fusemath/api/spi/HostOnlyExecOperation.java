package org.fusemath.api.spi;

import java.util.List;
import java.util.function.Function;
import org.fusemath.api.Arguments;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;

/**
 * The {@link ExecOperation} {@link ExecOperation#hostOnly} builds: a fixed name, summary and declared options, an
 * exact input count checked first, a DEVICE {@code --space} refused with the operation's own text, then the function.
 * Immutable.
 */
record HostOnlyExecOperation(String name, String summary, int inputs, List<ExecParameter> parameters,
                             String deviceRefusal, Function<ExecRequest, List<HostTensor>> run) implements ExecOperation {
    HostOnlyExecOperation {
        Arguments.requireNonNull(name, "name");
        Arguments.requireNonNull(summary, "summary");
        Arguments.requireNonNull(deviceRefusal, "deviceRefusal");
        Arguments.requireNonNull(run, "run");
        if (inputs < 0) {
            throw new InvalidArgumentException("inputs", inputs, "a count >= 0");
        }
        parameters = List.copyOf(Arguments.requireNonNull(parameters, "parameters"));
    }

    @Override
    public List<HostTensor> execute(ExecRequest request) {
        request.requireInputs(name, inputs, inputs);
        if (request.execution().kind() == Execution.Kind.DEVICE) {
            throw new InvalidArgumentException("--space", request.execution(), deviceRefusal);
        }
        return run.apply(request);
    }
}
