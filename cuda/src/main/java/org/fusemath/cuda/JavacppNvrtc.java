package org.fusemath.cuda;

import static org.bytedeco.cuda.global.nvrtc.nvrtcCompileProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCreateProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcDestroyProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBIN;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBINSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetPTX;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetPTXSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLog;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLogSize;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/** NVRTC through JavaCPP: source and options in, CUBIN or PTX (and the log) out. */
final class JavacppNvrtc implements KernelCompiler {
    @Override
    public CompiledKernel compile(KernelSource source, KernelKey key) {
        _nvrtcProgram program = new _nvrtcProgram();
        try (BytePointer code = new BytePointer(source.code(), StandardCharsets.UTF_8);
                BytePointer name = new BytePointer(source.name(), StandardCharsets.UTF_8)) {
            check("nvrtcCreateProgram", nvrtcCreateProgram(program, code, name, 0, (PointerPointer<?>) null, (PointerPointer<?>) null));
        }
        try {
            List<String> options = key.nvrtcOptions();
            int status;
            try (PointerPointer<?> optionPointers = new PointerPointer<>(options.toArray(new String[0]), StandardCharsets.UTF_8)) {
                status = nvrtcCompileProgram(program, options.size(), optionPointers);
            }
            String log = log(program);
            if (status != CudaStatus.SUCCESS) {
                throw new NvrtcCompileException(source.name(), status, log);
            }
            byte[] image = key.producesPtx() ? ptx(program) : cubin(program);
            return new CompiledKernel(key, image, log);
        } finally {
            check("nvrtcDestroyProgram", nvrtcDestroyProgram(program));
        }
    }

    private static String log(_nvrtcProgram program) {
        try (SizeTPointer size = new SizeTPointer(1)) {
            check("nvrtcGetProgramLogSize", nvrtcGetProgramLogSize(program, size));
            try (BytePointer log = new BytePointer(Math.max(1, size.get()))) {
                check("nvrtcGetProgramLog", nvrtcGetProgramLog(program, log));
                return log.getString(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] ptx(_nvrtcProgram program) {
        try (SizeTPointer size = new SizeTPointer(1)) {
            check("nvrtcGetPTXSize", nvrtcGetPTXSize(program, size));
            try (BytePointer ptx = new BytePointer(size.get())) {
                check("nvrtcGetPTX", nvrtcGetPTX(program, ptx));
                byte[] bytes = new byte[Math.toIntExact(size.get())];
                ptx.get(bytes, 0, bytes.length);
                return bytes;
            }
        }
    }

    private static byte[] cubin(_nvrtcProgram program) {
        try (SizeTPointer size = new SizeTPointer(1)) {
            check("nvrtcGetCUBINSize", nvrtcGetCUBINSize(program, size));
            try (BytePointer cubin = new BytePointer(size.get())) {
                check("nvrtcGetCUBIN", nvrtcGetCUBIN(program, cubin));
                byte[] bytes = new byte[Math.toIntExact(size.get())];
                cubin.get(bytes, 0, bytes.length);
                return bytes;
            }
        }
    }

    private static void check(String call, int status) {
        CudaStatus.check(CudaLibrary.NVRTC, call, status);
    }
}
