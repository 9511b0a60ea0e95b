/**
 * Dense solvers: {@link org.fusemath.solver.Linalg} (NumPy's {@code numpy.linalg.solve}, {@code inv} and
 * {@code det}) as thin function forms over {@link org.fusemath.solver.LuFactorization}, which factors once and
 * solves many times. Host execution runs LAPACK ({@code getrf}/{@code getrs}) through fusemath's host call table
 * on the caller's arrays; a row-major matrix is factored as the column-major transpose it already is, and
 * solved with the transposed flag, so no transposition is ever made.
 *
 * <p>Spectral decompositions, all four types: {@link org.fusemath.solver.SvdPlan} ({@link org.fusemath.solver.Svd};
 * gesdd, gesvd when it does not converge), {@link org.fusemath.solver.HermitianEigenPlan} (syevd/heevd) and
 * {@link org.fusemath.solver.EigenPlan} (geev, complex results for real input), each querying LAPACK's workspace once
 * for any number of matrices of its shape, with the function forms {@code Linalg.svd}, {@code svdvals}, {@code eigh},
 * {@code eigvalsh}, {@code eig} and {@code eigvals}.
 */
package org.fusemath.solver;
