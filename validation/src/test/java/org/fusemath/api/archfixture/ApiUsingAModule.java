package org.fusemath.api.archfixture;

import org.fusemath.random.RngType;

/**
 * Test fixture: a class under {@code org.fusemath.api} that depends on a domain module (random), which the
 * api module must never do. It lives in the validation module's test classes, never in the api jar.
 */
public class ApiUsingAModule {
    /** Names a type of the random module. */
    public String generatorName() {
        return RngType.XORWOW.name();
    }
}
