package org.fusemath.validation.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.fusemath.api.spi.Backend;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecOperationGroup;
import org.fusemath.api.spi.ValidationSuite;

/**
 * What the command line works with: the registered backends, {@code exec} operations and validation
 * suites. The class-path catalog loads each kind once, on first use, and records providers that fail
 * to load instead of failing the command; tests pass fixed lists instead.
 */
public interface Providers {
    /** Backends, for {@code info} and the device status. */
    List<Backend> backends();

    /** Operations {@code exec} can run. */
    List<ExecOperation> operations();

    /** Suites {@code validate} runs. */
    List<ValidationSuite> suites();

    /** The benchmark suites ({@code fusemath bench}); none unless loaded from the class path. */
    default List<BenchmarkSuite> benchmarks() {
        return List.of();
    }

    /** One line per provider that could not be loaded (so far), e.g. a class missing from the class path. */
    List<String> loadErrors();

    /** Fixed lists, with no load errors. */
    static Providers of(List<Backend> backends, List<ExecOperation> operations, List<ValidationSuite> suites) {
        return of(backends, operations, suites, List.of());
    }

    /** Fixed providers with benchmark suites (for tests). */
    static Providers of(List<Backend> backends, List<ExecOperation> operations, List<ValidationSuite> suites,
                        List<BenchmarkSuite> benchmarks) {
        List<Backend> b = List.copyOf(backends);
        List<ExecOperation> o = List.copyOf(operations);
        List<ValidationSuite> s = List.copyOf(suites);
        List<BenchmarkSuite> m = List.copyOf(benchmarks);
        return new Providers() {
            @Override
            public List<Backend> backends() {
                return b;
            }

            @Override
            public List<ExecOperation> operations() {
                return o;
            }

            @Override
            public List<ValidationSuite> suites() {
                return s;
            }

            @Override
            public List<BenchmarkSuite> benchmarks() {
                return m;
            }

            @Override
            public List<String> loadErrors() {
                return List.of();
            }
        };
    }

    /** The providers registered in {@code META-INF/services} on the class path; thread-safe. */
    static Providers fromClassPath() {
        return new ClassPathProviders();
    }

    /** Loads each service once with {@link ServiceLoader}, keeping going past broken providers. */
    final class ClassPathProviders implements Providers {
        // A broken configuration could make the iterator fail on every step; stop after this many errors.
        private static final int MAX_ERRORS = 64;

        private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        private List<Backend> backends;
        private List<ExecOperation> operations;
        private List<ValidationSuite> suites;
        private List<BenchmarkSuite> benchmarks;

        private ClassPathProviders() {
        }

        @Override
        public synchronized List<Backend> backends() {
            if (backends == null) {
                backends = load(Backend.class);
            }
            return backends;
        }

        @Override
        public synchronized List<ExecOperation> operations() {
            if (operations == null) {
                List<ExecOperation> all = new ArrayList<>(load(ExecOperation.class));
                for (ExecOperationGroup group : load(ExecOperationGroup.class)) {
                    all.addAll(group.operations());
                }
                operations = List.copyOf(all);
            }
            return operations;
        }

        @Override
        public synchronized List<ValidationSuite> suites() {
            if (suites == null) {
                suites = load(ValidationSuite.class);
            }
            return suites;
        }

        @Override
        public synchronized List<BenchmarkSuite> benchmarks() {
            if (benchmarks == null) {
                benchmarks = load(BenchmarkSuite.class);
            }
            return benchmarks;
        }

        @Override
        public List<String> loadErrors() {
            synchronized (errors) {
                return List.copyOf(errors);
            }
        }

        private <T> List<T> load(Class<T> service) {
            List<T> found = new ArrayList<>();
            Iterator<T> it = ServiceLoader.load(service, Providers.class.getClassLoader()).iterator();
            int failures = 0;
            while (failures < MAX_ERRORS) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    found.add(it.next());
                } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                    failures++;
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    errors.add(service.getSimpleName() + " provider failed to load: " + e.getMessage()
                            + (cause != e ? " (" + cause + ")" : ""));
                }
            }
            return List.copyOf(found);
        }
    }
}
