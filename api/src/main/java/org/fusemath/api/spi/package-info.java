/**
 * Service-provider interfaces discovered with {@link java.util.ServiceLoader}: backends report what
 * they are and whether they can run, domains register their {@code fusemath exec} operations and
 * {@code fusemath validate} cases here, so the command line finds them without knowing the domains.
 */
package org.fusemath.api.spi;
