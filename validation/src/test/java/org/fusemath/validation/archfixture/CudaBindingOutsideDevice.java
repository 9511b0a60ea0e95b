package org.fusemath.validation.archfixture;

import org.bytedeco.cuda.cudart.CUstream_st;

/** Test fixture: uses a CUDA binding outside the cuda module and device packages, behind a clean signature. */
class CudaBindingOutsideDevice {
    String streamTypeName() {
        return CUstream_st.class.getName();
    }
}
