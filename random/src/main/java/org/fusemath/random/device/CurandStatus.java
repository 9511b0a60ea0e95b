package org.fusemath.random.device;

/** Names of {@code curandStatus_t} values, for exception messages. */
final class CurandStatus {
    private CurandStatus() {
    }

    static String name(int status) {
        switch (status) {
            case 0:
                return "CURAND_STATUS_SUCCESS";
            case 100:
                return "CURAND_STATUS_VERSION_MISMATCH";
            case 101:
                return "CURAND_STATUS_NOT_INITIALIZED";
            case 102:
                return "CURAND_STATUS_ALLOCATION_FAILED";
            case 103:
                return "CURAND_STATUS_TYPE_ERROR";
            case 104:
                return "CURAND_STATUS_OUT_OF_RANGE";
            case 105:
                return "CURAND_STATUS_LENGTH_NOT_MULTIPLE";
            case 106:
                return "CURAND_STATUS_DOUBLE_PRECISION_REQUIRED";
            case 201:
                return "CURAND_STATUS_LAUNCH_FAILURE";
            case 202:
                return "CURAND_STATUS_PREEXISTING_FAILURE";
            case 203:
                return "CURAND_STATUS_INITIALIZATION_FAILED";
            case 204:
                return "CURAND_STATUS_ARCH_MISMATCH";
            case 999:
                return "CURAND_STATUS_INTERNAL_ERROR";
            default:
                return "curandStatus " + status;
        }
    }
}
