using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace WeChatPay.Chain.Analyzers;

/// <summary>
/// How a diagnostic carries its fixes to the code fix provider: the span to replace (its first additional location)
/// and each replacement text (properties <c>fix0</c>, <c>fix1</c>, …). The analyzer knows the catalogue; the fix only edits text.
/// </summary>
internal static class Fix
{
    public const string Prefix = "fix";

    public static Diagnostic Diagnostic(DiagnosticDescriptor descriptor, Location location, TextSpan replace, IReadOnlyList<string> replacements, params object[] args)
    {
        if (replacements.Count == 0 || location.SourceTree is not { } tree)
        {
            return Microsoft.CodeAnalysis.Diagnostic.Create(descriptor, location, args);
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        for (var i = 0; i < replacements.Count; i++)
        {
            properties.Add(Prefix + i, replacements[i]);
        }

        return Microsoft.CodeAnalysis.Diagnostic.Create(descriptor, location, new[] { Location.Create(tree, replace) }, properties.ToImmutable(), args);
    }
}
