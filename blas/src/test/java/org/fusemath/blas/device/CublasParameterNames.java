package org.fusemath.blas.device;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fusemath.blas.device.CublasRoutine.Param;
import org.fusemath.cuda.abi.PresetDeclarations;

/**
 * The name cublas_api.h gives each {@link Param}, written once here rather than taken from the production
 * table, so that the ABI test and the CPU fake read a routine's positional arguments by the header's
 * parameter names: a swapped pair in {@link CublasRoutine#params()} then fails both. Stateless.
 */
final class CublasParameterNames {
    private static final Map<Param, String> NAMES = new EnumMap<>(Param.class);

    static {
        for (Param p : Param.values()) {
            NAMES.put(p, switch (p) {
                case FILL -> "uplo";
                case A, B, C -> p.name();
                default -> p.name().toLowerCase(java.util.Locale.ROOT);
            });
        }
    }

    private CublasParameterNames() {
    }

    /** The header's name of {@code p} (e.g. {@code uplo} for {@link Param#FILL}). */
    static String of(Param p) {
        return NAMES.get(p);
    }

    /** The header's names of {@code params}, in their order. */
    static List<String> of(List<Param> params) {
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(of(p)));
        return names;
    }

    /** The parameter the header calls {@code name}. */
    static Param param(String name) {
        for (Map.Entry<Param, String> e : NAMES.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        throw new AssertionError("no routine parameter is called " + name + " in cublas_api.h's terms");
    }

    /** The parameters of {@code entryPoint} as cublas_api.h declares them, in its order. */
    static List<Param> declared(String entryPoint) {
        List<Param> params = new ArrayList<>();
        PresetDeclarations.of("cublas").parameters(entryPoint).forEach(n -> params.add(param(n)));
        return params;
    }
}
