/**
 * Device calls checked against the CUDA headers' declarations rather than against the code that makes them.
 * {@link org.fusemath.cuda.abi.PresetDeclarations} reads what the JavaCPP preset reproduces of each header:
 * every function's C parameter names (from the preset's sources jar) and every enumerator's value (from its
 * class files, loading nothing native). {@link org.fusemath.cuda.abi.AbiCheck} compares a domain's own
 * description with them and lists every difference.
 *
 * <h2>How a device call is made checkable</h2>
 * Every call of a preset function is a {@link org.fusemath.cuda.device.NativeCall} in production code: the preset
 * class, the C name, and each argument under the header's parameter name with the preset overload's Java type,
 * in the header's order ({@code .handle("matLayout", cublasLtMatrixLayoutOpaque_t.class, layout).value("rows", rows)}).
 * A {@link org.fusemath.cuda.device.NativeInvoker} makes it: {@code PresetInvoker} looks the overload up once by
 * name and types and passes the values in the description's order, so no call site passes arguments by hand.
 * The binding class takes the invoker in a constructor; its ABI test passes a {@link RecordingInvoker}, drives
 * every method of the binding on the CPU (nothing native loads: addresses are longs, out-handles are created
 * by the invoker), and checks what was recorded:
 * {@link AbiCheck#calls} (each description's names against {@link PresetDeclarations}, and that the preset has an
 * overload of exactly its types), the values under the parameter names the binding's caller meant (distinct
 * numbers, so that a swapped pair fails), and {@link AbiCheck#noDirectPresetCallsInPackageOf} (no class of the
 * package calls {@code org.bytedeco.cuda.global.*} by hand, so a call cannot bypass the check). Tests in
 * cuda ({@code JavacppCallsAbiTest}), blas ({@code JavacppCublasAbiTest}) and random ({@code CurandAbiTest}) do this.
 *
 * <h2>Adding a vendor call (cuFFT, cuSOLVER, ...)</h2>
 * <ol>
 * <li>Describe what the domain plans as plain data whose parameter list is in the C function's order (a list of
 *     the header's parameter names, {@code CurandCall.parameters()}, or your own parameter enum with its header
 *     names written once in a test, {@code CublasParameterNames} in blas), and lay the arguments out in that same
 *     order ({@code CublasRoutineCall.arguments}, {@code CurandCall.arguments}).</li>
 * <li>In the binding class (e.g. {@code JavacppCufft} behind the domain's call interface, taking a
 *     {@code NativeInvoker} in a package-private constructor and {@code PresetInvoker.INSTANCE} by default), make
 *     every call as {@code invoker.check(CudaLibrary.CUFFT, NativeCall.of(cufft.class, "cufftPlanMany")
 *     .arg("plan", int[].class, plan)...)}: handles and device addresses as {@code long}s with the preset's pointer
 *     type, out-handles with {@code out}, struct arrays with {@code outArray}, host cells as JavaCPP pointers. A
 *     description built from a planning record (as {@code JavaCppCurand.describe} does) passes the record's names.</li>
 * <li>In the module's pom, at test scope: {@code fusemath-cuda} with {@code <type>test-jar</type>} and
 *     {@code org.bytedeco:cuda} with {@code <classifier>sources</classifier>} (version managed by the parent).</li>
 * <li>The module's ABI test: construct the binding with a {@code RecordingInvoker} (its {@code answer} and
 *     {@code onCall} play the library's status and out-arrays), call every method, then
 *     {@code new AbiCheck().calls(recorder.calls())}, {@code noDirectPresetCallsInPackageOf(TheBinding.class)},
 *     {@code assertClean(expectedCount)}; assert the values of the parameters that share a type
 *     ({@code recorder.last("cufftPlanMany").value("istride")}); check every entry point a planning record can name
 *     (every type letter and {@code _64} width), every hand-written or mapped number with
 *     {@code .constant(library, "CUFFT_R2C", ourValue, "where")} and every attribute's size with
 *     {@code .documentedType(...)}.</li>
 * <li>Make the CPU fake name the positional arguments by
 *     {@code PresetDeclarations.of(library).parameters(function)}, not by the production list: a swapped pair
 *     then also computes a wrong result there.</li>
 * <li>Add a test that swaps a pair in a copy of a recorded description and asserts that {@code mismatches()}
 *     names the positions (see {@code JavacppCublasAbiTest}, {@code CurandAbiTest}).</li>
 * </ol>
 * Status codes need nothing new: {@code StatusTablesTest} compares every library's status table with the preset.
 */
package org.fusemath.cuda.abi;
