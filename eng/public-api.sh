#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzer reports as undeclared (RS0016) to PublicAPI.Unshipped.txt.
# Run it after a deliberate change to the public surface, then review the diff.
set -euo pipefail
project=${1:-src/WeChatPay.Chain}
unshipped="$project/PublicAPI.Unshipped.txt"
found=$(dotnet build "$project" -p:TreatWarningsAsErrors=false 2>&1 | grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" | sort -u || true)
[ -z "$found" ] && { echo "public API is up to date"; exit 0; }
{ tail -n +2 "$unshipped"; printf '%s\n' "$found"; } | sort -u > "$unshipped.tmp"
{ echo '#nullable enable'; cat "$unshipped.tmp"; } > "$unshipped"
rm "$unshipped.tmp"
echo "added $(printf '%s\n' "$found" | wc -l) symbols to $unshipped"
