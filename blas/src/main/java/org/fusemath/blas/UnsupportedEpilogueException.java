package org.fusemath.blas;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/** An epilogue was asked of a type that cannot take it (cuBLASLt applies epilogues to real types only). */
public class UnsupportedEpilogueException extends InvalidArgumentException {
    private static final long serialVersionUID = 1L;

    private final Epilogue epilogue;
    private final DType dtype;

    /** {@code epilogue} is not defined for {@code dtype}. */
    public UnsupportedEpilogueException(Epilogue epilogue, DType dtype) {
        super("epilogue", "epilogue = " + epilogue + ": not defined for " + dtype
                + "; expected DEFAULT for complex types (activations, bias and gradients need F32 or F64)");
        this.epilogue = epilogue;
        this.dtype = dtype;
    }

    /** The rejected epilogue. */
    public Epilogue epilogue() {
        return epilogue;
    }

    /** The type it was asked of. */
    public DType dtype() {
        return dtype;
    }
}
