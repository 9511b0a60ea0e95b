package org.fusemath.validation.cli;

/**
 * Configures the SLF4J simple backend the command line binds. It reads its system properties when the
 * first logger is created, so this runs after parsing the command line and before any command code.
 */
final class LoggingSetup {
    static final String DEFAULT_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String FUSEMATH_LEVEL = "org.slf4j.simpleLogger.log.org.fusemath";

    private LoggingSetup() {
    }

    /** Warnings only by default (a user's own -D setting wins); {@code verbose} raises org.fusemath to debug. */
    static void apply(boolean verbose) {
        if (System.getProperty(DEFAULT_LEVEL) == null) {
            System.setProperty(DEFAULT_LEVEL, "warn");
        }
        if (verbose) {
            System.setProperty(FUSEMATH_LEVEL, "debug");
        }
    }
}
