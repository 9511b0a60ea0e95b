#!/usr/bin/env python3
"""Cross-checks `fusemath exec` against NumPy: runs BLAS routines, matmul and numpy.fft's functions on random .npy inputs through the
fat jar and prints the relative error of each result against NumPy's, per dtype. Needs NumPy and a built
validation/target/fusemath.jar; exits 1 when an error exceeds 100 units of the dtype's roundoff.

    python3 scripts/numpy-crosscheck.py [path/to/fusemath.jar]
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

JAR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "validation", "target", "fusemath.jar")
rng = np.random.default_rng(7)
work = tempfile.mkdtemp(prefix="fusemath-np-")


def run(op, inputs, options=()):
    args = []
    for i, a in enumerate(inputs):
        path = os.path.join(work, f"in{i}.npy")
        np.save(path, a)
        args += ["--in", path]
    out = os.path.join(work, "out.npy")
    r = subprocess.run(["java", "-jar", JAR, "exec", op, *args, "--out", out, *options], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{op} failed: {r.stderr}")
    return np.load(out)


worst = 0.0
for dt in (np.float32, np.float64, np.complex64, np.complex128):
    cplx = np.issubdtype(dt, np.complexfloating)

    def rand(*shape):
        a = rng.standard_normal(shape) + (1j * rng.standard_normal(shape) if cplx else 0)
        return a.astype(dt)

    x, y, a, b = rand(7), rand(7), rand(5, 7), rand(7, 4)
    t = rand(7, 7) + 10 * np.eye(7, dtype=dt)
    alpha_text, alpha = ("0.5-1.5j", 0.5 - 1.5j) if cplx else ("1.5", 1.5)
    cases = {
        "dot": (run("dot", [x, y]), np.dot(x, y)),
        "dotc": (run("dotc", [x, y]), np.vdot(x, y)),
        "axpy": (run("axpy", [x, y], ["--alpha", alpha_text]), alpha * x + y),
        "nrm2": (run("nrm2", [x]), np.linalg.norm(x)),
        "gemv": (run("gemv", [a, x]), a @ x),
        "trsv": (run("trsv", [t, x], ["--uplo", "l"]), np.linalg.solve(np.tril(t), x)),
        "trsm": (run("trsm", [t, b.T.copy()], ["--side", "r", "--alpha", alpha_text]), alpha * b.T @ np.linalg.inv(np.triu(t))),
        "trmm": (run("trmm", [t, b], ["--uplo", "l", "--trans", "t"]), np.tril(t).T @ b),
        "syrk": (run("syrk", [a], ["--uplo", "l"]), np.tril(a @ a.T)),
        "matmul": (run("matmul", [a, b]), a @ b),
    }
    eps = np.finfo(dt).eps
    for name, (got, want) in cases.items():
        want = np.asarray(want)
        err = np.max(np.abs(got.astype(np.complex128) - want.astype(np.complex128))) / max(1e-300, np.max(np.abs(want)))
        worst = max(worst, err / eps)
        print(f"{np.dtype(dt).name:10s} {name:7s} relative error {err:.2e} ({err / eps:.1f} eps)")

# FFT rows: numpy.fft's functions with their n/s/axes/norm options; shape and dtype must be NumPy 2's exactly.
for dt in (np.float32, np.float64, np.complex64, np.complex128):
    cplx = np.issubdtype(dt, np.complexfloating)

    def rand(*shape):
        a = rng.standard_normal(shape) + (1j * rng.standard_normal(shape) if cplx else 0)
        return a.astype(dt)

    v, m, c = rand(97), rand(6, 10), rand(3, 4, 5)
    fft_cases = {
        "fft": (v, [], lambda a: np.fft.fft(a)),
        "fft n=128 ortho": (v, ["--n", "128", "--norm", "ortho"], lambda a: np.fft.fft(a, n=128, norm="ortho")),
        "ifft axis=0": (m, ["--axis", "0"], lambda a: np.fft.ifft(a, axis=0)),
        "fft2 s=4,16": (m, ["--s", "4,16"], lambda a: np.fft.fft2(a, s=(4, 16))),
        "ifft2 forward": (m, ["--norm", "forward"], lambda a: np.fft.ifft2(a, norm="forward")),
        "fftn axes=0,2": (c, ["--axes", "0,2"], lambda a: np.fft.fftn(a, axes=(0, 2))),
        "ifftn s=2,3,7": (c, ["--s", "2,3,7"], lambda a: np.fft.ifftn(a, s=(2, 3, 7))),
    }
    if not cplx:
        fft_cases.update({
            "rfft": (v, [], lambda a: np.fft.rfft(a)),
            "rfft n=50": (v, ["--n", "50"], lambda a: np.fft.rfft(a, n=50)),
            "rfft2": (m, [], lambda a: np.fft.rfft2(a)),
            "rfftn axes=2,0": (c, ["--axes", "2,0"], lambda a: np.fft.rfftn(a, axes=(2, 0))),
        })
    fft_cases.update({
        "irfft": (v, [], lambda a: np.fft.irfft(a)),
        "irfft n=97": (v, ["--n", "97"], lambda a: np.fft.irfft(a, n=97)),
        "irfft2 s=6,9": (m, ["--s", "6,9"], lambda a: np.fft.irfft2(a, s=(6, 9))),
        "irfftn ortho": (c, ["--norm", "ortho"], lambda a: np.fft.irfftn(a, norm="ortho")),
    })
    eps = np.finfo(dt).eps
    for name, (a, options, f) in fft_cases.items():
        op = name.split()[0]
        got, want = run(op, [a], options), f(a)
        if got.shape != want.shape or got.dtype != want.dtype:
            raise SystemExit(f"{op} {name}: shape/dtype {got.shape} {got.dtype}, numpy {want.shape} {want.dtype}")
        err = np.max(np.abs(got.astype(np.complex128) - want.astype(np.complex128))) / max(1e-300, np.max(np.abs(want)))
        worst = max(worst, err / eps)
        print(f"{np.dtype(dt).name:10s} {name:16s} relative error {err:.2e} ({err / eps:.1f} eps)")
print(f"worst: {worst:.1f} eps")
sys.exit(0 if worst <= 100 else 1)
