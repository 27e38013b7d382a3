#!/usr/bin/env bash
# Installs the packed WeChatPay.Chain (dotnet cake --target=Pack puts it in artifacts/packages) into a throwaway
# console project (nothing else: no project reference, a package cache of its own so no earlier build of the package
# can stand in), builds code with a planted typo, and expects the chain analyzer's WCP001 in the build output: the
# analyzer ships in the package and loads in the compiler.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
packages="$repo/artifacts/packages"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "AnalyzerSmoke FAILED: $1"; [ -f "$work/build.log" ] && tail -n 30 "$work/build.log"; exit 1; }

package=$(ls -t "$packages"/WeChatPay.Chain.[0-9]*.nupkg 2>/dev/null | head -n 1)
[ -n "$package" ] || fail "no WeChatPay.Chain package in $packages: run dotnet cake --target=Pack first"
version=$(basename "$package" .nupkg); version=${version#WeChatPay.Chain.}
# A zip names its entries uncompressed: no unzip needed on a machine that has only the .NET SDK.
grep -aq "analyzers/dotnet/cs/WeChatPay.Chain.Analyzers.dll" "$package" || fail "$(basename "$package") has no analyzers/dotnet/cs/WeChatPay.Chain.Analyzers.dll"

cd "$work"
# The local packages first; the machine's own feeds (nuget.config of the user) stay as they are.
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$packages" />
  </packageSources>
</configuration>
XML
dotnet new console -n Smoke -o Smoke --no-restore > /dev/null
cd Smoke
cat > Program.cs <<'CS'
using WeChatPay.Chain;

dynamic wx = Builder.Factory(new BuilderOptions { Mchid = "1900000109", Secret = "not-a-real-key-0000000000000000" });
await wx.V3.Ecommerce.Profitsharing.ReturnOrders.PostAsync();   // the catalogue says returnorders: WCP001
CS
export NUGET_PACKAGES="$work/nuget-packages"
dotnet add package WeChatPay.Chain --version "$version" > "$work/add.log" 2>&1 || { cat "$work/add.log"; fail "dotnet add package WeChatPay.Chain $version"; }
dotnet build --nologo > "$work/build.log" 2>&1 || true
grep -q "warning WCP001: The path v3/ecommerce/profitsharing/return-orders is not in the WeChat Pay catalogue" "$work/build.log" \
  || fail "the build of a project that installs only WeChatPay.Chain $version did not report WCP001"
echo "AnalyzerSmoke: WeChatPay.Chain $version installed from artifacts/packages; its analyzer reported WCP001 on the planted typo."
