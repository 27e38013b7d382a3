using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// Judges an APIv2 request as the platform does: the merchant certificate on the connection for <c>secapi/</c>
/// paths and the operations the catalogue marks (issued by the platform's CA to this merchant), XML with no DTD
/// (the query of a GET, the text parts of an upload), <c>mch_id</c>, <c>nonce_str</c>,
/// <c>sign_type</c> (HMAC-SHA256 where required), and the <c>sign</c> with the APIv2 key. Written from the protocol,
/// not from the client. A refusal is a <c>return_code FAIL</c> answer.
/// </summary>
internal sealed class V2Judge(Credentials credentials)
{
    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>Paths where only HMAC-SHA256 is accepted.</summary>
    public static readonly HashSet<string> HmacOnly = new(StringComparer.Ordinal) { "/secapi/pay/profitsharingreturn" };

    /// <summary>Paths whose answers carry no <c>sign</c> (transfers, red packets, bill downloads, the sandbox key, …).</summary>
    public static readonly HashSet<string> Unsigned = new(StringComparer.Ordinal)
    {
        "/mmpaymkttransfers/promotion/transfers",
        "/mmpaymkttransfers/sendredpack",
        "/mmpaymkttransfers/sendgroupredpack",
        "/mmpaymkttransfers/sendminiprogramhb",
        "/mmpaymkttransfers/gethbinfo",
        "/mmpaymkttransfers/gettransferinfo",
        "/mmpaysptrans/pay_bank",
        "/mmpaysptrans/query_bank",
        "/mmpaymkttransfers/pay_bank",
        "/mmpaymkttransfers/query_bank",
        "/pay/downloadbill",
        "/pay/downloadfundflow",
        "/risk/getpublickey",
        "/papay/h5entrustweb",
        "/papay/entrustweb",
        "/papay/partner/entrustweb",
        "/xdc/apiv2getsignkey/sign/getsignkey",
        "/sandboxnew/pay/getsignkey",
    };

    /// <summary>The request's fields once judged good; throws <see cref="V2Refusal"/> otherwise.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="clientCertificate">The certificate the client presented on the connection, if any.</param>
    /// <param name="certificateRequired">Whether the catalogue says the operation needs it (<c>secapi/</c> paths always do).</param>
    /// <param name="form">The text parts of a <c>multipart/form-data</c> body, which carry the fields of an upload.</param>
    public Dictionary<string, string> Judge(PlatformRequest request, X509Certificate2? clientCertificate, bool certificateRequired, IReadOnlyDictionary<string, string>? form)
    {
        if (certificateRequired || request.Path.StartsWith("/secapi/", StringComparison.Ordinal))
        {
            if (clientCertificate is null)
            {
                throw new V2Refusal("证书不存在: this API needs the merchant API certificate on the connection");
            }

            if (!IssuedToMerchant(clientCertificate))
            {
                throw new V2Refusal("证书错误: the certificate on the connection was not issued to this merchant by the platform");
            }
        }

        var fields = request.Method == "GET" ? request.Query() : form is not null ? new Dictionary<string, string>(form, StringComparer.Ordinal) : Parse(request.Body);
        if (fields.GetValueOrDefault("mch_id") is { } mchid && mchid != credentials.Mchid)
        {
            throw new V2Refusal($"mch_id参数错误: {mchid} is not the merchant this platform serves");
        }

        if (fields.GetValueOrDefault("nonce_str") is not { Length: > 0 and <= 32 })
        {
            throw new V2Refusal("nonce_str 缺失或超过32位 (1 to 32 characters required)");
        }

        var signType = fields.GetValueOrDefault("sign_type") ?? "MD5";
        if (signType is not ("MD5" or "HMAC-SHA256") || (HmacOnly.Contains(request.Path) && signType != "HMAC-SHA256"))
        {
            throw new V2Refusal($"签名类型错误: sign_type {signType} is not accepted here{(HmacOnly.Contains(request.Path) ? "; this API requires HMAC-SHA256" : string.Empty)}");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(fields, signType)), Encoding.ASCII.GetBytes(fields.GetValueOrDefault("sign") ?? string.Empty)))
        {
            throw new V2Refusal("签名错误: the sign does not verify with the merchant's APIv2 key");
        }

        return fields;
    }

    /// <summary>The APIv2 sign: sorted non-empty fields but <c>sign</c>, <c>&amp;key=</c>, MD5 or HMAC-SHA256, upper-case hex.</summary>
    public string Sign(IReadOnlyDictionary<string, string> fields, string signType, string? key = null)
    {
        key ??= credentials.ApiV2Key;
        var text = string.Join('&', fields.Where(f => f.Key != "sign" && f.Value.Length > 0).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)) + "&key=" + key;
        return Convert.ToHexString(signType == "MD5"
            ? MD5.HashData(Encoding.UTF8.GetBytes(text))
            : HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));
    }

    private bool IssuedToMerchant(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(credentials.CertificateAuthority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate) && certificate.GetNameInfo(X509NameType.SimpleName, false) == credentials.Mchid;
    }

    private static Dictionary<string, string> Parse(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), Safe);
            reader.MoveToContent();
            if (reader.Name != "xml")
            {
                throw new V2Refusal("XML格式错误: the root element must be <xml>");
            }

            reader.Read();
            while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var name = reader.Name;
                    fields[name] = reader.ReadElementContentAsString();
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException e)
        {
            throw new V2Refusal($"XML格式错误: {e.Message}");
        }

        return fields;
    }
}

/// <summary>A request the platform refuses outright: <c>return_code FAIL</c> with <c>return_msg</c>, unsigned.</summary>
internal sealed class V2Refusal(string message) : Exception(message);
