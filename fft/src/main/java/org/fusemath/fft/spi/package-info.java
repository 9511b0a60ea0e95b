/**
 * The FFT provider SPI: a provider turns an {@link org.fusemath.fft.FftSpec} into an executable
 * {@link org.fusemath.fft.spi.FftPlan}; {@link org.fusemath.fft.spi.CheckedFftPlan} checks every operand before a
 * provider's kernel sees it.
 */
package org.fusemath.fft.spi;
