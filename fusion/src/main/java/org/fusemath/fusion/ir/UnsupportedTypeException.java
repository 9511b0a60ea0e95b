package org.fusemath.fusion.ir;

import org.fusemath.api.InvalidArgumentException;

/** An expression node was given an operand of a dtype (or dtype combination) it does not take. */
public class UnsupportedTypeException extends InvalidArgumentException {
    private static final long serialVersionUID = 1L;

    /** The node or argument {@code where} cannot take {@code what}. */
    public UnsupportedTypeException(String where, String what) {
        super(where, "unsupported dtype in " + where + ": " + what);
    }
}
