package org.fusemath.blas;

/**
 * Caller work on rows of a matmul's result once they are final: the host matmul runs it once per GEMM panel, right
 * after the panel's product and epilogue while the panel is in cache (so an element-wise pass over C costs no
 * extra trip to memory); a plan that computes C elsewhere (the device) runs it once over all rows after C is back.
 *
 * <p>Runs on the thread that called {@link Matmul#execute()}; a hook that throws aborts the execute with its
 * exception, leaving the rows not yet finished as the product left them.
 */
@FunctionalInterface
public interface PanelHook {
    /**
     * Rows {@code [firstRow, firstRow + rows)} of batch entry {@code entry} of C are final (row-major C; for a
     * column-major C, the same rows of the column-major matrix).
     */
    void rows(long entry, int firstRow, int rows);
}
