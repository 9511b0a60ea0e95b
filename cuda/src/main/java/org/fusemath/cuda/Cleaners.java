package org.fusemath.cuda;

import java.lang.ref.Cleaner;

/** The one cleaner thread that frees native CUDA resources their owners forgot to close. */
final class Cleaners {
    static final Cleaner CLEANER = Cleaner.create();

    private Cleaners() {
    }
}
