package org.fusemath.solver;

/** What an SVD computes: the singular values only, or with the thin (reduced) or full singular vectors. */
public enum SvdMode {
    /** Σ only ({@code numpy.linalg.svd(a, compute_uv=False)}, {@code svdvals}). */
    VALUES('N'),
    /** U (m×k), Σ (k), Vᴴ (k×n) with k = min(m, n) ({@code full_matrices=False}). */
    THIN('S'),
    /** U (m×m), Σ (k), Vᴴ (n×n) ({@code full_matrices=True}, NumPy's default). */
    FULL('A');

    private final char job;

    SvdMode(char job) {
        this.job = job;
    }

    /** LAPACK's {@code jobz} letter. */
    char job() {
        return job;
    }
}
