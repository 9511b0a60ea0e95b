/**
 * The {@code fusemath} command line (picocli): {@code info}, {@code exec} and {@code validate}, each a
 * small command class listed by {@link org.fusemath.validation.cli.FusemathCli}. Operations, suites and
 * backends are found with {@link java.util.ServiceLoader} through {@link org.fusemath.validation.cli.Providers}.
 */
package org.fusemath.validation.cli;
