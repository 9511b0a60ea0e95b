/**
 * Random numbers bit-identical to cuRAND: {@link org.fusemath.random.Generator} (stateful, like
 * {@code curandGenerator_t}), {@link org.fusemath.random.RandomNumbers} (one-shot function forms),
 * {@link org.fusemath.random.RngType}, {@link org.fusemath.random.SampleKind} and
 * {@link org.fusemath.random.Distribution}. The pure-Java provider lives in {@code host}, cuRAND in
 * {@code device}.
 */
package org.fusemath.random;
