// dst[i*drs + j*dcs] = src[i*srs + j*scs] for rows x cols elements of 4, 8 or 16 bytes (strides in elements; a zero
// source stride broadcasts): the device operands' copies, transpositions and identity fills, moved as raw bits.
template <typename T>
__device__ void copy2d(unsigned long long src, long long srs, long long scs, unsigned long long dst, long long drs,
                       long long dcs, long long rows, long long cols) {
    const T* s = (const T*) src;
    T* d = (T*) dst;
    long long total = rows * cols;
    for (long long k = blockIdx.x * (long long) blockDim.x + threadIdx.x; k < total; k += (long long) gridDim.x * blockDim.x) {
        long long i = k % rows;
        long long j = k / rows;
        d[i * drs + j * dcs] = s[i * srs + j * scs];
    }
}

extern "C" __global__ void fusemath_copy2d_b4(unsigned long long src, long long srs, long long scs, unsigned long long dst,
                                              long long drs, long long dcs, long long rows, long long cols) {
    copy2d<unsigned int>(src, srs, scs, dst, drs, dcs, rows, cols);
}

extern "C" __global__ void fusemath_copy2d_b8(unsigned long long src, long long srs, long long scs, unsigned long long dst,
                                              long long drs, long long dcs, long long rows, long long cols) {
    copy2d<unsigned long long>(src, srs, scs, dst, drs, dcs, rows, cols);
}

extern "C" __global__ void fusemath_copy2d_b16(unsigned long long src, long long srs, long long scs, unsigned long long dst,
                                               long long drs, long long dcs, long long rows, long long cols) {
    copy2d<ulonglong2>(src, srs, scs, dst, drs, dcs, rows, cols);
}
