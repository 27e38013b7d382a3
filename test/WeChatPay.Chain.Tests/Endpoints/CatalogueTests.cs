namespace WeChatPay.Chain.Tests.Endpoints;

public class CatalogueTests
{
    [Test]
    public void Lists_every_operation_once_with_a_method_and_a_chain_path()
    {
        var operations = Catalogue.Operations;

        Assert.Multiple(() =>
        {
            Assert.That(operations, Has.Count.GreaterThan(1100));
            Assert.That(operations.Count(o => o.IsV2), Is.GreaterThan(130));
            Assert.That(operations.Select(o => o.Method).Distinct(), Is.SubsetOf(new[] { "GET", "POST", "PUT", "PATCH", "DELETE" }));
            Assert.That(operations.Where(o => o.Path.StartsWith('/') || o.Path.Contains("//")), Is.Empty);
            Assert.That(operations.Select(o => o.Path.Split('/')[0]).Distinct(), Is.EquivalentTo(new[] { "v2", "v3", "hk", "global" }), "every path is written as the chain writes it");
            Assert.That(operations.GroupBy(o => o.ToString()).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty);
        });
    }

    [Test]
    public void Finds_an_operation_by_its_template_in_any_method_case()
    {
        var operation = Catalogue.Find("post", "v3/profitsharing/return-orders");

        Assert.That(operation, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(operation!.Method, Is.EqualTo("POST"));
            Assert.That(operation.Path, Is.EqualTo("v3/profitsharing/return-orders"));
            Assert.That(operation.BaseUri, Is.Null);
            Assert.That(operation.CertificateRequired, Is.False);
            Assert.That(operation.Parameters.Where(p => p.IsRequired).Select(p => p.Name), Is.EquivalentTo(new[] { "out_return_no", "return_mchid", "amount", "description" }));
            Assert.That(operation.Parameters.Single(p => p.Name == "amount").Type, Is.EqualTo("integer"));
            Assert.That(operation.Response.Single(p => p.Name == "result").Enum, Is.EquivalentTo(new[] { "PROCESSING", "SUCCESS", "FAILED" }));
        });
    }

    [TestCase("v3/pay/transactions/out-trade-no/{out_trade_no}")]
    [TestCase("v3/pay/transactions/out-trade-no/{no}")]
    [TestCase("/v3/pay/transactions/out-trade-no/1217752501201407033233368018?mchid=1230000109")]
    public void A_placeholder_or_a_literal_value_matches_the_catalogued_placeholder(string path)
    {
        var operation = Catalogue.Find("GET", path);

        Assert.That(operation?.Path, Is.EqualTo("v3/pay/transactions/out-trade-no/{out_trade_no}"));
        Assert.That(operation!.Parameters.Single(p => p.Location == ApiFieldLocation.Path).Name, Is.EqualTo("out_trade_no"));
    }

    [TestCase("GET", "v3/pay/transactions/native")]
    [TestCase("POST", "v3/pay/transaction/native")]
    [TestCase("POST", "v3/pay/transactions/out-trade-n-o/{out_trade_no}/close")]
    public void Finds_nothing_for_a_method_or_path_the_catalogue_does_not_have(string method, string path) =>
        Assert.That(Catalogue.Find(method, path), Is.Null);

    [Test]
    public void A_path_the_platform_writes_with_a_trailing_slash_is_found_with_or_without_it()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalogue.Find("POST", "v3/applyment4sub/applyment/")?.Path, Is.EqualTo("v3/applyment4sub/applyment/"));
            Assert.That(Catalogue.Find("POST", "v3/applyment4sub/applyment")?.Path, Is.EqualTo("v3/applyment4sub/applyment/"));
        });
    }

    [Test]
    public void Lists_the_methods_a_path_offers()
    {
        var methods = Catalogue.OnPath("v3/profitsharing/return-orders/{out_return_no}").Select(o => o.Method);

        Assert.That(methods, Is.EquivalentTo(new[] { "GET" }));
    }

    [Test]
    public void Looks_up_the_path_of_a_chain_node()
    {
        dynamic wx = Builder.Factory(new BuilderOptions { Mchid = "1900000109", Secret = new string('k', 32) });
        IChainNode node = wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.Close;

        Assert.That(Catalogue.OnPath(node).Select(o => o.ToString()), Is.EqualTo(new[] { "POST v3/pay/transactions/out-trade-no/{out_trade_no}/close" }));
    }

    [Test]
    public void Marks_the_apiv2_operations_that_need_the_merchant_certificate_beyond_secapi()
    {
        var marked = Catalogue.Operations.Where(o => o.CertificateRequired).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(marked, Has.Count.EqualTo(57));
            Assert.That(marked.All(o => o.IsV2), Is.True);
            Assert.That(Catalogue.Find("POST", "v2/mmpaymkttransfers/promotion/transfers")?.CertificateRequired, Is.True);
            Assert.That(Catalogue.Find("POST", "v2/secapi/pay/profitsharingreturn")?.CertificateRequired, Is.True);
            Assert.That(Catalogue.Find("POST", "v2/pay/micropay")?.CertificateRequired, Is.False);
        });
    }

    [Test]
    public void Apiv2_operations_say_they_take_and_answer_xml()
    {
        var micropay = Catalogue.Find("POST", "v2/pay/micropay")!;

        Assert.Multiple(() =>
        {
            Assert.That(micropay.RequestContentType, Is.EqualTo("application/xml"));
            Assert.That(micropay.ResponseContentType, Is.EqualTo("application/xml"));
            Assert.That(micropay.Parameters.Where(p => p.IsRequired).Select(p => p.Name), Does.Contain("auth_code").And.Contain("out_trade_no"));
        });
    }

    [Test]
    public void Operations_served_from_another_host_carry_it_and_are_found_there()
    {
        var hongKong = new Uri("https://apihk.mch.weixin.qq.com/");
        var fraud = new Uri("https://fraud.mch.weixin.qq.com/");

        Assert.Multiple(() =>
        {
            Assert.That(Catalogue.Find("GET", "v3/global/certificates", hongKong)?.BaseUri, Is.EqualTo(hongKong));
            Assert.That(Catalogue.Find("GET", "v3/global/certificates"), Is.Null, "the operation is not served by the default host");
            Assert.That(Catalogue.Find("POST", "v2/risk/getpublickey", fraud)?.BaseUri, Is.EqualTo(fraud));
            Assert.That(Catalogue.Find("GET", "hk/v3/statements")?.BaseUri, Is.Null, "hk/ paths are paths of the default host");
        });
    }

    [Test]
    public void At_an_address_that_is_not_wechat_pay_every_host_operations_count_the_default_first()
    {
        var local = new Uri("http://127.0.0.1:5000/");

        Assert.Multiple(() =>
        {
            Assert.That(Catalogue.Find("GET", "v3/global/certificates", local)?.BaseUri?.Host, Is.EqualTo("apihk.mch.weixin.qq.com"));
            Assert.That(Catalogue.Find("POST", "v2/risk/getpublickey", local)?.BaseUri?.Host, Is.EqualTo("fraud.mch.weixin.qq.com"));
            Assert.That(Catalogue.Find("GET", "v3/certificates", local)?.BaseUri, Is.Null);
        });
    }

    [Test]
    public void Marks_sensitive_fields()
    {
        var sensitive = Catalogue.Operations
            .SelectMany(o => Flatten(o.Parameters).Where(f => f.IsSensitive).Select(f => $"{o.Method} {o.Path} {f.Name}"))
            .ToList();

        Assert.That(sensitive, Is.Not.Empty);
        Assert.That(sensitive, Has.Some.Contains("account_number"));
    }

    [Test]
    public void Suggests_the_nearest_catalogued_paths_for_a_typo()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalogue.Suggest("v3/pay/transaction/out-trade-n-o/{out_trade_no}").FirstOrDefault(), Is.EqualTo("v3/pay/transactions/out-trade-no/{out_trade_no}"));
            Assert.That(Catalogue.Suggest("v3/ecommerce/profitsharing/return-orders").FirstOrDefault(), Is.EqualTo("v3/ecommerce/profitsharing/returnorders"));
            Assert.That(Catalogue.Suggest("zz/nothing/like/it/at/all"), Is.Empty);
            Assert.That(Catalogue.Suggest("v3/pay/transaction/native", count: 1), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Rejects_a_count_that_is_not_positive() =>
        Assert.That(() => Catalogue.Suggest("v3/pay", count: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());

    private static IEnumerable<ApiField> Flatten(IEnumerable<ApiField> fields) =>
        fields.SelectMany(f => new[] { f }.Concat(Flatten(f.Fields)));
}
