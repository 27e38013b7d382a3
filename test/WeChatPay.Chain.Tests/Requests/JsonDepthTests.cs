using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Requests;

/// <summary>
/// A body nested without bound used to overflow the stack inside Newtonsoft.Json and end the process (exit 134,
/// uncatchable). Now the writer stops at 64 levels and the caller gets an ArgumentException naming the option and
/// the path; reference loops and throwing getters are refused the same way. These tests survive to assert it.
/// </summary>
public class JsonDepthTests
{
    private static Dictionary<string, object?> NestedDictionaries(int depth)
    {
        var root = new Dictionary<string, object?>();
        var current = root;
        for (var i = 1; i < depth; i++)
        {
            var next = new Dictionary<string, object?>();
            current["a"] = next;
            current = next;
        }

        return root;
    }

    private static List<object?> NestedArrays(int depth)
    {
        var root = new List<object?>();
        var current = root;
        for (var i = 1; i < depth; i++)
        {
            var next = new List<object?>();
            current.Add(next);
            current = next;
        }

        return root;
    }

    [TestCase(10_000)]
    [TestCase(100_000)]
    public async Task Rejects_deeply_nested_dictionaries_and_the_process_survives(int depth)
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = NestedDictionaries(depth) }));

        Assert.That(error.ParamName, Is.EqualTo("json"));
        Assert.That(error.Message, Does.Contain("deeper than 64 levels").And.Contain("json.a.a.a"));
    }

    [TestCase(10_000)]
    [TestCase(100_000)]
    public async Task Rejects_deeply_nested_arrays(int depth)
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = new { list = NestedArrays(depth) } }));

        Assert.That(error.ParamName, Is.EqualTo("json"));
        Assert.That(error.Message, Does.Contain("deeper than 64 levels").And.Contain("json.list[0][0]"));
    }

    [Test]
    public async Task Rejects_a_deeply_nested_jtoken()
    {
        JToken token = new JValue(1);
        for (var i = 0; i < 10_000; i++)
        {
            token = new JArray(token);
        }

        var error = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = new JObject { ["deep"] = token } }));

        Assert.That(error.ParamName, Is.EqualTo("json"));
    }

    [Test]
    public async Task Rejects_an_object_that_makes_a_new_child_each_time_it_is_read()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = new Endless() }));

        Assert.That(error.Message, Does.Contain("deeper than 64 levels").And.Contain("json.Next.Next"));
    }

    [Test]
    public async Task Rejects_a_reference_loop()
    {
        var loop = new Dictionary<string, object?> { ["b"] = 1 };
        loop["self"] = new List<object?> { loop };

        var error = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = new { a = loop } }));

        Assert.That(error.ParamName, Is.EqualTo("json"));
        Assert.That(error.Message, Does.Contain("loop").And.Contain("a.self"));
    }

    [Test]
    public async Task Rejects_a_getter_that_throws_naming_the_property()
    {
        var error = await Refusal.Of(wx => wx.V3.Foo.PostAsync(new { json = new { a = new Throwing() } }));

        Assert.That(error.ParamName, Is.EqualTo("json"));
        Assert.That(error.Message, Does.Contain("Boom").And.Not.Contain("secret-in-message"));
    }

    [Test]
    public async Task Rejects_a_deep_apiv2_field_value_naming_the_field()
    {
        var error = await Refusal.Of(wx => wx["v2/pay/refundquery"].PostAsync(new { xml = new { out_trade_no = "T1", detail = NestedDictionaries(10_000) } }));

        Assert.That(error.ParamName, Is.EqualTo("xml.detail"));
        Assert.That(error.Message, Does.Contain("xml.detail.a.a"));
    }

    [Test]
    public async Task Sends_a_body_64_levels_deep()
    {
        var time = new FixedTime();
        await using var server = new RawHttpServer(_ => Task.FromResult((200, (IDictionary<string, string>)Platform.SignatureHeaders("{}", time.UnixSeconds), "{}")));
        dynamic wx = Builder.Factory(TestKeys.Options(time, server.BaseUri));

        await wx.V3.Foo.PostAsync(new { json = NestedDictionaries(64) });

        Assert.That(server.Requests.Single().BodyText, Is.EqualTo(string.Concat(Enumerable.Repeat("{\"a\":", 63)) + "{}" + new string('}', 63)));
    }

    public sealed class Endless
    {
        public Endless Next => new();
    }

    public sealed class Throwing
    {
        public string Boom => throw new InvalidOperationException("secret-in-message");
    }
}
