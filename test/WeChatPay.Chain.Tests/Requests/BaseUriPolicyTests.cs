using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Flurl.Http.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Requests;

/// <summary>
/// A signed request can be replayed by whoever receives it, so option <c>base_uri</c> may only name the instance's
/// host, WeChat Pay's API hosts or hosts the instance allows; it never downgrades https to http, and
/// <c>security = true</c> always goes over https. Refusals happen before a byte is sent, and never quote user-info.
/// </summary>
public class BaseUriPolicyTests
{
    private static Func<RawHttpServer.Received, Task<(int, IDictionary<string, string>, string)>> Signed(FixedTime time) =>
        _ => Task.FromResult((200, (IDictionary<string, string>)Platform.SignatureHeaders("{}", time.UnixSeconds), "{}"));

    private static Uri Https(Uri uri) => new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps }.Uri;

    private static Uri OnLocalhost(Uri uri) => new UriBuilder(uri) { Host = "localhost" }.Uri;

    [Test]
    public async Task Rejects_a_base_uri_on_another_host()
    {
        await using var other = new RawHttpServer(_ => throw new InvalidOperationException("nothing may arrive here"));

        var error = await Refusal.Of(wx => wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_return_no = "R1", amount = 10 }, base_uri = OnLocalhost(other.BaseUri) }));

        Assert.That(error.ParamName, Is.EqualTo("base_uri"));
        Assert.That(error.Message, Does.Contain("host localhost").And.Contain("AllowedHosts").And.Contain("api.mch.weixin.qq.com"));
        Assert.That(other.Connections, Is.Zero);
    }

    [Test]
    public async Task Rejects_a_base_uri_that_downgrades_an_https_instance_to_http_on_its_own_host()
    {
        await using var clear = new RawHttpServer(_ => throw new InvalidOperationException("nothing may arrive here"));

        var error = await Refusal.Of(
            wx => wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_return_no = "R1", amount = 10 }, base_uri = clear.BaseUri }),
            (options, server) => options.BaseUri = Https(server));

        Assert.That(error.ParamName, Is.EqualTo("base_uri"));
        Assert.That(error.Message, Does.Contain("downgrade"));
        Assert.That(clear.Connections, Is.Zero);
    }

    [Test]
    public async Task Rejects_an_http_base_uri_to_an_allowed_host_from_an_https_instance()
    {
        // The reported attack: an https instance, a call aimed at http://other-host/, replayed from there.
        await using var clear = new RawHttpServer(_ => throw new InvalidOperationException("nothing may arrive here"));

        var error = await Refusal.Of(
            wx => wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_return_no = "R1", amount = 10 }, base_uri = OnLocalhost(clear.BaseUri) }),
            (options, server) =>
            {
                options.BaseUri = Https(server);
                options.AllowedHosts.Add("localhost");
            });

        Assert.That(error.Message, Does.Contain("downgrade"));
        Assert.That(clear.Connections, Is.Zero);
    }

    [Test]
    public async Task Rejects_wechat_pay_hosts_over_http()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { base_uri = "http://api2.mch.weixin.qq.com/" }));

        Assert.That(error.ParamName, Is.EqualTo("base_uri"));
        Assert.That(error.Message, Does.Contain("https only"));
    }

    [TestCase("https://user:s3cr3t-pass@api2.mch.weixin.qq.com/")]
    [TestCase("https://s3cr3t-pass@api.mch.weixin.qq.com/")]
    public async Task Rejects_a_base_uri_option_with_user_info_without_quoting_it(string uri)
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { base_uri = uri }));

        Assert.That(error.ParamName, Is.EqualTo("base_uri"));
        Assert.That(error.Message, Does.Contain("user-info").And.Not.Contain("s3cr3t"));
    }

    [Test]
    public void Rejects_an_instance_base_uri_with_user_info_without_quoting_it()
    {
        var options = TestKeys.Options(baseUri: new Uri("https://merchant:s3cr3t-pass@api.mch.weixin.qq.com/"));

        var error = Assert.Throws<ArgumentException>(() => Builder.Factory(options));

        Assert.That(error!.ParamName, Is.EqualTo("BaseUri"));
        Assert.That(error.Message, Does.Contain("user-info").And.Not.Contain("s3cr3t"));
        Assert.That(options.ToString(), Does.Not.Contain("s3cr3t"));
    }

    [TestCase("https://api2.mch.weixin.qq.com/#x")]
    [TestCase("https://api2.mch.weixin.qq.com/?x=1")]
    [TestCase("ftp://api2.mch.weixin.qq.com/")]
    public async Task Rejects_a_base_uri_option_with_a_fragment_query_or_other_scheme(string uri)
    {
        Assert.That((await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { base_uri = uri }))).ParamName, Is.EqualTo("base_uri"));
    }

    [Test]
    public async Task Rejects_security_over_http_from_the_instance_base_uri()
    {
        // Sent, the secapi XML went out in clear text, without the merchant certificate.
        var error = await Refusal.Of(
            wx => wx["v2/secapi/pay/profitsharingreturn"].PostAsync(new { xml = new { out_order_no = "P1", out_return_no = "R1", return_amount = 10 }, security = true }),
            (options, _) => options.Merchant = MerchantCertificate.FromCertificate(SelfSigned()));

        Assert.That(error.ParamName, Is.EqualTo("security"));
        Assert.That(error.Message, Does.Contain("https").And.Contain("BaseUri"));
    }

    [Test]
    public async Task Rejects_security_over_http_from_a_base_uri_option()
    {
        await using var clear = new RawHttpServer(_ => throw new InvalidOperationException("nothing may arrive here"));

        var error = await Refusal.Of(
            wx => wx["v2/secapi/pay/profitsharingreturn"].PostAsync(new { xml = new { out_order_no = "P1" }, security = true, base_uri = clear.BaseUri }),
            (options, _) => options.Merchant = MerchantCertificate.FromCertificate(SelfSigned()));

        Assert.That(error.ParamName, Is.EqualTo("security"));
        Assert.That(error.Message, Does.Contain("option \"base_uri\" is http"));
        Assert.That(clear.Connections, Is.Zero);
    }

    [Test]
    public async Task Sends_to_a_host_the_instance_allows()
    {
        var time = new FixedTime();
        await using var instance = new RawHttpServer(Signed(time));
        await using var allowed = new RawHttpServer(Signed(time));
        var options = TestKeys.Options(time, instance.BaseUri);
        options.AllowedHosts.Add("LOCALHOST");
        dynamic wx = Builder.Factory(options);

        await wx.V3.Foo.PostAsync(new { json = new { a = 1 }, base_uri = OnLocalhost(allowed.BaseUri) });

        var received = allowed.Requests.Single();
        SentRequest.Parse(received.Headers["Authorization"]).AssertSigned("POST", received.Target, received.BodyText);
        Assert.That(instance.Connections, Is.Zero);
    }

    [TestCase("https://api.mch.weixin.qq.com/")]
    [TestCase("https://api2.mch.weixin.qq.com/")]
    [TestCase("https://apihk.mch.weixin.qq.com/")]
    [TestCase("https://FRAUD.mch.weixin.qq.com/")]
    public async Task Sends_to_wechat_pay_api_hosts_over_https(string host)
    {
        var time = new FixedTime();
        dynamic wx = Builder.Factory(TestKeys.Options(time, new Uri("https://proxy.example/")));
        using var http = new HttpTest();
        http.RespondSigned("{}", time);

        await wx.V3.Foo.GetAsync(new { base_uri = host });

        Assert.That(http.CallLog.Single().HttpRequestMessage.RequestUri!.GetLeftPart(UriPartial.Authority), Is.EqualTo(host.ToLowerInvariant().TrimEnd('/')));
    }

    [TestCase("https://proxy.example")]
    [TestCase("proxy.example:8443")]
    [TestCase("proxy.example/path")]
    [TestCase("*.example")]
    [TestCase("")]
    public void Rejects_an_allowed_host_that_is_not_a_host_name(string host)
    {
        var options = TestKeys.Options();
        options.AllowedHosts.Add(host);

        Assert.That(Assert.Throws<ArgumentException>(() => Builder.Factory(options))!.ParamName, Is.EqualTo("AllowedHosts"));
    }

    [Test]
    public async Task Downloads_a_bill_from_wechat_pays_host()
    {
        var time = new FixedTime();
        IChainNode wx = Builder.Factory(TestKeys.Options(time));
        using var http = new HttpTest();
        const string file = "交易时间,商户号\n`2026-11-22 08:00:00,`1900000109\n";
        var sha1 = Convert.ToHexString(SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(file)));
        http.RespondSigned($$"""{"hash_type":"SHA1","hash_value":"{{sha1}}","download_url":"https://api.mch.weixin.qq.com/v3/billdownload/file?token=T1"}""", time);
        http.RespondWith(file);

        var bill = await wx.Chain("v3/bill/tradebill").GetAsync(new { query = new { bill_date = "2026-11-22" } });
        var downloaded = await Download.BillAsync(wx, bill);

        Assert.That(http.CallLog[1].HttpRequestMessage.RequestUri!.ToString(), Is.EqualTo("https://api.mch.weixin.qq.com/v3/billdownload/file?token=T1"));
        Assert.That(downloaded.Body, Is.EqualTo(file));
    }

    [Test]
    public async Task Refuses_a_bill_download_url_on_a_host_the_instance_does_not_send_to()
    {
        var time = new FixedTime();
        await using var elsewhere = new RawHttpServer(_ => throw new InvalidOperationException("nothing may arrive here"));
        var bill = $$"""{"hash_type":"SHA1","hash_value":"00","download_url":"{{OnLocalhost(elsewhere.BaseUri)}}v3/billdownload/file?token=T1"}""";
        await using var instance = new RawHttpServer(_ => Task.FromResult((200, (IDictionary<string, string>)Platform.SignatureHeaders(bill, time.UnixSeconds), bill)));
        IChainNode wx = Builder.Factory(TestKeys.Options(time, instance.BaseUri));
        var answer = await wx.Chain("v3/bill/tradebill").GetAsync(new { query = new { bill_date = "2026-11-22" } });

        var error = Assert.ThrowsAsync<ArgumentException>(() => Download.BillAsync(wx, answer));

        Assert.That(error!.ParamName, Is.EqualTo("base_uri"));
        Assert.That(elsewhere.Connections, Is.Zero);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + TestKeys.Mchid, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
