package org.fusemath.solver.device;

/**
 * The device provider on the CPU fakes, for tests outside this package: a {@link CusolverDevice} whose calls run
 * through {@link CpuCusolver} (every description executed by LAPACK's identical contract) on {@link CpuDeviceMemory}.
 * {@link #outstanding()} counts allocations and handles left behind by every call made so far.
 */
public final class CpuDevices {
    private final CpuDeviceMemory memory = new CpuDeviceMemory();
    private final CpuCusolver calls = new CpuCusolver(memory);
    private final CusolverDevice device = new CusolverDevice(() -> memory, calls);

    /** The device provider over this pair of fakes. */
    public CusolverDevice device() {
        return device;
    }

    /** Allocations and handles not released. */
    public int outstanding() {
        return memory.outstanding() + calls.outstanding();
    }

    /** The functions called, in order (LU and decompositions), for asserting which routine ran. */
    public java.util.List<String> functions() {
        java.util.List<String> out = new java.util.ArrayList<>();
        calls.made().forEach(m -> out.add(m.call().function()));
        calls.decompositions().forEach(d -> out.add(d.function()));
        calls.jacobis().forEach(j -> out.add(j.function()));
        return out;
    }

    /** The Jacobi SVD calls made, in order. */
    public java.util.List<JacobiSvdCall> jacobis() {
        return java.util.List.copyOf(calls.jacobis());
    }

    /** Makes member {@code member} of every later Jacobi SVD report cuSOLVER's no-convergence devInfo. */
    public void failJacobi(int member) {
        calls.failJacobi(member);
    }

    /** Makes every later Xgesvd report no convergence with devInfo {@code info}. */
    public void failGesvd(int info) {
        calls.failGesvd(info);
    }

    /** The workspace queries made so far (LU, decompositions and Jacobi SVDs). */
    public int queries() {
        return calls.queries();
    }
}
