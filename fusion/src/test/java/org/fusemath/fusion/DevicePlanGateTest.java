package org.fusemath.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaLibrary;
import org.junit.jupiter.api.Test;

/** Without a usable device, planning on DEVICE raises the probe's own exception, before any planning work. */
class DevicePlanGateTest {
    @Test
    void deviceExecutionWithoutADeviceRaisesTheProbesException() {
        DeviceUnavailableException probe = null;
        try {
            CudaDevices.require(0, CudaLibrary.NVRTC, CudaLibrary.CUBLAS_LT);
        } catch (DeviceUnavailableException e) {
            probe = e;
        }
        assumeFalse(probe == null, "a usable device is present: the gate lets the plan through (gpu tests cover it)");
        Expr y = Expr.input("x", Data.doubles(16, 1), 4, 4).mul(2).exp();
        FuseContext device = FuseContext.builder().execution(Execution.device(0)).build();
        long planned = Fusion.planningCount();
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> Fusion.plan(device, y));
        assertEquals(probe.getMessage(), e.getMessage());
        assertEquals(planned, Fusion.planningCount(), "no planning work without a device");
        Fusion.plan(y).close();   // the host is unaffected
    }
}
