/**
 * The device matmul provider: cuBLASLt (and cuBLAS gemm where only it documents the semantics) through the
 * JavaCPP CUDA 13.1 preset, for host operands copied to the device and back.
 *
 * <p>Planning is plain data, tested on the CPU: {@link org.fusemath.blas.device.CublasLtCall} describes the
 * cuBLASLt call a {@link org.fusemath.blas.MatmulSpec} becomes (operand swap, op flags, layouts, epilogue, bias
 * and aux geometry, compute type), {@link org.fusemath.blas.device.CublasGemmCall} the cuBLAS gemm, and
 * {@code DeviceProblem} which of them runs (or why the device cannot run a problem the host can).
 * Making the call goes through two thin call tables, {@code CublasCalls} (cuBLASLt, cuBLAS) and
 * {@code DeviceStreamCalls} (pooled memory, copies, events over fusemath-cuda), so that the same making code
 * runs against a recording CPU fake in tests. {@link org.fusemath.blas.device.CublasLtMatmul} is the plan. No
 * JavaCPP type appears in a public signature.
 *
 * <p>Status: written and proven on the CPU (the fake rebuilds every product from the attributes the plan set
 * and runs it through the column-major BLAS contract); not yet run on a GPU.
 */
package org.fusemath.blas.device;
