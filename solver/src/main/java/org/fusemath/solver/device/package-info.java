/**
 * The device solver provider on cuSOLVER and cuBLAS (JavaCPP CUDA 13.1 preset), for host operands copied to the
 * device and back: batched LU ({@code cublas<t>getrfBatched}/{@code getrsBatched}) and Cholesky
 * ({@code cusolverDn<t>potrfBatched}/{@code potrsBatched}) up to order 32, and past it the 64-bit generic API
 * ({@code cusolverDnXgetrf}/{@code Xgetrs}, {@code Xpotrf}/{@code Xpotrs}) per member with one workspace query per
 * call. QR, SVD and eigen ({@link org.fusemath.solver.device.DecompositionCall}, made by {@code DeviceDecomposition}):
 * {@code cusolverDnXgeqrf} with Q formed by the typed {@code cusolverDn<t>orgqr}/{@code <t>ungqr} (the 13.1
 * bindings have no 64-bit {@code Xorgqr}), {@code Xgesvd} (m ≥ n), {@code Xsyevd} and {@code Xgeev} (right
 * vectors only; for real A the 2·n real eigenvalue parts), each after its {@code *_bufferSize} query. The
 * single-matrix LU ({@code Xgetrf}/{@code Xgetrs}, {@code DeviceLu}) and the decompositions are reached from the
 * public API through {@link org.fusemath.solver.device.CusolverDevice}, which asks the CUDA probe first.
 * The Jacobi SVD ({@link org.fusemath.solver.device.JacobiSvdCall}, made by {@code DeviceJacobiSvd}): the typed
 * {@code cusolverDn<t>gesvdj} (thin or full vectors; the 13.1 bindings have no 64-bit generic Jacobi SVD) and
 * {@code <t>gesvdjBatched} (m, n ≤ 32, full vectors), each after its {@code _bufferSize} query, with a
 * {@code gesvdjInfo} carrying tolerance, maximum sweeps and sorting; the solver API runs gesvdj for matrices of
 * at most 256 rows and columns, gesvdjBatched for stacks within its limits and {@code Xgesvd} otherwise.
 * The single-matrix Cholesky ({@code Xpotrf}/{@code Xpotrs}, {@code DeviceCholesky}) backs the public Cholesky
 * factorisation on the device. {@link org.fusemath.solver.device.DecompositionPlan} and
 * {@link org.fusemath.solver.device.JacobiSvdPlan} prepare one call for repeated use (handle, buffers and one
 * workspace query made at plan time from the stream-ordered pool, released by close or a Cleaner): the public
 * SVD and eigen plans run on them.
 *
 * <p>Planning is plain data tested on the CPU: {@link org.fusemath.solver.device.CusolverCall} describes each call
 * (routine, type, orders, leading dimensions, transpose flag, triangle, batch) and rejects by name what a routine
 * cannot take; {@code DeviceBatchedSolve} makes the calls through the thin table {@code CusolverCalls} and device
 * memory through {@code DeviceMemory} (the cuda module's stream allocations), so tests run the same making code
 * against CPU fakes that execute every description through LAPACK's identical contract. {@code JavacppCusolver}
 * makes each call as a {@link org.fusemath.cuda.device.NativeCall}, which tests record and compare with the
 * preset's declarations. devInfo is read back and the lowest failing member reported as on the host.
 *
 * <p>Status: written and proven on the CPU; not yet run on a GPU.
 */
package org.fusemath.solver.device;
