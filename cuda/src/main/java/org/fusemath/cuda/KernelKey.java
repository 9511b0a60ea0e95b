package org.fusemath.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * What identifies one compiled kernel image: the source's SHA-256, the target architecture and the NVRTC
 * options in order.
 *
 * @param sourceSha256 hex SHA-256 of the UTF-8 source
 * @param architecture {@code sm_XY} (a CUBIN for that GPU) or {@code compute_XY} (PTX the driver compiles)
 * @param options NVRTC options other than the architecture
 */
public record KernelKey(String sourceSha256, String architecture, List<String> options) {
    private static final Pattern ARCHITECTURE = Pattern.compile("(sm|compute)_\\d{2,3}[af]?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Checks the fields and copies the options. */
    public KernelKey {
        Arguments.requireNonNull(sourceSha256, "sourceSha256");
        if (!SHA256.matcher(sourceSha256).matches()) {
            throw new InvalidArgumentException("sourceSha256", sourceSha256, "64 lower-case hex digits");
        }
        Arguments.requireNonNull(architecture, "architecture");
        if (!ARCHITECTURE.matcher(architecture).matches()) {
            throw new InvalidArgumentException("architecture", architecture, "sm_XY or compute_XY, e.g. sm_90 or compute_80");
        }
        options = checkedOptions(options);
    }

    /** The key of {@code source} compiled for {@code architecture} with {@code options}. */
    public static KernelKey of(KernelSource source, String architecture, List<String> options) {
        Arguments.requireNonNull(source, "source");
        return new KernelKey(source.sha256(), architecture, options);
    }

    /** Whether the image is PTX (for {@code compute_XY}) rather than a CUBIN (for {@code sm_XY}). */
    public boolean producesPtx() {
        return architecture.startsWith("compute_");
    }

    /** The options NVRTC gets: the caller's, then the architecture. */
    public List<String> nvrtcOptions() {
        List<String> all = new ArrayList<>(options);
        all.add("--gpu-architecture=" + architecture);
        return List.copyOf(all);
    }

    private static List<String> checkedOptions(List<String> options) {
        Arguments.requireNonNull(options, "options");
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String name = "options[" + i + "]";
            Arguments.requireNonNull(option, name);
            if (option.isEmpty() || option.indexOf('\0') >= 0) {
                throw new InvalidArgumentException(name, option, "a non-empty option without NUL characters");
            }
            if (option.startsWith("--gpu-architecture") || option.startsWith("-arch")) {
                throw new InvalidArgumentException(name, option, "no architecture option: the architecture is part of the key");
            }
        }
        return List.copyOf(options);
    }
}
