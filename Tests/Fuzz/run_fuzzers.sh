#!/usr/bin/env bash
# make fuzz: builds the three libFuzzer targets under AddressSanitizer into
# .build-fuzz/, seeds them, runs each for FUZZ_SECONDS (default 600), and
# copies any finding into Tests/Fixtures/hostile/ as fuzz-* (then fails).
#
#   json_records_fuzzer  the C++ JSON / JSON Lines reader (clang++, ASan + UBSan)
#   junit_xml_fuzzer     the C++ JUnit XML reader, fed in pieces (clang++, ASan + UBSan)
#   task_file_fuzzer     the task-file parser (swiftc -sanitize=fuzzer,address)
#
# Corpora grow in .build-fuzz/corpus-*, so a later run starts where this one stopped.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-600}
out=.build-fuzz
hostile=Tests/Fixtures/hostile
mkdir -p "$out/stub" "$out/corpus-json" "$out/corpus-junit" "$out/corpus-taskfile"

for target in json_records junit_xml; do
  echo "fuzz: building $target""_fuzzer"
  # shellcheck disable=SC2046  # pkg-config's flags are words
  clang++ -g -O1 -std=c++20 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I Sources/Ingest/CTaskColumns/include $(pkg-config --cflags libxml-2.0) Sources/Ingest/CTaskColumns/*.cpp \
    "Tests/Fuzz/$target""_fuzzer.cpp" -lsimdjson $(pkg-config --libs libxml-2.0) -o "$out/$target""_fuzzer" \
    2> >(grep -v "Cannot export local symbol" >&2)
done

echo "fuzz: building the task-file fuzzer"
# One module of the parser's files and Support's; an empty Support module satisfies their `import Support`.
echo "" > "$out/stub/empty.swift"
swiftc -parse-as-library -emit-module -module-name Support "$out/stub/empty.swift" \
  -emit-module-path "$out/stub/Support.swiftmodule"
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name FuzzedTaskFile -I "$out/stub" \
  Sources/Support/*.swift \
  Sources/Scheduler/{TaskFile,FieldReader,TaskFileError,TaskSpec,TaskGraph,TaskKind,HTTPCheck,DuplicateKeys}.swift \
  Tests/Fuzz/task_file_fuzzer.swift -o "$out/task_file_fuzzer" 2> >(grep -v "Cannot export local symbol" >&2)

# Seeds: the examples, and the hostile corpus's small files.
i=0
while IFS= read -r line; do i=$((i + 1)); printf '%s\n' "$line" > "$out/corpus-json/seed-example-$i"; done < <(head -50 Examples/records.jsonl)
find "$hostile" -maxdepth 1 \( -name '*.jsonl' -o -name '*.json' \) -size -64k ! -name expectations.json \
  -exec cp {} "$out/corpus-json/" \;
cp Examples/nightly.json "$hostile"/taskfiles/*.json "$out/corpus-taskfile/"
cp Tests/Fixtures/junit/*.xml "$out/corpus-junit/"
find "$hostile" -maxdepth 1 -name '*.xml' -size -64k -exec cp {} "$out/corpus-junit/" \;

status=0
run() {  # name, binary, dictionary, corpus
  echo "fuzz: running $1 for $seconds s"
  rm -f "$out/$1"-crash-* "$out/$1"-leak-* "$out/$1"-timeout-* "$out/$1"-oom-*
  (cd "$out" && "./$2" -dict="../$3" -max_len=4096 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$1-" "$4" > "$1.log" 2>&1) || true
  grep -E "^stat::number_of_executed_units|Done [0-9]+ runs" "$out/$1.log" | sed "s/^/fuzz: $1: /"
  for finding in "$out/$1"-crash-* "$out/$1"-leak-* "$out/$1"-timeout-* "$out/$1"-oom-*; do
    [ -e "$finding" ] || continue
    cp "$finding" "$hostile/fuzz-$(basename "$finding")"
    echo "fuzz: FINDING $finding, copied to $hostile/fuzz-$(basename "$finding"); see $out/$1.log"
    status=1
  done
}
run json json_records_fuzzer Tests/Fuzz/json_records.dict corpus-json
run junit junit_xml_fuzzer Tests/Fuzz/junit_xml.dict corpus-junit
run taskfile task_file_fuzzer Tests/Fuzz/task_file.dict corpus-taskfile
exit $status
