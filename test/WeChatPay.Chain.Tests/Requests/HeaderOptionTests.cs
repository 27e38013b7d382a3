using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Requests;

/// <summary>
/// Option <c>headers</c> cannot add headers, split the request, or take over a header the library or HTTP framing
/// owns: every bad name or value is refused before a byte is sent, and no message repeats the value.
/// </summary>
public class HeaderOptionTests
{
    /// <summary>One value that, sent raw, ends the request early and smuggles a second one carrying the signature.</summary>
    private const string Smuggling = "k1\r\nContent-Length: 0\r\n\r\nPOST /v3/refund/domestic/refunds HTTP/1.1\r\nHost: api.mch.weixin.qq.com\r\nContent-Type: application/json\r\nContent-Length: 2\r\nX-Tail: ";

    private static Task<ArgumentException> Refused(string name, string value) =>
        Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = new { a = 1 }, headers = new Dictionary<string, string> { [name] = value } }));

    [TestCase(Smuggling, "carriage return (CR, U+000D) at index 2", TestName = "Rejects_a_header_value_that_smuggles_a_second_request")]
    [TestCase("a\r", "carriage return (CR, U+000D) at index 1", TestName = "Rejects_a_header_value_with_a_bare_carriage_return")]
    [TestCase("a\nX-Injected: 1", "line feed (LF, U+000A) at index 1", TestName = "Rejects_a_header_value_with_a_bare_line_feed")]
    [TestCase("a\0b", "NUL (U+0000) at index 1", TestName = "Rejects_a_header_value_with_a_nul")]
    [TestCase("ab\u001b", "control character (U+001B) at index 2", TestName = "Rejects_a_header_value_with_a_control_character")]
    [TestCase("\u007f", "DEL (U+007F) at index 0", TestName = "Rejects_a_header_value_with_del")]
    [TestCase("用户退款", "non-ASCII character at index 0", TestName = "Rejects_a_header_value_that_is_not_ascii")]
    public async Task Rejects_a_header_value_it_cannot_send_as_is(string value, string what)
    {
        var error = await Refused("X-Note", value);

        Assert.That(error.ParamName, Is.EqualTo("headers"));
        Assert.That(error.Message, Does.Contain("headers.X-Note").And.Contain(what));
        Assert.That(error.Message.Contains(value, StringComparison.Ordinal) || error.Message.Contains("refund", StringComparison.Ordinal), Is.False, "the value may be a secret: it is never quoted");
    }

    [TestCase("X Note", "space (U+0020) at index 1")]
    [TestCase("X-Note:", "':' at index 6")]
    [TestCase("X-Note\r\nX-Injected", "carriage return (CR, U+000D) at index 6")]
    [TestCase("中", "non-ASCII character at index 0")]
    public async Task Rejects_a_header_name_that_is_not_a_token(string name, string what)
    {
        var error = await Refused(name, "v");

        Assert.That(error.ParamName, Is.EqualTo("headers"));
        Assert.That(error.Message, Does.Contain(what).And.Contain("RFC 9110"));
        Assert.That(error.Message, Does.Not.Contain("\r").And.Not.Contain("\n"));
    }

    [Test]
    public async Task Rejects_an_empty_header_name()
    {
        var error = await Refused("", "v");

        Assert.That((error.ParamName, error.Message), Is.EqualTo(("headers", "Option \"headers\" has an empty name. (Parameter 'headers')")));
    }

    [TestCase("Authorization")]
    [TestCase("host")]
    [TestCase("Content-Length")]
    [TestCase("Transfer-Encoding")]
    [TestCase("Content-Type")]
    [TestCase("Connection")]
    [TestCase("Keep-Alive")]
    [TestCase("Proxy-Connection")]
    [TestCase("Upgrade")]
    [TestCase("TE")]
    [TestCase("Trailer")]
    [TestCase("Expect")]
    public async Task Rejects_a_header_the_library_or_http_framing_owns(string name)
    {
        var error = await Refused(name, "x");

        Assert.That(error.ParamName, Is.EqualTo("headers"));
        Assert.That(error.Message, Does.Contain($"headers.{name}").And.Contain("may not set"));
    }

    [Test]
    public async Task Sends_a_header_value_with_spaces_tabs_and_every_visible_ascii_character()
    {
        var visible = new string(Enumerable.Range(0x21, 0x7E - 0x20).Select(c => (char)c).ToArray());
        var value = "a b\tc " + visible;
        var time = new FixedTime();
        await using var server = new RawHttpServer(_ => Task.FromResult((200, (IDictionary<string, string>)Platform.SignatureHeaders("{}", time.UnixSeconds), "{}")));
        dynamic wx = Builder.Factory(TestKeys.Options(time, server.BaseUri));

        await wx.V3.Foo.GetAsync(new { headers = new Dictionary<string, string> { ["X-Note"] = value } });

        Assert.That(server.Requests.Single().Headers["X-Note"], Is.EqualTo(value));
    }
}
