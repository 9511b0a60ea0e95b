#!/usr/bin/env bash
# Runs EJML's own unit tests for the classes fusemath-ejml replaces against fusemath's classes, with the import
# swapped, and prints pass/fail counts.
#
#   scripts/ejml-compat.sh [--rev REV] [--scratch DIR] [--baseline] [--no-build] EJML_SOURCE
#
# EJML_SOURCE is an EJML checkout (a directory holding main/ejml-core) or a bare git repository of EJML (then REV
# selects the commit, default HEAD). The tests (and the test helpers and generic checks they use) are copied into a
# scratch directory outside this repository (default: a new mktemp directory), every reference to an EJML class that
# fusemath-ejml provides (CommonOps_*, LinearSolverFactory_*, DecompositionFactory_*) is pointed at org.fusemath.ejml
# (a replaced import; in files of the class's own package, or importing it on demand, an added single-type import,
# which shadows both), compiled against fusemath-ejml's classes and its dependencies, and run with the JUnit console
# launcher. Only classes fusemath-ejml actually contains are swapped; the others are listed and stay EJML's.
# --baseline runs the same tests unswapped (against EJML itself): failures there come from the EJML source revision,
# not from fusemath. --no-build reuses ejml/target/classes and the class path file from an earlier run.
# Exit status: 0 when every test ran passed, 1 when some failed, 2 on a usage or build error.
set -euo pipefail

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

REV=HEAD
SCRATCH=
BASELINE=false
BUILD=true
SOURCE=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rev) REV="$2"; shift 2 ;;
    --scratch) SCRATCH="$2"; shift 2 ;;
    --baseline) BASELINE=true; shift ;;
    --no-build) BUILD=false; shift ;;
    -h|--help) usage ;;
    -*) echo "unknown option $1" >&2; usage ;;
    *) SOURCE="$1"; shift ;;
  esac
done
[[ -n "$SOURCE" ]] || usage

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "$SCRATCH" ]]; then
  SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/ejml-compat.XXXXXX")"
fi
mkdir -p "$SCRATCH"
SCRATCH="$(cd "$SCRATCH" && pwd)"
case "$SCRATCH/" in
  "$ROOT"/*) echo "the scratch directory must be outside the repository ($ROOT)" >&2; exit 2 ;;
esac
echo "scratch: $SCRATCH"

# EJML's tests of the replaced classes. The F32 tests (TestCommonOps_FDRM, ...) are generated from these by EJML's
# build (autocode), so they are not in its source tree; the MT CommonOps classes have no test class of their own.
TESTS=(
  main/ejml-ddense/test/org/ejml/dense/row/TestCommonOps_DDRM.java
  main/ejml-zdense/test/org/ejml/dense/row/TestCommonOps_ZDRM.java
  main/ejml-ddense/test/org/ejml/dense/row/factory/TestLinearSolverFactory_DDRM.java
  main/ejml-ddense/test/org/ejml/dense/row/factory/TestDecompositionFactory_DDRM.java
)
# Test source roots copied whole: the tests' helpers and generic checks are found there by javac's -sourcepath.
ROOTS=(main/ejml-core/test main/ejml-ddense/test main/ejml-zdense/test)

# ---- 1. the EJML test sources ----
rm -rf "$SCRATCH/src" "$SCRATCH/classes" && mkdir -p "$SCRATCH/src" "$SCRATCH/classes"
if [[ -d "$SOURCE/main/ejml-core" ]]; then
  for r in "${ROOTS[@]}"; do cp -r "$SOURCE/$r/." "$SCRATCH/src/"; done
  echo "EJML source: checkout $SOURCE"
elif git --git-dir="$SOURCE" rev-parse --verify -q "$REV^{commit}" >/dev/null; then
  for r in "${ROOTS[@]}"; do
    git --git-dir="$SOURCE" archive "$REV" "$r" | tar -x -C "$SCRATCH/src" --strip-components=3
  done
  echo "EJML source: $SOURCE at $(git --git-dir="$SOURCE" rev-parse --short "$REV") ($(git --git-dir="$SOURCE" log -1 --format=%cs "$REV"))"
else
  echo "$SOURCE is neither an EJML checkout nor a git repository with revision $REV" >&2; exit 2
fi
SELECTED=()
for t in "${TESTS[@]}"; do SELECTED+=("$SCRATCH/src/${t#main/*/test/}"); done

# ---- 2. fusemath-ejml's classes and class path ----
CPFILE="$SCRATCH/fusemath-ejml.classpath"
if $BUILD; then
  (cd "$ROOT" && ./mvnw -B -o -q -pl ejml -am package -DskipTests -Dmaven.javadoc.skip=true \
      dependency:build-classpath -Dmdep.outputFile="$CPFILE" -Dmdep.includeScope=runtime) \
    || { echo "building fusemath-ejml failed" >&2; exit 2; }
