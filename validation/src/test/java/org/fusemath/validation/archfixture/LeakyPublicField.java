package org.fusemath.validation.archfixture;

import org.bytedeco.javacpp.IntPointer;

/** Test fixture: a public API field of a JavaCPP type (and no other layout violation). */
public class LeakyPublicField {
    /** Leaks a JavaCPP pointer type. */
    public IntPointer leaked;
}
