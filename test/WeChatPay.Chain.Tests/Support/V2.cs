using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace WeChatPay.Chain.Tests.Support;

/// <summary>APIv2 signing and XML as the platform does them, written here from PROTOCOL.md without the library's code.</summary>
internal static class V2
{
    public const string Secret = "192006250b4c09247ec02edce69f6a2d";

    public static string Sign(IReadOnlyDictionary<string, string> fields, string type, string secret = Secret)
    {
        var text = string.Join("&", fields.Where(f => f.Key != "sign" && f.Value.Length > 0).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")) + "&key=" + secret;
        var bytes = type == "MD5" ? MD5.HashData(Encoding.UTF8.GetBytes(text)) : HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(bytes);
    }

    /// <summary>An answer with <paramref name="fields"/> and their sign (unless <paramref name="signType"/> is null).</summary>
    public static string Answer(Dictionary<string, string> fields, string? signType = "MD5", string secret = Secret)
    {
        if (signType is not null)
        {
            fields["sign"] = Sign(fields, signType, secret);
        }

        return new XElement("xml", fields.Select(f => new XElement(f.Key, f.Value))).ToString(SaveOptions.DisableFormatting);
    }

    public static Dictionary<string, string> Parse(string xml) =>
        XElement.Parse(xml).Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);

    public static BuilderOptions Options(FixedTime? time = null)
    {
        var options = new BuilderOptions { Mchid = "10000100", Secret = Secret, TimeProvider = time };
        return options;
    }
}
