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
            Loggers = { "trx;LogFileName=tests.trx", "console;verbosity=minimal" },
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
            // The failed tests again, by name only, as the last lines CI prints: the details are above and in the trx.
            var run = System.Xml.Linq.XDocument.Load(trx.FullPath);
            foreach (var result in run.Descendants().Where(e => e.Name.LocalName == "UnitTestResult" && (string)e.Attribute("outcome") == "Failed"))
            {
                Console.WriteLine($"  failed: {(string)result.Attribute("testName")}");
            }
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
    .Description("Packs every shipped package (each project under src/: the library, Testing, Hosting, AspNetCore and the wechatpay tool) with its symbols into artifacts/packages.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var packages = artifacts + Directory("packages");
    CleanDirectory(packages);
    foreach (var project in GetFiles("./src/*/*.csproj"))
    {
        DotNetPack(project.FullPath, new DotNetPackSettings
        {
            Configuration = configuration,
            NoBuild = true,
            OutputDirectory = packages,
            Verbosity = DotNetVerbosity.Minimal,
        });
    }
});

Task("PackageSmoke")
    .Description("Installs the packages as a user would, in a throwaway folder: a console app calls the fake platform with the library, and the wechatpay tool serves, calls, and stops on SIGTERM (eng/package-smoke.sh).")
    .IsDependentOn("Pack")
    .Does(() =>
{
    var exitCode = StartProcess("bash", new ProcessSettings { Arguments = new ProcessArgumentBuilder().Append("eng/package-smoke.sh").AppendQuoted(MakeAbsolute(artifacts + Directory("packages")).FullPath) });
    if (exitCode != 0)
    {
        throw new CakeException($"eng/package-smoke.sh failed (exit {exitCode}): see the \"package smoke: FAILED at …\" line above.");
    }
});

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
