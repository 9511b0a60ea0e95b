package org.fusemath.ejml.differential;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * What one call did: its return value or the exception it threw, and its arguments afterwards.
 *
 * @param result the return value (null for void or when it threw)
 * @param thrown the exception thrown by the method itself, or null
 * @param args the argument objects after the call (mutated in place where the method writes them)
 */
record Outcome(Object result, Throwable thrown, Object[] args) {

    static Outcome invoke(Method method, Object[] args) {
        try {
            return new Outcome(method.invoke(null, args), null, args);
        } catch (InvocationTargetException e) {
            return new Outcome(null, e.getCause(), args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("not callable: " + method, e);
        }
    }

    /** The index of the argument the result is (by identity), or -1. */
    int resultArgument() {
        if (result == null) {
            return -1;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == result) {
                return i;
            }
        }
        return -1;
    }
}
