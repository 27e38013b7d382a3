using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// Signs answers as the platform does: <c>TIMESTAMP\nNONCE\nBODY\n</c> with the platform certificate's key or the
/// WeChat Pay public key's, and the four <c>Wechatpay-*</c> headers; or breaks them on purpose for a fault.
/// </summary>
internal sealed class ResponseSigner(Credentials credentials, TimeProvider time)
{
    public void Sign(IDictionary<string, string> headers, byte[] body, SigningMode mode, Fault? fault)
    {
        if (fault is Fault.NoSignatureHeaders)
        {
            return;
        }

        var (key, serial) = mode == SigningMode.PublicKey
            ? (credentials.PublicKey, credentials.PublicKeyId)
            : (credentials.PlatformKey, credentials.PlatformSerial);
        var seconds = time.GetUtcNow().ToUnixTimeSeconds() - (fault is Fault.StaleTimestamp ? 600 : 0);
        var timestamp = seconds.ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        if (fault is Fault.WrongKey or Fault.UnknownSerial)
        {
            // The platform's other key: not the one the serial names, and already made (generating one mid-call is slow).
            key = mode == SigningMode.PublicKey ? credentials.PlatformKey : credentials.PublicKey;
        }

        if (fault is Fault.UnknownSerial)
        {
            serial = "PUB_KEY_ID_0999999999999999999999999999";
        }

        if (credentials.Sm2MerchantKey is not null)
        {
            SignSm2(headers, body, mode, fault, timestamp, nonce, serial);
            return;
        }

        var signature = key.SignData(Message($"{timestamp}\n{nonce}\n", body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (fault is Fault.BadSignature)
        {
            signature[^1] ^= 0x01;
        }

        headers["Wechatpay-Timestamp"] = timestamp;
        headers["Wechatpay-Nonce"] = nonce;
        headers["Wechatpay-Signature"] = fault is Fault.SignatureProbe ? "WECHATPAY/SIGNTEST/" + Convert.ToBase64String(signature) : Convert.ToBase64String(signature);
        headers["Wechatpay-Serial"] = serial;
    }

    /// <summary>国密 mode: SM3withSM2 with the SM2 public key or platform key, and <c>Wechatpay-Signature-Type</c> naming the scheme.</summary>
    private void SignSm2(IDictionary<string, string> headers, byte[] body, SigningMode mode, Fault? fault, string timestamp, string nonce, string serial)
    {
        var usePublicKey = mode == SigningMode.PublicKey ^ fault is Fault.WrongKey or Fault.UnknownSerial;
        var key = usePublicKey ? credentials.Sm2PublicKey! : credentials.Sm2PlatformKey!;
        if (mode == SigningMode.PlatformCertificate && fault is not Fault.UnknownSerial)
        {
            serial = credentials.Sm2PlatformSerial!;
        }

        var signature = Convert.FromBase64String(Sm2.Sign(Encoding.UTF8.GetString(Message($"{timestamp}\n{nonce}\n", body)), key));
        if (fault is Fault.BadSignature)
        {
            signature[^1] ^= 0x01;
        }

        headers["Wechatpay-Timestamp"] = timestamp;
        headers["Wechatpay-Nonce"] = nonce;
        headers["Wechatpay-Signature"] = fault is Fault.SignatureProbe ? "WECHATPAY/SIGNTEST/" + Convert.ToBase64String(signature) : Convert.ToBase64String(signature);
        headers["Wechatpay-Serial"] = serial;
        headers["Wechatpay-Signature-Type"] = Formatter.Sm2AuthorizationScheme;
    }

    /// <summary>A signed message over raw body bytes: <paramref name="head"/>, the body as received or sent, and a final <c>\n</c>.</summary>
    internal static byte[] Message(string head, byte[] body)
    {
        var headBytes = Encoding.UTF8.GetBytes(head);
        var message = new byte[headBytes.Length + body.Length + 1];
        headBytes.CopyTo(message, 0);
        body.CopyTo(message, headBytes.Length);
        message[^1] = (byte)'\n';
        return message;
    }
}
