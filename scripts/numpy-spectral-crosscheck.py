#!/usr/bin/env python3
"""Cross-checks `fusemath exec svd|eigh|eigvalsh|eig|eigvals` against NumPy on random stacked inputs of every dtype:
output dtypes and shapes must be NumPy's; singular values and eigenvalues must agree (eig's after sorting) and the
vectors must satisfy their defining equations, each within 100 units of the dtype's roundoff times the dimension.
exec hands LAPACK the same column-major double-precision copy NumPy does, so the vectors are also compared with NumPy's
element by element (a different OpenBLAS build could flip a sign there, as vectors are unique only up to a unit factor). Needs NumPy and a built validation/target/fusemath.jar; exits 1 on any mismatch.

    python3 scripts/numpy-spectral-crosscheck.py [path/to/fusemath.jar]
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

JAR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "validation", "target", "fusemath.jar")
rng = np.random.default_rng(11)
work = tempfile.mkdtemp(prefix="fusemath-np-spectral-")
failures = []


def run(op, a, outputs, options=()):
    path = os.path.join(work, "a.npy")
    np.save(path, a)
    outs = [os.path.join(work, f"o{i}.npy") for i in range(outputs)]
    r = subprocess.run(["java", "-jar", JAR, "exec", op, "--in", path, "--out", *outs, *options],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{op} failed: {r.stderr}")
    return [np.load(o) for o in outs]


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name} {detail}")
    if not ok:
        failures.append(name)


def same_kind(name, ours, theirs):
    check(name + " dtype/shape", ours.dtype == theirs.dtype and ours.shape == theirs.shape,
          f"{ours.dtype}{ours.shape} vs numpy {theirs.dtype}{theirs.shape}")


for dt in (np.float32, np.float64, np.complex64, np.complex128):
    cplx = np.issubdtype(dt, np.complexfloating)
    eps = np.finfo(dt).eps

    def rand(*shape):
        a = rng.standard_normal(shape) + (1j * rng.standard_normal(shape) if cplx else 0)
        return a.astype(dt)

    for shape in ((5, 5), (3, 7, 4), (2, 2, 6, 3)):
        a = rand(*shape)
        n = max(shape[-2:])
        tol = 100 * n * eps
        u, s, vh = run("svd", a, 3)
        nu, ns, nvh = np.linalg.svd(a, full_matrices=False)
        for ours, theirs, what in ((u, nu, "U"), (s, ns, "S"), (vh, nvh, "Vh")):
            same_kind(f"svd {dt.__name__} {shape} {what}", ours, theirs)
        scale = np.max(ns)
        check(f"svd {dt.__name__} {shape} values", np.max(np.abs(s - ns)) <= tol * scale)
        rebuilt = (u * s[..., None, :]) @ vh
        check(f"svd {dt.__name__} {shape} U S Vh = A", np.max(np.abs(rebuilt - a)) <= tol * scale)
        # exec hands LAPACK what NumPy hands it, so even the vectors' signs and phases should be NumPy's.
        check(f"svd {dt.__name__} {shape} U, Vh as NumPy's", max(np.max(np.abs(u - nu)), np.max(np.abs(vh - nvh))) <= tol)
        (sv,) = run("svd", a, 1, ["--compute-uv", "false"])
        check(f"svd {dt.__name__} {shape} compute-uv false", np.max(np.abs(sv - ns)) <= tol * scale)
        fu, fs, fvh = run("svd", a, 3, ["--full-matrices"])
        nfu, _, nfvh = np.linalg.svd(a)
        same_kind(f"svd {dt.__name__} {shape} full U", fu, nfu)
        same_kind(f"svd {dt.__name__} {shape} full Vh", fvh, nfvh)

    for shape in ((6, 6), (3, 5, 5)):
        m = rand(*shape)
        h = (m + np.conj(np.swapaxes(m, -1, -2))) / 2
        n = shape[-1]
        tol = 100 * n * eps
        for uplo in ("L", "U"):
            w, v = run("eigh", h, 2, ["--uplo", uplo])
            nw, nv = np.linalg.eigh(h, UPLO=uplo)
            same_kind(f"eigh {dt.__name__} {shape} {uplo} w", w, nw)
            same_kind(f"eigh {dt.__name__} {shape} {uplo} v", v, nv)
            scale = np.max(np.abs(nw))
            check(f"eigh {dt.__name__} {shape} {uplo} values", np.max(np.abs(w - nw)) <= tol * scale)
            check(f"eigh {dt.__name__} {shape} {uplo} A v = w v",
                  np.max(np.abs(h @ v - v * w[..., None, :])) <= tol * scale)
            check(f"eigh {dt.__name__} {shape} {uplo} v as NumPy's", np.max(np.abs(v - nv)) <= tol)
            (wv,) = run("eigvalsh", h, 1, ["--uplo", uplo])
            same_kind(f"eigvalsh {dt.__name__} {shape} {uplo}", wv, np.linalg.eigvalsh(h, UPLO=uplo))

        a = rand(*shape)
        w, v = run("eig", a, 2)
        nw, nv = np.linalg.eig(a)
        same_kind(f"eig {dt.__name__} {shape} w", w, nw)
        same_kind(f"eig {dt.__name__} {shape} v", v, nv)
        scale = np.max(np.abs(nw))
        check(f"eig {dt.__name__} {shape} values (sorted)",
              np.max(np.abs(np.sort_complex(w.reshape(-1, n)) - np.sort_complex(nw.reshape(-1, n)))) <= tol * scale)
        check(f"eig {dt.__name__} {shape} values in NumPy's order", np.max(np.abs(w - nw)) <= tol * scale)
        check(f"eig {dt.__name__} {shape} A v = w v", np.max(np.abs(a @ v - v * w[..., None, :])) <= tol * scale)
        check(f"eig {dt.__name__} {shape} v as NumPy's", np.max(np.abs(v - nv)) <= tol)
        (wv,) = run("eigvals", a, 1)
        same_kind(f"eigvals {dt.__name__} {shape}", wv, np.linalg.eigvals(a))

    if not cplx:
        t = np.triu(rand(4, 4))
        w, v = run("eig", t, 2)
        nw, nv = np.linalg.eig(t)
        same_kind(f"eig {dt.__name__} triangular (real eigenvalues) w", w, nw)
        same_kind(f"eig {dt.__name__} triangular (real eigenvalues) v", v, nv)

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
