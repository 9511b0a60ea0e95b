package org.fusemath.blas.device;

/**
 * A cuBLASLt descriptor attribute: its enumerator value and the C type of its value. Implemented by one enum
 * per descriptor kind ({@link MatmulDescAttribute}, {@link LayoutAttribute}, {@link PreferenceAttribute}), so
 * that an attribute cannot be set on the wrong kind of descriptor.
 */
interface LtAttribute {
    /** The enumerator's value. */
    int value();

    /** The C type of the attribute's value. */
    AttributeType type();
}
