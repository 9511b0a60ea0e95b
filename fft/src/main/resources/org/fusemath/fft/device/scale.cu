// Multiplies n consecutive components from the device address base by s: cuFFT does not normalise, so an
// ifft (backward norm), an ortho or a forward-norm result on device operands is scaled in place after the transform.
extern "C" __global__ void fusemath_fft_scale_f64(unsigned long long base, long long n, double s) {
    double* p = (double*) base;
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) gridDim.x * blockDim.x) {
        p[i] *= s;
    }
}

extern "C" __global__ void fusemath_fft_scale_f32(unsigned long long base, long long n, float s) {
    float* p = (float*) base;
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) gridDim.x * blockDim.x) {
        p[i] *= s;
    }
}
