#!/usr/bin/env bash
# Cold start of a one-call script, as a whole process (start, load keys, one signed and verified call, exit):
# WeChatPay.Chain (OneCall/) against wechatpay-axios-plugin (one-call.js), both against the same fake platform,
# run alternately in one session so that both see the same machine.
# Usage: eng/coldstart/run.sh [runs, default 15] [commit to compare with, e.g. the library before a change]
# Needs the .NET SDK and Node with npm. Prints each variant's median and its ratio to Node's.
set -euo pipefail
[ -z "${COLDSTART_TRACE:-}" ] || set -x
cd "$(dirname "$0")"
runs="${1:-15}"
before="${2:-}"
work="$(mktemp -d)"
trap '[ -z "${server:-}" ] || kill "$server" 2>/dev/null || true; [ -z "$before" ] || git worktree remove --force "$work/before-src" 2>/dev/null; rm -rf "$work"' EXIT

quiet() { "$@" >"$work/step.log" 2>&1 || { cat "$work/step.log"; echo "failed: $*"; return 1; }; }   # output only on failure
echo "building…"
quiet npm install --no-audit --no-fund
quiet dotnet build ../../samples/Demo -c Release -v q -nologo
quiet dotnet build OneCall -c Release -v q -nologo -o "$work/jit"
quiet dotnet publish OneCall -c Release -v q -nologo -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r"
if [ -n "$before" ]; then   # the same program against the library as it was at $before
  git worktree add --detach -q "$work/before-src" "$before"
  mkdir -p "$work/before-src/eng/coldstart" && cp -r OneCall "$work/before-src/eng/coldstart/"
  quiet dotnet build "$work/before-src/eng/coldstart/OneCall" -c Release -v q -nologo -o "$work/before"
fi

dotnet ../../samples/Demo/bin/Release/net10.0/Demo.dll serve >"$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q "PrivateKey" "$work/serve.log" 2>/dev/null && break; sleep 0.2; done
field() { sed -n "s/.*$1 = \"\\([^\"]*\\)\".*/\\1/p" "$work/serve.log" | head -1; }
export WECHATPAY_MCHID="$(field Mchid)" WECHATPAY_SERIAL="$(field Serial)" WECHATPAY_PRIVATE_KEY="$(field PrivateKey)"
export WECHATPAY_PUBLIC_KEY_ID="$(sed -n 's/.*Certs = { \["\([^"]*\)"\].*/\1/p' "$work/serve.log")"
export WECHATPAY_PUBLIC_KEY="$(sed -n 's/.*Certs = { \[[^]]*\] = "\([^"]*\)".*/\1/p' "$work/serve.log")"
export WECHATPAY_BASE_URI="$(sed -n 's/.*BaseUri = new Uri("\([^"]*\)").*/\1/p' "$work/serve.log")"

declare -A command=(
  [node]="node one-call.js"
  [dotnet]="dotnet $work/jit/OneCall.dll"
  [dotnet-r2r]="$work/r2r/OneCall"
)
variants=(node dotnet dotnet-r2r)
if [ -n "$before" ]; then command[before]="dotnet $work/before/OneCall.dll"; variants=(node before dotnet dotnet-r2r); fi
for v in "${variants[@]}"; do   # once each, unmeasured: the first run pays for the disk cache
  out="$(${command[$v]})" || { echo "$v failed: $out"; exit 1; }
  echo "$v: $out"
done

for i in $(seq "$runs"); do
  for v in "${variants[@]}"; do
    start=$(date +%s%N)
    ${command[$v]} >/dev/null
    echo "$v $(( ($(date +%s%N) - start) / 1000000 ))" >>"$work/times"
  done
done

median() { grep "^$1 " "$work/times" | cut -d' ' -f2 | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
node_ms="$(median node)"
echo "median of $runs runs each, alternating ($(nproc) cores, $(dotnet --version), node $(node --version)):"
for v in "${variants[@]}"; do
  ms="$(median "$v")"
  label="$v"; [ "$v" != before ] || label="before ($before)"
  printf '  %-18s %6s ms  %s× node\n' "$label" "$ms" "$(awk -v a="$ms" -v b="$node_ms" 'BEGIN {printf "%.2f", a / b}')"
done
