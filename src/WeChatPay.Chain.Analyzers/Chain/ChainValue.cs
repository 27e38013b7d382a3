using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WeChatPay.Chain.Analyzers.Chain;

/// <summary>Where a traced chain starts.</summary>
internal enum ChainRoot
{
    /// <summary>The root node for certain: <c>Builder.Factory(…)</c>, or an <c>IChainNode</c> from the service provider.</summary>
    Definite,

    /// <summary>
    /// An <c>IChainNode</c> from elsewhere (a parameter, a property nobody assigns here): the root, most likely, but
    /// maybe a node below it, so its paths are judged only when they start as catalogued paths do (<c>v3</c>, <c>v2</c>, …).
    /// </summary>
    Presumed,
}

/// <summary>One segment of a traced path and the code that wrote it.</summary>
internal sealed class ChainSegment
{
    public ChainSegment(string text, SyntaxNode origin, bool isMember, int piece)
    {
        Text = text;
        Origin = origin;
        IsMember = isMember;
        Piece = piece;
    }

    /// <summary>The segment as the run time builds it (<c>return-orders</c>, <c>{out_return_no}</c>, empty for a trailing <c>/</c>).</summary>
    public string Text { get; }

    /// <summary>The member's name (<see cref="SimpleNameSyntax"/>), or the <c>Chain(…)</c>/indexer argument the segment comes from.</summary>
    public SyntaxNode Origin { get; }

    public bool IsMember { get; }

    /// <summary>Which piece of its literal this segment is (0 for a member).</summary>
    public int Piece { get; }

    /// <summary>Whether the origin is one string literal, which a fix can rewrite (a constant expression cannot be).</summary>
    public bool IsLiteral => !IsMember && Origin is LiteralExpressionSyntax;
}

/// <summary>A chain node the analyzer traced: where it starts, and its path when every segment is a compile-time constant.</summary>
internal sealed class ChainValue
{
    public ChainValue(ChainRoot root, bool isKnown, ImmutableArray<ChainSegment> segments)
    {
        Root = root;
        IsKnown = isKnown;
        Segments = segments;
    }

    public ChainRoot Root { get; }

    /// <summary>Whether <see cref="Segments"/> is the whole path from the root (false after a segment that is not constant).</summary>
    public bool IsKnown { get; }

    public ImmutableArray<ChainSegment> Segments { get; }

    public string Path => Spelling.Join(Segments.Select(s => s.Text));

    public static ChainValue RootOf(ChainRoot root) => new(root, true, ImmutableArray<ChainSegment>.Empty);

    public ChainValue Append(params ChainSegment[] segments) => IsKnown ? new ChainValue(Root, true, Segments.AddRange(segments)) : this;

    public ChainValue Unknown() => new(Root, false, ImmutableArray<ChainSegment>.Empty);
}
