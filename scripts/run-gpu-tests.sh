#!/usr/bin/env bash
# Runs fusemath's `gpu`-tagged tests and `fusemath info` from an unpacked gpu-bundle, with the CUDA 13
# libraries of this machine: /usr/local/cuda, the driver's own directories, and the NVIDIA wheels of any
# Python installation (CUDA 13 wheels keep every library in nvidia/cu13/lib, older ones in nvidia/*/lib).
# Extra arguments go to the JUnit console launcher (e.g. --select-class=...).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dirs=()
for d in /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib /usr/local/nvidia/lib64 /usr/local/nvidia/lib; do
  [ -d "$d" ] && dirs+=("$d")
done
for py in python3 python; do
  command -v "$py" >/dev/null 2>&1 || continue
  for sp in $("$py" -c 'import site; print(" ".join(site.getsitepackages() + [site.getusersitepackages()]))' 2>/dev/null); do
    for d in "$sp"/nvidia/cu13/lib "$sp"/nvidia/*/lib; do
      [ -d "$d" ] && dirs+=("$d")
    done
  done
  break
done
if [ "${#dirs[@]}" -gt 0 ]; then
  LD_LIBRARY_PATH=$(IFS=:; echo "${dirs[*]}")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  export LD_LIBRARY_PATH
fi
echo "run-gpu-tests: LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"
java="$here/runtime/bin/java"
cp=$(find "$here/lib" -name '*.jar' | sort | tr '\n' ':')
tests=$(find "$here/tests" -mindepth 1 -maxdepth 1 -type d | sort | tr '\n' ':')
opts=(--enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=info ${FUSEMATH_JAVA_OPTS:-})

echo "== fusemath info"
"$java" "${opts[@]}" -cp "$cp" org.fusemath.validation.cli.FusemathCli info
info_rc=$?

echo "== gpu-tagged tests"
# jqwik's property tests carry no gpu tag, and its engine fails on closing a run database it cannot create here.
"$java" "${opts[@]}" -jar "$here"/tool/junit-platform-console-standalone-*.jar execute \
  --class-path "$cp$tests" --scan-class-path "${tests%:}" --include-tag gpu --exclude-engine=jqwik \
  --details tree --details-theme ascii --reports-dir "${FUSEMATH_REPORTS:-$here/reports}" "$@"
test_rc=$?
echo "run-gpu-tests: info exit $info_rc, tests exit $test_rc"
[ "$info_rc" -eq 0 ] && exit "$test_rc"
exit "$info_rc"
