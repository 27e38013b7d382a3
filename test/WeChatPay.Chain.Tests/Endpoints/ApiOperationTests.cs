using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Tests.Endpoints;

/// <summary>How an operation's fields are read from the catalogue.</summary>
public class ApiOperationTests
{
    [Test]
    public void Keeps_an_example_that_looks_like_a_date_as_written()
    {
        var examples = Catalogue.Operations
            .SelectMany(o => o.Parameters.Concat(o.Response))
            .Where(f => f.Format is "rfc3339" or "date-time")
            .Select(f => f.Example)
            .OfType<JValue>()
            .ToList();

        Assert.That(examples, Has.Count.GreaterThan(10));
        Assert.That(examples.Select(e => e.Type), Is.All.EqualTo(JTokenType.String), "read as text, not as a date");
        Assert.That(examples.Count(e => ((string)e!).EndsWith("+08:00", StringComparison.Ordinal)), Is.GreaterThan(10), "with its offset");
    }
}
