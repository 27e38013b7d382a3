using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WeChatPay.Chain.Tests.Support;

/// <summary>
/// Reads an <c>Authorization</c> header as the platform would and checks its signature with the merchant public key
/// over a message the test builds itself from the expected method, target and body.
/// </summary>
internal sealed partial class SentRequest
{
    private SentRequest(IReadOnlyDictionary<string, string> parameters) => Parameters = parameters;

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public string Timestamp => Parameters["timestamp"];

    public string Nonce => Parameters["nonce_str"];

    public static SentRequest Parse(string authorization)
    {
        Assert.That(authorization, Does.StartWith("WECHATPAY2-SHA256-RSA2048 "));
        var parameters = new Dictionary<string, string>();
        foreach (Match match in Parameter().Matches(authorization["WECHATPAY2-SHA256-RSA2048 ".Length..]))
        {
            parameters.Add(match.Groups[1].Value, match.Groups[2].Value);
        }

        Assert.That(parameters.Keys, Is.EquivalentTo(new[] { "mchid", "serial_no", "timestamp", "nonce_str", "signature" }));
        return new SentRequest(parameters);
    }

    /// <summary>Asserts the signature verifies over <c>METHOD\nTARGET\nTIMESTAMP\nNONCE\nBODY\n</c> with the merchant public key.</summary>
    public void AssertSigned(string method, string target, string body)
    {
        var message = method + "\n" + target + "\n" + Timestamp + "\n" + Nonce + "\n" + body + "\n";
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(TestKeys.MerchantPublicPem);
        var verified = publicKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(Parameters["signature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.That(verified, Is.True, $"signature does not verify over:\n{message}");
    }

    [GeneratedRegex("(\\w+)=\"([^\"]*)\",?")]
    private static partial Regex Parameter();
}
