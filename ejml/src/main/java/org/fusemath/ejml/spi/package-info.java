/** The EJML facades' registrations with the command line: {@code fusemath validate} cases and {@code fusemath bench} rows. */
package org.fusemath.ejml.spi;
