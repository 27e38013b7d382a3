using Newtonsoft.Json.Linq;
using WeChatPay.Chain.CatalogueGenerator;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Endpoints;

/// <summary>
/// The committed catalogue is exactly what eng/CatalogueGenerator makes of the openapi source, when the source is on
/// this machine (../shared/openapi beside the repository, or WECHATPAY_OPENAPI_DOCS); and it holds facts only.
/// </summary>
public class GeneratedCatalogueTests
{
    private static readonly string Root = Repository.Root();
    private static readonly string Committed = Path.Combine(Root, "src", "WeChatPay.Chain", "Endpoints");

    [Test]
    public void Committed_catalogue_is_what_the_generator_makes_of_the_source()
    {
        var docs = Environment.GetEnvironmentVariable("WECHATPAY_OPENAPI_DOCS") is { Length: > 0 } given
            ? given
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "openapi", "docs"));
        if (!File.Exists(Path.Combine(docs, "swagger.yaml")))
        {
            Assert.Ignore($"The openapi source is not on this machine ({docs}); the committed catalogue is used as it is.");
        }

        var generated = Generator.Generate(docs);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(Committed, Generator.IndexFile)), Is.EqualTo(generated.Index),
                "catalogue.index is stale: run dotnet run --project eng/CatalogueGenerator -- <openapi docs>");
            Assert.That(File.ReadAllText(Path.Combine(Committed, Generator.DetailsFile)), Is.EqualTo(generated.Details),
                "catalogue.jsonl is stale: run dotnet run --project eng/CatalogueGenerator -- <openapi docs>");
            Assert.That(generated.Count, Is.EqualTo(Catalogue.Operations.Count));
        });
    }

    [Test]
    public void Catalogue_holds_facts_only_and_no_descriptions()
    {
        string[] operationKeys = ["method", "path", "base", "cert", "consumes", "produces", "status", "parameters", "response"];
        string[] fieldKeys = ["name", "in", "type", "format", "required", "nullable", "sensitive", "maxLength", "enum", "example", "items", "json", "fields"];
        var unexpected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Committed, Generator.DetailsFile)))
        {
            var operation = JObject.Parse(line);
            unexpected.UnionWith(operation.Properties().Select(p => p.Name).Except(operationKeys));
            foreach (var field in operation.Descendants().OfType<JObject>().Where(o => o != operation))
            {
                if (field.Parent?.Parent is JProperty { Name: "example" } || field.Ancestors().OfType<JProperty>().Any(p => p.Name == "example"))
                {
                    continue;
                }

                unexpected.UnionWith(field.Properties().Select(p => p.Name).Except(fieldKeys));
            }
        }

        Assert.That(unexpected, Is.Empty, "keys beyond the catalogue's own format (descriptions must not be copied)");
    }

    [Test]
    public void The_licence_of_the_source_sits_beside_the_catalogue()
    {
        var licence = File.ReadAllText(Path.Combine(Committed, "LICENSE.txt"));
        Assert.That(licence, Does.Contain("Copyright (c) 2020-present James ZHANG(TheNorthMemory)").And.Contain("Permission is hereby granted"));
    }
}
