package org.fusemath.validation.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.fusemath.api.Arguments;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the selected cases of the given suites one after another, each in its own {@link FuseContext}
 * and with a timer. A case that throws is a FAIL carrying the exception's message; a device case
 * without a usable device is a SKIP carrying the device's reason. Holds no mutable state; the cases
 * decide whether two runs may overlap.
 */
public final class ValidationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationRunner.class);

    private final List<ValidationSuite> suites;
    private final DeviceStatus device;

    /** A runner over {@code suites} (run in order of their domain) with the device as {@code device} reports it. */
    public ValidationRunner(List<ValidationSuite> suites, DeviceStatus device) {
        Arguments.requireNonNull(suites, "suites");
        this.device = Arguments.requireNonNull(device, "device");
        List<ValidationSuite> sorted = new ArrayList<>(suites);
        sorted.sort(Comparator.comparing(ValidationRunner::domainOf));
        this.suites = List.copyOf(sorted);
    }

    /** One selected case with the domain of its suite; {@code listingError} is set when the suite could not list its cases. */
    public record Planned(String suite, ValidationCase validationCase, String listingError) {
    }

    /** The cases {@code selection} picks, in run order; a suite whose {@code cases()} throws yields one entry with the error. */
    public List<Planned> plan(CaseSelection selection) {
        Arguments.requireNonNull(selection, "selection");
        List<Planned> planned = new ArrayList<>();
        for (ValidationSuite suite : suites) {
            String domain = domainOf(suite);
            List<ValidationCase> cases;
            try {
                cases = suite.cases();
            } catch (RuntimeException | LinkageError e) {
                planned.add(new Planned(domain, null, describe(e)));
                continue;
            }
            for (ValidationCase c : cases) {
                if (selection.accepts(c)) {
                    planned.add(new Planned(domain, c, null));
                }
            }
        }
        return planned;
    }

    /** Every operation name the suites register, across spaces and quick/full. */
    public Set<String> knownOps() {
        Set<String> ops = new TreeSet<>();
        for (ValidationSuite suite : suites) {
            try {
                for (ValidationCase c : suite.cases()) {
                    ops.add(c.op());
                }
            } catch (RuntimeException | LinkageError e) {
                // reported as a FAIL row when the suite is planned
            }
        }
        return ops;
    }

    /** Runs {@code planned} in order, handing each outcome to {@code listener} as it completes. */
    public List<CaseOutcome> run(List<Planned> planned, Consumer<CaseOutcome> listener) {
        Arguments.requireNonNull(planned, "planned");
        Arguments.requireNonNull(listener, "listener");
        List<CaseOutcome> outcomes = new ArrayList<>(planned.size());
        for (Planned p : planned) {
            CaseOutcome o = p.validationCase() == null
                    ? new CaseOutcome(p.suite(), "(suite " + p.suite() + ")", "-", "-", "-", null, null, null,
                            CaseStatus.FAIL, 0, "listing the cases failed: " + p.listingError())
                    : runOne(p.suite(), p.validationCase());
            outcomes.add(o);
            listener.accept(o);
        }
        return outcomes;
    }

    private CaseOutcome runOne(String suite, ValidationCase c) {
        String dtype = c.dtype() == null ? "-" : c.dtype().name();
        String space = c.space().name().toLowerCase(Locale.ROOT);
        if (c.space() == Space.DEVICE && !device.usable()) {
            return new CaseOutcome(suite, c.op(), dtype, c.shape(), space, null, null, null, CaseStatus.SKIP, 0,
                    device.reason());
        }
        Execution execution = c.space() == Space.DEVICE ? Execution.device() : Execution.HOST;
        long start = System.nanoTime();
        ValidationResult result;
        try (FuseContext context = FuseContext.builder().execution(execution).build()) {
            result = c.run(context);
        } catch (Exception | LinkageError | AssertionError e) {
            double millis = (System.nanoTime() - start) / 1e6;
            LOG.debug("validation case {} {} {} {} threw", c.op(), dtype, c.shape(), space, e);
            return new CaseOutcome(suite, c.op(), dtype, c.shape(), space, null, null, null, CaseStatus.FAIL, millis,
                    describe(e));
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (result == null) {
            return new CaseOutcome(suite, c.op(), dtype, c.shape(), space, null, null, null, CaseStatus.FAIL, millis,
                    "the case returned no result");
        }
        boolean passed = result.passed();
        return new CaseOutcome(suite, c.op(), dtype, c.shape(), space, result.error(), result.bound(), result.metric(),
                passed ? CaseStatus.PASS : CaseStatus.FAIL, millis,
                passed ? null : (Double.isNaN(result.error()) ? "the error is NaN" : "the error exceeds the bound"));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String domainOf(ValidationSuite suite) {
        try {
            return suite.domain();
        } catch (RuntimeException | LinkageError e) {
            return suite.getClass().getName();
        }
    }
}
