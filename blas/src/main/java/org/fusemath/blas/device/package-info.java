/**
 * The device BLAS providers: matmul on cuBLASLt (and cuBLAS gemm where only it documents the semantics), and the
 * level 1–3 routines on cuBLAS ({@link org.fusemath.blas.device.CublasRoutines}), through the JavaCPP CUDA 13.1
 * preset, for host operands copied to the device and back (or, for a matmul, on device memory the caller owns:
 * {@link org.fusemath.blas.device.CublasLtMatmul#planResident}).
 *
 * <p>Planning is plain data, tested on the CPU: {@link org.fusemath.blas.device.CublasLtCall} describes the
 * cuBLASLt call a {@link org.fusemath.blas.MatmulSpec} becomes (operand swap, op flags, layouts, epilogue, bias
 * and aux geometry, compute type), {@link org.fusemath.blas.device.CublasGemmCall} the cuBLAS gemm, and
 * {@code DeviceProblem} which of them runs (or why the device cannot run a problem the host can).
 * Making the call goes through two thin call tables, {@code CublasCalls} (cuBLASLt, cuBLAS) and
 * {@code DeviceStreamCalls} (pooled memory, copies, events over fusemath-cuda), so that the same making code
 * runs against a recording CPU fake in tests. {@link org.fusemath.blas.device.CublasLtMatmul} is the plan. No
 * JavaCPP type appears in a public signature. The level 1–3 routines follow the same split:
 * {@link org.fusemath.blas.device.CublasRoutineCall} (built by {@code RoutineDescriptions}: row-major operands as
 * the column-major transposes, the {@code _64} entry points past int range) is the plain description, made through
 * {@code CublasCalls.routine} ({@code JavacppRoutines} finds the preset's entry point by name and parameter types).
 * {@code JavacppCublas} makes every other cuBLAS and cuBLASLt call as a {@link org.fusemath.cuda.device.NativeCall}
 * (the header's parameter names bound to their values), which tests record on the CPU and compare with the headers.
 *
 * <p>Status: written and proven on the CPU (the fake rebuilds every product from the attributes the plan set,
 * and every level 1–3 call from its positional C arguments, and runs them through the column-major BLAS
 * contract); not yet run on a GPU.
 */
package org.fusemath.blas.device;
