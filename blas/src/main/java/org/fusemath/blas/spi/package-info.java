/** The blas domain's registrations with fusemath's tools: the {@code matmul} exec operation and the validation cases. */
package org.fusemath.blas.spi;
