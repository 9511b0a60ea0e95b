package org.fusemath.api;

/** An iterative algorithm (eigenvalues, SVD) did not converge; {@code info} counts what failed. */
public class NoConvergenceException extends NumericalException {
    private static final long serialVersionUID = 1L;

    /** {@code what} did not converge; {@code info} as LAPACK reports it. */
    public NoConvergenceException(String what, long info) {
        super(what + " did not converge", info);
    }
}
