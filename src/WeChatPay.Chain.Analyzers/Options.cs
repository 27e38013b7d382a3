using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using WeChatPay.Chain.Analyzers.Catalogue;
using WeChatPay.Chain.Analyzers.Chain;

namespace WeChatPay.Chain.Analyzers;

/// <summary>
/// A call's options, when they are an anonymous object the analyzer can read: each name a known option or a
/// placeholder of the path, every placeholder given, no option the call refuses, and the names inside <c>json</c>,
/// <c>query</c> and <c>xml</c> the operation's own. Options of any other type (a dictionary, a class) are not judged.
/// </summary>
internal static class Options
{
    private static readonly string[] Known = { "json", "query", "headers", "body", "base_uri", "xml", "security" };

    /// <summary>APIv2 fields the library fills in itself.</summary>
    private static readonly string[] Filled = { "nonce_str", "sign", "sign_type" };

    public static void Check(OperationAnalysisContext context, SemanticModel model, string path, string method, Operation? operation, ExpressionSyntax? options, SyntaxNode call)
    {
        var placeholders = Spelling.Placeholders(path).Distinct().ToArray();
        if (options is null || options.IsKind(SyntaxKind.NullLiteralExpression))
        {
            foreach (var placeholder in placeholders)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.PlaceholderWithoutValue, call.GetLocation(), path, placeholder, ": this call passes no options"));
            }

            return;
        }

        if (Members(model.GetTypeInfo(options).Type, options.SyntaxTree) is not { } members)
        {
            return;
        }

        var isV2 = path.StartsWith("v2/", StringComparison.Ordinal) || path == "v2";
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (Known.Contains(member.Name) || placeholders.Contains(member.Name))
            {
                continue;
            }

            var meant = Nearest(member.Name, Known.Concat(placeholders));
            var hint = meant is not null
                ? $"did you mean \"{meant}\"?"
                : operation?.In("body").Any(f => f.Name == member.Name) == true
                    ? $"it is a field of the body: pass it in {(isV2 ? "xml" : "json")} = new {{ … }}"
                    : $"the options are {string.Join(", ", Known)}{(placeholders.Length == 0 ? string.Empty : ", and the path's placeholders " + string.Join(", ", placeholders))}";
            if (meant is not null)
            {
                suggested.Add(meant);
            }

            context.ReportDiagnostic(Fix.Diagnostic(Descriptors.UnknownOption, member.NameLocation, member.NameLocation.SourceSpan, Rename(member, meant), member.Name, path, hint));
        }

        foreach (var placeholder in placeholders.Where(p => !members.Any(m => m.Name == p) && !suggested.Contains(p)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PlaceholderWithoutValue, options.GetLocation(), path, placeholder, string.Empty));
        }

        Refusals(context, members, path, method, isV2);
        if (operation is null)
        {
            return;
        }

        var label = operation.Method + " " + operation.Path;
        foreach (var member in members)
        {
            var (fields, filled) = member.Name switch
            {
                "json" when !isV2 => (operation.In("body"), Array.Empty<string>()),
                "xml" when isV2 => (operation.In("body"), Filled),
                "query" => (operation.In("query"), isV2 ? Filled : Array.Empty<string>()),
                _ => (null, Array.Empty<string>()),
            };
            if (fields is { Count: > 0 } && member.Value is { } value && Members(member.Type, options.SyntaxTree) is { } inside)
            {
                Fields(context, member.Name, member.NameLocation, value, inside, fields, filled, label);
            }
        }
    }

    /// <summary>What the run time refuses before sending: APIv2 options on APIv3 and back, a body on GET, two bodies.</summary>
    private static void Refusals(OperationAnalysisContext context, IReadOnlyList<Member> members, string path, string method, bool isV2)
    {
        foreach (var member in members.Where(m => m.Value is not null && !m.Value.IsKind(SyntaxKind.NullLiteralExpression)))
        {
            var reason = (member.Name, isV2) switch
            {
                ("xml", false) => $"\"xml\" is for APIv2 paths (v2/…); pass the body of this APIv3 path as \"json\"",
                ("security", false) when member.Value.IsKind(SyntaxKind.TrueLiteralExpression) => "\"security\" is for APIv2 paths (v2/…)",
                ("json" or "body", true) => "this is an APIv2 path: pass its fields as option \"xml\"",
                ("json" or "body" or "xml", _) when method == "GET" => "a GET request carries no body; pass its fields as option \"query\"",
                ("body", false) when members.Any(m => m.Name == "json" && m.Value is not null && !m.Value.IsKind(SyntaxKind.NullLiteralExpression)) => "options \"json\" and \"body\" both set a request body: pass one of them",
                _ => null,
            };
            if (reason is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.OptionRefused, member.NameLocation, member.Name, method + " " + path, reason));
            }
        }
    }

    /// <summary>WCP003 for a name the operation does not have, WCP004 for required names left out; nested objects and arrays of objects too.</summary>
    private static void Fields(OperationAnalysisContext context, string label, Location where, ExpressionSyntax value, IReadOnlyList<Member> members, IReadOnlyList<Field> fields, string[] filled, string operation)
    {
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            var field = fields.FirstOrDefault(f => f.Name == member.Name);
            if (field is null)
            {
                var meant = Nearest(member.Name, fields.Select(f => f.Name).Where(n => !members.Any(m => m.Name == n)));
                if (meant is not null)
                {
                    suggested.Add(meant);
                }

                context.ReportDiagnostic(Fix.Diagnostic(
                    Descriptors.UnknownField, member.NameLocation, member.NameLocation.SourceSpan, Rename(member, meant),
                    member.Name, label, operation, meant is null ? string.Empty : $"; did you mean \"{meant}\"?"));
            }
            else if (field.Fields.Count > 0 && !field.IsJsonText && member.Value is { } inner && Element(member.Type) is { } element
                && Members(element, value.SyntaxTree) is { } nested)
            {
                Fields(context, label + "." + member.Name, member.NameLocation, inner, nested, field.Fields, Array.Empty<string>(), operation);
            }
        }

        // A required field that a misspelt name was taken for is reported once, as the misspelling.
        var missing = fields.Where(f => f.IsRequired && !filled.Contains(f.Name) && !suggested.Contains(f.Name) && !members.Any(m => m.Name == f.Name)).Select(f => f.Name).ToArray();
        if (missing.Length > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.MissingRequiredField, where, label, operation, missing.Length == 1 ? "field" : "fields", string.Join(", ", missing)));
        }
    }

    /// <summary>The anonymous type of an object or of an array's or list's items.</summary>
    private static ITypeSymbol? Element(ITypeSymbol? type) => type switch
    {
        { IsAnonymousType: true } => type,
        IArrayTypeSymbol { ElementType.IsAnonymousType: true } array => array.ElementType,
        INamedTypeSymbol { TypeArguments.Length: 1 } generic when generic.TypeArguments[0].IsAnonymousType => generic.TypeArguments[0],
        _ => null,
    };

    /// <summary>The names of an anonymous type written in <paramref name="tree"/>, with the code that declares each; null for any other type.</summary>
    private static IReadOnlyList<Member>? Members(ITypeSymbol? type, SyntaxTree tree)
    {
        if (type is not { IsAnonymousType: true })
        {
            return null;
        }

        var members = new List<Member>();
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.Locations.FirstOrDefault() is not { } location || location.SourceTree != tree
                || tree.GetRoot().FindNode(location.SourceSpan).AncestorsAndSelf().OfType<AnonymousObjectMemberDeclaratorSyntax>().FirstOrDefault() is not { } declarator)
            {
                return null;
            }

            var name = (SyntaxNode?)declarator.NameEquals?.Name ?? declarator.Expression;
            members.Add(new Member(property.Name, property.Type, name.GetLocation(), declarator));
        }

        return members;
    }

    /// <summary>The candidate <paramref name="name"/> most likely meant: one equal but for case, or one a few edits away.</summary>
    private static string? Nearest(string name, IEnumerable<string> candidates)
    {
        var list = candidates.Distinct().ToArray();
        if (list.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) is { } cased)
        {
            return cased;
        }

        var limit = Math.Max(1, Math.Min(3, name.Length / 3));
        return list
            .Select(c => (Name: c, Distance: EditDistance.Within(name, c, limit)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>The text that renames a member: the new name, or for an inferred name (<c>new { out_retrun_no }</c>) an explicit one.</summary>
    private static string[] Rename(Member member, string? meant) =>
        meant is null ? Array.Empty<string>()
        : member.Declarator.NameEquals is null ? new[] { meant + " = " + member.Declarator.Expression }
        : new[] { meant };

    private sealed class Member
    {
        public Member(string name, ITypeSymbol type, Location nameLocation, AnonymousObjectMemberDeclaratorSyntax declarator)
        {
            Name = name;
            Type = type;
            NameLocation = nameLocation;
            Declarator = declarator;
        }

        public string Name { get; }

        public ITypeSymbol Type { get; }

        public Location NameLocation { get; }

        public AnonymousObjectMemberDeclaratorSyntax Declarator { get; }

        public ExpressionSyntax Value => Declarator.Expression;
    }
}
