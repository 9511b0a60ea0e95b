/**
 * CPU references, the validation harness and the {@code fusemath} command line: the place where every
 * domain's operations meet NumPy-compatible files and their error bounds.
 */
package org.fusemath.validation;
