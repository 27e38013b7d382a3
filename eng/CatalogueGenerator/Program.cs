// Reads WeChat Pay's endpoint catalogue (a Swagger 2.0 index with one YAML file per path) and writes the library's own
// compact catalogue. Facts only: methods, paths, fields, types, required flags, enums, examples; no descriptions.
//
//   dotnet run --project eng/CatalogueGenerator -- <openapi docs folder> [output folder]
//
// The output folder defaults to src/WeChatPay.Chain/Endpoints of the repository around the current directory. See docs/catalogue.md.
using WeChatPay.Chain.CatalogueGenerator;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run --project eng/CatalogueGenerator -- <openapi docs folder> [output folder]");
    return 2;
}

var docs = Path.GetFullPath(args[0]);
var output = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine(RepositoryRoot(), "src", "WeChatPay.Chain", "Endpoints"));
if (!File.Exists(Path.Combine(docs, "swagger.yaml")))
{
    Console.Error.WriteLine($"{docs} holds no swagger.yaml: pass the docs folder of the WeChat Pay openapi catalogue.");
    return 2;
}

var catalogue = Generator.Generate(docs);
Directory.CreateDirectory(output);
File.WriteAllText(Path.Combine(output, Generator.IndexFile), catalogue.Index);
File.WriteAllText(Path.Combine(output, Generator.DetailsFile), catalogue.Details);
Console.WriteLine($"{catalogue.Count} operations written to {output}");
return 0;

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(Environment.CurrentDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WeChatPay.Chain.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new DirectoryNotFoundException("Run this inside the repository, or pass the output folder.");
}
