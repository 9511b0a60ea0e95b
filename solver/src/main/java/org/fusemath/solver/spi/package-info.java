/** The solver's registrations with the command line: {@code fusemath exec solve|inv|det} and validation cases. */
package org.fusemath.solver.spi;
