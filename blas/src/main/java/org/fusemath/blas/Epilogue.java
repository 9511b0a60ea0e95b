package org.fusemath.blas;

import java.util.Locale;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/**
 * What a matmul does to its result before storing it: cuBLASLt's {@code cublasLtEpilogue_t}, with the same
 * names, values and arithmetic on the host and the device.
 *
 * <p>Let X = alpha·op(A)·op(B) + beta·C be the m×n product (row-major, as NumPy sees it). Then
 * <ul>
 * <li>BIAS adds {@code bias[j]} (a vector of length n, one value per result column, broadcast over the rows:
 *     NumPy's {@code A @ B + bias}) to X before any activation;</li>
 * <li>RELU stores max(X, 0); a NaN stays NaN (cuBLASLt is reported to return 0 for NaN inputs);</li>
 * <li>GELU stores cuBLASLt's tanh approximation
 *     GELU(x) = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)));</li>
 * <li>the {@code _AUX} variants also store the activation's input for the backward pass: GELU_AUX the
 *     pre-activation values X (+ bias) as an m×n row-major matrix of the result type; RELU_AUX a bit mask
 *     with bit (i, j) set where X (+ bias) &gt; 0 (see {@link ReluMask} for the layout);</li>
 * <li>DRELU stores X ⊙ mask (the ReLU gradient, reading a RELU_AUX mask); DGELU stores X ⊙ GELU'(aux)
 *     (reading a GELU_AUX matrix); the {@code _BGRAD} variants also store the bias gradient
 *     {@code bgrad[j] = Σᵢ D[i, j]} of that result into the bias vector (length n);</li>
 * <li>BGRADA stores X unchanged and the bias gradient of A, {@code bgrad[i] = Σₚ op(A)[i, p]} (length m);
 *     BGRADB that of B, {@code bgrad[j] = Σₚ op(B)[p, j]} (length n).</li>
 * </ul>
 *
 * <p>cuBLASLt is column-major. A row-major m×n result is computed there as the column-major n×m product
 * Dᵀ = op(B)ᵀ·op(A)ᵀ (the operand swap), in which "one bias value per column of the row-major result" is
 * cuBLASLt's native "one value per row of D", the aux matrices are its column-major aux with the leading
 * dimension of a result row, and our BGRADA/BGRADB are cuBLASLt's BGRADB/BGRADA. Epilogues that read or
 * write a bias vector or an aux matrix therefore require a row-major C ({@link #needsRowMajorResult()}).
 *
 * <p>Only real types (F32, F64) take epilogues other than DEFAULT; see {@link #supports(DType)}.
 */
public enum Epilogue {
    /** No post-processing. */
    DEFAULT(1, false, Activation.NONE, Activation.NONE, AuxKind.NONE, false, BiasGradient.NONE),
    /** max(X, 0). */
    RELU(2, false, Activation.RELU, Activation.NONE, AuxKind.NONE, false, BiasGradient.NONE),
    /** max(X, 0) and the ReLU bit mask. */
    RELU_AUX(130, false, Activation.RELU, Activation.NONE, AuxKind.RELU_MASK, true, BiasGradient.NONE),
    /** X + bias. */
    BIAS(4, true, Activation.NONE, Activation.NONE, AuxKind.NONE, false, BiasGradient.NONE),
    /** max(X + bias, 0). */
    RELU_BIAS(6, true, Activation.RELU, Activation.NONE, AuxKind.NONE, false, BiasGradient.NONE),
    /** max(X + bias, 0) and the ReLU bit mask of X + bias. */
    RELU_AUX_BIAS(134, true, Activation.RELU, Activation.NONE, AuxKind.RELU_MASK, true, BiasGradient.NONE),
    /** X ⊙ mask, reading a RELU_AUX mask. */
    DRELU(136, false, Activation.NONE, Activation.RELU, AuxKind.RELU_MASK, false, BiasGradient.NONE),
    /** X ⊙ mask and its column sums into the bias vector. */
    DRELU_BGRAD(152, false, Activation.NONE, Activation.RELU, AuxKind.RELU_MASK, false, BiasGradient.RESULT_COLUMNS),
    /** GELU(X). */
    GELU(32, false, Activation.GELU, Activation.NONE, AuxKind.NONE, false, BiasGradient.NONE),
    /** GELU(X) and X in the aux matrix. */
    GELU_AUX(160, false, Activation.GELU, Activation.NONE, AuxKind.GELU_INPUT, true, BiasGradient.NONE),
    /** GELU(X + bias). */
    GELU_BIAS(36, true, Activation.GELU, Activation.NONE, AuxKind.NONE, false, BiasGradient.NONE),
    /** GELU(X + bias) and X + bias in the aux matrix. */
    GELU_AUX_BIAS(164, true, Activation.GELU, Activation.NONE, AuxKind.GELU_INPUT, true, BiasGradient.NONE),
    /** X ⊙ GELU'(aux), reading a GELU_AUX matrix. */
    DGELU(192, false, Activation.NONE, Activation.GELU, AuxKind.GELU_INPUT, false, BiasGradient.NONE),
    /** X ⊙ GELU'(aux) and its column sums into the bias vector. */
    DGELU_BGRAD(208, false, Activation.NONE, Activation.GELU, AuxKind.GELU_INPUT, false, BiasGradient.RESULT_COLUMNS),
    /** X, and the row sums of op(A) (length m) into the bias vector. */
    BGRADA(256, false, Activation.NONE, Activation.NONE, AuxKind.NONE, false, BiasGradient.A_ROWS),
    /** X, and the column sums of op(B) (length n) into the bias vector. */
    BGRADB(512, false, Activation.NONE, Activation.NONE, AuxKind.NONE, false, BiasGradient.B_COLUMNS);

