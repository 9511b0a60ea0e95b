/** The {@code random} domain of {@code fusemath validate} and the statistics its checks use. */
package org.fusemath.random.validation;
