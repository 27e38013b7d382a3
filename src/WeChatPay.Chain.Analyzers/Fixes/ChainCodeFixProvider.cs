using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace WeChatPay.Chain.Analyzers.Fixes;

/// <summary>
/// Applies the "did you mean" of the chain analyzer: a path respelt, a verb the path offers, a field or option
/// renamed. The analyzer puts each edit in the diagnostic (<see cref="Fix"/>); this only replaces the text.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ChainCodeFixProvider))]
[Shared]
public sealed class ChainCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        Descriptors.UnknownPath.Id, Descriptors.VerbNotOffered.Id, Descriptors.UnknownField.Id, Descriptors.UnknownOption.Id, Descriptors.MisspeltVerb.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.FirstOrDefault() is not { } where)
            {
                continue;
            }

            for (var i = 0; diagnostic.Properties.TryGetValue(Fix.Prefix + i, out var replacement) && replacement is not null; i++)
            {
                var document = context.Document;
                var span = where.SourceSpan;
                var text = replacement;
                context.RegisterCodeFix(
                    CodeAction.Create($"Use {text}", async token =>
                    {
                        var source = await document.GetTextAsync(token).ConfigureAwait(false);
                        return document.WithText(source.WithChanges(new TextChange(span, text)));
                    }, equivalenceKey: diagnostic.Id + ":" + i),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
