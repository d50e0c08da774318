#!/bin/sh
# Benchmarks (not unit tests): they print ratios against native runs or against gdb.
#   src/bench/bench.sh [record-replay|syscallbuf|debugger|trace|seek|symbols|disasm|startup|store|core|all]
# syscallbuf takes RUNS SCALE MODES ONLY after it (default 3 1 both all; see SyscallBufferBench).
#   src/bench/bench.sh scale [TRACE_DIR [GOTO_TARGETS [LIMIT_S [all|million|racy|dense]]]]   (not in all: minutes)
#   src/bench/bench.sh hitcost [RUNS [SMALL_N [LARGE_N]]]   (not in all: µs per breakpoint/watchpoint hit in a reverse scan)
#   src/bench/bench.sh undo TRACE [CLICKS]   (not in all: TUI undo and scrubber clicks on a long recording,
#     e.g. jrrtui record -n -o TRACE -- target/test-binaries/bench_million 150000 100)
# Builds first if needed. Run from anywhere.
set -e
cd "$(dirname "$0")/../.."
[ -f target/jrrtui.jar ] && [ -d target/test-classes ] || mvn -B -ntp -q package -DskipTests
CP="target/jrrtui.jar:target/test-classes"
JAVA="java -Djrrtui.native=target/native"
run() { echo "== $1"; shift; $JAVA "$@"; echo; }
what="${1:-all}"
case "$what" in
  record-replay|all) run "record/replay vs native" -cp "$CP" io.jrrtui.bench.RecordReplayBench target/test-binaries 5 ;;
esac
case "$what" in
  syscallbuf|all) shift 2>/dev/null || true
    # the launcher's collector (src/main/sh/jrrtui): under the JVM's default G1 every flush's and
    # mapping's array of 512 KB..2 MB is a humongous allocation, and the recorder's medians were
    # ~3x what the product spends on the same work
    run "syscall buffering: record/replay vs native" -XX:+UseSerialGC -cp "$CP" io.jrrtui.bench.SyscallBufferBench target/test-binaries "${1:-3}" "${2:-1}" "${3:-both}" "${4:-}" ;;
esac
case "$what" in
  debugger|all) run "time travel (goto, reverse-continue, reverse-step)" -Djrrtui.projectDir=. -cp "$CP" io.jrrtui.bench.DebuggerBench target/test-binaries ;;
esac
case "$what" in
  trace|all) run "call tracing vs native and replay -a" -cp "$CP" io.jrrtui.bench.CallTraceBench target/test-binaries ;;
esac
case "$what" in
  seek|all) run "trace seek: event N by index vs scan" -cp "$CP" io.jrrtui.bench.TraceSeekBench target/test-binaries ;;
esac
case "$what" in
  symbols|all) [ -f target/test-classes/io/jrrtui/bench/SymbolLoadBench.class ] && run "symbol loading vs gdb" -cp "$CP" io.jrrtui.bench.SymbolLoadBench || true ;;
esac
case "$what" in
  disasm|all) [ -f target/test-classes/io/jrrtui/bench/DisassemblerBench.class ] && run "disassembler vs objdump" -cp "$CP" io.jrrtui.bench.DisassemblerBench || true ;;
esac
case "$what" in
  core|all) run "post mortem: open a core file and backtrace every thread vs gdb" -cp "$CP" io.jrrtui.bench.CoreBench ;;
esac
case "$what" in
  store|all) run "disk: a second recording in a shared store vs self-contained" -cp "$CP" io.jrrtui.bench.StoreBench target/jrrtui ;;
esac
case "$what" in
  startup|all) run "start-up and footprint (whole processes, JVM start included)" -cp "$CP" io.jrrtui.bench.StartupBench target/jrrtui 5 ;;
  undo) shift; run "TUI undo: checkpoint restore vs jump (issue 18)" -cp "$CP" io.jrrtui.bench.UndoBench "$@" ;;
  hitcost) shift; run "one breakpoint/watchpoint hit in a reverse search's scan (issue 11)" -Djrrtui.timeline.probeHits=1000000000 -cp "$CP" io.jrrtui.bench.HitCostBench target/test-binaries "$@" ;;
  scale) shift; run "time travel at scale (issue 11)" -Djrrtui.projectDir=. -cp "$CP" io.jrrtui.bench.ScaleBench target/test-binaries "$@" ;;
esac
