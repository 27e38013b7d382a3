using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Flurl.Http;
using Flurl.Http.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Pipeline;

/// <summary>
/// The merchant certificate goes with every APIv2 operation that requires it (the catalogue's list, <c>secapi/</c> and
/// beyond), as if <c>security = true</c> were given; without it such a call is refused before anything is sent.
/// </summary>
public class V2CertificateTests
{
    private const string Transfers = "v2/mmpaymkttransfers/promotion/transfers";

    private HttpTest _http = null!;

    [SetUp]
    public void SetUp() => _http = new HttpTest();

    [TearDown]
    public void TearDown() => _http.Dispose();

    private static dynamic WithMerchant()
    {
        var options = V2.Options();
        var request = new CertificateRequest("CN=10000100", TestKeys.Merchant, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        options.Merchant = MerchantCertificate.FromCertificate(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)));
        return Builder.Factory(options);
    }

    private static object Transfer(object? security = null) => security is null
        ? new { xml = new { mch_id = "10000100", partner_trade_no = "T1", amount = 100 } }
        : new { xml = new { mch_id = "10000100", partner_trade_no = "T1", amount = 100 }, security };

    private static string Success() => V2.Answer(new() { ["return_code"] = "SUCCESS", ["result_code"] = "SUCCESS", ["mch_id"] = "10000100" });

    /// <summary>The Flurl client each call went through: the plain APIv2 one, or the one that presents the certificate.</summary>
    private IFlurlClient ClientOf(int call) => _http.CallLog[call].Client;

    [Test]
    public async Task Applies_the_certificate_to_a_catalogued_operation_outside_secapi()
    {
        var wx = WithMerchant();
        _http.RespondWith(Success()).RespondWith(Success()).RespondWith(Success());

        await wx.Chain(Transfers).PostAsync(Transfer());
        await wx["v2/secapi/pay/refund"].PostAsync(new { xml = new { mch_id = "10000100" }, security = true });
        await wx.V2.Pay.Orderquery.PostAsync(new { xml = new { mch_id = "10000100" } });

        Assert.That(_http.CallLog[0].HttpRequestMessage.RequestUri!.AbsolutePath, Is.EqualTo("/mmpaymkttransfers/promotion/transfers"));
        Assert.That(ClientOf(0), Is.SameAs(ClientOf(1)), "the transfer went as a security = true call goes");
        Assert.That(ClientOf(2), Is.Not.SameAs(ClientOf(1)), "an operation that needs no certificate goes without it");
    }

    [Test]
    public async Task Applies_the_certificate_to_a_secapi_path_the_catalogue_does_not_have()
    {
        var wx = WithMerchant();
        _http.RespondWith(Success()).RespondWith(Success());

        await wx["v2/secapi/pay/notcatalogued"].PostAsync(new { xml = new { mch_id = "10000100" } });
        await wx["v2/secapi/pay/refund"].PostAsync(new { xml = new { mch_id = "10000100" }, security = true });

        Assert.That(ClientOf(0), Is.SameAs(ClientOf(1)));
    }

    [Test]
    public void Refuses_an_operation_that_requires_the_certificate_on_an_instance_without_one()
    {
        dynamic wx = Builder.Factory(V2.Options());

        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)wx.V2.Mmpaymkttransfers.Promotion.Transfers.PostAsync(Transfer()));

        Assert.That(error!.ParamName, Is.EqualTo("Merchant"));
        Assert.That(error.Message, Does.StartWith($"POST {Transfers} requires the merchant API certificate").And.Contain("set BuilderOptions.Merchant"));
        Assert.That(_http.CallLog, Is.Empty);
    }

    [Test]
    public void Refuses_security_false_on_an_operation_that_requires_the_certificate()
    {
        var wx = WithMerchant();

        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)wx.Chain(Transfers).PostAsync(Transfer(security: false)));

        Assert.That(error!.ParamName, Is.EqualTo("security"));
        Assert.That(error.Message, Does.Contain(Transfers).And.Contain("security = false"));
        Assert.That(_http.CallLog, Is.Empty);
    }

    [Test]
    public async Task Keeps_the_answer_on_the_path_template_for_one_method_and_base()
    {
        var wx = WithMerchant();
        _http.RespondWith(Success()).RespondWith(Success());
        var node = (ChainNode)wx.V2.Mmpaymkttransfers.Promotion.Transfers;

        await node.PostAsync(Transfer());
        var first = node.Template.Certificate;
        await node.PostAsync(Transfer());

        Assert.That(first, Is.Not.Null.And.Property(nameof(WeChatPay.Chain.Pipeline.CertificateLookup.Required)).True);
        Assert.That(node.Template.Certificate, Is.SameAs(first), "the second call did not look the catalogue up again");
        Assert.That(ClientOf(1), Is.SameAs(ClientOf(0)));
    }

    [Test]
    public async Task Makes_no_lookup_for_a_path_no_operation_that_requires_the_certificate_has()
    {
        var wx = WithMerchant();
        _http.RespondWith(Success());
        var node = (ChainNode)wx.V2.Pay.Orderquery;

        await node.PostAsync(new { xml = new { mch_id = "10000100" } });

        Assert.That(node.Template.Certificate, Is.Null);
    }

    [Test]
    public async Task Looks_up_again_for_another_method()
    {
        var wx = WithMerchant();
        _http.RespondWith(Success()).RespondWith(Success());
        var node = (ChainNode)wx.V2.Mmpaymkttransfers.Promotion.Transfers;

        await node.PostAsync(Transfer());
        await node.GetAsync(new { query = new { mch_id = "10000100" } });

        Assert.That(node.Template.Certificate!.Required, Is.False, "the catalogue has no GET on the path");
        Assert.That(ClientOf(1), Is.Not.SameAs(ClientOf(0)));
    }
}
