/** Bit-exact Java ports of glibc's x86-64 FMA-path libm functions that cuRAND's host generator calls. */
package org.fusemath.random.host.libm;
