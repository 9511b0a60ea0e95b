package org.fusemath.validation.cli;

/** The exit statuses of {@code fusemath}, stated once so that scripts can rely on them. */
public final class ExitCodes {
    /** Success; for {@code validate}, no case failed. */
    public static final int OK = 0;
    /**
     * A validation case failed, or the command failed: an unreadable or unwritable file, a bad option value, an
     * operation error, or a resource limit (a result larger than the heap can hold, said in one line).
     */
    public static final int FAILURE = 1;
    /** The command line itself was wrong (unknown command or option, missing argument, unknown operation). */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
