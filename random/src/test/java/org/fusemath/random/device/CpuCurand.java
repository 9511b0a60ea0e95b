package org.fusemath.random.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusemath.random.Distribution;
import org.fusemath.random.Generator;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;

/**
 * {@link CurandApi} executed on the CPU: generators are host {@link Generator}s, device memory is Java
 * arrays keyed by fake addresses. It records every call so tests can check the sequence a plan makes.
 */
final class CpuCurand implements CurandApi {
    final List<String> calls = new ArrayList<>();
    private final Map<Long, Generator> generators = new HashMap<>();
    private final Map<Long, Object> memory = new HashMap<>();
    private long next = 0x1000;

    @Override
    public long createGenerator(int rngType) {
        RngType type = null;
        for (RngType t : RngType.values()) {
            if (t.curandValue() == rngType) {
                type = t;
            }
        }
        long h = next++;
        generators.put(h, Generator.create(type, 0));
        calls.add("create " + type);
        return h;
    }

    @Override
    public void destroyGenerator(long generator) {
        calls.add("destroy");
        generators.remove(generator);
    }

    @Override
    public void setSeed(long generator, long seed) {
        calls.add("seed " + seed);
        generators.get(generator).setSeed(seed);
    }

    @Override
    public void setOffset(long generator, long offset) {
        calls.add("offset " + offset);
        generators.get(generator).setOffset(offset);
    }

    @Override
    public void setOrdering(long generator, int ordering) {
        calls.add("ordering " + ordering);
    }

    @Override
    public void generate(long generator, Distribution d, long output, long count) {
        calls.add("generate " + d.kind().cliName() + " " + count);
        byte[] raw = (byte[]) memory.get(output);
        if (raw.length < count * (d.kind().elementType() == SampleKind.ElementType.DOUBLE ? 8 : 4)) {
            throw new AssertionError("allocation of " + raw.length + " bytes too small for " + count + " values");
        }
        Generator g = generators.get(generator);
        switch (d.kind().elementType()) {
            case INT: {
                int[] a = new int[(int) count];
                g.fill(d, a, 0, a.length);
                memory.put(output, a);
                break;
            }
            case FLOAT: {
                float[] a = new float[(int) count];
                g.fill(d, a, 0, a.length);
                memory.put(output, a);
                break;
            }
            default: {
                double[] a = new double[(int) count];
                g.fill(d, a, 0, a.length);
                memory.put(output, a);
                break;
            }
        }
    }

    @Override
    public long allocate(long bytes) {
        calls.add("malloc " + bytes);
        long a = next++;
        memory.put(a, new byte[(int) bytes]);
        return a;
    }

    @Override
    public void free(long address) {
        calls.add("free");
        if (!memory.containsKey(address)) {
            throw new AssertionError("free of unknown address " + address);
        }
        memory.remove(address);
    }

    @Override
    public void copyToHost(long address, int[] out, int from, int count) {
        System.arraycopy(memory.get(address), 0, out, from, count);
    }

    @Override
    public void copyToHost(long address, float[] out, int from, int count) {
        System.arraycopy(memory.get(address), 0, out, from, count);
    }

    @Override
    public void copyToHost(long address, double[] out, int from, int count) {
        System.arraycopy(memory.get(address), 0, out, from, count);
    }

    int liveAllocations() {
        return memory.size();
    }

    int liveGenerators() {
        return generators.size();
    }
}
