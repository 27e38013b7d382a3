#!/usr/bin/env bash
# Uses the packages in artifacts/packages as a user would, in a throwaway folder:
#   1. a new console project installs WeChatPay.Chain + WeChatPay.Chain.Testing from them, starts the fake platform
#      and makes a signed, verified call against it;
#   2. samples/Scripts/return-order.cs runs as a one-file app (`dotnet run app.cs`) in the #:package form that
#      docs/scripts.md shows, with no warning;
#   3. the wechatpay tool is installed from them into a temporary tool path; `wechatpay serve` runs in the
#      background, `wechatpay call` calls it, and SIGTERM must stop it cleanly.
# Prints one line per step; on a failure, the failing step's own output and "package smoke: FAILED at <step>".
# Usage: bash eng/package-smoke.sh [packages folder]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
packages=$(cd "${1:-$root/artifacts/packages}" && pwd)
core=$(ls "$packages"/WeChatPay.Chain.[0-9]*.nupkg 2>/dev/null | head -n 1 || true)
[ -n "$core" ] || { echo "package smoke: no WeChatPay.Chain package in $packages; run the Pack target first"; exit 1; }
version=$(basename "$core" .nupkg); version=${version#WeChatPay.Chain.}

work=$(mktemp -d "${TMPDIR:-/tmp}/wechatpay-package-smoke.XXXXXX")
server=
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -KILL "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
# A package folder of its own: a package of the same version from an earlier run must not stand in for this one.
export NUGET_PACKAGES="$work/nuget-packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { # step <name> <command…>: runs it quietly; on failure shows its output and stops
    local name=$1; shift
    if ! "$@" > "$work/step.log" 2>&1; then
        cat "$work/step.log"
        echo "package smoke: FAILED at $name"
        exit 1
    fi
}

# Only this repository's packages come from the local folder; everything else from the usual feed.
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local">
      <package pattern="WeChatPay.Chain" />
      <package pattern="WeChatPay.Chain.*" />
      <package pattern="wechatpay" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
XML

# 1. The library and the fake platform, from the packages.
app="$work/app"
step "dotnet new console" dotnet new console --output "$app" --framework net10.0 --name Smoke
cp "$work/nuget.config" "$app/nuget.config"
step "add WeChatPay.Chain" dotnet add "$app" package WeChatPay.Chain --version "$version"
step "add WeChatPay.Chain.Testing" dotnet add "$app" package WeChatPay.Chain.Testing --version "$version"
cat > "$app/Program.cs" <<'CS'
using WeChatPay.Chain;
using WeChatPay.Chain.Testing;

await using var platform = await FakePlatform.StartAsync();
dynamic wx = Builder.Factory(platform.ClientOptions());
WeChatPayResponse res = await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_order_no = "P20150806125346", out_return_no = "R1", return_mchid = "86693852", amount = 10, description = "package smoke" } });
var request = platform.Requests.Single();
if (res.StatusCode != 200 || !request.Accepted || res.Header("Wechatpay-Serial") is null || (string)res.Data!.out_return_no != "R1")
{
    Console.WriteLine($"unexpected: {res.StatusCode}, accepted {request.Accepted}, {res.Body}");
    return 1;
}

Console.WriteLine($"{request.Method} {request.Path} signed and accepted; answer {res.StatusCode} verified with {res.Header("Wechatpay-Serial")}");
return 0;
CS
step "build the console project" dotnet build "$app" -c Release
step "run the console project" dotnet run --project "$app" -c Release --no-build
echo "package smoke: library $version: $(tail -n 1 "$work/step.log")"

# 2. The one-file script, its #:project line turned into the #:package lines a user of the packages writes.
script="$work/script"
mkdir -p "$script"
cp "$work/nuget.config" "$script/nuget.config"
sed "s|^#:project .*|#:package WeChatPay.Chain@$version\n#:package WeChatPay.Chain.Testing@$version|" "$root/samples/Scripts/return-order.cs" > "$script/return-order.cs"
grep -q "^#:package WeChatPay.Chain.Testing@$version" "$script/return-order.cs" || { echo "package smoke: FAILED at making the #:package script"; exit 1; }
(cd "$script" && step "dotnet run return-order.cs (#:package)" dotnet run return-order.cs)
if grep -q "warning" "$work/step.log" || ! grep -q "^200 PROCESSING" "$work/step.log"; then
    cat "$work/step.log"
    echo "package smoke: FAILED at dotnet run return-order.cs (#:package): expected 200 PROCESSING and no warning"
    exit 1
fi
echo "package smoke: script with #:package $version: $(grep -m1 '^200' "$work/step.log")"

# 3. The wechatpay tool, from the packages.
tools="$work/tools"
step "dotnet tool install wechatpay" dotnet tool install wechatpay --version "$version" --tool-path "$tools" --configfile "$work/nuget.config"
profile="$work/profile.json"
"$tools/wechatpay" serve --profile-file "$profile" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
    grep -q '"fake"' "$profile" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
done
grep -q '"fake"' "$profile" 2>/dev/null || { cat "$work/serve.log"; echo "package smoke: FAILED at wechatpay serve (no profile written)"; exit 1; }
step "wechatpay call" "$tools/wechatpay" call v3/profitsharing/receivers/add --profile-file "$profile" --json '{"type":"PERSONAL_OPENID","account":"o1","relation_type":"USER"}'
echo "package smoke: tool $version: $(head -n 1 "$work/step.log") ($(grep -m1 '^Verified:' "$work/step.log"))"

kill -TERM "$server"
status=0
wait "$server" || status=$?
server=
if [ "$status" -ne 0 ] || ! grep -q "The fake platform stopped" "$work/serve.log"; then
    cat "$work/serve.log"
    echo "package smoke: FAILED at stopping wechatpay serve with SIGTERM (exit $status)"
    exit 1
fi
echo "package smoke: wechatpay serve stopped on SIGTERM (exit 0) and removed its profile"
echo "package smoke: passed"
