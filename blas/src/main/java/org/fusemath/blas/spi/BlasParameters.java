package org.fusemath.blas.spi;

import java.util.List;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;

/**
 * The options of the blas exec operations, declared once as data ({@link ExecParameter}): the command line checks
 * and lists them, the operations read them through these constants (so each default is stated here only).
 */
final class BlasParameters {
    static final ExecParameter TRANS = op("trans", "op(A): n as is, t transposed, c conjugate-transposed", "n", "t", "c");
    /** syrk: the real transposes only. */
    static final ExecParameter TRANS_SYRK = op("trans", "n: A @ A.T, t: A.T @ A", "n", "t");
    /** herk: no transpose or the conjugate transpose. */
    static final ExecParameter TRANS_HERK = op("trans", "n: A @ A.conj().T, c: A.conj().T @ A", "n", "c");
    static final ExecParameter TRANS_A = op("trans-a", "op(A): n, t or c", "n", "t", "c");
    static final ExecParameter TRANS_B = op("trans-b", "op(B): n, t or c", "n", "t", "c");
    static final ExecParameter UPLO = ExecParameter.choice("uplo", "u", "the triangle of A (or of C) that is read or written",
            "u", "l").withCheck(v -> oneOf("--uplo", v, "u or l", "u", "upper", "l", "lower"));
    static final ExecParameter SIDE = ExecParameter.choice("side", "l", "l: the triangular/symmetric matrix on the left, r: right",
            "l", "r").withCheck(v -> oneOf("--side", v, "l or r", "l", "left", "r", "right"));
    static final ExecParameter DIAG = ExecParameter.choice("diag", "n", "u: the diagonal of A is taken as ones",
            "n", "u").withCheck(v -> oneOf("--diag", v, "n or u", "n", "non_unit", "u", "unit"));
    static final ExecParameter ALPHA = scalar("alpha", "1", "the scalar alpha; complex as 1+2j");
    static final ExecParameter BETA = scalar("beta", "1", "the scalar beta on the accumulator input (only with that input)");

    private BlasParameters() {
    }

    static List<ExecParameter> of(ExecParameter... parameters) {
        return List.of(parameters);
    }

    private static ExecParameter op(String name, String help, String... allowed) {
        List<String> values = List.of(allowed);
        return ExecParameter.choice(name, "n", help, allowed).withCheck(v -> {
            Op op;
            try {
                op = Op.parse(v);
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException("--" + name, "'" + v + "'", ExecParameter.alternatives(values));
            }
            if (!values.contains(String.valueOf("ntc".charAt(op.ordinal())))) {
                throw new InvalidArgumentException("--" + name, "'" + v + "'", ExecParameter.alternatives(values));
            }
        });
    }

    private static ExecParameter scalar(String name, String defaultValue, String help) {
        return ExecParameter.number(name, defaultValue, help, v -> Scalar.parse("--" + name, v));
    }

    private static void oneOf(String option, String value, String expected, String... accepted) {
        for (String a : accepted) {
            if (a.equalsIgnoreCase(value.trim())) {
                return;
            }
        }
        throw new InvalidArgumentException(option, "'" + value + "'", expected);
    }
}
