using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Crypto;
using WeChatPay.Chain.Pipeline;

namespace WeChatPay.Chain;

/// <summary>
/// Reads the notifications (回调通知) WeChat Pay POSTs to your server, with the keys of an instance built by
/// <see cref="Builder.Factory"/>: verified exactly like a response (same headers, same 300 s window, same serial
/// lookup, the <c>WECHATPAY/SIGNTEST/</c> probe refused), then decrypted with <see cref="BuilderOptions.ApiV3Key"/>:
/// AEAD_AES_256_GCM, or AEAD_SM4_GCM for a 国密 merchant, as the resource's <c>algorithm</c> names.
/// </summary>
public static class Notification
{

    /// <summary>Verifies and decrypts an APIv3 notification.</summary>
    /// <param name="instance">The instance whose <c>Certs</c> and <c>ApiV3Key</c> apply (a <c>dynamic</c> one works).</param>
    /// <param name="header">Reads a request header by name (any case), e.g. <c>name =&gt; request.Headers[name]</c>.</param>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <exception cref="NotificationRejectedException">A check failed; do not act on it.</exception>
    /// <exception cref="InvalidOperationException">The instance has no APIv3 keys or no <c>ApiV3Key</c>.</exception>
    public static Notice Parse(IChainNode instance, Func<string, string?> header, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(body);
        var identity = IdentityOf(instance);
        var check = identity.Check ?? throw new InvalidOperationException("Notifications are verified with the APIv3 keys: set Serial, PrivateKey and Certs in BuilderOptions.");
        var key = identity.ApiV3Key ?? throw new InvalidOperationException("Notifications are decrypted with the APIv3 key: set ApiV3Key in BuilderOptions.");
        var serial = check.Check(header, body, Rejections.Instance);

        JObject envelope;
        try
        {
            envelope = Json.Parse(Encoding.UTF8.GetString(body)) as JObject ?? throw new JsonReaderException("not a JSON object");
        }
        catch (JsonException e)
        {
            throw new NotificationRejectedException(NotificationRejection.Malformed, "The notification body is not a JSON object.", e);
        }

        if (envelope["resource"] is not JObject resource || Json.Text(resource, "ciphertext") is not { } ciphertext)
        {
            throw new NotificationRejectedException(NotificationRejection.Malformed, "The notification has no resource.ciphertext text.");
        }

        var algorithm = Json.Text(resource, "algorithm");
        var nonce = Json.Text(resource, "nonce");
        var associatedData = Json.Text(resource, "associated_data");
        if (algorithm is null ? resource["algorithm"] is not null : !Crypto.SealedResource.IsKnown(algorithm))
        {
            throw new NotificationRejectedException(NotificationRejection.Malformed, $"The resource is encrypted with {(algorithm is null ? "an algorithm that is not text" : Excerpt.Of(algorithm, Excerpt.TokenLength))}; this library decrypts {Crypto.SealedResource.Names}.");
        }

        if ((nonce is null && resource["nonce"] is not null) || (associatedData is null && resource["associated_data"] is not null))
        {
            throw new NotificationRejectedException(NotificationRejection.Malformed, "The resource's nonce and associated_data must be text.");
        }

        try
        {
            var plaintext = Crypto.SealedResource.Open(algorithm ?? Crypto.SealedResource.AesGcmName, ciphertext, key, nonce ?? string.Empty, associatedData ?? string.Empty);
            return new Notice(envelope, plaintext, serial);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new NotificationRejectedException(NotificationRejection.Undecryptable, "The resource does not decrypt with the APIv3 key: the key is not this merchant's, or the notification was altered.", e);
        }
    }

    /// <summary>
    /// Verifies and decrypts an APIv3 notification, first refreshing the platform certificates (at most once a
    /// minute) when it names a serial not yet known and <see cref="BuilderOptions.AutoRenewCertificates"/> is on.
    /// </summary>
    /// <param name="instance">The instance whose <c>Certs</c> and <c>ApiV3Key</c> apply.</param>
    /// <param name="header">Reads a request header by name (any case).</param>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <exception cref="NotificationRejectedException">A check failed; do not act on it.</exception>
    public static async Task<Notice> ParseAsync(IChainNode instance, Func<string, string?> header, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(header);
        var identity = IdentityOf(instance);
        Exception? renewal = null;
        if (identity.Renewer is { } renewer && identity.Check is { } check && header("Wechatpay-Serial") is { } serial && !check.Knows(serial))
        {
            try
            {
                await renewer.RefreshAsync().ConfigureAwait(false);
                renewal = renewer.LastError;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                renewal = e;
            }
        }

        try
        {
            return Parse(instance, header, body);
        }
        catch (NotificationRejectedException unknown) when (unknown.Reason == NotificationRejection.UnknownSerial && renewal is not null)
        {
            throw new NotificationRejectedException(NotificationRejection.UnknownSerial, unknown.Message + " Downloading the platform certificates to learn it failed; see the inner exception.", renewal);
        }
    }

