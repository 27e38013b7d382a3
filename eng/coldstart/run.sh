#!/usr/bin/env bash
# Cold start of a one-call script, as a whole process (start, load keys, one signed and verified call, exit):
# WeChatPay.Chain (OneCall/) against wechatpay-axios-plugin (one-call.js), both against the same fake platform,
# run alternately in one session so that both see the same machine.
# Usage: eng/coldstart/run.sh [runs, default 15] [commit to compare with, e.g. the library before a change]
# Needs the .NET SDK and Node with npm. Prints each variant's median and its ratio to Node's. The variants:
#   node              the call with wechatpay-axios-plugin
#   before            OneCall against the library at the given commit (JIT, dynamic chain)
#   dotnet            OneCall as built (JIT, dynamic chain)
#   dotnet-r2r        OneCall published ReadyToRun
#   dotnet-r2r-tuned  ReadyToRun, InvariantGlobalization=true, TieredPGO=false (docs/scripts.md)
#   typed-r2r-tuned   the same build, the call made through IChainNode instead of dynamic
#   *-composite       tuned, self-contained, app and framework compiled into one ReadyToRun image
#   cli-node          the same call with the plugin's command line, wxpay (keys as plain paths, as it reads them)
#   cli-dotnet        the same call with the wechatpay tool, as its package ships it (framework-dependent, JIT)
#   floor-*           a process that does nothing (Node, .NET) and one that makes one dynamic member access (.NET)
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
quiet dotnet build ../../src/WeChatPay.Chain.Cli -c Release -f net10.0 -v q -nologo -o "$work/cli"   # as the tool package ships it
# Each published variant compiles in an intermediate folder of its own: a composite build's ReadyToRun files must not
# be taken as up to date by a later non-composite publish (they need the composite image beside them).
publish() { local out=$1; shift; quiet dotnet publish OneCall -c Release -v q -nologo -r linux-x64 -p:PublishReadyToRun=true -p:IntermediateOutputPath="$work/obj-$out/" -o "$work/$out" "$@"; }
publish r2r --self-contained false
# The same, tuned as docs/scripts.md suggests for a one-shot process: no ICU to load, no profile-guided instrumentation.
publish tuned --self-contained false -p:InvariantGlobalization=true -p:TieredPGO=false
# Tuned, and self-contained with the framework compiled into one ReadyToRun image with the app (about a minute, 110 MB):
# the generic code the framework and the app instantiate across assemblies is then precompiled too.
publish composite --self-contained true -p:PublishReadyToRunComposite=true -p:InvariantGlobalization=true -p:TieredPGO=false
if [ -n "$before" ]; then   # the same program against the library as it was at $before
  git worktree add --detach -q "$work/before-src" "$before"
  mkdir -p "$work/before-src/eng/coldstart/OneCall" && cp OneCall/*.csproj OneCall/*.cs "$work/before-src/eng/coldstart/OneCall/"
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

trade=1217752501201407033233368018
declare -A command=(
  [node]="node one-call.js"
  [dotnet]="dotnet $work/jit/OneCall.dll"
  [dotnet-r2r]="$work/r2r/OneCall"
  [dotnet-r2r-tuned]="$work/tuned/OneCall"
  [typed-r2r-tuned]="$work/tuned/OneCall typed"
  [dotnet-composite]="$work/composite/OneCall"
  [typed-composite]="$work/composite/OneCall typed"
  [cli-node]="node_modules/.bin/wxpay v3.pay.transactions.outTradeNo.$trade -m get -c.mchid $WECHATPAY_MCHID -c.serial $WECHATPAY_SERIAL -c.privateKey ${WECHATPAY_PRIVATE_KEY#file://} -c.certs.$WECHATPAY_PUBLIC_KEY_ID ${WECHATPAY_PUBLIC_KEY#file://} -u $WECHATPAY_BASE_URI -p.mchid $WECHATPAY_MCHID"
  [cli-dotnet]="dotnet $work/cli/wechatpay.dll call v3/pay/transactions/out-trade-no/$trade --get -q mchid=$WECHATPAY_MCHID"
  [floor-node]="node -e console.log(200)"
  [floor-dotnet]="$work/tuned/OneCall floor"
  [floor-dynamic]="$work/tuned/OneCall floor-dynamic"
)
variants=(node dotnet dotnet-r2r dotnet-r2r-tuned typed-r2r-tuned dotnet-composite typed-composite cli-node cli-dotnet floor-node floor-dotnet floor-dynamic)
if [ -n "$before" ]; then command[before]="dotnet $work/before/OneCall.dll"; variants=(node before "${variants[@]:1}"); fi
for v in "${variants[@]}"; do   # once each, unmeasured: the first run pays for the disk cache
  out="$(${command[$v]} 2>&1)" || { echo "$v failed: $out"; exit 1; }
  # wxpay prints a failure and exits 0: every call must show the order it asked for.
  [[ $v == floor-* || $out == *"$trade"* ]] || { echo "$v did not answer the order: $out"; exit 1; }
  echo "$v: ${out%%$'\n'*}"
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
