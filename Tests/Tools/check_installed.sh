#!/usr/bin/env bash
# Checks an installed taskreport as a CI user gets it (run by `make install`):
# no Swift library among the libraries it loads (the Swift runtime and
# Foundation are linked in), libcurl not linked (it is loaded for HTTP
# checks), and it runs with a bare environment, no PATH, no HOME, no
# toolchain: it prints its version and writes a report from one record.
# Exits 1 naming what is wrong.
set -euo pipefail
binary="$1"
swift_libraries=$(ldd "$binary" | grep -Ei 'swift|libFoundation|libdispatch|libBlocksRuntime|lib_FoundationICU' || true)
if [ -n "$swift_libraries" ]; then
  echo "check: $binary loads Swift libraries, which a machine without the toolchain lacks:" >&2
  echo "$swift_libraries" >&2
  exit 1
fi
# libcurl and the ~30 libraries it pulls in are loaded by the first HTTP check, not at every start.
if ldd "$binary" | grep -q 'libcurl'; then
  echo "check: $binary links libcurl; it should load it only when an HTTP check runs" >&2
  exit 1
fi
if ldd "$binary" | grep -q 'not found'; then
  echo "check: $binary needs libraries this machine lacks:" >&2
  ldd "$binary" | grep 'not found' >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo '{"id": "build", "status": "failed", "duration_ms": 1500, "error": "exit status 2"}' > "$work/my.jsonl"
version=$(cd "$work" && env -i "$binary" --version)
(cd "$work" && env -i "$binary" report my.jsonl --out report > /dev/null) || {
  echo "check: '$binary report my.jsonl' failed with a bare environment" >&2
  exit 1
}
grep -q 'build' "$work/report/index.html" || { echo "check: the report in a bare environment lacks the record" >&2; exit 1; }
echo "check: $binary $version loads no Swift library and reports with a bare environment"
