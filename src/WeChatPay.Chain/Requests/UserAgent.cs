using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace WeChatPay.Chain;

/// <summary>The <c>User-Agent</c> the platform requires: this library and its version, Flurl.Http's, the runtime and OS.</summary>
internal static class UserAgent
{
    public static readonly string Value = Build();

    private static string Build()
    {
        var library = Version(typeof(UserAgent).Assembly);
        var flurl = Version(typeof(Flurl.Http.FlurlClient).Assembly);
        var text = $"WeChatPay.Chain/{library} Flurl.Http/{flurl} ({RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription}; {RuntimeInformation.ProcessArchitecture})";

        // A header value is ASCII without control characters; an OS description need not be.
        var ascii = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            ascii.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return ascii.ToString();
    }

    private static string Version(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0";
    }
}
