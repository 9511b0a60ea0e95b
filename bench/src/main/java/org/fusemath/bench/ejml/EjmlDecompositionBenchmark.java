package org.fusemath.bench.ejml;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;
import org.ejml.interfaces.decomposition.DecompositionInterface;
import org.ejml.interfaces.decomposition.EigenDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition;
import org.fusemath.bench.blas.PairedTimes;
import org.fusemath.ejml.EjmlExecution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The decompositions of {@code org.fusemath.ejml.DecompositionFactory_DDRM}/{@code _FDRM} on fusemath's LAPACK
 * (the decomposition threshold set to 0, so every size takes that path) paired in each invocation with EJML's own
 * decomposition from {@code org.ejml.dense.row.factory.DecompositionFactory_DDRM}/{@code _FDRM} on the same n×n
 * matrix (see {@link PairedTimes}: {@code baselineMs ÷ fusemathMs} is the speed-up): {@code op=svd} (compact, U and
 * V, both read back with {@code getU(null, false)}/{@code getV(null, true)}), {@code symmetricEig} (a symmetric A,
 * {@code eig(n, true, true)}, every eigenvector read) and {@code generalEig} (a random A, {@code eig(n, true, false)},
 * every eigenvector read). EJML's eigen decompositions overwrite their input, so they get a copy (what
 * {@code decomposeSafe} costs a caller); fusemath's never do. The crossover of the two sides is the size from which
 * the facades use fusemath ({@code DecompositionThresholds} in the ejml module).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xss16m")
public class EjmlDecompositionBenchmark {
    @Param({"8", "32", "128", "500"})
    public int n;

    @Param({"svd", "symmetricEig", "generalEig"})
    public String op;

    @Param({"F64", "F32"})
    public String type;

    private Matrix a;
    private DecompositionInterface<Matrix> fusemath;
    private DecompositionInterface<Matrix> ejml;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        EjmlExecution.setThreshold(EjmlExecution.Family.DECOMPOSITION, 0);
        SplittableRandom r = new SplittableRandom(n);
        double[] values = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                values[i * n + j] = 2 * r.nextDouble() - 1;
            }
        }
        if (op.equals("symmetricEig")) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    values[j * n + i] = values[i * n + j];
                }
            }
        }
        boolean f64 = type.equals("F64");
        if (f64) {
            a = DMatrixRMaj.wrap(n, n, values);
        } else {
            FMatrixRMaj f = new FMatrixRMaj(n, n);
            for (int i = 0; i < values.length; i++) {
                f.data[i] = (float) values[i];
            }
            a = f;
        }
        switch (op) {
            case "svd" -> {
                fusemath = (DecompositionInterface<Matrix>) (Object) (f64
                        ? org.fusemath.ejml.DecompositionFactory_DDRM.svd(true, true, true)
                        : org.fusemath.ejml.DecompositionFactory_FDRM.svd(true, true, true));
                ejml = (DecompositionInterface<Matrix>) (Object) (f64
                        ? org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(true, true, true)
                        : org.ejml.dense.row.factory.DecompositionFactory_FDRM.svd(true, true, true));
            }
            case "symmetricEig", "generalEig" -> {
                boolean symmetric = op.equals("symmetricEig");
                fusemath = (DecompositionInterface<Matrix>) (Object) (f64
                        ? org.fusemath.ejml.DecompositionFactory_DDRM.eig(n, true, symmetric)
                        : org.fusemath.ejml.DecompositionFactory_FDRM.eig(n, true, symmetric));
                ejml = (DecompositionInterface<Matrix>) (Object) (f64
                        ? org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, true, symmetric)
                        : org.ejml.dense.row.factory.DecompositionFactory_FDRM.eig(n, true, symmetric));
            }
            default -> throw new IllegalArgumentException("op " + op);
        }
    }

    @Benchmark
    public void pairedDecomposition(PairedTimes times) {
        times.run(() -> run(fusemath), () -> run(ejml));
    }

    private Object run(DecompositionInterface<Matrix> d) {
        Matrix input = d.inputModified() ? a.copy() : a;
        if (!d.decompose(input)) {
            throw new IllegalStateException(op + " failed");
        }
        if (d instanceof SingularValueDecomposition<?> svd) {
            readBack(svd);
            return svd;
        }
        EigenDecomposition<?> eig = (EigenDecomposition<?>) d;
        Object last = null;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            last = eig.getEigenVector(i);
        }
        return last;
    }

    private static <T extends Matrix> void readBack(SingularValueDecomposition<T> svd) {
        svd.getU(null, false);
        svd.getV(null, true);
    }
}