    /** A point-wise activation (forward) or the activation whose derivative is applied (backward). */
    public enum Activation {
        /** None. */
        NONE,
        /** max(x, 0). */
        RELU,
        /** cuBLASLt's tanh-approximated GELU. */
        GELU
    }

    /** What the aux operand holds. */
    public enum AuxKind {
        /** The epilogue has no aux operand. */
        NONE,
        /** One bit per result element: set where the ReLU input was &gt; 0 ({@link ReluMask}). */
        RELU_MASK,
        /** The GELU input, one value of the result type per result element. */
        GELU_INPUT
    }

    /** Which bias gradient the epilogue writes into the bias vector. */
    public enum BiasGradient {
        /** None. */
        NONE,
        /** Column sums of the stored result (length n). */
        RESULT_COLUMNS,
        /** Row sums of op(A) over the inner dimension (length m). */
        A_ROWS,
        /** Column sums of op(B) over the inner dimension (length n). */
        B_COLUMNS
    }

    private final int cublasLtValue;
    private final boolean biasInput;
    private final Activation activation;
    private final Activation derivative;
    private final AuxKind aux;
    private final boolean auxOutput;
    private final BiasGradient biasGradient;

    Epilogue(int cublasLtValue, boolean biasInput, Activation activation, Activation derivative, AuxKind aux,
             boolean auxOutput, BiasGradient biasGradient) {
        this.cublasLtValue = cublasLtValue;
        this.biasInput = biasInput;
        this.activation = activation;
        this.derivative = derivative;
        this.aux = aux;
        this.auxOutput = auxOutput;
        this.biasGradient = biasGradient;
    }

    /** The value of the matching {@code CUBLASLT_EPILOGUE_*} constant. */
    public int cublasLtValue() {
        return cublasLtValue;
    }

    /** Whether a bias vector is added before the activation. */
    public boolean takesBias() {
        return biasInput;
    }

    /** The forward activation applied to the result. */
    public Activation activation() {
        return activation;
    }

    /** The activation whose derivative multiplies the result (DRELU, DGELU), or NONE. */
    public Activation derivative() {
        return derivative;
    }

    /** What the aux operand holds, or NONE. */
    public AuxKind auxKind() {
        return aux;
    }

    /** Whether the aux operand is written (forward _AUX variants) rather than read (DRELU, DGELU). */
    public boolean writesAux() {
        return auxOutput;
    }

    /** Whether the aux operand is read. */
    public boolean readsAux() {
        return aux != AuxKind.NONE && !auxOutput;
    }

    /** The bias gradient written into the bias vector, or NONE. */
    public BiasGradient biasGradient() {
        return biasGradient;
    }

    /** Whether the epilogue has a bias vector operand (read for BIAS variants, written for gradients). */
    public boolean usesBiasVector() {
        return biasInput || biasGradient != BiasGradient.NONE;
    }

    /** The bias vector's length for an m×n result: m for BGRADA, n for the others, 0 without one. */
    public long biasLength(long m, long n) {
        if (!usesBiasVector()) {
            return 0;
        }
        return biasGradient == BiasGradient.A_ROWS ? m : n;
    }

    /**
     * Whether C must be row-major: epilogues whose bias or aux follow the result's rows and columns map onto
     * cuBLASLt's native conventions only through the operand swap of a row-major result.
     */
    public boolean needsRowMajorResult() {
        return aux != AuxKind.NONE || biasInput || biasGradient == BiasGradient.RESULT_COLUMNS;
    }

    /** Whether this epilogue is defined for {@code dtype}: every type takes DEFAULT; only F32 and F64 take the others. */
    public boolean supports(DType dtype) {
        return this == DEFAULT || !dtype.isComplex();
    }

    /** Throws {@link UnsupportedEpilogueException} unless {@link #supports(DType)}. */
    public void requireSupported(DType dtype) {
        if (!supports(dtype)) {
            throw new UnsupportedEpilogueException(this, dtype);
        }
    }

    /**
     * The aux leading dimension cuBLASLt requires for an m×n row-major result: n rounded up to 128 bits for a
     * ReLU mask (in bits), to 8 elements for a GELU input; the host accepts any leading dimension ≥ n.
     */
    public long alignedAuxLd(long n) {
        Arguments.requireNonNegative("n", n);
        long align = aux == AuxKind.RELU_MASK ? 128 : 8;
        return Math.max(align, Arguments.multiply("aux ld", (n + align - 1) / align, align));
    }

    /** Parses a name such as {@code relu_bias} or {@code RELU-BIAS}, case-insensitively. */
    public static Epilogue parse(String name) {
        Arguments.requireNonNull(name, "epilogue");
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Epilogue e : values()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        throw new InvalidArgumentException("epilogue", "'" + name + "'",
                "one of " + java.util.Arrays.toString(values()) + " (case-insensitive)");
    }
}
