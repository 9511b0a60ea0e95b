/**
 * Dense solvers: {@link org.fusemath.solver.Linalg} (NumPy's {@code numpy.linalg.solve}, {@code inv} and
 * {@code det}) as thin function forms over {@link org.fusemath.solver.LuFactorization}, which factors once and
 * solves many times. Host execution runs LAPACK ({@code getrf}/{@code getrs}) through fusemath's host call table
 * on the caller's arrays; a row-major matrix is factored as the column-major transpose it already is, and
 * solved with the transposed flag, so no transposition is ever made.
 */
package org.fusemath.solver;
