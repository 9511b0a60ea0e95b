/**
 * The device provider: cuRAND through JavaCPP, planned as {@link org.fusemath.random.device.CurandCall}
 * records and made through {@link org.fusemath.random.device.CurandApi}; JavaCPP types stay inside.
 */
package org.fusemath.random.device;
