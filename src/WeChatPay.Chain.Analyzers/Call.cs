using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using WeChatPay.Chain.Analyzers.Catalogue;
using WeChatPay.Chain.Analyzers.Chain;

namespace WeChatPay.Chain.Analyzers;

/// <summary>One call on a traced node: its path against the catalogue, its verb against the path's, then its options.</summary>
internal static class Call
{
    public static void Check(OperationAnalysisContext context, SemanticModel model, ChainValue node, string method, SimpleNameSyntax? verb, InvocationExpressionSyntax invocation)
    {
        if (!IsJudged(node))
        {
            return;
        }

        var path = node.Path;
        var operations = Endpoints.Instance.OnPath(path);
        Operation? operation = null;
        if (operations.Count == 0)
        {
            ReportUnknownPath(context, node);
        }
        else if ((operation = operations.FirstOrDefault(o => o.Method == method)) is null)
        {
            var offered = operations.Select(o => o.Method).ToArray();
            var verbs = verb is null ? Array.Empty<string>() : offered.Select(m => Spelling.VerbLike(verb.Identifier.ValueText, m)).ToArray();
            var location = verb?.GetLocation() ?? node.Segments.Last().Origin.GetLocation();
            context.ReportDiagnostic(Fix.Diagnostic(
                Descriptors.VerbNotOffered, location, location.SourceSpan, verbs,
                method, path, string.Join(" and ", offered), verbs.Length == 0 ? string.Empty : "; did you mean " + string.Join(" or ", verbs) + "?"));
        }

        var options = invocation.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon is null ? a == invocation.ArgumentList.Arguments[0] : a.NameColon.Name.Identifier.ValueText == "options")?.Expression;
        Options.Check(context, model, path, method, operation, options, verb ?? (SyntaxNode)invocation.Expression);
    }

    /// <summary>A node handed over whole (to <c>Download</c>, <c>Catalogue.OnPath</c>): its path only.</summary>
    public static void CheckPath(OperationAnalysisContext context, ChainValue node)
    {
        if (IsJudged(node) && Endpoints.Instance.OnPath(node.Path).Count == 0)
        {
            ReportUnknownPath(context, node);
        }
    }

    /// <summary>Whether the path is known from the root; a node that may sit below the root only when its path starts as catalogued paths do.</summary>
    private static bool IsJudged(ChainValue node) =>
        node.IsKnown && node.Segments.Any(s => s.Text.Length > 0)
        && (node.Root == ChainRoot.Definite || Endpoints.Instance.FirstSegments.Contains(node.Segments.First(s => s.Text.Length > 0).Text));

    /// <summary>WCP001 on the first segment no catalogued path starts with, with the nearest path and, where the code allows, its spelling.</summary>
    private static void ReportUnknownPath(OperationAnalysisContext context, ChainValue node)
    {
        var written = node.Segments.Where(s => s.Text.Length > 0).ToArray();
        var known = Endpoints.Instance.KnownPrefix(written.Select(s => s.Text).ToArray());
        var location = written[Math.Min(known, written.Length - 1)].Origin.GetLocation();
        var suggestion = Endpoints.Instance.Suggest(node.Path).FirstOrDefault();
        if (suggestion is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownPath, location, node.Path, string.Empty));
            return;
        }

        var fix = Spell(written, suggestion);
        var meant = fix is null ? suggestion : fix.Value.Text;
        context.ReportDiagnostic(Fix.Diagnostic(
            Descriptors.UnknownPath, location, fix?.Span ?? default, fix is null ? Array.Empty<string>() : new[] { fix.Value.Text },
            node.Path, fix is null ? $"; did you mean {suggestion}?" : $"; did you mean {suggestion} ({meant})?"));
    }

    /// <summary>
    /// The edit that makes the written path the suggested one: the members from the first that differs, respelt
    /// (<c>ReturnOrders</c> → <c>Returnorders</c>), or the one string literal that holds the difference. The caller's
    /// placeholder names stay: its options name them. Null when the difference spans code a text edit cannot mend.
    /// </summary>
    private static (TextSpan Span, string Text)? Spell(ChainSegment[] written, string suggestion)
    {
        var wanted = Endpoints.Segments(suggestion);
        var same = 0;
        while (same < written.Length && same < wanted.Length && Equal(written[same].Text, wanted[same]))
        {
            same++;
        }

        if (same == written.Length && same == wanted.Length)
        {
            return null;
        }

        var from = Math.Min(same, written.Length - 1);
        string Wanted(int i) => i < written.Length && Endpoints.IsPlaceholder(written[i].Text) && Endpoints.IsPlaceholder(wanted[i]) ? written[i].Text : wanted[i];

        if (written.Skip(from).All(s => s.IsMember) && Contiguous(written, from))
        {
            var members = new List<string>();
            for (var i = from; i < wanted.Length; i++)
            {
                if (Spelling.Member(Wanted(i)) is not { } member)
                {
                    return null;
                }

                members.Add(member);
            }

            return members.Count == 0 ? null : (TextSpan.FromBounds(written[from].Origin.SpanStart, written[written.Length - 1].Origin.Span.End), string.Join(".", members));
        }

        var literal = written[written.Length - 1].Origin;
        var start = Array.FindIndex(written, s => s.Origin == literal);
        if (!written[written.Length - 1].IsLiteral || start > from)
        {
            return null;
        }

        if (wanted.Length == start)
        {
            return null;
        }

        var pieces = Enumerable.Range(start, wanted.Length - start).Select(Wanted);
        var trailing = suggestion.EndsWith("/", StringComparison.Ordinal) || ((LiteralExpressionSyntax)literal).Token.ValueText.EndsWith("/", StringComparison.Ordinal);
        var text = string.Join("/", pieces) + (trailing ? "/" : string.Empty);
        return (literal.Span, SyntaxFactory.Literal(text).Text);
    }

    private static bool Equal(string written, string wanted) =>
        string.Equals(written, wanted, StringComparison.Ordinal) || (Endpoints.IsPlaceholder(written) && Endpoints.IsPlaceholder(wanted));

    /// <summary>Whether the members from <paramref name="from"/> on are one run of member access (<c>a.B.C</c>), not split across locals.</summary>
    private static bool Contiguous(ChainSegment[] written, int from)
    {
        for (var i = from + 1; i < written.Length; i++)
        {
            if (written[i].Origin.Parent is not MemberAccessExpressionSyntax access || access.Expression != written[i - 1].Origin.Parent)
            {
                return false;
            }
        }

        return true;
    }
}
