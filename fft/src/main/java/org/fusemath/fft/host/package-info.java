/** Host FFT providers: JTransforms, the pure-Java default. */
package org.fusemath.fft.host;
