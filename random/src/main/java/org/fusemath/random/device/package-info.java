/**
 * The device provider: cuRAND through JavaCPP on fusemath-cuda's probe, streams and memory pool, planned as
 * {@link org.fusemath.random.device.CurandCall} records and made through
 * {@link org.fusemath.random.device.CurandApi}; JavaCPP types stay inside.
 */
package org.fusemath.random.device;
