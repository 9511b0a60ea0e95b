#!/usr/bin/env bash
# Builds target/gpu-bundle (a jlink runtime, the library and test jars, the JUnit console launcher and
# run-gpu-tests.sh) and packs it as target/gpu-bundle.tar.xz, which runs the `gpu`-tagged tests and
# `fusemath info` on any x86-64 Linux machine with CUDA 13, without Java or Maven.
#
# Usage: scripts/gpu-bundle.sh   (builds the project's jars and test classes first, tests not run)
# The runtime comes from the newest JDK found under /usr/lib/jvm (or FUSEMATH_BUNDLE_JDK), so the
# FFM host path is the one the bundle tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
start=$SECONDS
# One line per step, with the seconds since the start: the Maven build and xz each take minutes.
step() { echo "gpu-bundle: [$((SECONDS - start))s] $*"; }

jdk=${FUSEMATH_BUNDLE_JDK:-}
if [ -z "$jdk" ]; then
  best=0
  for j in /usr/lib/jvm/*/; do
    [ -x "$j/bin/jlink" ] || continue
    v=$("$j/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')
    if [ -n "$v" ] && [ "$v" -gt "$best" ]; then best=$v; jdk=${j%/}; fi
  done
fi
[ -x "$jdk/bin/jlink" ] || { echo "gpu-bundle: no JDK with jlink found (set FUSEMATH_BUNDLE_JDK)" >&2; exit 1; }
step "runtime from $jdk"

modules="api cuda blas fft random solver fusion ejml validation"
step "building the jars and test classes of $modules (Maven, tests not run; a few minutes)"
# One invocation, so that the class paths name the reactor's freshly packaged jars.
./mvnw -B -q -pl "$(echo $modules | tr ' ' ,)" -am package -DskipTests dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bundle-classpath.txt

step "collecting the library jars and test classes"
out=target/gpu-bundle
rm -rf "$out" target/gpu-bundle.tar.xz
mkdir -p "$out/lib" "$out/tests"
for m in $modules; do
  tr ':' '\n' < "$m/target/bundle-classpath.txt"; echo  # the file has no final newline
  ls "$m"/target/fusemath-"$m"-*.jar 2>/dev/null | grep -v -- '-tests.jar' || true
done | sort -u | while read -r jar; do
  [ -n "$jar" ] || continue
  case "$jar" in
    */target/classes|*/target/test-classes) continue ;;
    *-tests.jar) continue ;;                       # test classes travel as directories below
    *-sources.jar) continue ;;                     # the CUDA headers' text: only the CPU-run ABI tests read it
    *jmh-*|*/junit-platform-console-standalone-*) continue ;;
  esac
  cp -n "$jar" "$out/lib/" 2>/dev/null || true
done
for m in $modules; do
  if [ -d "$m/target/test-classes" ]; then
    mkdir -p "$out/tests/$m"
    cp -r "$m/target/test-classes/." "$out/tests/$m/"
  fi
done
step "fetching the JUnit console launcher"
console_version=$(sed -n 's:.*<junit.platform.version>\(.*\)</junit.platform.version>.*:\1:p' pom.xml)
./mvnw -B -q dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$console_version" \
  -DoutputDirectory="$out/tool" -N >/dev/null

step "linking the Java runtime (jlink)"
# An uncompressed jimage: xz packs it to a third of what zip-9 inside the image allows.
# Modules the library, its tests and the console launcher need (jdeps over all of them found this set;
# jdk.unsupported is JavaCPP's sun.misc.Unsafe, java.management the JUnit launcher's, java.sql Jackson's).
"$jdk/bin/jlink" --add-modules java.base,java.logging,java.management,java.naming,java.sql,java.xml,jdk.unsupported,jdk.management \
  --strip-debug --no-header-files --no-man-pages --compress=zip-0 --output "$out/runtime"

cp scripts/run-gpu-tests.sh "$out/run-gpu-tests.sh"
chmod +x "$out/run-gpu-tests.sh"
git rev-parse --short HEAD > "$out/VERSION" 2>/dev/null || echo unknown > "$out/VERSION"

step "packing target/gpu-bundle.tar.xz ($(du -sm "$out" | cut -f1) MiB before xz; a few minutes)"
tar -C target -cf - gpu-bundle | xz -T2 -6 > target/gpu-bundle.tar.xz
size=$(stat -c %s target/gpu-bundle.tar.xz)
limit=$((60 * 1024 * 1024))
step "done"
echo "gpu-bundle: target/gpu-bundle.tar.xz is $((size / 1024 / 1024)) MiB ($size bytes; limit 60 MiB)"
[ "$size" -lt "$limit" ] || { echo "gpu-bundle: over the 60 MiB limit" >&2; exit 1; }
