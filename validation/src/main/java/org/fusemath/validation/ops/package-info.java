/**
 * The host operations this module registers with {@code fusemath exec} ({@code copy}, {@code transpose}),
 * and the tensor reorderings they share. Stateless and thread-safe.
 */
package org.fusemath.validation.ops;
