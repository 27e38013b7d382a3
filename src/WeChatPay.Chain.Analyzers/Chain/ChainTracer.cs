using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WeChatPay.Chain.Analyzers.Chain;

/// <summary>
/// Decides whether an expression is a WeChat Pay chain node, and its path when the code spells it. It follows member
/// access on <c>dynamic</c> nodes, <c>Chain(…)</c> and indexers with constant text, casts, <c>?:</c>/<c>switch</c>/<c>??</c>,
/// and locals, fields and properties (typed <c>dynamic</c> or <c>IChainNode</c>) through every assignment the code
/// makes to them. A <c>dynamic</c> value it cannot trace to <c>Builder.Factory</c> or an <c>IChainNode</c> is not a
/// chain node: an <c>ExpandoObject</c> or any other dynamic object is never judged.
/// </summary>
internal sealed class ChainTracer
{
    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _interface;
    private readonly INamedTypeSymbol? _node;
    private readonly INamedTypeSymbol? _builder;
    private readonly ConcurrentDictionary<ISymbol, List<(ExpressionSyntax Value, SemanticModel Model)>> _memberSources = new(SymbolEqualityComparer.Default);

    // A local is traced at each of its uses; its assignments are looked for once (keyed by its declaration, which is unique in the compilation).
    private readonly ConcurrentDictionary<SyntaxNode, List<(ExpressionSyntax Value, SemanticModel Model)>> _localSources = new();

    public ChainTracer(Compilation compilation, INamedTypeSymbol chainInterface)
    {
        _compilation = compilation;
        _interface = chainInterface;
        _node = compilation.GetTypeByMetadataName("WeChatPay.Chain.ChainNode");
        _builder = compilation.GetTypeByMetadataName("WeChatPay.Chain.Builder");
    }

    /// <summary>Whether <paramref name="type"/> is one of WeChatPay.Chain's own (<c>Catalogue</c>, <c>Download</c>, …).</summary>
    public bool IsLibrary(INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, _interface.ContainingNamespace);

    public bool IsChainType(ITypeSymbol? type) =>
        type is not null && (SymbolEqualityComparer.Default.Equals(type, _interface) || SymbolEqualityComparer.Default.Equals(type, _node));

    /// <summary>The chain node <paramref name="expression"/> evaluates to, or null when it is not one (or cannot be told).</summary>
    public ChainValue? Trace(ExpressionSyntax expression, SemanticModel model) => Trace(expression, model, new HashSet<ISymbol>(SymbolEqualityComparer.Default));

