package org.fusemath.cuda;

import org.fusemath.api.CudaLibraryException;

/** NVRTC rejected a kernel source; the message and {@link #log()} carry the compiler's diagnostics. */
public class NvrtcCompileException extends CudaLibraryException {
    private static final long serialVersionUID = 1L;

    private final String programName;
    private final String log;

    /** Compiling {@code programName} failed with NVRTC {@code status}; {@code log} is the program log. */
    public NvrtcCompileException(String programName, int status, String log) {
        super(CudaLibrary.NVRTC.displayName(), "nvrtcCompileProgram(" + programName + ")", status,
                CudaStatus.name(CudaLibrary.NVRTC, status), "compile log:\n" + (log == null ? "" : log.strip()));
        this.programName = programName;
        this.log = log == null ? "" : log;
    }

    /** The program (file) name the source was compiled as. */
    public String programName() {
        return programName;
    }

    /** NVRTC's program log: the errors and warnings, with line numbers. */
    public String log() {
        return log;
    }
}
