package org.fusemath.ejml.differential;

import java.lang.reflect.Array;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.Complex_F32;
import org.ejml.data.Complex_F64;
import org.ejml.data.ElementLocation;
import org.ejml.data.Matrix;

/**
 * Compares a facade call's outcome with EJML's: the same exception class, the same return (by the identity rule:
 * the same argument returned, or a new object on both sides), the same shapes, the same values (bit for bit, or
 * within {@link Accuracy}'s bound where the facade call ran accelerated) and the same mutation of every argument.
 */
final class Differ {

    private final String method;
    private final Object[] before;
    private final boolean accelerated;
    private final List<String> differences = new ArrayList<>();
    /** Exception messages that differ (the classes agree); reported, not failed. */
    private final List<String> messageDifferences = new ArrayList<>();

    Differ(String method, Object[] before, boolean accelerated) {
        this.method = method;
        this.before = before;
        this.accelerated = accelerated;
    }

    /** The differences found (empty when the outcomes agree). */
    List<String> compare(Outcome ejml, Outcome facade) {
        if (ejml.thrown() != null || facade.thrown() != null) {
            if (ejml.thrown() == null || facade.thrown() == null) {
                differences.add("EJML " + describe(ejml) + " but facade " + describe(facade));
            } else if (ejml.thrown().getClass() != facade.thrown().getClass()) {
                differences.add("EJML threw " + ejml.thrown() + " but facade threw " + facade.thrown());
            } else if (!Objects.equals(ejml.thrown().getMessage(), facade.thrown().getMessage())
                    && ejml.thrown().getMessage() != null && facade.thrown().getMessage() != null) {
                // (A null message is the JVM's fast throw of a hot implicit exception, not the library's text.)
                messageDifferences.add(ejml.thrown().getClass().getSimpleName() + " \"" + ejml.thrown().getMessage()
                        + "\" vs \"" + facade.thrown().getMessage() + "\"");
            }
            // After an exception the arguments' state is unspecified: EJML may have written part of an output.
            return differences;
        }
        int e = ejml.resultArgument();
        int f = facade.resultArgument();
        if (e != f) {
            differences.add("return identity: EJML returned " + (e < 0 ? "a new object" : "argument " + e)
                    + ", facade " + (f < 0 ? "a new object" : "argument " + f));
        }
        value("return value", ejml.result(), facade.result());
        if (Boolean.FALSE.equals(ejml.result()) && Boolean.FALSE.equals(facade.result())) {
            // Both reported failure (a singular or not positive definite input): outputs hold no defined values,
            // only their shapes are compared.
            for (int i = 0; i < ejml.args().length; i++) {
                if (ejml.args()[i] instanceof org.ejml.data.Matrix && facade.args()[i] instanceof org.ejml.data.Matrix
                        && (Kind.rows(ejml.args()[i]) != Kind.rows(facade.args()[i])
                        || Kind.cols(ejml.args()[i]) != Kind.cols(facade.args()[i]))) {
                    differences.add("argument " + i + " after the call: shape differs");
                }
            }
            return differences;
        }
        for (int i = 0; i < ejml.args().length; i++) {
            value("argument " + i + " after the call", ejml.args()[i], facade.args()[i]);
        }
        return differences;
    }

    List<String> messageDifferences() {
        return messageDifferences;
    }

    private static String describe(Outcome o) {
        return o.thrown() != null ? "threw " + o.thrown() : "returned " + o.result();
    }

    private void value(String where, Object e, Object f) {
        if (e == null || f == null) {
            if (e != f) {
                differences.add(where + ": EJML " + e + ", facade " + f);
            }
            return;
        }
        if (e.getClass() != f.getClass()) {
            differences.add(where + ": EJML " + e.getClass().getSimpleName() + ", facade " + f.getClass().getSimpleName());
            return;
        }
        if (Proxy.isProxyClass(e.getClass())) {
            return;
        }
        if (e instanceof Matrix) {
            matrix(where, e, f);
        } else if (e.getClass().isArray()) {
            int n = Array.getLength(e);
            if (n != Array.getLength(f)) {
                differences.add(where + ": length " + n + " vs " + Array.getLength(f));
                return;
            }
            if (e.getClass().getComponentType().isPrimitive()) {
                for (int i = 0; i < n; i++) {
                    if (!bitEqual(Array.get(e, i), Array.get(f, i))) {
                        differences.add(where + "[" + i + "]: EJML " + Array.get(e, i) + ", facade " + Array.get(f, i));
                        return;
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    value(where + "[" + i + "]", Array.get(e, i), Array.get(f, i));
                }
            }
        } else if (e instanceof Double || e instanceof Float) {
            if (!bitEqual(e, f)) {
                numeric(where, e, f);
            }
        } else if (e instanceof Complex_F64 a && f instanceof Complex_F64 b) {
            if (Double.compare(a.real, b.real) != 0 || Double.compare(a.imaginary, b.imaginary) != 0) {
                numeric(where, e, f);
            }
        } else if (e instanceof Complex_F32 a && f instanceof Complex_F32 b) {
            if (Float.compare(a.real, b.real) != 0 || Float.compare(a.imaginary, b.imaginary) != 0) {
                numeric(where, e, f);
            }
        } else if (e instanceof ElementLocation a && f instanceof ElementLocation b) {
            if (a.row != b.row || a.col != b.col) {
                differences.add(where + ": EJML " + a + ", facade " + b);
            }
        } else if (!e.equals(f)) {
            differences.add(where + ": EJML " + e + ", facade " + f);
        }
    }

    private void matrix(String where, Object e, Object f) {
        if (Kind.rows(e) != Kind.rows(f) || Kind.cols(e) != Kind.cols(f)) {
            differences.add(where + ": shape EJML " + Kind.rows(e) + "x" + Kind.cols(e) + ", facade "
                    + Kind.rows(f) + "x" + Kind.cols(f));
            return;
        }
        int used = Kind.used(e);
        for (int i = 0; i < used; i++) {
            if (Double.compare(Kind.entry(e, i), Kind.entry(f, i)) != 0) {
                numeric(where, e, f);
                return;
            }
        }
    }

    /** Values that are not bit-identical: allowed only for an accelerated call, within its family's bound. */
    private void numeric(String where, Object e, Object f) {
        if (!accelerated) {
            differences.add(where + ": not bit-identical to EJML in a delegated call (" + firstDifference(e, f) + ")");
            return;
        }
        String failure = Accuracy.check(method, before, e, f);
        if (failure != null) {
            differences.add(where + ": " + failure);
        }
    }

    private static String firstDifference(Object e, Object f) {
        if (e instanceof Matrix) {
            for (int i = 0; i < Kind.used(e); i++) {
                if (Double.compare(Kind.entry(e, i), Kind.entry(f, i)) != 0) {
                    return "entry " + i + ": " + Kind.entry(e, i) + " vs " + Kind.entry(f, i);
                }
            }
        }
        return e + " vs " + f;
    }

    private static boolean bitEqual(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y) == 0;
        }
        if (a instanceof Float x && b instanceof Float y) {
            return Float.compare(x, y) == 0;
        }
        return a.equals(b);
    }
}
