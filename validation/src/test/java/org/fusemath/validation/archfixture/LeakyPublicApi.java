package org.fusemath.validation.archfixture;

import org.bytedeco.javacpp.DoublePointer;

/** Test fixture: a public API method whose signature leaks a JavaCPP type (and breaks no other layout rule). */
public class LeakyPublicApi {
    /** Leaks a JavaCPP pointer type. */
    public DoublePointer leak() {
        return null;
    }
}
