using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WeChatPay.Chain.Analyzers.Catalogue;
using WeChatPay.Chain.Analyzers.Chain;

namespace WeChatPay.Chain.Analyzers;

/// <summary>
/// Checks WeChat Pay chains against the endpoint catalogue as they are compiled: the path, the verb, the options and
/// the fields of <c>json</c>, <c>query</c> and <c>xml</c>. Only code that builds a chain is judged (see <see cref="ChainTracer"/>);
/// a project that does not reference WeChatPay.Chain costs one type lookup.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChainAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.UnknownPath, Descriptors.VerbNotOffered, Descriptors.UnknownField, Descriptors.MissingRequiredField,
        Descriptors.PlaceholderWithoutValue, Descriptors.UnknownOption, Descriptors.MisspeltVerb, Descriptors.NotAwaitable,
        Descriptors.OptionRefused);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName("WeChatPay.Chain.IChainNode") is not { } chainInterface)
            {
                return;
            }

            var tracer = new ChainTracer(start.Compilation, chainInterface);
            start.RegisterOperationAction(c => DynamicInvocation(c, tracer), OperationKind.DynamicInvocation);
            start.RegisterOperationAction(c => Invocation(c, tracer), OperationKind.Invocation);
            start.RegisterOperationAction(c => Await(c, tracer), OperationKind.Await);
        });
    }

    /// <summary><c>node.PostAsync(o)</c>, <c>node.post(o)</c>, <c>node.Foo(o)</c> (a POST to …/foo) and <c>node(o)</c> on a dynamic node.</summary>
    private static void DynamicInvocation(OperationAnalysisContext context, ChainTracer tracer)
    {
        if (context.Operation.Syntax is not InvocationExpressionSyntax invocation || context.Operation.SemanticModel is not { } model)
        {
            return;
        }

        if (invocation.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access)
        {
            if (model.GetTypeInfo(invocation.Expression).Type is { TypeKind: TypeKind.Dynamic } && tracer.Trace(invocation.Expression, model) is { } invoked)
            {
                Call.Check(context, model, invoked, "POST", verb: null, invocation);
            }

            return;
        }

        var name = access.Name.Identifier.ValueText;
        if (model.GetSymbolInfo(access.Expression).Symbol is INamedTypeSymbol library && tracer.IsLibrary(library))
        {
            // Catalogue.OnPath(wx.V3.…), Download.ToFileAsync(wx.Chain(…), …): a dynamic argument makes the call dynamic.
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (tracer.Trace(argument.Expression, model) is { } handed)
                {
                    Call.CheckPath(context, handed);
                }
            }

            return;
        }

        if (Spelling.NodeMethods.Contains(name) || tracer.Trace(access.Expression, model) is not { } node)
        {
            return;
        }

        if (Spelling.Verbs.TryGetValue(name, out var method))
        {
            Call.Check(context, model, node, method, access.Name, invocation);
        }
        else if (name is "GetAwaiter" or "ConfigureAwait")
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotAwaitable, access.Name.GetLocation(), access.Expression + "." + name + "(…)", Describe(node)));
        }
        else if (model.GetTypeInfo(access.Expression).Type is { TypeKind: TypeKind.Dynamic })
        {
            var shortland = node.Append(new ChainSegment(Spelling.FromMember(name), access.Name, isMember: true, piece: 0));
            if (MisspeltVerb(name) is { } verb)
            {
                context.ReportDiagnostic(Fix.Diagnostic(Descriptors.MisspeltVerb, access.Name.GetLocation(), access.Name.Span, new[] { verb }, name, Describe(shortland), verb));
            }
            else
            {
                Call.Check(context, model, shortland, "POST", verb: null, invocation);
            }
        }
    }

    /// <summary><c>node.PostAsync(o)</c> on an <c>IChainNode</c>, and nodes handed to the library (<c>Catalogue.OnPath</c>, <c>Download.ToFileAsync</c>).</summary>
    private static void Invocation(OperationAnalysisContext context, ChainTracer tracer)
    {
        var operation = (IInvocationOperation)context.Operation;
        var target = operation.TargetMethod;
        if (operation.SemanticModel is not { } model || operation.Syntax is not InvocationExpressionSyntax invocation)
        {
            return;
        }

        if (tracer.IsChainType(target.ContainingType))
        {
            if (Spelling.Verbs.TryGetValue(target.Name, out var method) && invocation.Expression is MemberAccessExpressionSyntax access
                && tracer.Trace(access.Expression, model) is { } node)
            {
                Call.Check(context, model, node, method, access.Name, invocation);
            }

            return;
        }

        if (!tracer.IsLibrary(target.ContainingType))
        {
            return;
        }

        // The library's own methods take a node whose path is whole: a call's or a download's.
        foreach (var argument in operation.Arguments)
        {
            if (tracer.IsChainType(argument.Parameter?.Type) && argument.Value.Syntax is ExpressionSyntax given && tracer.Trace(given, model) is { } node)
            {
                Call.CheckPath(context, node);
            }
        }
    }

    /// <summary><c>await node</c>: the run time refuses it, a node is not a call.</summary>
    private static void Await(OperationAnalysisContext context, ChainTracer tracer)
    {
        var operation = (IAwaitOperation)context.Operation;
        if (operation.Operation.Syntax is ExpressionSyntax awaited and not InvocationExpressionSyntax
            && operation.Operation.Type is { TypeKind: TypeKind.Dynamic } && operation.SemanticModel is { } model
            && tracer.Trace(awaited, model) is { } node)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotAwaitable, awaited.GetLocation(), "await " + awaited, Describe(node)));
        }
    }

    private static string Describe(ChainValue node) => node.IsKnown && node.Segments.Length > 0 ? node.Path : "a path";

    /// <summary>A name that reads as a verb but is not one (<c>Postasync</c>, <c>POST</c>, <c>GetAsnyc</c>): the verb meant, or null.</summary>
    private static string? MisspeltVerb(string name)
    {
        var lower = name.ToLowerInvariant();
        foreach (var method in new[] { "GET", "POST", "PUT", "PATCH", "DELETE" })
        {
            var verb = method.ToLowerInvariant();
            var isAsync = lower.Length > verb.Length + 3 && lower.StartsWith(verb, StringComparison.Ordinal)
                && EditDistance.Within(lower.Substring(verb.Length), "async", 2) <= 2;
            if (lower == verb || isAsync)
            {
                var spelled = char.IsLower(name[0]) ? verb : char.ToUpperInvariant(verb[0]) + verb.Substring(1);
                return isAsync ? spelled + "Async" : spelled;
            }
        }

        return null;
    }
}
