#!/usr/bin/env bash
# Lighthouse (mobile) on the signed-out pages of a throw-away demo instance; prints the four category
# scores per page and writes the full reports to $OUT (default $TMPDIR/lighthouse).
# Usage: eng/lighthouse.sh [page ...]      (default: / /signin /register /help)
# Needs Node and Chromium; installs Lighthouse into $TMPDIR/lighthouse-npm on first use.
# Environment: CHROME_PATH (default /usr/bin/chromium), PORT (default 5088), LANG_HEADER (e.g. "de" for German pages).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=${TMPDIR:-/tmp}
out=${OUT:-$tmp/lighthouse}
npm_dir=$tmp/lighthouse-npm
port=${PORT:-5088}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(/ /signin /register /help)

if [ ! -x "$npm_dir/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$npm_dir"
  npm install --prefix "$npm_dir" --no-audit --no-fund lighthouse@12 >/dev/null
fi

data=$(mktemp -d "$tmp/attune-lighthouse.XXXXXX")
mkdir -p "$out"
dotnet build -c Release -v q --nologo src/Attune.Web >/dev/null
# Production, as people see it; plain HTTP is allowed on the loopback address.
ASPNETCORE_ENVIRONMENT=Production Attune__DataDirectory="$data" \
  dotnet run -c Release --no-build --no-launch-profile --project src/Attune.Web -- --urls "http://127.0.0.1:$port" --demo \
  >"$out/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break
  sleep 1
done

headers=()
[ -n "${LANG_HEADER:-}" ] && headers=(--extra-headers "{\"Accept-Language\":\"$LANG_HEADER\"}")
printf '%-12s %12s %14s %15s %5s\n' page performance accessibility best-practices seo
for page in "${pages[@]}"; do
  name=$(echo "$page" | tr -c 'a-zA-Z0-9\n' '-' | sed 's/^-*$/home/; s/^-//')
  "$npm_dir/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$page" --quiet \
    --form-factor=mobile --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox" "${headers[@]}" \
    --output=json --output-path="$out/$name.json" >/dev/null 2>&1 || { echo "$page: lighthouse failed"; continue; }
  node -e '
    const r = require(process.argv[1]); const c = r.categories;
    const s = k => Math.round(c[k].score * 100);
    console.log(process.argv[2].padEnd(12), String(s("performance")).padStart(12), String(s("accessibility")).padStart(14),
      String(s("best-practices")).padStart(15), String(s("seo")).padStart(5));
    for (const k of Object.keys(c)) for (const ref of c[k].auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 0.9) console.log("   ", k, "-", a.id + ":", a.title);
    }' "$out/$name.json" "$page"
done
