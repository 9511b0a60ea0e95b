package org.fusemath.validation.archfixture;

import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.DoublePointer;

/** Test fixture: a public API class that leaks JavaCPP types and uses CUDA bindings outside device code. */
public class LeakyPublicApi {
    /** Leaks a JavaCPP pointer type. */
    public DoublePointer leak() {
        return null;
    }

    /** Uses a CUDA binding type outside a device package. */
    public String stream(Object s) {
        return CUstream_st.class.getName() + s;
    }
}
