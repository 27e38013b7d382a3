using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Cli;

/// <summary>A fake platform, its merchant's key files, and a command tree to run against it, fresh for each test.</summary>
public abstract class CliPlatformFixture
{
    private string _folder = null!;

    internal FakePlatform Platform { get; private set; } = null!;

    internal CliRun Cli { get; private set; } = null!;

    /// <summary>The merchant's settings as profile fields (keys as <c>file://</c> paths), as <c>serve</c> writes them.</summary>
    internal Dictionary<string, string> Merchant { get; private set; } = null!;

    protected virtual FakePlatformOptions PlatformOptions => new();

    [SetUp]
    public async Task StartPlatform()
    {
        Platform = await FakePlatform.StartAsync(PlatformOptions);
        _folder = Directory.CreateTempSubdirectory("wechatpay-cli-keys-").FullName;
        Merchant = await CliRun.MerchantOf(Platform, _folder);
        Cli = new CliRun();
    }

    [TearDown]
    public async Task StopPlatform()
    {
        await Platform.DisposeAsync();
        Cli.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The secrets no output may show: the key files' contents and the two keys.</summary>
    internal IEnumerable<string> Secrets()
    {
        yield return Platform.Credentials.ApiV3Key;
        yield return Platform.Credentials.ApiV2Key;
        var pem = File.ReadAllText(new Uri(Merchant["privateKey"]).LocalPath);
        yield return pem.Split('\n')[1].Trim(); // a line of the key's base64
    }
}
