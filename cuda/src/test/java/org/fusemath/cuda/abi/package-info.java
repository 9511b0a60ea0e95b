/**
 * Device calls checked against the CUDA headers' declarations rather than against the code that makes them.
 * {@link org.fusemath.cuda.abi.PresetDeclarations} reads what the JavaCPP preset reproduces of each header:
 * every function's C parameter names (from the preset's sources jar) and every enumerator's value (from its
 * class files, loading nothing native). {@link org.fusemath.cuda.abi.AbiCheck} compares a domain's own
 * description with them and lists every difference.
 *
 * <h2>Adding a vendor call (cuFFT, cuSOLVER, ...)</h2>
 * <ol>
 * <li>Describe the call as plain data whose parameter list is in the C function's order: a list of the
 *     header's parameter names ({@code CurandCall.parameters()}), or of your own parameter enum with its
 *     header names written once in a test ({@code CublasParameterNames} in blas), and lay the arguments out
 *     in that same order ({@code CublasRoutineCall.arguments}, {@code CurandCall.arguments}), so that the GPU
 *     binding passes them by position and no call site reorders them by hand.</li>
 * <li>In the module's pom, at test scope: {@code fusemath-cuda} with {@code <type>test-jar</type>} and
 *     {@code org.bytedeco:cuda} with {@code <classifier>sources</classifier>} (version managed by the parent).</li>
 * <li>In the module's ABI test, for every entry point the description can name (every type letter and
 *     {@code _64} width): {@code new AbiCheck().call(PresetDeclarations.of("cufft"), "cufftPlanMany", ours)},
 *     every hand-written or mapped number with {@code .constant(library, "CUFFT_R2C", ourValue, "where")},
 *     every attribute's size with {@code .documentedType(...)}, then {@code assertClean(expectedCount)}.</li>
 * <li>Make the CPU fake name the positional arguments by
 *     {@code PresetDeclarations.of(library).parameters(function)}, not by the production list: a swapped pair
 *     then also computes a wrong result there.</li>
 * <li>Add a test that swaps a pair in a copy of the description and asserts that {@code mismatches()} names the
 *     positions (see {@code CublasAbiTest}, {@code CurandAbiTest}).</li>
 * </ol>
 * Status codes need nothing new: {@code StatusTablesTest} compares every library's status table with the preset.
 */
package org.fusemath.cuda.abi;
