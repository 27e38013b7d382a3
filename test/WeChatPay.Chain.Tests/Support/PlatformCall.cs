using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Support;

/// <summary>
/// A request to the fake platform built by hand, without the library: correctly signed unless the test changes one
/// part of it, so each of the platform's checks can be tripped alone.
/// </summary>
internal sealed record PlatformCall(string Method, string Target, string Body = "")
{
    public string Scheme { get; init; } = "WECHATPAY2-SHA256-RSA2048";

    public string? Mchid { get; init; }

    public string? Serial { get; init; }

    public long? Timestamp { get; init; }

    public string Nonce { get; init; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>What is signed in place of the target (to sign one target and send another).</summary>
    public string? SignedTarget { get; init; }

    /// <summary>What is signed in place of the body.</summary>
    public string? SignedBody { get; init; }

    public RSA? Key { get; init; }

    public string? UserAgent { get; init; } = "WeChatPay.Chain.Tests";

    /// <summary>Rewrites the parameter list after signing (drop or add one).</summary>
    public Func<string, string>? Parameters { get; init; }

    public async Task<(int Status, JObject Body)> SendAsync(FakePlatform platform)
    {
        var credentials = platform.Credentials;
        var timestamp = (Timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = $"{Method}\n{SignedTarget ?? Target}\n{timestamp}\n{Nonce}\n{SignedBody ?? Body}\n";
        var signature = Convert.ToBase64String((Key ?? credentials.MerchantKey).SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var parameters = $"mchid=\"{Mchid ?? credentials.Mchid}\",serial_no=\"{Serial ?? credentials.MerchantSerial}\",timestamp=\"{timestamp}\",nonce_str=\"{Nonce}\",signature=\"{signature}\"";
        using var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(platform.HttpBaseUri, Target));
        request.Headers.TryAddWithoutValidation("Authorization", $"{Scheme} {(Parameters ?? (p => p))(parameters)}");
        if (UserAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        if (Method != "GET")
        {
            request.Content = new StringContent(Body, Encoding.UTF8, "application/json");
        }

        using var client = new HttpClient();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JObject.Parse(text));
    }
}
