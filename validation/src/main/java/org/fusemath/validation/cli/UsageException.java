package org.fusemath.validation.cli;

/** A command line that names something that does not exist (an unknown operation or case); exits with {@link ExitCodes#USAGE}. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
