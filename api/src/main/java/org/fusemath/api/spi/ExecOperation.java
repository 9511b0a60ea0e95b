package org.fusemath.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fusemath.api.HostTensor;

/**
 * One operation {@code fusemath exec} can run on .npy files, with NumPy/SciPy semantics so that its
 * output can be compared with NumPy's. Registered through {@code META-INF/services} (one class) or an
 * {@link ExecOperationGroup} (a family).
 *
 * <p>The shape every domain follows (blas's {@code BlasRoutines} and {@code MatmulExecOperation} are the models):
 * <ul>
 *   <li>{@link #parameters()} declares each option as data ({@link ExecParameter}: name, kind, default,
 *       allowed values, help). The command line refuses an option no parameter declares (listing the valid ones),
 *       checks every value before {@link #execute} runs, reads {@link ExecParameter.Kind#ARRAY} options as .npy
 *       files, and prints the declarations in {@code exec --list}; {@link #execute} reads values with
 *       {@link ExecRequest#option(ExecParameter)}, so that defaults are stated once.</li>
 *   <li>{@link #summary()} says what it computes in NumPy/SciPy terms and which inputs it takes; the options
 *       are not repeated there.</li>
 *   <li>{@link #execute} checks shapes and dtypes (naming {@code --in #k}), and calls
 *       {@link ExecRequest#requireAllocatable} before allocating a result whose size the inputs decide.</li>
 *   <li>The reference each result is checked against (the formula in double precision and its error bound)
 *       and the seeded sample inputs live beside the domain's {@code fusemath validate} cases, not here: an
 *       exec operation is the command-line face of the public API, nothing more.</li>
 * </ul>
 *
 * <p>The default {@link #parameters()} is strict: it declares only the .npy options of {@link #arrayOptions()}
 * (none unless overridden), so an operation that declares nothing refuses every option. An operation that really
 * interprets free-form options itself may add {@link ExecParameter#uncheckedOthers()} to its declarations, and then
 * checks those options in {@link #execute}.
 */
public interface ExecOperation {
    /** The name on the command line, e.g. {@code matmul}. */
    String name();

    /** One line: what it computes, in NumPy terms, and the inputs it takes. */
    String summary();

    /**
     * Options whose value is a .npy file the command line loads into {@link ExecRequest#arrays()}: a shorthand read
     * only by the default {@link #parameters()} (operations that override it declare these as
     * {@link ExecParameter#array}).
     */
    default Set<String> arrayOptions() {
        return Set.of();
    }

    /**
     * Every option the operation reads; the command line refuses any other. The default: an
     * {@link ExecParameter#array} per {@link #arrayOptions()}, nothing else (an operation with no declared options
     * takes none).
     */
    default List<ExecParameter> parameters() {
        List<ExecParameter> declared = new ArrayList<>();
        for (String name : new TreeSet<>(arrayOptions())) {
            declared.add(ExecParameter.array(name, "a .npy file"));
        }
        return List.copyOf(declared);
    }

    /**
     * Whether the command line widens inputs of mixed dtypes to their common type before {@link #execute} (true by
     * default); an operation that applies NumPy's promotion per step itself (an expression) returns false.
     */
    default boolean promotesInputs() {
        return true;
    }

    /** Runs the operation; the outputs map to the {@code --out} files in order. */
    List<HostTensor> execute(ExecRequest request);

    /**
     * An operation that runs on the host only: {@code name}, the full {@code summary} line and the declared
     * {@code parameters}; {@link #execute} requires exactly {@code inputs} {@code --in} files, refuses a DEVICE
     * {@code --space} with an {@link org.fusemath.api.InvalidArgumentException} on {@code --space} whose expected
     * text is {@code deviceRefusal} (scripts read it, so each operation keeps its own), then applies {@code run}.
     */
    static ExecOperation hostOnly(String name, String summary, int inputs, List<ExecParameter> parameters,
                                  String deviceRefusal, java.util.function.Function<ExecRequest, List<HostTensor>> run) {
        return new HostOnlyExecOperation(name, summary, inputs, parameters, deviceRefusal, run);
    }
}
