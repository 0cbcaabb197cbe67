#!/bin/sh
# make fuzz: builds the libFuzzer targets in .build-fuzz and runs each for FUZZ_SECONDS,
# starting from the seeds in Fuzz/Corpus and the real content pack. Crashes are written to
# .build-fuzz/crashes/TARGET/; replay one with `.build-fuzz/release/TARGET FILE`.
set -eu
SWIFT=${SWIFT:-swift}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-FuzzKeyDecoder FuzzContentPack FuzzImport}
BUILD=.build-fuzz

# Optimised (libFuzzer needs the executions), testable (FuzzImport reads the quick reader directly).
# Every module is instrumented for coverage and AddressSanitizer; only the fuzz targets link
# libFuzzer, the copy without a main (see the end of Package.swift for why).
clang="$(dirname "$(command -v "$SWIFT")")/clang"
libfuzzer="$("$clang" -print-resource-dir)/lib/linux/libclang_rt.fuzzer_no_main-$(uname -m).a"
[ -f "$libfuzzer" ] || { echo "fuzz: $libfuzzer is missing; this Swift toolchain has no libFuzzer"; exit 1; }
# The build runs ContentEmbedder, instrumented too: its static lets are no leak either.
for target in $TARGETS; do
    LSAN_OPTIONS="suppressions=$PWD/Tests/lsan-suppressions.txt" TWOHATS_FUZZ="$libfuzzer" "$SWIFT" build --build-path "$BUILD" --product "$target" -c release -Xswiftc -enable-testing \
        --sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table -Xcc -fsanitize=fuzzer-no-link
done

# The pack seeds are the real files, each after the byte that tells the target which one it is
# (their order in the embedded pack: contrasts/*.yaml by name, then pack.yaml).
packs="$BUILD/corpus/FuzzContentPack"
mkdir -p "$packs"
index=0
for file in $(ls Content/contrasts/*.yaml | sort) Content/pack.yaml; do
    { printf "\\$(printf %03o "$index")"; cat "$file"; } > "$packs/seed-$index"
    index=$((index + 1))
done

failed=""
for target in $TARGETS; do
    mkdir -p "$BUILD/corpus/$target" "$BUILD/crashes/$target"
    seeds=""
    [ -d "Fuzz/Corpus/$target" ] && seeds="Fuzz/Corpus/$target"
    echo "== $target for ${SECONDS_EACH}s"
    # Leaks are checked once, when the run ends (but for those outside our code, see the file):
    # checking after every input, libFuzzer's default, made the pack loader twenty times slower.
    if ! LSAN_OPTIONS="suppressions=$PWD/Tests/lsan-suppressions.txt" \
        "$BUILD/release/$target" -max_total_time="$SECONDS_EACH" -timeout=10 -detect_leaks=0 -print_final_stats=1 \
        -artifact_prefix="$BUILD/crashes/$target/" "$BUILD/corpus/$target" $seeds 2>&1 | tee "$BUILD/$target.log" | grep -E "^#[0-9]+ +(DONE|INITED)|^stat::number_of_executed_units|ERROR|SUMMARY|Test unit written"; then
        :
    fi
    if grep -q -E "ERROR: (libFuzzer|AddressSanitizer)|Test unit written" "$BUILD/$target.log"; then
        failed="$failed $target"
    fi
done
if [ -n "$failed" ]; then
    echo "fuzz: crashes in$failed (inputs in $BUILD/crashes/)"
    exit 1
fi
echo "fuzz: no crash in $TARGETS"
