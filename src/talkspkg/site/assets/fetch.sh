#!/usr/bin/env bash
# Re-fetch the vendored chart libraries from the npm registry (run by hand; builds never fetch).
# Usage: src/talkspkg/site/assets/fetch.sh   (needs npm; writes next to this script)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent vega@5.33.1 vega-lite@5.23.0 vega-embed@6.29.0 >/dev/null
for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
cp vega-5.33.1/package/build/vega.min.js "$here/"
cp vega-lite-5.23.0/package/build/vega-lite.min.js "$here/"
cp vega-embed-6.29.0/package/build/vega-embed.min.js "$here/"
cp vega-lite-5.23.0/package/LICENSE "$here/LICENSE-vega-lite"
cp vega-embed-6.29.0/package/LICENSE "$here/LICENSE-vega-embed"
sha256sum ./*.tgz
