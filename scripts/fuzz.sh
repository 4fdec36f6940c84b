#!/usr/bin/env bash
# Coverage-guided fuzzing of one target with SharpFuzz + AFL++ (Debian's afl++ package).
#   scripts/fuzz.sh TARGET SECONDS     TARGET: mail (e-mail normaliser) | page (image/PDF page reader)
#                                      | fax (a fax's TIFF tags, gateway sidecars, fax-to-e-mail sender lines)
# Publishes tests/ContactCenter.Fuzz in Release, instruments the assemblies that parse hostile bytes, runs afl-fuzz
# for SECONDS from the seeds in tests/ContactCenter.Fuzz/seeds/TARGET and exits 1 when a crash was found, after
# copying each crashing input to tests/ContactCenter.Workers.Tests/Corpus/regressions/ (turn it into a test there).
# Work files go to artifacts/fuzz/TARGET (git-ignored). FUZZ_STRICT=1 (mail) also counts the normaliser's
# wrapped library exceptions as crashes; FUZZ_TIMEOUT_MS overrides the per-input time limit; FUZZ_PUBLISHED=DIR uses
# a build of tests/ContactCenter.Fuzz already published there (fuzz-all.sh publishes once for its parallel runs).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-}
seconds=${2:-}
if [[ ! $target =~ ^(mail|page|fax)$ || ! $seconds =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh mail|page|fax SECONDS" >&2
  exit 2
fi

case $target in
  # Our parsing code and the libraries that read the hostile bytes; the .NET runtime itself is not instrumented.
  mail) instrument=(ContactCenter.Channels.dll MimeKit.dll AngleSharp.dll HtmlSanitizer.dll); timeout_ms=${FUZZ_TIMEOUT_MS:-5000} ;;
  page) instrument=(ContactCenter.Channels.dll); timeout_ms=${FUZZ_TIMEOUT_MS:-10000} ;;
  fax) instrument=(ContactCenter.Channels.dll); timeout_ms=${FUZZ_TIMEOUT_MS:-5000} ;;
esac

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 OMP_THREAD_LIMIT=1

work=artifacts/fuzz/$target
rm -rf "$work"
mkdir -p "$work"
dotnet tool restore >/dev/null
# A fresh output folder every time: sharpfuzz rewrites assemblies in place and refuses instrumented ones.
if [[ -n ${FUZZ_PUBLISHED:-} ]]; then
  cp -r "$FUZZ_PUBLISHED" "$work/bin"
else
  dotnet publish tests/ContactCenter.Fuzz -c Release -o "$work/bin" -nologo -v q
fi
for dll in "${instrument[@]}"; do
  [[ -f $work/bin/$dll ]] || { echo "fuzz.sh: $dll not in the published output" >&2; exit 2; }
  dotnet sharpfuzz "$work/bin/$dll" >/dev/null
done

# The seeds must pass before fuzzing starts: a seed that crashes is a regression already.
dotnet "$work/bin/ContactCenter.Fuzz.dll" "$target" --replay "tests/ContactCenter.Fuzz/seeds/$target" >"$work/seeds.log" || {
  cat "$work/seeds.log"; echo "fuzz.sh: a seed crashes the $target target" >&2; exit 1; }

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
# dotnet itself carries no AFL instrumentation; the coverage map is written by the SharpFuzz-instrumented assemblies.
export AFL_SKIP_BIN_CHECK=1 AFL_FAST_CAL=1
echo "Fuzzing $target for ${seconds}s (timeout ${timeout_ms} ms per input)..."
# Tokens of the format (MIME headers, PDF keywords, magic bytes) let afl build structure byte flips rarely find.
afl-fuzz -i "tests/ContactCenter.Fuzz/seeds/$target" -o "$work/out" -V "$seconds" -m none -t "$timeout_ms" \
  -x "tests/ContactCenter.Fuzz/dictionaries/$target.dict" \
  -- dotnet "$work/bin/ContactCenter.Fuzz.dll" "$target" >"$work/afl.log" 2>&1 || {
  tail -40 "$work/afl.log"; echo "fuzz.sh: afl-fuzz failed" >&2; exit 2; }

stats=$work/out/default/fuzzer_stats
stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "$target: $(stat execs_done) execs in $(stat run_time)s, $(stat execs_per_sec) execs/s, corpus $(stat corpus_count), crashes $(stat saved_crashes), hangs $(stat saved_hangs), edges $(stat edges_found)"

hangs=("$work"/out/default/hangs/id:*)
if [[ -e ${hangs[0]} ]]; then
  echo "fuzz.sh: ${#hangs[@]} input(s) ran over ${timeout_ms} ms; kept in $work/out/default/hangs (slow, not counted as crashes)"
fi

crashes=("$work"/out/default/crashes/id:*)
if [[ ! -e ${crashes[0]} ]]; then
  exit 0
fi
regressions=tests/ContactCenter.Workers.Tests/Corpus/regressions
mkdir -p "$regressions"
for crash in "${crashes[@]}"; do
  name=$target-$(sha256sum "$crash" | cut -c1-16).bin
  cp "$crash" "$regressions/$name"
  echo "crash: $regressions/$name"
done
dotnet "$work/bin/ContactCenter.Fuzz.dll" "$target" --replay "${crashes[@]}" | grep -A3 '^CRASH' | head -60 || true
echo "fuzz.sh: $target found ${#crashes[@]} crashing input(s)" >&2
exit 1
