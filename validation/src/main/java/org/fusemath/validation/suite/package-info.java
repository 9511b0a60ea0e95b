/**
 * This module's own validation cases ({@code fusemath validate}, domain {@code io}): .npy round trips,
 * Fortran-to-C reordering and the host {@code copy} and {@code transpose} operations, each checked
 * against a direct index formula.
 */
package org.fusemath.validation.suite;
