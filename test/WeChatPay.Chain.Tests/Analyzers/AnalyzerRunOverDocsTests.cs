using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WeChatPay.Chain.Analyzers;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Analyzers;

/// <summary>
/// The docs examples (test/WeChatPay.Chain.Tests/Docs, whose #regions are the docs' code blocks) and the samples compile
/// with no finding of the chain analyzer, at full severity; and a typo planted in them is found, so the silence means
/// the chains were read, not missed.
/// </summary>
public class AnalyzerRunOverDocsTests
{
    private static readonly string Root = Repository.Root();

    [Test]
    public async Task Docs_examples_raise_nothing_but_the_one_typo_they_make_on_purpose()
    {
        var tests = Path.Combine(Root, "test", "WeChatPay.Chain.Tests");
        var compilation = AnalyzerHarness.Compile(Sources(tests), [.. AnalyzerHarness.Usings, "NUnit.Framework"], "WeChatPay.Chain.Tests");
        Assert.That(AnalyzerHarness.Errors(compilation), Is.Empty);

        var diagnostics = await compilation.WithAnalyzers([new ChainAnalyzer()], new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync();
        var docs = diagnostics.Where(d => d.Location.SourceTree!.FilePath.Contains($"{Path.DirectorySeparatorChar}Docs{Path.DirectorySeparatorChar}")).ToList();

        Assert.That(docs.Where(d => !d.IsSuppressed).Select(d => d.ToString()), Is.Empty);
        var onPurpose = docs.Single(d => d.IsSuppressed);
        Assert.That((onPurpose.Id, Path.GetFileName(onPurpose.Location.SourceTree!.FilePath), onPurpose.Location.SourceTree.GetText().ToString(onPurpose.Location.SourceSpan)),
            Is.EqualTo(("WCP001", "GettingStartedExamples.cs", "ReturnOrder")));
    }

    [Test]
    public async Task Demo_sample_raises_nothing_and_a_planted_typo_is_found()
    {
        var files = Sources(Path.Combine(Root, "samples", "Demo")).ToList();
        Assert.That(await Findings(files, AnalyzerHarness.Usings), Is.Empty);

        var planted = files.Select(f => Path.GetFileName(f.Path) == "SeedCalls.cs" ? (f.Path, f.Text.Replace("wx.V3.Profitsharing.ReturnOrders,", "wx.V3.Profitsharing.ReturnOrder,")) : f);
        Assert.That(await Findings(planted, AnalyzerHarness.Usings), Is.Empty, "a node picked by a switch has no single path: not judged");

        var literal = files.Select(f => Path.GetFileName(f.Path) == "SeedCalls.cs" ? (f.Path, f.Text.Replace("node(V2Return).PostAsync(", "wx.Chain(\"v2/secapi/pay/profitsharingreturns\").PostAsync(")) : f);
        Assert.That(await Findings(literal, AnalyzerHarness.Usings), Has.One.Contains("warning WCP001: The path v2/secapi/pay/profitsharingreturns is not in the WeChat Pay catalogue"));
    }

    [Test]
    public async Task Notifications_sample_raises_nothing()
    {
        var usings = AnalyzerHarness.Usings.Concat(
        [
            "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
            "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting",
            "Microsoft.Extensions.Logging", "System.Net.Http.Json",
        ]);
        Assert.That(await Findings(Sources(Path.Combine(Root, "samples", "Notifications")), usings), Is.Empty);
    }

    private static async Task<IEnumerable<string>> Findings(IEnumerable<(string Path, string Text)> files, IEnumerable<string> usings)
    {
        var compilation = AnalyzerHarness.Compile(files, usings).WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.ConsoleApplication));
        Assert.That(AnalyzerHarness.Errors(compilation), Is.Empty);
        return (await AnalyzerHarness.AnalyzeAsync(compilation)).Select(d => d.ToString());
    }

    private static IEnumerable<(string Path, string Text)> Sources(string project) =>
        Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(path => (path, File.ReadAllText(path)));
}