fi
[[ -s "$CPFILE" ]] || { echo "no class path file $CPFILE (run without --no-build)" >&2; exit 2; }
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
LAUNCHER="$(ls "$M2"/org/junit/platform/junit-platform-console-standalone/*/junit-platform-console-standalone-*.jar | sort -V | tail -1)"
CP="$ROOT/ejml/target/classes:$(cat "$CPFILE"):$LAUNCHER"

# ---- 3. the import swap ----
PROVIDED=()
for c in CommonOps_DDRM CommonOps_FDRM CommonOps_ZDRM CommonOps_CDRM CommonOps_MT_DDRM CommonOps_MT_FDRM \
         LinearSolverFactory_DDRM LinearSolverFactory_FDRM \
         DecompositionFactory_DDRM DecompositionFactory_FDRM DecompositionFactory_ZDRM; do
  [[ -f "$ROOT/ejml/target/classes/org/fusemath/ejml/$c.class" ]] && PROVIDED+=("$c")
done
if $BASELINE; then
  echo "baseline: tests run against EJML itself (no swap)"
  PROVIDED=()
else
  echo "swapped to org.fusemath.ejml: ${PROVIDED[*]:-(none)}"
fi
# Also drops JetBrains' @Nullable/@NotNull (EJML compiles with them; they carry no behaviour), so no extra jar is needed.
python3 - "$SCRATCH/src" "${PROVIDED[@]}" <<'PY'
import os, re, sys
root, names = sys.argv[1], sys.argv[2:]
changed = 0
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith('.java'):
            continue
        p = os.path.join(d, f)
        s = orig = open(p, encoding='utf-8').read()
        s = re.sub(r'^import org\.jetbrains\.annotations\.\w+;\n', '', s, flags=re.M)
        s = re.sub(r'@(Nullable|NotNull)\b\s*', '', s)
        added = []
        for n in names:
            # Replace single-type and static imports and fully qualified uses of org.ejml.<pkg>.<n>.
            s = re.sub(r'\borg\.ejml\.[\w.]*?\.' + n + r'\b', 'org.fusemath.ejml.' + n, s)
            single = 'import org.fusemath.ejml.' + n + ';'
            if single not in s and re.search(r'(?<![\w.])' + n + r'\b', s):
                # Used unqualified: same package, or an on-demand import. A single-type import shadows both.
                added.append(single)
        if added:
            s = re.sub(r'^(package\s+[\w.]+\s*;)', lambda m: m.group(1) + '\n' + '\n'.join(added), s, count=1, flags=re.M)
        if s != orig:
            open(p, 'w', encoding='utf-8').write(s)
            changed += 1
print('files rewritten: %d' % changed)
PY

# ---- 4. compile (all at once; where that fails, each test alone, so one broken file does not hide the rest) ----
JAVAC=(javac -nowarn -encoding UTF-8 -proc:none -implicit:class -sourcepath "$SCRATCH/src" -cp "$CP" -d "$SCRATCH/classes")
RUN=()
NOCOMPILE=()
if "${JAVAC[@]}" "${SELECTED[@]}" >"$SCRATCH/javac.log" 2>&1; then
  RUN=("${SELECTED[@]}")
else
  for f in "${SELECTED[@]}"; do
    if "${JAVAC[@]}" "$f" >"$SCRATCH/javac-$(basename "$f" .java).log" 2>&1; then RUN+=("$f"); else NOCOMPILE+=("$f"); fi
  done
fi
for f in "${NOCOMPILE[@]}"; do
  echo "DOES NOT COMPILE: $(basename "$f" .java) (first errors below; log $SCRATCH/javac-$(basename "$f" .java).log)"
  grep -m 5 'error:' "$SCRATCH/javac-$(basename "$f" .java).log" | sed "s|$SCRATCH/src/||; s/^/    /"
done

# ---- 5. run ----
SELECT=()
for f in "${RUN[@]}"; do
  rel="${f#$SCRATCH/src/}"; rel="${rel%.java}"; SELECT+=(--select-class "${rel//\//.}")
done
STATUS=0
if [[ ${#SELECT[@]} -gt 0 ]]; then
  java -jar "$LAUNCHER" execute --disable-banner --disable-ansi-colors --details=tree --details-theme=ascii \
      --class-path "$SCRATCH/classes:$CP" --reports-dir "$SCRATCH/reports" "${SELECT[@]}" \
      >"$SCRATCH/junit.log" 2>&1 || STATUS=1
  # Failed tests with their first message line.
  grep -E '\[X\]' "$SCRATCH/junit.log" | sed 's/^[ |+\x27-]*/FAILED /' | head -100 || true
  grep -E 'tests (found|successful|failed|aborted|skipped)|containers failed' "$SCRATCH/junit.log" | sed 's/^\[ *//; s/ *\]$//'
else
  echo "no test compiled"
  STATUS=1
fi
echo "test classes: ${#SELECTED[@]} selected, ${#RUN[@]} compiled, ${#NOCOMPILE[@]} did not compile"
echo "full log: $SCRATCH/junit.log"
[[ ${#NOCOMPILE[@]} -eq 0 ]] || STATUS=1
exit $STATUS
