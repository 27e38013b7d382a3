namespace WeChatPay.Chain.Tests.Cli;

/// <summary>Where settings come from (option, then environment, then profile), how errors name them, and that no secret is printed.</summary>
public class ConfigurationTests : CliPlatformFixture
{
    private static readonly string[] ReceiverAdd = ["call", "v3/profitsharing/receivers/add", "--json", """{"type":"PERSONAL_OPENID","account":"o1","relation_type":"USER"}"""];

    [Test]
    public async Task Calls_with_settings_from_the_environment_alone()
    {
        Cli.SetEnvironment(Merchant);

        var result = await Cli.RunAsync(ReceiverAdd);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
    }

    [Test]
    public async Task Calls_with_the_default_profile_of_the_default_profile_file()
    {
        Cli.WriteProfile("fake", Merchant);

        var result = await Cli.RunAsync(ReceiverAdd);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
    }

    [Test]
    public async Task An_option_beats_the_environment_which_beats_the_profile()
    {
        Cli.WriteProfile("fake", new Dictionary<string, string>(Merchant) { ["mchid"] = "1111111111" });
        Cli.Environment["WECHATPAY_MCHID"] = "2222222222";

        var result = await Cli.RunAsync([.. ReceiverAdd, "--mchid", Merchant["mchid"], "--verbose"]);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        Assert.That(Line(result.Error, "--mchid"), Does.Contain("│ --mchid ").And.Contain($"│ {Merchant["mchid"]} "), "the option wins over both");
        Assert.That(Line(result.Error, "--serial"), Does.Contain("profile \"fake\"").And.Contain(Merchant["serial"]));

        var fromEnvironment = await Cli.RunAsync([.. ReceiverAdd, "--verbose"]);
        Assert.That(Line(fromEnvironment.Error, "--mchid"), Does.Contain("WECHATPAY_MCHID").And.Contain("2222222222"), "the environment wins over the profile");
        Assert.That(fromEnvironment.Code, Is.Not.EqualTo(0), "another merchant's settings do not work with these keys");
    }

    [Test]
    public async Task Picks_a_named_profile_with_the_option_or_the_environment()
    {
        Cli.WriteProfile("other", new Dictionary<string, string> { ["mchid"] = "1111111111" });
        Cli.WriteProfile("fake", Merchant);

        var byOption = await Cli.RunAsync([.. ReceiverAdd, "--profile", "fake"]);
        Cli.Environment["WECHATPAY_PROFILE"] = "fake";
        var byEnvironment = await Cli.RunAsync(ReceiverAdd);

        Assert.That((byOption.Code, byEnvironment.Code), Is.EqualTo((0, 0)), byOption.All + byEnvironment.All);
    }

    [Test]
    public async Task Reads_the_profile_file_the_option_or_the_environment_names()
    {
        var file = Path.Combine(Cli.Home, "elsewhere.json");
        Cli.WriteProfile("fake", Merchant, file);

        var byOption = await Cli.RunAsync([.. ReceiverAdd, "--profile-file", file]);
        Cli.Environment["WECHATPAY_PROFILE_FILE"] = file;
        var byEnvironment = await Cli.RunAsync(ReceiverAdd);

        Assert.That((byOption.Code, byEnvironment.Code), Is.EqualTo((0, 0)), byOption.All + byEnvironment.All);
    }

    [Test]
    public async Task Names_a_missing_profile_and_the_ones_there_are()
    {
        Cli.WriteProfile("fake", Merchant);

        var result = await Cli.RunAsync([.. ReceiverAdd, "--profile", "prod"]);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("no profile \"prod\" (--profile or WECHATPAY_PROFILE); it has: fake"));
    }

    [Test]
    public async Task Names_every_place_a_missing_setting_can_come_from()
    {
        var result = await Cli.RunAsync(ReceiverAdd);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--mchid (or WECHATPAY_MCHID, or profile field \"mchid\") is required"));
    }

    [Test]
    public async Task Names_a_key_half_given_without_its_other_half()
    {
        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "--platform-serial", "ABCDEF", .. ReceiverAdd]);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--platform-serial (or WECHATPAY_PLATFORM_SERIAL, or profile field \"platformSerial\") needs --platform-cert"));
    }

    [Test]
    public async Task Names_the_private_key_option_when_the_key_does_not_load_and_never_prints_it()
    {
        const string Key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDQnotakey\n-----END PRIVATE KEY-----";
        var options = CliRun.Options(Merchant);
        options[Array.IndexOf(options, "--private-key") + 1] = Key;

        var result = await Cli.RunAsync([.. options, "--verbose", .. ReceiverAdd]);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("Set with --private-key (or WECHATPAY_PRIVATE_KEY"));
        Assert.That(result.All, Does.Not.Contain("DQnotakey"));
        Assert.That(Platform.Requests, Is.Empty);
    }

    [Test]
    public async Task Verbose_says_where_each_setting_came_from_and_shows_no_secret()
    {
        var options = CliRun.Options(Merchant);
        options[Array.IndexOf(options, "--apiv3-key") + 1] = Platform.Credentials.ApiV3Key;
        options[Array.IndexOf(options, "--secret") + 1] = Platform.Credentials.ApiV2Key;
        options[Array.IndexOf(options, "--private-key") + 1] = File.ReadAllText(new Uri(Merchant["privateKey"]).LocalPath);

        var result = await Cli.RunAsync([.. options, "--verbose", .. ReceiverAdd]);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        Assert.That(Line(result.Error, "--apiv3-key"), Does.Contain("(set)"));
        Assert.That(Line(result.Error, "--private-key"), Does.Contain("(set)"));
        foreach (var secret in Secrets())
        {
            Assert.That(result.All, Does.Not.Contain(secret));
        }
    }

    [Test]
    public async Task Names_the_profile_file_that_is_not_json_without_quoting_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Cli.DefaultProfileFile)!);
        await File.WriteAllTextAsync(Cli.DefaultProfileFile, "{ \"profiles\": { \"fake\": { \"apiV3Key\": \"" + Platform.Credentials.ApiV3Key + "\" ");

        var result = await Cli.RunAsync(ReceiverAdd);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain($"The profile file {Cli.DefaultProfileFile} cannot be read as JSON"));
        Assert.That(result.All, Does.Not.Contain(Platform.Credentials.ApiV3Key));
    }

    private static string Line(string text, string setting) =>
        text.Split('\n').FirstOrDefault(l => l.Contains($"│ {setting} ", StringComparison.Ordinal)) ?? $"(no line for {setting} in:\n{text})";
}
