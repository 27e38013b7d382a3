using System.Buffers;

namespace WeChatPay.Chain;

/// <summary>
/// A header name of option <c>headers</c> must be an HTTP token. It is checked here, before anything is signed or
/// sent, because .NET's own refusal quotes the name, and a key pasted into the wrong place would be quoted with it.
/// </summary>
internal static class HeaderName
{
    private static readonly SearchValues<char> Token = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static void Check(string name)
    {
        if (name.Length == 0 || name.AsSpan().ContainsAnyExcept(Token))
        {
            throw new ArgumentException(
                $"Option \"headers\" has a name that is not an HTTP token ({Describe.Value(name)}): a header name is letters, digits and !#$%&'*+-.^_`|~ only.",
                "headers");
        }
    }
}
