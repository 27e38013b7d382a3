using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using WeChatPay.Chain.Analyzers;
using WeChatPay.Chain.Analyzers.Fixes;

namespace WeChatPay.Chain.Tests.Analyzers;

/// <summary>
/// Compiles C# as the SDK would (this process's assemblies as references: the framework, ASP.NET Core, WeChatPay.Chain
/// and the rest), runs <see cref="ChainAnalyzer"/> over it, and applies <see cref="ChainCodeFixProvider"/>'s fixes
/// through an <see cref="AdhocWorkspace"/>.
/// </summary>
internal static class AnalyzerHarness
{
    public static readonly string[] Usings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    ];

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(File.Exists)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>The files, plus a file of the <paramref name="usings"/> made global, as the SDK's implicit usings do.</summary>
    /// <param name="files">The sources.</param>
    /// <param name="usings">The namespaces the project's implicit usings bring.</param>
    /// <param name="name">The assembly's name: a test project's own, so the libraries' InternalsVisibleTo applies (and its built copy is not referenced twice).</param>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> files, IEnumerable<string> usings, string name = "Checked")
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, Parse, f.Path))
            .Append(CSharpSyntaxTree.ParseText(string.Concat(usings.Select(u => $"global using {u};\n")), Parse, "GlobalUsings.g.cs"));
        var references = References.Value.Where(r => !string.Equals(Path.GetFileNameWithoutExtension(r.Display), name, StringComparison.Ordinal));
        return CSharpCompilation.Create(name, trees, references, Options);
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation) =>
        await compilation.WithAnalyzers([new ChainAnalyzer()]).GetAnalyzerDiagnosticsAsync();

    /// <summary>The errors of the compilation, less those a source generator would have answered (a partial [GeneratedRegex]).</summary>
    public static IEnumerable<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795");

    /// <summary>The source after the code fix titled <paramref name="title"/> (or the first) is applied to <paramref name="diagnostic"/>.</summary>
    public static async Task<string> FixAsync(string source, Diagnostic diagnostic, string? title = null)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Fixed", "Fixed", LanguageNames.CSharp,
            compilationOptions: Options, parseOptions: Parse, metadataReferences: References.Value));
        var document = workspace.AddDocument(project.Id, "Planted.cs", SourceText.From(source));
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new ChainCodeFixProvider().RegisterCodeFixesAsync(context);
        var action = title is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.Title == title);
        Assert.That(action, Is.Not.Null, $"no fix{(title is null ? string.Empty : " titled " + title)} for {diagnostic}; offered: {string.Join(", ", actions.Select(a => a.Title))}");
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }
}
