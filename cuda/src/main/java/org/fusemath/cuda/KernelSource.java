package org.fusemath.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * CUDA C source of one compilation unit, with the file name NVRTC reports errors against.
 *
 * @param name the program name, e.g. {@code saxpy.cu}
 * @param code the CUDA C source
 */
public record KernelSource(String name, String code) {
    /** Checks that both are present and free of NUL characters. */
    public KernelSource {
        Arguments.requireNonNull(name, "name");
        Arguments.requireNonNull(code, "code");
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new InvalidArgumentException("name", name, "a non-empty file name without NUL characters");
        }
        if (code.isBlank() || code.indexOf('\0') >= 0) {
            throw new InvalidArgumentException("code", code.isBlank() ? "blank" : "text containing NUL",
                    "non-blank CUDA C source without NUL characters");
        }
    }

    /** The UTF-8 resource {@code resource} next to {@code anchor} (or absolute with a leading slash), named after its file. */
    public static KernelSource fromResource(Class<?> anchor, String resource) {
        Arguments.requireNonNull(anchor, "anchor");
        Arguments.requireNonNull(resource, "resource");
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidArgumentException("resource", resource, "a resource next to " + anchor.getName());
            }
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            return new KernelSource(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading kernel source " + resource, e);
        }
    }

    /** The SHA-256 of the UTF-8 source, in hex: the source part of a kernel cache key. */
    public String sha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
