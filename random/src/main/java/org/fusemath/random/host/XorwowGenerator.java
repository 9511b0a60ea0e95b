package org.fusemath.random.host;

import org.fusemath.random.RngType;

/** cuRAND's XORWOW host generator: 4,096 threads, subsequences 2^67 words apart (see {@link SubsequenceGenerator}). */
final class XorwowGenerator extends SubsequenceGenerator {
    static final int THREADS = 4096;

    XorwowGenerator(long seed) {
        super(seed, THREADS);
    }

    @Override
    public RngType type() {
        return RngType.XORWOW;
    }

    @Override
    public HostGenerator copy() {
        XorwowGenerator c = new XorwowGenerator(seed());
        c.copyStatesFrom(this);
        return c;
    }

    @Override
    Transforms.Family family() {
        return Transforms.Family.BITS;
    }

    @Override
    void seedState(long seed, int[] s, int at) {
        XorwowEngine.seed(seed, s, at);
    }

    @Override
    void skipSubsequences(int[] s, int at, long count) {
        XorwowJumps.advance(s, at, count, XorwowEngine.SUBSEQUENCE_BITS);
    }

    @Override
    void skipWords(int[] s, int at, long words) {
        XorwowEngine.skip(s, at, words);
    }

    @Override
    void draw(int[] s, int at, int[] out, int pos, int count) {
        XorwowEngine.draw(s, at, out, pos, count);
    }

    @Override
    void drawLanes(int[][] s, int from, int to, int[] out) {
        XorwowEngine.drawLanes(s, from, to, out);
    }
}
