package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FusemathCliTest {
    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        Cli none = Cli.run();
        assertEquals(ExitCodes.USAGE, none.exit());
        assertTrue(none.err().contains("Missing command: one of info, exec, validate"), none.err());
        Cli unknown = Cli.run("frobnicate");
        assertEquals(ExitCodes.USAGE, unknown.exit());
        assertTrue(unknown.err().contains("Unmatched argument at index 0: 'frobnicate'"), unknown.err());
    }

    @Test
    void helpListsTheSubcommandsAndVersionPrintsTheBuildVersion() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.exit());
        for (String command : new String[] {"info", "exec", "validate", "--verbose"}) {
            assertTrue(help.out().contains(command), command + " in " + help.out());
        }
        Cli version = Cli.run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().matches("fusemath \\d+\\.\\d+\\.\\d+.*\\R"), version.out());
        assertTrue(Cli.run("exec", "--help").out().contains("--space"), "subcommands have --help");
    }

    @Test
    void loggingDefaultsToWarnUnlessTheUserSetALevel() {
        String before = System.getProperty(LoggingSetup.DEFAULT_LEVEL);
        try {
            System.clearProperty(LoggingSetup.DEFAULT_LEVEL);
            LoggingSetup.apply(false);
            assertEquals("warn", System.getProperty(LoggingSetup.DEFAULT_LEVEL));
            System.setProperty(LoggingSetup.DEFAULT_LEVEL, "info");
            LoggingSetup.apply(false);
            assertEquals("info", System.getProperty(LoggingSetup.DEFAULT_LEVEL), "a -D setting wins");
        } finally {
            if (before == null) {
                System.clearProperty(LoggingSetup.DEFAULT_LEVEL);
            } else {
                System.setProperty(LoggingSetup.DEFAULT_LEVEL, before);
            }
        }
    }
}
