using Flurl.Http.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Requests;

/// <summary>How options become the request, and how bad options fail before anything is sent.</summary>
public class RequestOptionsTests : HttpTestFixture
{
    [SetUp]
    public void RespondSigned() => Http.RespondSigned("{}", Time);

    [Test]
    public async Task Signs_query_values_exactly_as_they_are_encoded_on_the_wire()
    {
        await Wx.V3.Foo.GetAsync(new { query = new { a = "x y", b = "it's", c = "1+1=2", d = "a/b", e = "分账回退", f = true, g = 10.5m } });

        const string target = "/v3/foo?a=x%20y&b=it%27s&c=1%2B1%3D2&d=a%2Fb&e=%E5%88%86%E8%B4%A6%E5%9B%9E%E9%80%80&f=true&g=10.5";
        Assert.That(Sent.HttpRequestMessage.RequestUri!.PathAndQuery, Is.EqualTo(target));
        SentRequest.Parse(Sent.HttpRequestMessage.Headers.Authorization!.ToString()).AssertSigned("GET", target, "");
    }

    [Test]
    public async Task Encodes_a_placeholder_value_as_exactly_one_segment()
    {
        await Wx.V3.Foo._id_.Bar.GetAsync(new { id = "a/b?c#d%e f" });
        const string target = "/v3/foo/a%2Fb%3Fc%23d%25e%20f/bar";
        Assert.That(Sent.HttpRequestMessage.RequestUri!.PathAndQuery, Is.EqualTo(target));
        SentRequest.Parse(Sent.HttpRequestMessage.Headers.Authorization!.ToString()).AssertSigned("GET", target, "");
    }

    [Test]
    public async Task Fills_a_placeholder_inside_a_literal_segment_and_numbers()
    {
        await Wx.Chain("v3/merchant/fund/balance/{account_type}").GetAsync(new { account_type = "BASIC" });
        await Wx.Chain("v3/foo/{n}").GetAsync(new { n = 42 });
        Assert.That(Http.CallLog.Select(c => c.HttpRequestMessage.RequestUri!.AbsolutePath), Is.EqualTo(new[] { "/v3/merchant/fund/balance/BASIC", "/v3/foo/42" }));
    }

