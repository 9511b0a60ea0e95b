package org.fusemath.cuda.abi;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code static final int} constants of a class from its class file, without loading or
 * initialising the class: JavaCPP's CUDA classes load native libraries in their static initialisers,
 * which fails on a machine without a driver.
 */
public final class ClassFileConstants {
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;

    private ClassFileConstants() {
    }

    /** Name to value of every {@code static final int} field with a constant value, in declaration order. */
    public static Map<String, Integer> intConstants(String className) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream raw = ClassFileConstants.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalArgumentException(resource + " is not on the test class path");
            }
            return read(new DataInputStream(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int poolCount = in.readUnsignedShort();
        Object[] pool = new Object[poolCount];
        for (int i = 1; i < poolCount; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3 -> pool[i] = in.readInt();
                case 4 -> in.readFloat();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
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