    private ChainValue? Trace(ExpressionSyntax expression, SemanticModel model, HashSet<ISymbol> visiting)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Trace(parenthesized.Expression, model, visiting);
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                return Trace(suppressed.Operand, model, visiting);
            case CastExpressionSyntax cast:
                return Trace(cast.Expression, model, visiting) ?? Presumed(model.GetTypeInfo(cast).Type);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression } cast:
                return Trace(cast.Left, model, visiting) ?? Presumed(model.GetTypeInfo(cast).Type);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce:
                return Merge(new[] { Trace(coalesce.Left, model, visiting), Trace(coalesce.Right, model, visiting) });
            case ConditionalExpressionSyntax conditional:
                return Merge(new[] { Trace(conditional.WhenTrue, model, visiting), Trace(conditional.WhenFalse, model, visiting) });
            case SwitchExpressionSyntax switched:
                return Merge(switched.Arms.Select(arm => Trace(arm.Expression, model, visiting)).ToArray());
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
                when model.GetTypeInfo(access.Expression).Type is { TypeKind: TypeKind.Dynamic }:
                return Trace(access.Expression, model, visiting)?.Append(Member(access.Name));
            case ElementAccessExpressionSyntax element:
                return Trace(element.Expression, model, visiting) is { } indexed ? Literal(indexed, element.ArgumentList.Arguments, model) : null;
            case InvocationExpressionSyntax invocation:
                return Invocation(invocation, model, visiting);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return model.GetSymbolInfo(expression).Symbol is { } symbol ? Symbol(symbol, model, visiting) : null;
            default:
                return Presumed(model.GetTypeInfo(expression).Type);
        }
    }

    private ChainValue? Invocation(InvocationExpressionSyntax invocation, SemanticModel model, HashSet<ISymbol> visiting)
    {
        if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Chain" } chain
            && Trace(chain.Expression, model, visiting) is { } node)
        {
            return Literal(node, invocation.ArgumentList.Arguments, model);
        }

        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        if (method.Name == "Factory" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _builder))
        {
            return ChainValue.RootOf(ChainRoot.Definite);
        }

        // GetRequiredService<IChainNode>(), GetRequiredKeyedService<IChainNode>(key): the registered root.
        return IsChainType(method.ReturnType)
            ? ChainValue.RootOf(method.TypeArguments.Any(IsChainType) ? ChainRoot.Definite : ChainRoot.Presumed)
            : null;
    }

    private ChainValue? Symbol(ISymbol symbol, SemanticModel model, HashSet<ISymbol> visiting)
    {
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        // A dynamic parameter may be anything; an IChainNode parameter is most likely the root.
        if (type is null || symbol is IParameterSymbol || !(IsChainType(type) || type.TypeKind == TypeKind.Dynamic))
        {
            return Presumed(type);
        }

        if (!visiting.Add(symbol))
        {
            return null;
        }

        try
        {
            var sources = symbol is ILocalSymbol ? LocalSources(symbol, model) : MemberSources(symbol);
            var values = sources.Select(source => Trace(source.Value, source.Model, visiting)).ToArray();
            return values.Length > 0 && values.All(v => v is not null) ? Merge(values) : Presumed(type);
        }
        finally
        {
            visiting.Remove(symbol);
        }
    }

    /// <summary>The initializer and every assignment of a local, in the member that declares it.</summary>
    private List<(ExpressionSyntax Value, SemanticModel Model)> LocalSources(ISymbol local, SemanticModel model) =>
        local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is { } declaration
            ? _localSources.GetOrAdd(declaration, d => Assignments(local, d, model))
            : new List<(ExpressionSyntax, SemanticModel)>();

    private static List<(ExpressionSyntax Value, SemanticModel Model)> Assignments(ISymbol local, SyntaxNode declaration, SemanticModel model)
    {
        var sources = new List<(ExpressionSyntax, SemanticModel)>();

        if (declaration is VariableDeclaratorSyntax { Initializer.Value: { } initial })
        {
            sources.Add((initial, model));
        }

        var scope = declaration.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not GlobalStatementSyntax) ?? declaration.SyntaxTree.GetRoot();
        foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local))
            {
                sources.Add((assignment.Right, model));
            }
        }

        return sources;
    }

    /// <summary>The initializer, expression body and every assignment in its type of a field or property.</summary>
    private List<(ExpressionSyntax Value, SemanticModel Model)> MemberSources(ISymbol member) => _memberSources.GetOrAdd(member, symbol =>
    {
        var sources = new List<(ExpressionSyntax, SemanticModel)>();
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var value = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
            if (value is not null)
            {
                sources.Add((value, Model(value.SyntaxTree)));
            }
        }

        foreach (var reference in symbol.ContainingType.DeclaringSyntaxReferences)
        {
            var model = (SemanticModel?)null;
            foreach (var assignment in reference.GetSyntax().DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                var target = assignment.Left switch
                {
                    IdentifierNameSyntax name => name,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name,
                    _ => null,
                };
                if (target?.Identifier.ValueText == symbol.Name)
                {
                    model ??= Model(assignment.SyntaxTree);
                    if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target).Symbol, symbol))
                    {
                        sources.Add((assignment.Right, model));
                    }
                }
            }
        }

        return sources;
    });

#pragma warning disable RS1030 // Fields and properties are assigned in other files of the type; their trees need their own model.
    private SemanticModel Model(SyntaxTree tree) => _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    private static ChainSegment Member(SimpleNameSyntax name) => new(Spelling.FromMember(name.Identifier.ValueText), name, isMember: true, piece: 0);

    private static ChainValue Literal(ChainValue node, SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model)
    {
        if (arguments.Count != 1 || model.GetConstantValue(arguments[0].Expression) is not { HasValue: true, Value: string text }
            || Spelling.FromLiteral(text, out _) is not { } pieces)
        {
            return node.Unknown();
        }

        var origin = arguments[0].Expression;
        return node.Append(pieces.Select((piece, i) => new ChainSegment(piece, origin, isMember: false, piece: i)).ToArray());
    }

    private ChainValue? Presumed(ITypeSymbol? type) => IsChainType(type) ? ChainValue.RootOf(ChainRoot.Presumed) : null;

    /// <summary>One value for several: null unless each is a node; the path only when they all spell the same one.</summary>
    private static ChainValue? Merge(ChainValue?[] values)
    {
        if (values.Length == 0 || values.Any(v => v is null))
        {
            return null;
        }

        var first = values[0]!;
        var root = values.Any(v => v!.Root == ChainRoot.Presumed) ? ChainRoot.Presumed : ChainRoot.Definite;
        return values.All(v => v!.IsKnown && v.Path == first.Path) && root == first.Root ? first : new ChainValue(root, false, default).Unknown();
    }
}
