package org.fusemath.cuda.abi;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the {@code static final int} constants of a class from its class file, without loading or
 * initialising the class: JavaCPP's CUDA classes load native libraries in their static initialisers,
 * which fails on a machine without a driver. Also lists the methods a class calls ({@link #calledMethods}), so
 * that a test can prove a binding class calls a preset only through its described calls.
 */
public final class ClassFileConstants {
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;

    private ClassFileConstants() {
    }

    /** Name to value of every {@code static final int} field with a constant value, in declaration order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Integer> intConstants(String className) {
        return (Map<String, Integer>) read(className, false);
    }

    /**
     * Every method {@code className}'s code refers to, as {@code owner.name} with the owner's binary name
     * (e.g. {@code org.bytedeco.cuda.global.cublas.cublasLtCreate}); nested classes are separate class files.
     */
    @SuppressWarnings("unchecked")
    public static List<String> calledMethods(String className) {
        return (List<String>) read(className, true);
    }

    /**
     * The binary names of every class in {@code anchor}'s package (not its subpackages) as the class path holds
     * them, from a classes directory or a jar.
     */
    public static List<String> classesInPackageOf(Class<?> anchor) {
        String folder = anchor.getPackageName().replace('.', '/');
        URL url = anchor.getResource(anchor.getSimpleName() + ".class");
        if (url == null) {
            throw new IllegalArgumentException(anchor.getName() + " has no class file on the class path");
        }
        List<String> names = new ArrayList<>();
        try {
            if (url.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith(folder + "/") && n.endsWith(".class") && n.indexOf('/', folder.length() + 1) < 0)
                            .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()).getParent())) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
                            .forEach(n -> names.add(anchor.getPackageName() + "." + n.substring(0, n.length() - 6)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        names.sort(null);
        return names;
    }

    private static Object read(String className, boolean methods) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream raw = ClassFileConstants.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalArgumentException(resource + " is not on the test class path");
            }
            return read(new DataInputStream(raw), methods);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(DataInputStream in, boolean methods) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int poolCount = in.readUnsignedShort();
        Object[] pool = new Object[poolCount];
        int[] first = new int[poolCount];
        int[] second = new int[poolCount];
        int[] tags = new int[poolCount];
        for (int i = 1; i < poolCount; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3 -> pool[i] = in.readInt();
                case 4 -> in.readFloat();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        if (methods) {
            List<String> called = new ArrayList<>();
            for (int i = 1; i < poolCount; i++) {
                if (tags[i] == 10 || tags[i] == 11) {
                    String owner = ((String) pool[first[first[i]]]).replace('/', '.');
                    called.add(owner + "." + pool[first[second[i]]]);
                }
            }
            return called;
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            in.readUnsignedShort();
        }
        Map<String, Integer> constants = new LinkedHashMap<>();
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            int access = in.readUnsignedShort();
            String name = (String) pool[in.readUnsignedShort()];
            String descriptor = (String) pool[in.readUnsignedShort()];
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = (String) pool[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("ConstantValue") && descriptor.equals("I") && (access & (ACC_STATIC | ACC_FINAL)) == (ACC_STATIC | ACC_FINAL)) {
                    constants.put(name, (Integer) pool[in.readUnsignedShort()]);
                } else {
                    in.skipNBytes(length);
                }
            }
        }
        return constants;
    }
}
