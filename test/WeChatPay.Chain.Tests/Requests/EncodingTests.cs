using System.Text;
using System.Xml.Linq;
using WeChatPay.Chain.Crypto;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Requests;

/// <summary>
/// Text that cannot be sent as it is, is refused rather than altered on the way: an APIv2 value XML would change or
/// not carry (a CR, control characters, U+FFFE/U+FFFF, lone surrogates), and lone surrogates anywhere, which UTF-8
/// encoding would silently replace by U+FFFD. Each refusal names the field and comes before anything is sent.
/// </summary>
public class EncodingTests : PlatformFixture
{
    private static readonly Func<dynamic, object, Task> OrderQuery = (wx, attach) =>
        wx["v2/pay/orderquery"].PostAsync(new { xml = new { out_trade_no = "20150806125346", attach } });

    [Test]
    public async Task A_carriage_return_signed_raw_fails_the_platform_sign_check()
    {
        // What the library used to send: the value signed with its CR, written into the XML as it is.
        var fields = new List<KeyValuePair<string, string>>
        {
            new("out_trade_no", "20150806125346"), new("attach", "line one\r\nline two"), new("nonce_str", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS"),
        };
        fields.Add(new("sign", Hash.Sign(fields, Platform.Credentials.ApiV2Key, Hash.Md5Type)));
        using var client = new HttpClient();

        using var answer = await client.PostAsync(new Uri(Platform.HttpBaseUri, "pay/orderquery"), new StringContent(Transformer.ToXml(fields), Encoding.UTF8, "text/xml"));

        Assert.That(Platform.Requests[^1].Rejection, Does.StartWith("签名错误"), "the platform's XML parser read the CR as LF, so the sign no longer matched");
    }

    // Built in code: an attribute argument is stored as UTF-8, which has no lone surrogates.
    private static IEnumerable<TestCaseData> Unsendable()
    {
        yield return new TestCaseData("line one\r\nline two", "carriage return (CR, U+000D) at index 8", "read a CR as LF").SetArgDisplayNames("CR");
        yield return new TestCaseData("bell\u0007", "control character (U+0007) at index 4", "XML 1.0 cannot carry it").SetArgDisplayNames("BEL");
        yield return new TestCaseData("\u000b", "control character (U+000B) at index 0", "XML 1.0 cannot carry it").SetArgDisplayNames("VT");
        yield return new TestCaseData("nul\0", "NUL (U+0000) at index 3", "XML 1.0 cannot carry it").SetArgDisplayNames("NUL");
        yield return new TestCaseData("x\uFFFE", "noncharacter U+FFFE at index 1", "XML 1.0 cannot carry it").SetArgDisplayNames("U+FFFE");
        yield return new TestCaseData("\uFFFF", "noncharacter U+FFFF at index 0", "XML 1.0 cannot carry it").SetArgDisplayNames("U+FFFF");
        yield return new TestCaseData("ab\ud800", "unpaired high surrogate (U+D800-U+DBFF) at index 2", "XML 1.0 cannot carry it").SetArgDisplayNames("lone high surrogate");
        yield return new TestCaseData("\udc00ab", "unpaired low surrogate (U+DC00-U+DFFF) at index 0", "XML 1.0 cannot carry it").SetArgDisplayNames("lone low surrogate");
    }

    [TestCaseSource(nameof(Unsendable))]
    public void Rejects_an_apiv2_value_xml_would_not_carry_as_signed(string value, string what, string why)
    {
        var before = Platform.Requests.Count;

        var error = Assert.CatchAsync<ArgumentException>(() => OrderQuery(Wx, value));

        Assert.That(error!.ParamName, Is.EqualTo("xml.attach"));
        Assert.That(error.Message, Does.Contain(what).And.Contain(why));
        Assert.That(Platform.Requests, Has.Count.EqualTo(before), "nothing reached the platform");
    }

    [Test]
    public async Task Sends_apiv2_values_that_the_platform_parses_and_verifies_exactly()
    {
        const string value = "tab\there, line\nfeed, DEL\u007f, C1\u0085, <&>\"' and ]]> twice ]]>, 分账 😀, \uFFFD";

        await OrderQuery(Wx, value);

        var received = Platform.Requests[^1];
        Assert.That(received.Accepted, Is.True, received.Rejection);
        Assert.That(XElement.Parse(received.Body).Element("attach")!.Value, Is.EqualTo(value));
    }

    [Test]
    public async Task Rejects_an_apiv2_field_name_that_is_not_one()
    {
        var error = await Refusal.Of(wx => wx["v2/pay/orderquery"].PostAsync(new { xml = new Dictionary<string, object> { ["out_trade_no"] = "1", ["a b"] = "x" } }));

        Assert.That(error.ParamName, Is.EqualTo("xml"));
        Assert.That(error.Message, Does.Contain("xml.a\\u0020b"));
    }

    [Test]
    public async Task Rejects_a_lone_surrogate_in_a_query_value()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { query = new { note = "ok\ud83d" } }));

        Assert.That(error.ParamName, Is.EqualTo("query.note"));
        Assert.That(error.Message, Does.Contain("unpaired high surrogate").And.Contain("index 2").And.Contain("U+FFFD"));
    }

    [Test]
    public async Task Rejects_a_lone_surrogate_in_a_query_name()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { query = new Dictionary<string, string> { ["n\udc00"] = "1" } }));

        Assert.That(error.Message, Does.Contain("unpaired low surrogate"));
    }

    [Test]
    public async Task Rejects_a_lone_surrogate_in_a_placeholder_value()
    {
        var error = await Refusal.Of(wx => wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new { out_return_no = "R\ud800" }));

        Assert.That(error.ParamName, Is.EqualTo("out_return_no"));
        Assert.That(error.Message, Does.Contain("{out_return_no}").And.Contain("unpaired high surrogate"));
    }

    [Test]
    public async Task Rejects_a_lone_surrogate_in_a_literal_segment()
    {
        var error = await Refusal.Of(wx => wx.Chain("v3/foo\ud800").GetAsync());

        Assert.That(error.ParamName, Is.EqualTo("segments"));
    }

    [Test]
    public async Task Rejects_a_lone_surrogate_in_a_json_string_naming_its_path()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = new { receivers = new[] { new { name = "ok" }, new { name = "bad\udfff" } } } }));

        Assert.That(error.ParamName, Is.EqualTo("json"));
        Assert.That(error.Message, Does.Contain("json.receivers[1].name").And.Contain("a string has an unpaired low surrogate").And.Contain("index 3"));
    }

    [Test]
    public async Task Rejects_a_lone_surrogate_in_a_json_property_name_or_char()
    {
        var name = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = new Dictionary<string, object> { ["k\ud800"] = 1 } }));
        var single = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = new { c = '\ud800' } }));

        Assert.That(name.Message, Does.Contain("a property name has an unpaired high surrogate"));
        Assert.That(single.Message, Does.Contain("json.c").And.Contain("a char has an unpaired high surrogate"));
    }

    [Test]
    public async Task Rejects_a_lone_surrogate_in_a_raw_body()
    {
        Assert.That((await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { body = "{\"a\":\"\ud800\"}" }))).ParamName, Is.EqualTo("body"));
    }

    [Test]
    public async Task Sends_characters_outside_the_basic_plane_intact()
    {
        var time = new FixedTime();
        await using var server = new RawHttpServer(_ => Task.FromResult((200, (IDictionary<string, string>)Support.Platform.SignatureHeaders("{}", time.UnixSeconds), "{}")));
        dynamic wx = Builder.Factory(TestKeys.Options(time, server.BaseUri));

        await wx.V3.Foo._id_.PostAsync(new { id = "😀", query = new { note = "😀" }, json = new { note = "😀" } });

        var received = server.Requests.Single();
        Assert.That(received.Target, Is.EqualTo("/v3/foo/%F0%9F%98%80?note=%F0%9F%98%80"));
        Assert.That(received.BodyText, Is.EqualTo("{\"note\":\"😀\"}"));
        SentRequest.Parse(received.Headers["Authorization"]).AssertSigned("POST", received.Target, received.BodyText);
    }
}
