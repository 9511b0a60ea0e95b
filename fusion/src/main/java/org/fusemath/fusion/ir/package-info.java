/**
 * The intermediate representation fusion plans, interprets and generates code from: the expression graph
 * ({@link org.fusemath.fusion.ir.Node}: kinds, types, shapes, labels) and the fused group a generator consumes
 * ({@link org.fusemath.fusion.ir.FusedGroup}), with the arithmetic of every op defined once in
 * {@link org.fusemath.fusion.ir.ScalarSemantics} and executed by {@link org.fusemath.fusion.ir.GroupInterpreter}.
 */
package org.fusemath.fusion.ir;
