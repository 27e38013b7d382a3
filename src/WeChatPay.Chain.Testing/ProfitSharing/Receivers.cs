using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// <c>POST /v3/profitsharing/receivers/add</c>: its <c>name</c> is a sensitive field, encrypted with the platform key
/// that the request's <c>Wechatpay-Serial</c> names; a missing or wrong serial, or a name that does not decrypt, is
/// a <c>PARAM_ERROR</c>. The answer's <c>name</c> is encrypted to the merchant key.
/// </summary>
internal sealed class Receivers(Credentials credentials, ProfitSharingLedger ledger)
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "MERCHANT_ID", "PERSONAL_OPENID", "PERSONAL_SUB_OPENID" };
    private static readonly HashSet<string> Relations = new(StringComparer.Ordinal)
    {
        "STORE", "STAFF", "STORE_OWNER", "PARTNER", "HEADQUARTER", "BRAND", "DISTRIBUTOR", "USER", "SUPPLIER", "SERVICE_PROVIDER", "CUSTOM",
    };

    public JObject Add(JObject body, string? serial)
    {
        var type = ReturnOrders.Required(body, "type", 32);
        if (!Types.Contains(type))
        {
            throw PlatformError.Param($"type 取值错误: {type} (MERCHANT_ID, PERSONAL_OPENID or PERSONAL_SUB_OPENID)", "type");
        }

        var account = ReturnOrders.Required(body, "account", 64);
        var relation = ReturnOrders.Required(body, "relation_type", 32);
        if (!Relations.Contains(relation))
        {
            throw PlatformError.Param($"relation_type 取值错误: {relation}", "relation_type");
        }

        var custom = ReturnOrders.Optional(body, "custom_relation", 10);
        if (relation == "CUSTOM" && custom is null)
        {
            throw PlatformError.Param("relation_type 为 CUSTOM 时 custom_relation 必填", "custom_relation");
        }

        var sealedName = ReturnOrders.Optional(body, "name", 1024);
        if (type == "MERCHANT_ID" && sealedName is null)
        {
            throw PlatformError.Param("type 为 MERCHANT_ID 时 name 必填 (the merchant's full name, encrypted)", "name");
        }

        string? name = null;
        if (sealedName is not null)
        {
            name = Open(sealedName, serial);
        }

        ledger.AddReceiver(account, type, name);
        var answer = new JObject { ["type"] = type, ["account"] = account, ["relation_type"] = relation };
        if (ReturnOrders.Optional(body, "sub_mchid", 32) is { } subMchid)
        {
            answer.AddFirst(new JProperty("sub_mchid", subMchid));
        }

        if (name is not null)
        {
            answer["name"] = credentials.Sm2MerchantKey is { } sm2
                ? Sm2.Encrypt(name, sm2.PublicKey)
                : Convert.ToBase64String(credentials.MerchantKey.Encrypt(Encoding.UTF8.GetBytes(name), RSAEncryptionPadding.OaepSHA1));
        }

        if (custom is not null)
        {
            answer["custom_relation"] = custom;
        }

        return answer;
    }

    /// <summary>
    /// Opens a sensitive field with the private half of the key <paramref name="serial"/> names: RSA-OAEP for the RSA
    /// keys, SM2 C1C3C2 ASN.1 for the SM2 ones (国密 mode).
    /// </summary>
    private string Open(string sealedValue, string? serial)
    {
        var sm2 = credentials.Sm2MerchantKey is not null;
        (RSA? Rsa, Sm2PrivateKey? Sm2) key = serial switch
        {
            null or "" => throw PlatformError.Param("name 是敏感信息，请求需带 Wechatpay-Serial 头 (an encrypted field needs the Wechatpay-Serial header)", "Wechatpay-Serial"),
            _ when serial == credentials.PublicKeyId => sm2 ? (null, credentials.Sm2PublicKey) : (credentials.PublicKey, null),
            _ when serial.Equals(credentials.PlatformSerial, StringComparison.OrdinalIgnoreCase) => (credentials.PlatformKey, null),
            _ when sm2 && serial.Equals(credentials.Sm2PlatformSerial, StringComparison.OrdinalIgnoreCase) => (null, credentials.Sm2PlatformKey),
            _ => throw PlatformError.Param($"Wechatpay-Serial {serial} 不是平台的证书或公钥 (names no key of this platform)", "Wechatpay-Serial"),
        };
        try
        {
            return key.Sm2 is { } sm2Key
                ? Sm2.Decrypt(sealedValue, sm2Key)
                : Encoding.UTF8.GetString(key.Rsa!.Decrypt(Convert.FromBase64String(sealedValue), RSAEncryptionPadding.OaepSHA1));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw PlatformError.Param($"name 解密失败: 请用 Wechatpay-Serial 对应的公钥以 {(key.Sm2 is null ? "RSA-OAEP" : "SM2 (C1C3C2 ASN.1)")} 加密 (does not decrypt with the key Wechatpay-Serial names)", "name");
        }
    }
}
