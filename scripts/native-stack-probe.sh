#!/usr/bin/env bash
# Binary-searches the smallest calling-thread stack on which one unprotected OpenBLAS call survives, one child
# JVM per try (a too-small stack kills the JVM with SIGSEGV). Figures for the shipped build: blas/README.md.
#   scripts/native-stack-probe.sh getrf d 1000        # also: getrs potrf potrs geqrf gemm trsm syrk; s d c z
# Needs the fat jar and the blas test classes: ./mvnw -B -q package -DskipTests && ./mvnw -B -q -pl blas test-compile
# OPENBLAS_NUM_THREADS=1 in the environment probes the one-thread paths.
set -euo pipefail
cd "$(dirname "$0")/.."
routine=$1 type=$2 n=$3
cp="validation/target/fusemath.jar:blas/target/test-classes"
survives() { java -XX:TieredStopAtLevel=1 -XX:-CreateCoredumpOnCrash -XX:ErrorFile=/dev/null -cp "$cp" \
    org.fusemath.blas.host.NativeStackProbe "$routine" "$type" "$n" "$1" >/dev/null 2>&1; }
lo=144 hi=32768
if survives $lo; then echo "$routine $type n=$n: survives ${lo} KB"; exit 0; fi
survives $hi || { echo "$routine $type n=$n: fails even at ${hi} KB"; exit 1; }
while (( hi - lo > 64 )); do
  mid=$(( (lo + hi) / 2 ))
  if survives $mid; then hi=$mid; else lo=$mid; fi
done
echo "$routine $type n=$n: needs ${hi} KB (dies at ${lo} KB)"
