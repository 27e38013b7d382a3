using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// Judges an APIv3 request the way the platform does: a <c>User-Agent</c>; the <c>Authorization</c> scheme and its
/// five parameters; the merchant id and serial; the timestamp within 300 s; a fresh nonce; and the RSA signature (SM2
/// in 国密 mode) over the request-target exactly as received and the raw body. Written from the protocol, not from the client.
/// </summary>
internal sealed partial class SignatureJudge(Credentials credentials, TimeProvider time, bool rejectReplays)
{
    private static readonly string[] Parameters = ["mchid", "serial_no", "timestamp", "nonce_str", "signature"];
    private readonly ConcurrentDictionary<string, long> _nonces = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Nonce, long Seen)> _expiry = new();

    /// <summary>Throws the platform's answer when the request is refused.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="body">The signed body: the raw body, or a media upload's <c>meta</c> part.</param>
    public void Judge(PlatformRequest request, byte[] body)
    {
        if (!request.Headers.TryGetValue("User-Agent", out var agent) || string.IsNullOrWhiteSpace(agent))
        {
            throw new PlatformError(400, "INVALID_REQUEST", "Http头缺少User-Agent (the platform requires a User-Agent header)");
        }

        // A 国密 merchant's serial names its SM2 certificate: it signs with SM2 and nothing else, and likewise for RSA.
        var scheme = credentials.Sm2MerchantKey is null ? "WECHATPAY2-SHA256-RSA2048" : "WECHATPAY2-SM2-WITH-SM3";
        var authorization = request.Headers.GetValueOrDefault("Authorization") ?? string.Empty;
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || authorization[..space] != scheme)
        {
            throw Sign($"Authorization must use the {scheme} scheme");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in authorization[(space + 1)..].Split(','))
        {
            var match = Parameter().Match(part.Trim());
            if (!match.Success || !values.TryAdd(match.Groups[1].Value, match.Groups[2].Value))
            {
                throw Sign($"Authorization parameter '{part.Trim()}' is not name=\"value\" or is repeated");
            }
        }

        var missing = Parameters.Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0 || values.Count != Parameters.Length)
        {
            throw Sign($"Authorization must carry exactly {string.Join(", ", Parameters)}; missing {string.Join(", ", missing)}");
        }

        if (values["mchid"] != credentials.Mchid)
        {
            throw Sign($"mchid {values["mchid"]} is not the merchant this platform serves ({credentials.Mchid})");
        }

        if (!string.Equals(values["serial_no"], credentials.MerchantSerial, StringComparison.OrdinalIgnoreCase))
        {
            throw Sign($"serial_no {values["serial_no"]} is not the merchant's API certificate serial");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (!long.TryParse(values["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || Math.Abs(now - timestamp) > 300)
        {
            throw Sign($"timestamp {values["timestamp"]} is more than 300 s from the platform's time {now}");
        }

        var nonce = values["nonce_str"];
        if (nonce.Length is 0 or > 32)
        {
            throw Sign("nonce_str must be 1 to 32 characters");
        }

        var head = $"{request.Method}\n{request.RawTarget}\n{values["timestamp"]}\n{nonce}\n";
        if (!Verifies(head, body, values["signature"]))
        {
            throw Sign("the signature does not verify with the merchant's public key", new JObject { ["expected_message"] = head + System.Text.Encoding.UTF8.GetString(body) + "\n" });
        }

        if (rejectReplays)
        {
            Remember(nonce, now);
        }
    }

    /// <summary>Refuses a nonce seen in the last 10 minutes (twice the window), forgetting older ones in arrival order.</summary>
    private void Remember(string nonce, long now)
    {
        while (_expiry.TryPeek(out var oldest) && now - oldest.Seen > 600 && _expiry.TryDequeue(out oldest))
        {
            _nonces.TryRemove(oldest.Nonce, out _);
        }

        if (!_nonces.TryAdd(nonce, now))
        {
            throw Sign($"nonce_str {nonce} was already used: each attempt must be signed afresh");
        }

        _expiry.Enqueue((nonce, now));
    }

    /// <summary>The body is signed as the raw bytes that arrived, so the message is built from them, not from decoded text.</summary>
    private bool Verifies(string head, byte[] body, string signature)
    {
        var signed = ResponseSigner.Message(head, body);
        if (credentials.Sm2MerchantKey is { } sm2)
        {
            return WeChatPay.Chain.Crypto.Sm2.Verify(signed, signature, sm2.PublicKey);
        }

        var raw = new byte[512];
        return Convert.TryFromBase64String(signature, raw, out var length)
            && credentials.MerchantKey.VerifyData(signed, raw.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static PlatformError Sign(string reason, JObject? detail = null)
    {
        detail ??= [];
        detail["reason"] = reason;
        return new PlatformError(401, "SIGN_ERROR", "签名错误: " + reason, detail);
    }

    [GeneratedRegex("^([a-z_]+)=\"([^\"]*)\"$")]
    private static partial Regex Parameter();
}
