/**
 * Dense solvers. {@link org.fusemath.solver.Linalg} holds NumPy's function forms ({@code solve}, {@code inv},
 * {@code det}, {@code slogdet}, {@code cholesky}, {@code lstsq}) as thin wrappers over the factor objects:
 * {@link org.fusemath.solver.LuFactorization} (factor once: solves with A, Aᵀ or Aᴴ, inverse, determinant,
 * log-determinant, condition estimate), {@link org.fusemath.solver.LuSolver} (the stateful plan → factorize → solve →
 * resetOperands form for repeated solves of one shape), {@link org.fusemath.solver.CholeskyFactorization} and
 * {@link org.fusemath.solver.QrFactorization}. Host execution runs LAPACK through fusemath's host call table on the
 * caller's arrays; a row-major matrix is factored as the column-major transpose it already is where the mathematics
 * allows (LU, Cholesky), so no transposition is made there; QR and lstsq copy a row-major A transposed.
 * {@link org.fusemath.solver.QrPlan} and {@link org.fusemath.solver.LeastSquaresPlan} are the host plans for
 * repeated QR factorisations and lstsq solves of one shape: LAPACK's workspaces are queried once and reused, where
 * the function forms query per call, with bit-identical results.
 *
 * <p>Spectral decompositions, all four types: {@link org.fusemath.solver.SvdPlan} ({@link org.fusemath.solver.Svd};
 * gesdd, gesvd when it does not converge), {@link org.fusemath.solver.HermitianEigenPlan} (syevd/heevd) and
 * {@link org.fusemath.solver.EigenPlan} (geev, complex results for real input), each querying LAPACK's workspace once
 * for any number of matrices of its shape, with the function forms {@code Linalg.svd}, {@code svdvals}, {@code eigh},
 * {@code eigvalsh}, {@code eig} and {@code eigvals}. {@link org.fusemath.solver.BatchedSvd} decomposes every member of
 * a stack (one plan reused on the host; on the device one Jacobi {@code gesvdjBatched} call for members of at most
 * 32 rows and columns).
 *
 * <p>{@link org.fusemath.solver.BatchedSolve} (and {@code Linalg.solveBatched}) solves stacks of small systems
 * of one size by LU or Cholesky: on the host with pure-Java kernels for tiny real members and LAPACK otherwise,
 * members spread over the context's threads with bit-identical results whatever their number; with
 * {@code Execution.device()} on cuBLAS's and cuSOLVER's batched routines and cuSOLVER's 64-bit generic API
 * ({@code org.fusemath.solver.device}).
 */
package org.fusemath.solver;
