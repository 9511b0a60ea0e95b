package org.fusemath.blas;

/**
 * What a provider decided for one {@link MatmulSpec} (kernel, call flags, panels, algorithms), ready to run
 * on any operands that match the spec. Created by {@link Matmul#plan()}; used by one thread at a time.
 */
public interface MatmulPlan extends AutoCloseable {
    /** One line for the log: what runs and why. */
    String describe();

    /** Times the candidate algorithms on these operands and keeps the fastest (the host has one: a no-op). */
    void autotune(MatmulOperands operands);

    /**
     * Whether {@link #execute} runs the operands' {@link PanelHook} itself (per panel); when false, {@link Matmul}
     * runs it over all rows of each entry after {@code execute}.
     */
    default boolean runsPanelHook() {
        return false;
    }

    /** Runs the product on operands already checked against the spec. */
    void execute(MatmulOperands operands);

    /** Releases what the plan holds (device workspaces, handles); the host plan holds nothing native. */
    @Override
    void close();
}
