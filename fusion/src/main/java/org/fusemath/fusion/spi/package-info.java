/**
 * Where code generators plug into the planner: a {@link org.fusemath.fusion.spi.KernelCompiler} found through
 * {@link java.util.ServiceLoader} turns a fused group into a {@link org.fusemath.fusion.spi.HostKernel}.
 */
package org.fusemath.fusion.spi;
