package org.fusemath.api;

/** A CUDA library call (runtime, driver, cuBLAS, cuFFT, cuSOLVER, cuRAND, NVRTC) returned an error status. */
public class CudaLibraryException extends FusemathException {
    private static final long serialVersionUID = 1L;

    private final String library;
    private final int status;
    private final String statusName;

    /** {@code call} in {@code library} returned {@code status}, whose symbolic name is {@code statusName}. */
    public CudaLibraryException(String library, String call, int status, String statusName, String detail) {
        super(library + " " + call + " failed with " + statusName + " (" + status + ")"
                + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.library = library;
        this.status = status;
        this.statusName = statusName;
    }

    /** The library that failed, e.g. {@code cuBLAS}. */
    public String library() {
        return library;
    }

    /** The numeric status code. */
    public int status() {
        return status;
    }

    /** The status code's symbolic name, e.g. {@code CUBLAS_STATUS_INVALID_VALUE}. */
    public String statusName() {
        return statusName;
    }
}
