using System.Text.RegularExpressions;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Docs;

/// <summary>
/// Every code block in <c>docs/</c> and the README marked <c>&lt;!-- snippet: name --&gt;</c> is, character for character, the
/// <c>#region name</c> of a compiled and run test in this folder; so the docs cannot rot.
/// </summary>
public partial class DocsSnippetTests
{
    private static readonly string Root = Repository.Root();

    private static Dictionary<string, string> Regions() =>
        Directory.EnumerateFiles(Path.Combine(Root, "test", "WeChatPay.Chain.Tests", "Docs"), "*.cs")
            .SelectMany(file => Region().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            .ToDictionary(m => m.Groups[1].Value, m => Dedent(m.Groups[2].Value));

    private static Dictionary<string, (string File, string Code)> Snippets() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(Root, "README.md"))
            .SelectMany(file => Snippet().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")).Select(m => (file, m)))
            .ToDictionary(x => x.m.Groups[1].Value, x => (Path.GetRelativePath(Root, x.file), x.m.Groups[2].Value));

    [Test]
    public void Every_docs_snippet_is_the_code_a_test_runs()
    {
        var regions = Regions();
        var snippets = Snippets();
        Assert.That(snippets, Is.Not.Empty);
        foreach (var (name, (file, code)) in snippets)
        {
            Assert.That(regions.ContainsKey(name), Is.True, $"{file}: snippet {name} has no #region {name} in test/WeChatPay.Chain.Tests/Docs");
            Assert.That(code, Is.EqualTo(regions[name]), $"{file}: snippet {name} differs from the tested code");
        }
    }

    [Test]
    public void Every_tested_example_appears_in_the_docs()
    {
        var missing = Regions().Keys.Except(Snippets().Keys).ToList();
        Assert.That(missing, Is.Empty, "regions no docs page shows");
    }

    private static string Dedent(string text)
    {
        var lines = text.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"#region (\S+)\n(.*?)\n[ \t]*#endregion", RegexOptions.Singleline)]
    private static partial Regex Region();

    [GeneratedRegex(@"<!-- snippet: (\S+) -->\n```csharp\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Snippet();
}
