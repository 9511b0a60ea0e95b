/**
 * Checking numerical results against references with error bounds, for your own tests: {@link
 * org.fusemath.verify.Validation#compare} measures the error metrics of a result beside its reference and judges them
 * against a {@link org.fusemath.verify.Tolerance} derived from the operation's error bound (GEMM, FFT, ULPs), {@link
 * org.fusemath.verify.Validation#solve}, {@link org.fusemath.verify.Validation#factorization} and {@link
 * org.fusemath.verify.Validation#symmetricEigen} judge results by their residual-based backward error, and the
 * {@code assert...} forms throw an {@link java.lang.AssertionError} that names the worst element, the observed error
 * and the bound. Plain Java: no test framework is needed.
 *
 * <p>Every type here is immutable and every method is safe to call from any thread; the arrays passed in are read,
 * never kept or written.
 */
package org.fusemath.verify;
