/**
 * The vocabulary every fusemath module shares: element types, matrix and tensor shapes, host
 * operand views, the execution space, the context, the exception hierarchy and the SPI.
 *
 * <p>Everything here is immutable and safe to share across threads unless its Javadoc says
 * otherwise; {@link org.fusemath.api.FuseContext} is the one stateful type.
 */
package org.fusemath.api;
