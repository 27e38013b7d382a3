using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Errors;

/// <summary>
/// How messages speak of a caller's value: by shape, and a path or name as written only while it is plausibly one.
/// Real paths stay readable; anything holding a key, PEM text or base64 is described instead.
/// </summary>
public class DescribeTests
{
    [TestCase("/etc/wechatpay/apiclient_key.pem")]
    [TestCase("file:///etc/wechatpay/apiclient_key.pem")]
    [TestCase("/Users/JohnSmith/Library/Application Support/WeChatPay/apiclient_cert.p12")]
    [TestCase(@"C:\certs\1900000109_20240101\apiclient_key.pem")]
    [TestCase("/srv/keys/pub_key_PUB_KEY_ID_0114232134912410000000000000.pem")]
    [TestCase("/home/deploy/微信支付/证书/apiclient_cert.p12")]
    [TestCase("keys/WeChatPay/Certs2024/ApiClientKey.pem")]
    [TestCase("/Users/x/Documents and Settings/My Wechat Pay Certificates/key.pem")]
    public void Prints_a_plausible_path_as_written(string path) =>
        Assert.That(Describe.WhyNotAPath(path), Is.Null);

    [TestCase("/etc/wechatpay/Zk3qAbCdEfGhIjKlMnOpQrStUvWxYz12.pem", "has a part that looks like key material")]
    [TestCase("/tmp/192006250b4c09247ec02edce69f6a2d", "has a part that looks like key material")]
    [TestCase("/tmp/Zk3qAbCd EfGhIjKl MnOpQrSt UvWxYz12", "has a part that looks like key material")]
    [TestCase("/tmp/MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "has a part that looks like key material")]
    [TestCase("/tmp/jzktlyszwl9qsdkaqfdjl//brpfoozqsuyyxhxlo", "has a part that looks like key material")]
    [TestCase("/tmp/a+b=", "has characters a path does not have")]
    [TestCase("/tmp/a\nb", "spans 2 lines")]
    [TestCase("-----BEGIN PRIVATE KEY-----", "holds PEM text")]
    [TestCase("", "is empty")]
    public void Does_not_print_what_may_hold_a_key(string path, string why) =>
        Assert.That(Describe.WhyNotAPath(path), Is.EqualTo(why));

    [Test]
    public void Never_takes_a_slice_of_base64_key_material_for_a_path()
    {
        var base64 = Convert.ToBase64String(TestKeys.Merchant.ExportPkcs8PrivateKey());
        var printed = Enumerable.Range(0, base64.Length - 40).Select(i => "/etc/wechatpay/" + base64.Substring(i, 40)).Where(p => Describe.WhyNotAPath(p) is null).ToList();
        Assert.That(printed, Is.Empty);
    }

    [Test]
    public void Never_takes_a_32_character_key_for_a_path_or_a_name_even_broken_by_whitespace()
    {
        // Seeded, so a miss repeats; the rule holds for any key (a run longer than 24 that switches classes), not just these.
        var random = new Random(7);
        var printable = Enumerable.Range(0, 2000)
            .Select(_ => new string(Enumerable.Range(0, 32).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[random.Next(62)]).ToArray()))
            .Select(key => key.Insert(random.Next(1, 32), random.Next(2) == 0 ? " " : "\t").Insert(random.Next(1, 33), " "))
            .Where(key => Describe.WhyNotAPath($"/etc/wechatpay/{key}.pem") is null || Describe.CanQuote(key))
            .ToList();
        Assert.That(printable, Is.Empty);
    }

    [TestCase("1900000109", "a 10-digit number")]
    [TestCase("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", "a 40-character hex string")]
    [TestCase("Zk3qAbCdEfGhIjKlMnOpQrStUvWxYz12", "a 32-character string of letters and digits, like a 32-character key")]
    [TestCase(" 1900000109\n", "a 10-digit number, with whitespace at either end")]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n", "PEM text (RSA PRIVATE KEY)")]
    [TestCase("file:///etc/x.pem", "a 17-character file:// reference")]
    [TestCase("", "an empty string")]
    public void Describes_a_value_by_its_shape(string value, string shape) =>
        Assert.That(Describe.Value(value), Is.EqualTo(shape));

    [Test]
    public void Describes_unpaired_surrogates_by_name() =>
        Assert.That(Describe.Value("a\u00e9\uD800"), Is.EqualTo("a 3-character string of letters, non-ASCII characters and unpaired surrogates"));

    [Test]
    public void Describes_bare_base64_as_key_material()
    {
        var base64 = Convert.ToBase64String(TestKeys.Merchant.ExportPkcs8PrivateKey());
        Assert.That(Describe.Value(base64), Does.EndWith("like base64 key material without its PEM armour").And.Not.Contain(base64[..40]));
    }

    [TestCase("out_return_no", "\"out_return_no\"")]
    [TestCase("Wechatpay-Serial", "\"Wechatpay-Serial\"")]
    [TestCase("HMAC-SHA256", "\"HMAC-SHA256\"")]
    [TestCase("Zk3qAbCdEfGhIjKlMnOpQrStUvWxYz12", "a 32-character string of letters and digits, like a 32-character key")]
    [TestCase("x\r\ny", "a 4-character string of letters and whitespace, over 2 lines")]
    public void Quotes_a_name_only_when_it_cannot_be_a_key(string name, string shown) =>
        Assert.That(Describe.Quoted(name), Is.EqualTo(shown));
}
