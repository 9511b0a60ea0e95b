package org.fusemath.solver.device;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link DeviceMemory} on the CPU: each allocation a little-endian byte buffer at a fake device address (256-byte
 * aligned, never 0), so that an address inside an allocation (a member of a stack, a pointer-array entry) resolves
 * as on the device. Counts what is outstanding, so tests prove every allocation is freed.
 */
final class CpuDeviceMemory implements DeviceMemory {
    private final TreeMap<Long, ByteBuffer> allocations = new TreeMap<>();
    private long next = 0x7f00_0000_0000L;
    private int allocated;
    private int freed;

    @Override
    public long stream() {
        return 0x5000;
    }

    @Override
    public long allocate(long bytes) {
        long address = next;
        next += (Math.max(1, bytes) + 255) / 256 * 256 + 256;
        allocations.put(address, ByteBuffer.allocate((int) Math.max(1, bytes)).order(ByteOrder.LITTLE_ENDIAN));
        allocated++;
        return address;
    }

    @Override
    public void free(long allocation) {
        if (allocations.remove(allocation) == null) {
            throw new IllegalStateException("no allocation at 0x" + Long.toHexString(allocation));
        }
        freed++;
    }

    /** Allocations not freed. */
    int outstanding() {
        return allocated - freed;
    }

    /** The buffer holding {@code address}, positioned there (bounds checked). */
    ByteBuffer at(long address, long bytes) {
        Map.Entry<Long, ByteBuffer> e = allocations.floorEntry(address);
        if (e == null || address + bytes > e.getKey() + e.getValue().capacity()) {
            throw new IllegalStateException(bytes + " bytes at 0x" + Long.toHexString(address) + " are outside every allocation");
        }
        ByteBuffer b = e.getValue().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.position((int) (address - e.getKey()));
        return b;
    }

    private static int width(Object array) {
        return array instanceof double[] ? 8 : 4;
    }

    @Override
    public void toDevice(Object array, int offset, int length, long allocation, long index) {
        ByteBuffer b = at(allocation + index * width(array), (long) length * width(array));
        for (int i = 0; i < length; i++) {
            if (array instanceof double[] d) {
                b.putDouble(d[offset + i]);
            } else if (array instanceof float[] f) {
                b.putFloat(f[offset + i]);
            } else {
                b.putInt(((int[]) array)[offset + i]);
            }
        }
    }

    @Override
    public void toHost(long allocation, long index, Object array, int offset, int length) {
        ByteBuffer b = at(allocation + index * width(array), (long) length * width(array));
        for (int i = 0; i < length; i++) {
            if (array instanceof double[] d) {
                d[offset + i] = b.getDouble();
            } else if (array instanceof float[] f) {
                f[offset + i] = b.getFloat();
            } else {
                ((int[]) array)[offset + i] = b.getInt();
            }
        }
    }

    @Override
    public void close() {
    }
}
