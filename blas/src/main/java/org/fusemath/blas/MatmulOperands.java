package org.fusemath.blas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;

/**
 * The host memory a {@link Matmul} reads and writes: A, B, C (single or batched views, or lists for the
 * list-batched form) and the epilogue's bias vector, GELU aux matrix or ReLU mask. Immutable; the arrays are
 * the caller's.
 *
 * <p>Aliasing is rejected: an output (C; the aux of a forward _AUX epilogue; the bias vector of a gradient
 * epilogue) may not share array slots with any other operand. The check compares the slot ranges each view
 * spans in the same array, so views that interleave without touching (e.g. even and odd columns) are
 * rejected too. A and B may alias each other freely.
 */
public final class MatmulOperands {
    private final List<HostMatrix> a;
    private final List<HostMatrix> b;
    private final List<HostMatrix> c;
    private final boolean list;
    private final HostMatrix bias;
    private final HostMatrix aux;
    private final ReluMask mask;
    private final PanelHook panelHook;

    private MatmulOperands(List<HostMatrix> a, List<HostMatrix> b, List<HostMatrix> c, boolean list, HostMatrix bias,
                           HostMatrix aux, ReluMask mask) {
        this(a, b, c, list, bias, aux, mask, null);
    }

    private MatmulOperands(List<HostMatrix> a, List<HostMatrix> b, List<HostMatrix> c, boolean list, HostMatrix bias,
                           HostMatrix aux, ReluMask mask, PanelHook panelHook) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.list = list;
        this.bias = bias;
        this.aux = aux;
        this.mask = mask;
        this.panelHook = panelHook;
    }

    /** A, B and C (C is read when beta ≠ 0 and receives the result); each may be a strided batch. */
    public static MatmulOperands of(HostMatrix a, HostMatrix b, HostMatrix c) {
        return new MatmulOperands(List.of(Arguments.requireNonNull(a, "a")), List.of(Arguments.requireNonNull(b, "b")),
                List.of(Arguments.requireNonNull(c, "c")), false, null, null, null);
    }

    /** The list-batched form: entry i computes with a.get(i), b.get(i), c.get(i); the lists have equal length. */
    public static MatmulOperands ofLists(List<HostMatrix> a, List<HostMatrix> b, List<HostMatrix> c) {
        List<HostMatrix> la = copy(a, "a");
        List<HostMatrix> lb = copy(b, "b");
        List<HostMatrix> lc = copy(c, "c");
        if (la.size() != lc.size() || lb.size() != lc.size()) {
            throw new ShapeMismatchException("a, b, c", "lists of " + la.size() + ", " + lb.size() + ", " + lc.size(),
                    "lists of equal length");
        }
        return new MatmulOperands(la, lb, lc, true, null, null, null);
    }

    private static List<HostMatrix> copy(List<HostMatrix> l, String name) {
        Arguments.requireNonNull(l, name);
        List<HostMatrix> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(Arguments.requireNonNull(l.get(i), name + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    /** These operands with a bias vector (read by BIAS epilogues, written by gradient epilogues). */
    public MatmulOperands withBias(HostMatrix vector) {
        return new MatmulOperands(a, b, c, list, Arguments.requireNonNull(vector, "bias"), aux, mask, panelHook);
    }

    /** These operands with a GELU aux matrix (written by GELU_AUX*, read by DGELU*). */
    public MatmulOperands withAux(HostMatrix geluInput) {
        return new MatmulOperands(a, b, c, list, bias, Arguments.requireNonNull(geluInput, "aux"), mask, panelHook);
    }

    /** These operands with a ReLU mask (written by RELU_AUX*, read by DRELU*). */
    public MatmulOperands withReluMask(ReluMask reluMask) {
        return new MatmulOperands(a, b, c, list, bias, aux, Arguments.requireNonNull(reluMask, "reluMask"), panelHook);
    }

    /** These operands with work to run on each finished panel of C's rows (see {@link PanelHook}). */
    public MatmulOperands withPanelHook(PanelHook hook) {
        return new MatmulOperands(a, b, c, list, bias, aux, mask, Arguments.requireNonNull(hook, "panelHook"));
    }

    /** The panel hook, or null. */
    public PanelHook panelHook() {
        return panelHook;
    }

    /** A (the first entry of a list). */
    public HostMatrix a() {
        return a.get(0);
    }

    /** B (the first entry of a list). */
    public HostMatrix b() {
        return b.get(0);
    }

    /** C (the first entry of a list). */
    public HostMatrix c() {
        return c.get(0);
    }

    /** Whether this is the list-batched form. */
    public boolean isList() {
        return list;
    }

    /** The number of entries: the list length, or 1 for the strided form (whose views carry their own batch). */
    public int entries() {
        return c.size();
    }

    /** A of list entry {@code i} (i = 0 for the strided form). */
    public HostMatrix a(int i) {
        return a.get(i);
    }

    /** B of list entry {@code i}. */
    public HostMatrix b(int i) {
        return b.get(i);
    }

    /** C of list entry {@code i}. */
    public HostMatrix c(int i) {
        return c.get(i);
    }

    /** The bias vector, or null. */
    public HostMatrix bias() {
        return bias;
    }

    /** The GELU aux matrix, or null. */
    public HostMatrix aux() {
        return aux;
    }

    /** The ReLU mask, or null. */
    public ReluMask reluMask() {
        return mask;
    }

    /** The spec's settings filled from these operands (type, shapes, list form); set ops, scalars and epilogue next. */
    public MatmulSpec.Builder specBuilder() {
        MatmulSpec.Builder bld = MatmulSpec.builder(a().dtype()).a(a().shape()).b(b().shape()).c(c().shape());
        if (list) {
            bld.listBatched(c.size());
        }
        if (bias != null) {
            bld.bias(bias.shape());
        }
        if (aux != null) {
            bld.aux(aux.shape());
        } else if (mask != null) {
            bld.aux(mask.shape());
        }
        return bld;
    }

    /**
     * Throws unless these operands fit {@code spec}: same type, the spec's geometry (offsets may differ),
     * the operands its epilogue needs and no others, and no aliasing output (see the class description).
     */
    public void requireMatching(MatmulSpec spec) {
        Arguments.requireNonNull(spec, "spec");
        if (list != (spec.batchMode() == MatmulSpec.BatchMode.LIST)) {
            throw new InvalidArgumentException("operands", list ? "lists" : "single views",
                    spec.batchMode() == MatmulSpec.BatchMode.LIST ? "lists for a list-batched spec" : "single views for a strided spec");
        }
        if (list && c.size() != spec.batchCount()) {
            throw new ShapeMismatchException("c", "a list of " + c.size(), "a list of " + spec.batchCount() + " as the spec");
        }
        for (int i = 0; i < c.size(); i++) {
            String suffix = list ? "[" + i + "]" : "";
            requireGeometry("a" + suffix, a.get(i), spec.a(), spec);
            requireGeometry("b" + suffix, b.get(i), spec.b(), spec);
            requireGeometry("c" + suffix, c.get(i), spec.c(), spec);
        }
        if ((spec.bias() == null) != (bias == null)) {
            throw new InvalidArgumentException("bias", bias == null ? "null" : bias.toString(),
                    spec.bias() == null ? "no bias for epilogue " + spec.epilogue() : "a bias vector for epilogue " + spec.epilogue());
        }
        if (bias != null) {
            requireGeometry("bias", bias, spec.bias(), spec);
        }
        Epilogue.AuxKind kind = spec.epilogue().auxKind();
        if ((kind == Epilogue.AuxKind.GELU_INPUT) != (aux != null)) {
            throw new InvalidArgumentException("aux", aux == null ? "null" : aux.toString(),
                    kind == Epilogue.AuxKind.GELU_INPUT ? "a GELU aux matrix for " + spec.epilogue() : "no GELU aux for " + spec.epilogue());
        }
        if ((kind == Epilogue.AuxKind.RELU_MASK) != (mask != null)) {
            throw new InvalidArgumentException("reluMask", mask == null ? "null" : mask.toString(),
                    kind == Epilogue.AuxKind.RELU_MASK ? "a ReLU mask for " + spec.epilogue() : "no ReLU mask for " + spec.epilogue());
        }
        if (aux != null) {
            requireGeometry("aux", aux, spec.aux(), spec);
        }
        if (mask != null && !sameGeometry(mask.shape(), spec.aux())) {
            throw new ShapeMismatchException("reluMask", mask.shape().toString(), spec.aux() + " (in bits) as the spec");
        }
        requireNoAliasing(spec);
    }

    private static void requireGeometry(String name, HostMatrix m, MatrixShape expected, MatmulSpec spec) {
        if (m.dtype() != spec.dtype()) {
            throw new InvalidArgumentException(name, "a " + m.dtype() + " matrix", spec.dtype() + " as the spec");
        }
        if (!sameGeometry(m.shape(), expected)) {
            throw new ShapeMismatchException(name, m.shape().toString(), expected + " as the spec (offsets may differ)");
        }
    }

    private static boolean sameGeometry(MatrixShape x, MatrixShape y) {
        return x.batch() == y.batch() && x.rows() == y.rows() && x.cols() == y.cols() && x.layout() == y.layout()
                && x.ld() == y.ld() && (x.batch() <= 1 || x.batchStride() == y.batchStride());
    }

    private void requireNoAliasing(MatmulSpec spec) {
        Overlaps overlaps = new Overlaps();
        for (int i = 0; i < c.size(); i++) {
            String suffix = list ? "[" + i + "]" : "";
            overlaps.add("a" + suffix, a.get(i), false).add("b" + suffix, b.get(i), false).add("c" + suffix, c.get(i), true);
        }
        Epilogue e = spec.epilogue();
        if (bias != null) {
            overlaps.add("bias", bias, e.biasGradient() != Epilogue.BiasGradient.NONE);
        }
        if (aux != null) {
            overlaps.add("aux", aux, e.writesAux());
        }
        overlaps.check();
    }

    @Override
    public String toString() {
        return "MatmulOperands[a=" + a() + ", b=" + b() + ", c=" + c() + (list ? ", " + c.size() + " entries" : "")
                + (bias == null ? "" : ", bias=" + bias) + (aux == null ? "" : ", aux=" + aux)
                + (mask == null ? "" : ", mask=" + mask) + "]";
    }
}
