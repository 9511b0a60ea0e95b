/**
 * Dense solvers: {@link org.fusemath.solver.Linalg} (NumPy's {@code numpy.linalg.solve}, {@code inv} and
 * {@code det}) as thin function forms over {@link org.fusemath.solver.LuFactorization}, which factors once and
 * solves many times. Host execution runs LAPACK ({@code getrf}/{@code getrs}) through fusemath's host call table
 * on the caller's arrays; a row-major matrix is factored as the column-major transpose it already is, and
 * solved with the transposed flag, so no transposition is ever made.
 *
 * <p>{@link org.fusemath.solver.BatchedSolve} (and {@code Linalg.solveBatched}) solves stacks of small systems
 * of one size by LU or Cholesky: on the host with pure-Java kernels for tiny real members and LAPACK otherwise,
 * members spread over the context's threads with bit-identical results whatever their number; with
 * {@code Execution.device()} on cuBLAS's and cuSOLVER's batched routines and cuSOLVER's 64-bit generic API
 * ({@code org.fusemath.solver.device}).
 */
package org.fusemath.solver;
