package org.fusemath.cuda;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.cuda.device.NativeInvoker;
import org.fusemath.cuda.device.PresetInvoker;

/**
 * NVRTC through JavaCPP: source and options in, CUBIN or PTX (and the log) out; each call a {@link NativeCall}
 * made by a {@link NativeInvoker} (tests: a recorder checked against the headers).
 */
final class JavacppNvrtc implements KernelCompiler {
    private final NativeInvoker invoker;

    JavacppNvrtc() {
        this(PresetInvoker.INSTANCE);
    }

    /** The compiler making its calls through {@code invoker}. */
    JavacppNvrtc(NativeInvoker invoker) {
        this.invoker = invoker;
    }

    private static NativeCall call(String function, long program) {
        return NativeCall.of(nvrtc.class, function).handle("prog", _nvrtcProgram.class, program);
    }

    private NativeInvoker.Made check(NativeCall call) {
        return invoker.check(CudaLibrary.NVRTC, call);
    }

    @Override
    public CompiledKernel compile(KernelSource source, KernelKey key) {
        long program;
        try (BytePointer code = new BytePointer(source.code(), StandardCharsets.UTF_8);
                BytePointer name = new BytePointer(source.name(), StandardCharsets.UTF_8)) {
            program = check(NativeCall.of(nvrtc.class, "nvrtcCreateProgram").out("prog", _nvrtcProgram.class)
                    .arg("src", BytePointer.class, code).arg("name", BytePointer.class, name).value("numHeaders", 0)
                    .arg("headers", PointerPointer.class, null).arg("includeNames", PointerPointer.class, null)).handle();
        }
        try {
            List<String> options = key.nvrtcOptions();
            int status;
            try (PointerPointer<?> optionPointers = new PointerPointer<>(options.toArray(new String[0]), StandardCharsets.UTF_8)) {
                status = invoker.make(call("nvrtcCompileProgram", program).value("numOptions", options.size())
                        .arg("options", PointerPointer.class, optionPointers)).status();
            }
            String log = log(program);
            if (status != CudaStatus.SUCCESS) {
                throw new NvrtcCompileException(source.name(), status, log);
            }
            byte[] image = key.producesPtx() ? image(program, "nvrtcGetPTXSize", "ptxSizeRet", "nvrtcGetPTX", "ptx")
                    : image(program, "nvrtcGetCUBINSize", "cubinSizeRet", "nvrtcGetCUBIN", "cubin");
            return new CompiledKernel(key, image, log);
        } finally {
            check(call("nvrtcDestroyProgram", program));
        }
    }

    private String log(long program) {
        try (SizeTPointer size = new SizeTPointer(1)) {
            size.put(0L);
            check(call("nvrtcGetProgramLogSize", program).arg("logSizeRet", SizeTPointer.class, size));
            try (BytePointer log = new BytePointer(Math.max(1, size.get()))) {
                check(call("nvrtcGetProgramLog", program).arg("log", BytePointer.class, log));
                return log.getString(StandardCharsets.UTF_8);
            }
        }
    }

    /** The PTX or CUBIN: its size from {@code sizeFunction}'s out-parameter, then its bytes from {@code getFunction}. */
    private byte[] image(long program, String sizeFunction, String sizeName, String getFunction, String bufferName) {
        try (SizeTPointer size = new SizeTPointer(1)) {
            size.put(0L);
            check(call(sizeFunction, program).arg(sizeName, SizeTPointer.class, size));
            try (BytePointer image = new BytePointer(Math.max(1, size.get()))) {
                check(call(getFunction, program).arg(bufferName, BytePointer.class, image));
                byte[] bytes = new byte[Math.toIntExact(size.get())];
                image.get(bytes, 0, bytes.length);
                return bytes;
            }
        }
    }
}
