#!/usr/bin/env bash
# Rebuild briefing/static/plotly.min.js: a partial plotly.js bundle with only the trace
# types the charts draw (scatter, bar, heatmap, scattergeo). Needs node and npm.
# Keep the plotly.js version equal to the one the installed `plotly` package ships
# (tests/test_plotly_bundle.py checks it), so figures and library agree.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../briefing/static/plotly.min.js"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/index.js" "$work/"
cd "$work"
npm install --no-audit --no-fund --ignore-scripts >/dev/null
version="$(node -p "require('plotly.js/package.json').version")"
# maplibre's CSS is required by plotly's registry for map traces, which are not included.
npx esbuild index.js --bundle --minify --format=iife --global-name=Plotly --target=es2018 \
  --define:global=window --loader:.css=empty --legal-comments=none \
  --banner:js="/* plotly.js v$version (MIT licence: plotly.js.LICENSE.txt), partial bundle: scatter, bar, heatmap, scattergeo. Built by scripts/plotly-bundle/build.sh */" \
  --outfile="$out"
cp node_modules/plotly.js/LICENSE "$here/../../briefing/static/plotly.js.LICENSE.txt"
echo "wrote $out ($(wc -c < "$out") bytes, plotly.js v$version)"
