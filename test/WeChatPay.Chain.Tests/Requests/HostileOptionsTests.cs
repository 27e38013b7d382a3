using System.Collections;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Requests;

/// <summary>
/// An options object is the caller's code and may do anything when read: throw from a getter or an enumerator, hold
/// keys that are not strings or are null, hold two names equal but for case, never end. Each is an ArgumentException
/// naming the option, raised before anything is sent, never a crash or a silent pick.
/// </summary>
public class HostileOptionsTests
{
    [Test]
    public async Task Rejects_an_options_getter_that_throws_naming_the_property()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new ThrowingOptions()));

        Assert.That(error.ParamName, Is.EqualTo("json"));
        Assert.That(error.Message, Does.Contain("property json of ThrowingOptions threw InvalidOperationException").And.Not.Contain("secret-in-message"));
        Assert.That(error.InnerException, Is.TypeOf<InvalidOperationException>());
    }

    [Test]
    public async Task Rejects_a_query_getter_that_throws()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { query = new ThrowingOptions() }));

        Assert.That(error.ParamName, Is.EqualTo("query.json"));
    }

    [Test]
    public async Task Rejects_a_value_whose_formatting_throws()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { query = new { n = new ThrowingNumber() } }));

        Assert.That(error.ParamName, Is.EqualTo("query.n"));
        Assert.That(error.Message, Does.Contain("threw FormatException when formatted"));
    }

    [Test]
    public async Task Rejects_a_dictionary_with_keys_that_are_not_strings()
    {
        var query = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { query = new Hashtable { [1] = "a" } }));
        var headers = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { headers = new Dictionary<int, string> { [1] = "a" } }));

        Assert.That((query.ParamName, headers.ParamName), Is.EqualTo(("query", "headers")));
        Assert.That(query.Message, Does.Contain("a key of type Int32: names must be strings"));
    }

    [Test]
    public async Task Rejects_a_null_name()
    {
        var options = new List<KeyValuePair<string, object?>> { new(null!, 1) };

        var error = await Refusal.Of(wx => wx.V3.Foo.GetAsync(options));

        Assert.That(error.ParamName, Is.EqualTo("options"));
        Assert.That(error.Message, Does.Contain("null name"));
    }

    [Test]
    public async Task Rejects_headers_that_differ_only_in_case()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Wechatpay-Serial"] = "PUB_KEY_ID_1", ["wechatpay-serial"] = "PUB_KEY_ID_2" };

        var error = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = new { a = 1 }, headers }));

        Assert.That(error.ParamName, Is.EqualTo("headers"));
        Assert.That(error.Message, Does.Contain("\"Wechatpay-Serial\" and \"wechatpay-serial\"").And.Contain("equal but for case"));
    }

    [Test]
    public async Task Rejects_query_and_xml_names_that_differ_only_in_case()
    {
        var query = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { query = new Dictionary<string, object>(StringComparer.Ordinal) { ["a"] = 1, ["A"] = 2 } }));
        var xml = await Refusal.Of(wx => wx["v2/pay/orderquery"].PostAsync(new { xml = new Dictionary<string, object>(StringComparer.Ordinal) { ["mch_id"] = TestKeys.Mchid, ["MCH_ID"] = "1" } }));

        Assert.That((query.ParamName, xml.ParamName), Is.EqualTo(("query", "xml")));
    }

    [Test]
    public async Task Rejects_an_option_given_twice()
    {
        var options = new List<KeyValuePair<string, object?>> { new("json", new { amount = 1 }), new("json", new { amount = 100 }) };

        var error = await Refusal.Of(wx => wx.V3.Foo.PostAsync(options));

        Assert.That(error.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public async Task Rejects_options_that_are_not_an_object_or_dictionary()
    {
        var array = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new[] { 1, 2 }));
        var text = await Refusal.Of(wx => wx["v2/pay/orderquery"].PostAsync(new { xml = "<xml/>" }));
        var number = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { query = 42 }));

        Assert.That((array.ParamName, text.ParamName, number.ParamName), Is.EqualTo(("options", "xml", "query")));
        Assert.That(text.Message, Does.Contain("must be an object or a dictionary"));
    }

    [Test]
    public async Task Rejects_an_enumerator_that_throws()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { query = new ThrowingPairs() }));

        Assert.That(error.ParamName, Is.EqualTo("query"));
        Assert.That(error.InnerException, Is.TypeOf<InvalidOperationException>());
    }

    [Test]
    public async Task Rejects_pairs_that_never_end()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.GetAsync(new { query = Endless() }));

        Assert.That(error.ParamName, Is.EqualTo("query"));
        Assert.That(error.Message, Does.Contain("more than 1000 names"));
    }

    [Test]
    public async Task Reads_an_options_object_with_a_write_only_property()
    {
        var time = new FixedTime();
        await using var server = new RawHttpServer(_ => Task.FromResult((200, (IDictionary<string, string>)Platform.SignatureHeaders("{}", time.UnixSeconds), "{}")));
        dynamic wx = Builder.Factory(TestKeys.Options(time, server.BaseUri));

        await wx.V3.Foo.GetAsync(new WriteOnly());

        Assert.That(server.Requests.Single().Target, Is.EqualTo("/v3/foo?a=1"));
    }

    private static IEnumerable<KeyValuePair<string, object?>> Endless()
    {
        for (var i = 0; ; i++)
        {
            yield return new("k" + i, i);
        }
    }

    public sealed class ThrowingOptions
    {
        public object json => throw new InvalidOperationException("secret-in-message");
    }

    public sealed class ThrowingNumber : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => throw new FormatException();
    }

    public sealed class ThrowingPairs : IEnumerable<KeyValuePair<string, object?>>
    {
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => throw new InvalidOperationException("collection was modified");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public sealed class WriteOnly
    {
        public object query => new { a = 1 };

#pragma warning disable CA1044 // the point: a property with no getter
        public string Ignored
        {
            set { }
        }
#pragma warning restore CA1044
    }
}
