using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// Bills and statements: <c>GET /v3/bill/tradebill</c> and <c>/v3/bill/fundflowbill</c> answer a
/// <c>download_url</c> with the file's SHA-1; <c>GET /v3/billdownload/file</c> serves the file unsigned;
/// <c>GET /v3/statements</c> (and the overseas paths) serve a file with <c>Wechatpay-Statement-Sha1</c>.
/// </summary>
internal sealed class Bills
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public JObject Request(string kind, IReadOnlyDictionary<string, string> query, Uri baseUri)
    {
        var date = query.GetValueOrDefault("bill_date") ?? throw PlatformError.Param("bill_date 为必填 (yyyy-MM-dd)", "bill_date");
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw PlatformError.Param("bill_date 格式为 yyyy-MM-dd", "bill_date");
        }

        var file = Encoding.UTF8.GetBytes($"交易时间,公众账号ID,商户号,微信订单号,商户订单号,{kind}\n`{date} 08:00:00,`wx8888888888888888,`1900000109,`4208450740201411110007820472,`20150806125346,`1.00\n总交易单数,应结订单总金额\n`1,`1.00\n");
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _files[token] = file;
        return new JObject
        {
            ["hash_type"] = "SHA1",
            ["hash_value"] = Convert.ToHexString(SHA1.HashData(file)).ToLowerInvariant(),
            ["download_url"] = new Uri(baseUri, "v3/billdownload/file?token=" + token).ToString(),
        };
    }

    public byte[] File(IReadOnlyDictionary<string, string> query) =>
        query.GetValueOrDefault("token") is { } token && _files.TryGetValue(token, out var file)
            ? file
            : throw PlatformError.Param("token 无效或已过期 (no such bill download)", "token");

    public static byte[] Statement(IReadOnlyDictionary<string, string> query)
    {
        var date = query.GetValueOrDefault("date") ?? throw PlatformError.Param("date 为必填 (yyyy-MM-dd)", "date");
        return Encoding.UTF8.GetBytes($"Date,Merchant ID,Currency,Amount\n{date},1900000109,HKD,100.00\n");
    }
}