    /// <summary>Verifies and decrypts an APIv3 notification whose body was read as text.</summary>
    /// <param name="instance">The instance whose <c>Certs</c> and <c>ApiV3Key</c> apply.</param>
    /// <param name="headers">The request headers (any case).</param>
    /// <param name="body">The raw request body.</param>
    /// <exception cref="NotificationRejectedException">A check failed; do not act on it.</exception>
    public static Notice Parse(IChainNode instance, IEnumerable<KeyValuePair<string, string>> headers, string body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(body);
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            lookup[name] = value;
        }

        return Parse(instance, name => lookup.GetValueOrDefault(name), Encoding.UTF8.GetBytes(body));
    }

    /// <summary>
    /// Decrypts an APIv2 refund notification: checks <c>return_code</c> and <c>mch_id</c>, and decrypts
    /// <c>req_info</c> (AES-256-ECB keyed by the MD5 of <see cref="BuilderOptions.Secret"/>).
    /// </summary>
    /// <param name="instance">The instance whose <c>Mchid</c> and <c>Secret</c> apply.</param>
    /// <param name="xml">The raw request body.</param>
    /// <returns>The fields of <c>req_info</c>: <c>out_refund_no</c>, <c>refund_status</c>, …</returns>
    /// <exception cref="NotificationRejectedException">It is malformed, for another merchant, or does not decrypt.</exception>
    public static IReadOnlyDictionary<string, string> ParseRefund(IChainNode instance, string xml)
    {
        var identity = IdentityOf(instance);
        var secret = identity.Secret ?? throw new InvalidOperationException("APIv2 refund notifications are decrypted with the APIv2 key: set Secret in BuilderOptions.");
        Dictionary<string, string> outer;
        try
        {
            outer = Transformer.ToDictionary(xml);
        }
        catch (XmlException e)
        {
            throw new NotificationRejectedException(NotificationRejection.Malformed, $"The refund notification is not APIv2 XML this library accepts: {e.Message}", e);
        }

        if (outer.GetValueOrDefault("return_code") != "SUCCESS" || outer.GetValueOrDefault("req_info") is not { Length: > 0 } info)
        {
            throw new NotificationRejectedException(NotificationRejection.Malformed, $"The refund notification carries no req_info (return_code {outer.GetValueOrDefault("return_code")}: {outer.GetValueOrDefault("return_msg")}).");
        }

        if (outer.GetValueOrDefault("mch_id") is { } mchid && mchid != identity.Mchid)
        {
            throw new NotificationRejectedException(NotificationRejection.Malformed, $"The refund notification is for merchant {mchid}, not {identity.Mchid}.");
        }

        string plain;
        try
        {
            plain = AesEcb.Decrypt(info, AesEcb.RefundKey(secret));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new NotificationRejectedException(NotificationRejection.Undecryptable, "req_info does not decrypt with the APIv2 key.", e);
        }

        try
        {
            return Transformer.ToDictionary(plain, root: "root");
        }
        catch (XmlException e)
        {
            throw new NotificationRejectedException(NotificationRejection.Undecryptable, "req_info decrypted to something that is not its XML.", e);
        }
    }

    private static Identity IdentityOf(IChainNode instance) =>
        (instance ?? throw new ArgumentNullException(nameof(instance))) is ChainNode node
            ? node.Client.Identity
            : throw new ArgumentException("Pass the instance Builder.Factory returned.", nameof(instance));

    private sealed class Rejections : SignatureCheck.IRejections
    {
        public static readonly Rejections Instance = new();

        public Exception HeadersMissing(IReadOnlyList<string> missing) =>
            new NotificationRejectedException(NotificationRejection.HeadersMissing, $"The notification is not signed: it lacks {string.Join(", ", missing)}.");

        public Exception Duplicated(string header) =>
            new NotificationRejectedException(NotificationRejection.DuplicateHeader, $"The notification carries {header} more than once; a signed notification carries each signature header once.");

        public Exception Timestamp(string timestamp, TimeSpan? offBy, TimeSpan window) =>
            new NotificationRejectedException(NotificationRejection.Timestamp, offBy is { } off
                ? $"The notification's Wechatpay-Timestamp {Excerpt.Of(timestamp, Excerpt.TokenLength)} is {Math.Abs((long)off.TotalSeconds)} s from this clock; at most {(long)window.TotalSeconds} s is accepted."
                : $"The notification's Wechatpay-Timestamp \"{Excerpt.Of(timestamp, Excerpt.TokenLength)}\" is not unix seconds.");

        public Exception UnknownSerial(string serial, IReadOnlyList<string> known) =>
            new NotificationRejectedException(NotificationRejection.UnknownSerial, $"The notification is signed with Wechatpay-Serial {Excerpt.Of(serial, Excerpt.TokenLength)}, which is not configured; the known serials are {string.Join(", ", known)}.");

        public Exception Probe(string serial) =>
            new NotificationRejectedException(NotificationRejection.SignatureProbe, "The notification carries the platform's WECHATPAY/SIGNTEST/ probe signature, never a real one: reject it.");

        public Exception BadSignature(string serial) =>
            new NotificationRejectedException(NotificationRejection.BadSignature, $"The notification's signature does not verify with the key for {Excerpt.Of(serial, Excerpt.TokenLength)}.");
    }
}
