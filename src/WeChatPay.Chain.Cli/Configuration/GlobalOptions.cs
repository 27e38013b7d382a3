using System.CommandLine;

namespace WeChatPay.Chain.Cli.Configuration;

/// <summary>The options every command takes: the merchant settings, which profile to read, and <c>--verbose</c>.</summary>
internal sealed class GlobalOptions
{
    public GlobalOptions()
    {
        foreach (var setting in Setting.All)
        {
            Settings[setting] = new Option<string?>(setting.Option) { Description = setting.Description, Recursive = true, HelpName = setting.Secret ? "secret" : "value" };
        }
    }

    public Dictionary<Setting, Option<string?>> Settings { get; } = [];

    public Option<string?> Profile { get; } = new("--profile") { Description = "The profile to use from the profile file (or WECHATPAY_PROFILE); its \"default\" otherwise.", Recursive = true, HelpName = "name" };

    public Option<string?> ProfileFile { get; } = new("--profile-file") { Description = "The profile file (or WECHATPAY_PROFILE_FILE); ~/.wechatpay/profile.json by default.", Recursive = true, HelpName = "path" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Say where each setting came from (never a secret's value) and what is sent.", Recursive = true };

    public IEnumerable<Option> All => [.. Settings.Values, Profile, ProfileFile, Verbose];

    /// <summary>The profile file's path: the option, the variable, or <c>~/.wechatpay/profile.json</c>.</summary>
    public string ProfileFilePath(ParseResult parse, Terminal terminal) =>
        parse.GetValue(ProfileFile) ?? terminal.Environment("WECHATPAY_PROFILE_FILE") ?? Path.Combine(terminal.Home, ".wechatpay", "profile.json");
}
