using Microsoft.Extensions.Options;

namespace WeChatPay.Chain.Hosting.Composition;

/// <summary>
/// Checks a merchant's configuration the way <see cref="Builder.Factory"/> would, keys loaded, at start-up
/// (<c>ValidateOnStart</c>): each failure names the configuration key (<c>WeChatPay:shop-a:PrivateKey</c>) and what
/// is wrong, never the value.
/// </summary>
internal sealed class OptionsValidator(string merchant, string sectionPath) : IValidateOptions<WeChatPayOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatPayOptions options)
    {
        if ((name ?? Options.DefaultName) != merchant)
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            Builder.Validate(Merchants.Map(options));
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            var key = e.ParamName is { Length: > 0 } option ? $"{sectionPath}:{option}" : sectionPath;
            return ValidateOptionsResult.Fail($"{key}: {Message(e)}");
        }
    }

    /// <summary>The exception's own sentence, without the " (Parameter 'x')" .NET appends.</summary>
    private static string Message(ArgumentException e) =>
        e.ParamName is { } option && e.Message.EndsWith($" (Parameter '{option}')", StringComparison.Ordinal) ? e.Message[..^$" (Parameter '{option}')".Length] : e.Message;
}
