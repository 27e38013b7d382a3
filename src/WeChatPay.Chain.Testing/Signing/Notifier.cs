using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// Makes the notifications the platform POSTs to merchants: the resource encrypted with the APIv3 key
/// (AEAD_AES_256_GCM, or AEAD_SM4_GCM in 国密 mode), the body signed like an answer in the platform's current <see cref="SigningMode"/>; and
/// APIv2 refund notifications with <c>req_info</c>. A fault makes a tampered one.
/// </summary>
public sealed class Notifier
{
    private readonly Credentials _credentials;
    private readonly Func<SigningMode> _mode;
    private readonly TimeProvider _time;
    private readonly ResponseSigner _signer;

    internal Notifier(Credentials credentials, Func<SigningMode> mode, TimeProvider time)
    {
        _credentials = credentials;
        _mode = mode;
        _time = time;
        _signer = new ResponseSigner(credentials, time);
    }

    /// <summary>An APIv3 notification of <paramref name="eventType"/> carrying <paramref name="resource"/>.</summary>
    /// <param name="eventType"><c>TRANSACTION.SUCCESS</c>, <c>REFUND.SUCCESS</c>, …</param>
    /// <param name="resource">What the resource decrypts to (an object, serialised as JSON, or JSON text).</param>
    /// <param name="originalType">The resource's <c>original_type</c>, also its associated data.</param>
    /// <param name="summary">The summary.</param>
    /// <param name="fault">A signature fault (<see cref="Fault.BadSignature"/>, <see cref="Fault.WrongKey"/>, <see cref="Fault.StaleTimestamp"/>, <see cref="Fault.UnknownSerial"/>, <see cref="Fault.SignatureProbe"/>, <see cref="Fault.NoSignatureHeaders"/>).</param>
    public PlatformNotification Create(string eventType, object resource, string originalType = "transaction", string summary = "支付成功", Fault? fault = null)
    {
        var plaintext = resource as string ?? JsonConvert.SerializeObject(resource);
        var nonce = RandomNumberGenerator.GetString("0123456789abcdefghijklmnopqrstuvwxyz", 12);
        var (algorithm, ciphertext) = _credentials.SealResource(plaintext, nonce, originalType, sm4: _credentials.Sm2MerchantKey is not null);
        var body = new JObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["create_time"] = _time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = eventType,
            ["summary"] = summary,
            ["resource"] = new JObject
            {
                ["original_type"] = originalType,
                ["algorithm"] = algorithm,
                ["ciphertext"] = ciphertext,
                ["associated_data"] = originalType,
                ["nonce"] = nonce,
            },
        }.ToString(Formatting.None);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Request-ID"] = Guid.NewGuid().ToString("N").ToUpperInvariant() };
        _signer.Sign(headers, Encoding.UTF8.GetBytes(body), _mode(), fault);
        return new PlatformNotification(headers, body);
    }

    /// <summary>An APIv2 refund notification: <c>req_info</c> is <paramref name="fields"/> in <c>&lt;root&gt;</c>, AES-256-ECB under the MD5 of the APIv2 key.</summary>
    /// <param name="fields">What <c>req_info</c> decrypts to: <c>out_refund_no</c>, <c>refund_status</c>, …</param>
    public string CreateRefund(IReadOnlyDictionary<string, string> fields)
    {
        var inner = new StringBuilder("<root>");
        foreach (var (name, value) in fields)
        {
            inner.Append('<').Append(name).Append("><![CDATA[").Append(value).Append("]]></").Append(name).Append('>');
        }

        using var aes = Aes.Create();
        aes.Key = Encoding.ASCII.GetBytes(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(_credentials.ApiV2Key))).ToLowerInvariant());
        var info = Convert.ToBase64String(aes.EncryptEcb(Encoding.UTF8.GetBytes(inner.Append("</root>").ToString()), PaddingMode.PKCS7));
        return $"<xml><return_code>SUCCESS</return_code><appid><![CDATA[wx2421b1c4370ec43b]]></appid><mch_id><![CDATA[{_credentials.Mchid}]]></mch_id><nonce_str><![CDATA[{Guid.NewGuid():N}]]></nonce_str><req_info><![CDATA[{info}]]></req_info></xml>";
    }
}

/// <summary>A notification as the platform sends it: its headers and its raw body.</summary>
/// <param name="Headers">The <c>Wechatpay-*</c> headers (and <c>Request-ID</c>).</param>
/// <param name="Body">The JSON body.</param>
public sealed record PlatformNotification(IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>POSTs it to <paramref name="endpoint"/>, as the platform delivers notifications.</summary>
    /// <param name="endpoint">The merchant's notify URL.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public async Task<HttpResponseMessage> PostAsync(Uri endpoint, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/4.0");
        return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
