#!/usr/bin/env bash
# Cold start of a one-call script, as a whole process (start, load keys, one signed and verified call, exit):
# WeChatPay.Chain (OneCall/) against wechatpay-axios-plugin (one-call.js), both against the same fake platform,
# run alternately in one session so that both see the same machine. Usage: eng/coldstart/run.sh [runs, default 15]
# Needs the .NET SDK and Node with npm. Prints each variant's median and its ratio to Node's.
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-15}"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

echo "building…"
npm install --no-audit --no-fund --silent >/dev/null
dotnet build ../../samples/Demo -c Release -v q -nologo >/dev/null
dotnet build OneCall -c Release -v q -nologo -o "$work/jit" >/dev/null
dotnet publish OneCall -c Release -v q -nologo -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" >/dev/null

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
  printf '  %-12s %6s ms  %s× node\n' "$v" "$ms" "$(awk -v a="$ms" -v b="$node_ms" 'BEGIN {printf "%.2f", a / b}')"
done
