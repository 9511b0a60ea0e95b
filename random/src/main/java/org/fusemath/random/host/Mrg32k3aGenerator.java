package org.fusemath.random.host;

import org.fusemath.random.RngType;

/**
 * cuRAND's MRG32K3A host generator in its default (= best) ordering: 81,920 threads, subsequences 2^76
 * words apart (see {@link SubsequenceGenerator}).
 */
final class Mrg32k3aGenerator extends SubsequenceGenerator {
    static final int THREADS = 81920;

    Mrg32k3aGenerator(long seed) {
        super(seed, THREADS);
    }

    @Override
    public RngType type() {
        return RngType.MRG32K3A;
    }

    @Override
    public HostGenerator copy() {
        Mrg32k3aGenerator c = new Mrg32k3aGenerator(seed());
        c.copyStatesFrom(this);
        return c;
    }

    @Override
    Transforms.Family family() {
        return Transforms.Family.MRG;
    }

    @Override
    void seedState(long seed, int[] s, int at) {
        Mrg32k3aEngine.seed(seed, s, at);
    }

    @Override
    void skipSubsequences(int[] s, int at, long count) {
        Mrg32k3aEngine.skip(s, at, count, Mrg32k3aEngine.SUBSEQUENCE_BITS);
    }

    @Override
    void skipWords(int[] s, int at, long words) {
        Mrg32k3aEngine.skip(s, at, words, 0);
    }

    @Override
    void draw(int[] s, int at, int[] out, int pos, int count) {
        Mrg32k3aEngine.draw(s, at, out, pos, count);
    }

    @Override
    void drawLanes(int[][] s, int from, int to, int[] out) {
        Mrg32k3aEngine.drawLanes(s, from, to, out);
    }
}