    [TestCase(null)]
    [TestCase("")]
    public void Rejects_a_placeholder_with_no_value_before_sending(string? value)
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new { out_return_no = value }));
        Assert.That(error!.ParamName, Is.EqualTo("out_return_no"));
        Assert.That(error.Message, Does.Contain("{out_return_no}"));
        Assert.That(Http.CallLog, Is.Empty);
    }

    [Test]
    public void Rejects_a_missing_placeholder_in_the_sync_twin_too()
    {
        var error = Assert.Throws<ArgumentException>(() => Wx.Chain("v3/profitsharing/return-orders/{out_return_no}").Get());
        Assert.That(error!.ParamName, Is.EqualTo("out_return_no"));
        Assert.That(Http.CallLog, Is.Empty);
    }

    [Test]
    public void Rejects_an_unknown_option_naming_it_before_sending()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Foo.PostAsync(new { jsno = new { a = 1 } }));
        Assert.That(error!.ParamName, Is.EqualTo("jsno"));
        Assert.That(error.Message, Does.Contain("\"jsno\"").And.Contain("json"));
        Assert.That(Http.CallLog, Is.Empty);
    }

    [Test]
    public void Says_where_the_body_goes_when_it_is_passed_the_node_way()
    {
        var error = Assert.Throws<ArgumentException>(() => Wx.V3.Pay.Transactions.Native.post(new { mchid = "1900000109", out_trade_no = "T1", amount = new { total = 1 } }));
        Assert.That(error!.ParamName, Is.EqualTo("mchid"));
        Assert.That(error.Message, Does.StartWith(
            "Unknown option \"mchid\" for v3/pay/transactions/native: it is not an option; the body goes in json = new { … } (the Node SDK's first argument is the body; here it is option json)"));
        Assert.That(Http.CallLog, Is.Empty);
    }

    [Test]
    public void Says_where_the_fields_go_on_an_apiv2_path()
    {
        IChainNode wx = Builder.Factory(V2.Options());
        var error = Assert.ThrowsAsync<ArgumentException>(() => wx.Chain("v2/pay/orderquery").PostAsync(new { out_trade_no = "T1" }));
        Assert.That(error!.Message, Does.Contain("the body goes in xml = new { … }").And.Contain("here it is option xml"));
    }

    [TestCase("Json", "option names are lower case, \"json\"")]
    [TestCase("params", "axios's params are option query here")]
    [TestCase("data", "axios's data is option json here")]
    public void Names_the_option_a_misplaced_name_means(string name, string hint)
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Foo.PostAsync(new Dictionary<string, object?> { [name] = new { a = 1 } }));
        Assert.That(error!.Message, Does.Contain(hint));
    }

    [Test]
    public void Gives_no_hint_about_a_name_that_may_be_a_secret()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Foo.PostAsync(new Dictionary<string, object?> { [V2.Secret] = "1" }));
        Assert.That(error!.Message, Does.Not.Contain(V2.Secret).And.Not.Contain("the body goes"));
    }

    [Test]
    public void Rejects_a_body_on_get()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Foo.GetAsync(new { json = new { a = 1 } }));
        Assert.That(error!.ParamName, Is.EqualTo("json"));
        Assert.That(Http.CallLog, Is.Empty);
    }

    [Test]
    public void Rejects_both_json_and_body()
    {
        Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Foo.PostAsync(new { json = new { a = 1 }, body = "{}" }));
    }

    [Test]
    public void Rejects_a_query_value_that_has_no_single_text_form()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Foo.GetAsync(new { query = new { ids = new[] { 1, 2 } } }));
        Assert.That(error!.ParamName, Is.EqualTo("query.ids"));
    }

    [Test]
    public void Rejects_an_authorization_header_option()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Foo.GetAsync(new { headers = new Dictionary<string, string> { ["Authorization"] = "x" } }));
        Assert.That(error!.ParamName, Is.EqualTo("headers"));
    }

    [Test]
    public void Rejects_apiv2_options_on_an_apiv3_path()
    {
        Assert.That(Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Foo.PostAsync(new { xml = new { a = 1 } }))!.ParamName, Is.EqualTo("xml"));
    }

    [Test]
    public void Refuses_an_apiv2_call_on_an_instance_without_the_apiv2_key()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => (Task)Wx["v2/secapi/pay/profitsharingreturn"].PostAsync(new { xml = new { a = 1 }, security = true }));
        Assert.That(error!.Message, Does.Contain("Secret"));
        Assert.That(Http.CallLog, Is.Empty);
    }

    [Test]
    public async Task Sends_extra_headers()
    {
        await Wx.V3.Foo.PostAsync(new { json = new { }, headers = new Dictionary<string, string> { ["Wechatpay-Serial"] = "PUB_KEY_ID_1" } });
        Assert.That(Sent.HttpRequestMessage.Headers.GetValues("Wechatpay-Serial"), Is.EqualTo(new[] { "PUB_KEY_ID_1" }));
    }

    [Test]
    public async Task Sends_to_a_per_request_base_uri_keeping_its_path()
    {
        await Wx.V3.Foo.GetAsync(new { base_uri = "https://api2.mch.weixin.qq.com/prefix/" });
        Assert.That(Sent.HttpRequestMessage.RequestUri!.ToString(), Is.EqualTo("https://api2.mch.weixin.qq.com/prefix/v3/foo"));
        SentRequest.Parse(Sent.HttpRequestMessage.Headers.Authorization!.ToString()).AssertSigned("GET", "/prefix/v3/foo", "");
    }

    [Test]
    public void Rejects_a_base_uri_option_that_is_not_absoluteHttp()
    {
        Assert.That(Assert.ThrowsAsync<ArgumentException>(() => (Task)Wx.V3.Foo.GetAsync(new { base_uri = "api2.mch.weixin.qq.com" }))!.ParamName, Is.EqualTo("base_uri"));
    }

    [Test]
    public async Task Sends_and_signs_a_raw_body_as_given()
    {
        const string raw = """{ "keep" : "my spacing" }""";
        await Wx.V3.Foo.PostAsync(new { body = raw });
        Assert.That(Sent.RequestBody, Is.EqualTo(raw));
        SentRequest.Parse(Sent.HttpRequestMessage.Headers.Authorization!.ToString()).AssertSigned("POST", "/v3/foo", raw);
    }

    [Test]
    public async Task Serialises_json_the_same_whatever_the_application_default_settings()
    {
        var saved = Newtonsoft.Json.JsonConvert.DefaultSettings;
        Newtonsoft.Json.JsonConvert.DefaultSettings = () => new Newtonsoft.Json.JsonSerializerSettings
        {
            NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore,
            Formatting = Newtonsoft.Json.Formatting.Indented,
        };
        try
        {
            await Wx.V3.Foo.PostAsync(new { json = new { out_order_no = (string?)null, amount = 1 } });
        }
        finally
        {
            Newtonsoft.Json.JsonConvert.DefaultSettings = saved;
        }

        Assert.That(Sent.RequestBody, Is.EqualTo("""{"out_order_no":null,"amount":1}"""));
    }

    [Test]
    public async Task Reads_options_from_a_dictionary()
    {
        await Wx.V3.Foo.PostAsync(new Dictionary<string, object?> { ["json"] = new Dictionary<string, object?> { ["amount"] = 1 } });
        Assert.That(Sent.RequestBody, Is.EqualTo("""{"amount":1}"""));
    }
}
