/**
 * Lazy array expressions with NumPy semantics ({@link org.fusemath.fusion.Expr}) planned into the fewest
 * launches (library matmuls with their epilogues, one fused kernel per fusible group) by
 * {@link org.fusemath.fusion.Fusion}.
 */
package org.fusemath.fusion;
