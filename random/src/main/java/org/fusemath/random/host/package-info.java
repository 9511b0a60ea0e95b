/**
 * The pure-Java host provider: cuRAND's Philox4x32-10, XORWOW and MRG32k3a engines with their skip-ahead,
 * the default output ordering of cuRAND's host API, and cuRAND's sample conversions; {@code libm} holds
 * the bit-exact ports of the glibc functions those conversions call.
 */
package org.fusemath.random.host;
