package org.fusemath.blas.device;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;

/**
 * The device BLAS provider (matmul on cuBLASLt, with cuBLAS gemm for k = 0 or alpha = 0; level 1–3 routines on
 * cuBLAS) as {@code fusemath info} lists it.
 */
public final class CublasLtBackend implements Backend {
    @Override
    public String name() {
        return "cublaslt";
    }

    @Override
    public String domain() {
        return "blas";
    }

    @Override
    public Space space() {
        return Space.DEVICE;
    }

    @Override
    public Availability availability() {
        Optional<DeviceUnavailableException> failure = CudaProbe.get().failure(0, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT);
        return failure.map(e -> Availability.unusable(e.reason() + ": " + e.detail(), e.reason().remedy()))
                .orElse(Availability.ok());
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("operations", "matmul (all types, ops, layouts, strided and list batches, cuBLASLt epilogues on F32/F64);"
                + " level 1-3 routines on cuBLAS (dot, dotc, axpy, scal, nrm2, asum, iamax, gemv, ger, gerc, trsv, trsm,"
                + " trmm, syrk, herk, symm)");
        d.put("libraries", String.join(", ", CudaLibrary.CUBLAS.sonames()));
        d.put("status", "written and proven on the CPU through a recording fake; not yet run on a GPU");
        return d;
    }
}
