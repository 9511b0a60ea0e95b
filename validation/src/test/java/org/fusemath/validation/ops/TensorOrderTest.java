package org.fusemath.validation.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.ExecRequest;
import org.junit.jupiter.api.Test;

class TensorOrderTest {
    @Test
    void transposeReversesEveryAxis() {
        // a[i][j][k] = 100i + 10j + k, shape (2, 3, 2), C order
        double[] a = new double[12];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    a[(i * 3 + j) * 2 + k] = 100 * i + 10 * j + k;
                }
            }
        }
        HostTensor t = TensorOrder.transpose(HostTensor.of(DType.F64, new long[] {2, 3, 2}, a));
        assertArrayEquals(new long[] {2, 3, 2}, t.shape());
        assertFalse(t.isFortranOrder());
        double[] out = (double[]) t.array();
        // t[k][j][i] = a[i][j][k]
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    assertTrue(out[(k * 3 + j) * 2 + i] == 100 * i + 10 * j + k, "t[" + k + "][" + j + "][" + i + "]");
                }
            }
        }
    }

    @Test
    void fortranOrderOfAMatrixStoresItColumnByColumn() {
        HostTensor c = HostTensor.of(DType.C64, new long[] {2, 2}, new float[] {1, -1, 2, -2, 3, -3, 4, -4});
        HostTensor f = TensorOrder.toFortranOrder(c);
        assertTrue(f.isFortranOrder());
        assertArrayEquals(new float[] {1, -1, 3, -3, 2, -2, 4, -4}, (float[]) f.array());
        assertSame(f, TensorOrder.toFortranOrder(f));
        assertArrayEquals((float[]) c.array(), (float[]) f.toCOrder().array());
    }

    @Test
    void copyNeverAliasesItsInput() {
        HostTensor c = HostTensor.of(DType.F32, new long[] {3}, new float[] {1, 2, 3});
        HostTensor out = new CopyOperation().execute(new ExecRequest(List.of(c), Map.of(), Map.of(), Execution.HOST)).get(0);
        assertNotSame(c.array(), out.array());
        assertArrayEquals((float[]) c.array(), (float[]) out.array());
    }
}
