// m[i + j*rows] *= w[i] for the rows x cols column-major matrix m of real or complex (slots = 2, both parts scaled)
// elements and the rows real weights w: the diagonal scaling of the device least-squares solve.
template <typename T>
__device__ void scale_rows(unsigned long long matrix, unsigned long long weights, long long rows, long long cols,
                           long long slots) {
    T* m = (T*) matrix;
    const T* w = (const T*) weights;
    long long total = rows * cols * slots;
    for (long long k = blockIdx.x * (long long) blockDim.x + threadIdx.x; k < total; k += (long long) gridDim.x * blockDim.x) {
        m[k] *= w[(k / slots) % rows];
    }
}

extern "C" __global__ void fusemath_scale_rows_f32(unsigned long long matrix, unsigned long long weights, long long rows,
                                                   long long cols, long long slots) {
    scale_rows<float>(matrix, weights, rows, cols, slots);
}

extern "C" __global__ void fusemath_scale_rows_f64(unsigned long long matrix, unsigned long long weights, long long rows,
                                                   long long cols, long long slots) {
    scale_rows<double>(matrix, weights, rows, cols, slots);
}
