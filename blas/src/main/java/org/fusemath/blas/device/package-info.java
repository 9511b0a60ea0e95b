/**
 * The device matmul provider's planning half: {@link org.fusemath.blas.device.CublasLtCall} describes the
 * cuBLASLt call a {@link org.fusemath.blas.MatmulSpec} becomes (roles, op flags, layouts, epilogue, bias and
 * aux geometry, compute type) as plain data, so the mapping is tested on the CPU without a GPU. Making the
 * call (JavaCPP cuBLASLt handles, descriptors, heuristics) builds on these records.
 */
package org.fusemath.blas.device;
