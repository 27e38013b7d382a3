// Build, test, benchmark and pack WeChatPay.Chain. Run through the local tool manifest:
//   dotnet tool restore && dotnet cake --target=Test
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./WeChatPay.Chain.sln";
var artifacts = Directory("./artifacts");

Task("Clean")
    .Does(() => CleanDirectory(artifacts));

Task("Build")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    var results = MakeAbsolute(artifacts + Directory("test-results"));
    var trx = results.CombineWithFilePath("tests.trx");
    CleanDirectory(results);
    try
    {
        DotNetTest("./test/WeChatPay.Chain.Tests/WeChatPay.Chain.Tests.csproj", new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            Loggers = { "trx;LogFileName=tests.trx", "console;verbosity=normal" },
            ResultsDirectory = results,
        });
    }
    finally
    {
        // One plain closing line, whatever the runner printed above it, pass or fail.
        if (FileExists(trx))
        {
            int Count(string name) => int.Parse(XmlPeek(trx, $"/*[local-name()='TestRun']/*[local-name()='ResultSummary']/*[local-name()='Counters']/@{name}"));
            var (passed, failed) = (Count("passed"), Count("failed"));
            Console.WriteLine($"Tests: {passed} passed, {failed} failed, {Count("total") - passed - failed} skipped");
        }
    }
});

Task("Bench")
    .Description("Runs the BenchmarkDotNet suite; pass --filter=<pattern> to pick benchmarks.")
    .Does(() =>
{
    var filter = Argument("filter", "*");
    DotNetRun("./test/WeChatPay.Chain.Benchmarks/WeChatPay.Chain.Benchmarks.csproj", new ProcessArgumentBuilder().Append("--filter").AppendQuoted(filter), new DotNetRunSettings
    {
        Configuration = "Release",
    });
});

Task("Pack")
    .IsDependentOn("Build")
    .Does(() => DotNetPack("./src/WeChatPay.Chain/WeChatPay.Chain.csproj", new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = artifacts + Directory("packages"),
    }));

Task("AnalyzerSmoke")
    .Description("Installs the packed WeChatPay.Chain into a throwaway console project and checks that its analyzer reports a planted typo (eng/analyzer-smoke.sh).")
    .IsDependentOn("Pack")
    .Does(() =>
{
    if (StartProcess("bash", new ProcessSettings { Arguments = "eng/analyzer-smoke.sh" }) != 0)
    {
        throw new Exception("AnalyzerSmoke failed: see the lines above.");
    }
});

Task("Catalogue")
    .Description("Regenerates src/WeChatPay.Chain/Endpoints from WeChat Pay's openapi YAML; pass --openapi=<docs folder> (default ../shared/openapi/docs).")
    .Does(() =>
{
    var docs = MakeAbsolute(Directory(Argument("openapi", "../shared/openapi/docs")));
    DotNetRun("./eng/CatalogueGenerator/CatalogueGenerator.csproj", new ProcessArgumentBuilder().AppendQuoted(docs.FullPath).AppendQuoted(MakeAbsolute(Directory("./src/WeChatPay.Chain/Endpoints")).FullPath), new DotNetRunSettings
    {
        Configuration = "Release",
    });
});

Task("Default").IsDependentOn("Test");

RunTarget(target);
