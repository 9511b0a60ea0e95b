// y[i] = a * x[i] + y[i] for i < n. Compiled by NVRTC in the gpu tests and by nvcc -ptx in NvccPtxTest.
extern "C" __global__ void saxpy(int n, float a, const float* __restrict__ x, float* __restrict__ y)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        y[i] = a * x[i] + y[i];
    }
}
