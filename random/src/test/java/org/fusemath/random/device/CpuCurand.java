package org.fusemath.random.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusemath.cuda.abi.PresetDeclarations;
import org.fusemath.random.Distribution;
import org.fusemath.random.Generator;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;

/**
 * {@link CurandApi} and {@link StreamCalls} executed on the CPU: generators are host {@link Generator}s, device
 * memory is Java arrays keyed by fake addresses. A generation's positional arguments are read by the names
 * curand.h gives its parameters (not by {@link CurandCall#parameters()}), so a description out of the header's
 * order produces wrong values. It records every call so tests can check the sequence a plan makes.
 */
final class CpuCurand implements CurandApi, StreamCalls {
    static final long STREAM = 0x5EA;

    final List<String> calls = new ArrayList<>();
    private final Map<Long, Generator> generators = new HashMap<>();
    private final Map<Long, Long> streams = new HashMap<>();
    private final Map<Long, Object> memory = new HashMap<>();
    private long next = 0x1000;
    private boolean closed;

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
    public void setStream(long generator, long stream) {
        calls.add("stream " + Long.toHexString(stream));
        streams.put(generator, stream);
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
    public void generate(long generator, CurandCall call, long output) {
        List<String> declared = PresetDeclarations.of("curand").parameters(call.function());
        List<Object> args = call.arguments(generator, output);
        if (declared.size() != args.size()) {
            throw new AssertionError(call.function() + " takes " + declared.size() + " arguments, given " + args.size());
        }
        Map<String, Object> named = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            named.put(declared.get(i), args.get(i));
        }
        long g = (Long) named.get("generator");
        long out = (Long) named.get("outputPtr");
        long count = (Long) (named.containsKey("n") ? named.get("n") : named.get("num"));
        SampleKind kind = call.distribution().kind();
        Distribution d = new Distribution(kind, number(named.get("mean")), number(named.get("stddev")),
                number(named.get("lambda")));
        if (streams.get(g) != STREAM) {
            throw new AssertionError(call.function() + " on a generator without the stream set");
        }
        calls.add("generate " + kind.cliName() + " " + count);
        byte[] raw = (byte[]) memory.get(out);
        if (raw.length < count * (kind.elementType() == SampleKind.ElementType.DOUBLE ? 8 : 4)) {
            throw new AssertionError("allocation of " + raw.length + " bytes too small for " + count + " values");
        }
        Generator host = generators.get(g);
        switch (kind.elementType()) {
            case INT -> {
                int[] a = new int[(int) count];
                host.fill(d, a, 0, a.length);
                memory.put(out, a);
            }
            case FLOAT -> {
                float[] a = new float[(int) count];
                host.fill(d, a, 0, a.length);
                memory.put(out, a);
            }
            default -> {
                double[] a = new double[(int) count];
                host.fill(d, a, 0, a.length);
                memory.put(out, a);
            }
        }
    }

    /** A scalar argument as the distribution holds it (0 where the call takes none, as {@link Distribution#standard}). */
    private static double number(Object v) {
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    @Override
    public int deviceId() {
        return 0;
    }

    @Override
    public long stream() {
        return STREAM;
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

    @Override
    public void synchronize() {
        calls.add("synchronize");
    }

    @Override
    public void close() {
        calls.add("close stream calls");
        closed = true;
    }

    int liveAllocations() {
        return memory.size();
    }

    int liveGenerators() {
        return generators.size();
    }

    boolean closed() {
        return closed;
    }
}
