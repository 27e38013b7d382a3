namespace WeChatPay.Chain.Tests.Cli;

/// <summary><c>wechatpay endpoints list|describe</c>, from the catalogue, offline.</summary>
public class EndpointsCommandTests
{
    private CliRun _cli = null!;

    [SetUp]
    public void Create() => _cli = new CliRun();

    [TearDown]
    public void Dispose() => _cli.Dispose();

    [Test]
    public async Task Lists_the_operations_whose_path_has_every_word()
    {
        var result = await _cli.RunAsync("endpoints", "list", "profitsharing", "return");

        var expected = Catalogue.Operations.Where(o => o.Path.Contains("profitsharing", StringComparison.Ordinal) && o.Path.Contains("return", StringComparison.Ordinal)).ToList();
        Assert.That(result.Code, Is.EqualTo(0), result.All);
        Assert.That(result.Out, Does.Contain($"{expected.Count} of {Catalogue.Operations.Count} operations."));
        Assert.That(result.Out, Does.Match(@"│ POST\s+│ v3/profitsharing/return-orders\s+│"));
        Assert.That(result.Out, Does.Match(@"│ POST\s+│ v2/secapi/pay/profitsharingreturn\s+│ mutual TLS"));
    }

    [Test]
    public async Task Describes_the_fields_of_a_path_given_as_a_chain()
    {
        var result = await _cli.RunAsync("endpoints", "describe", "V3.Profitsharing.ReturnOrders", "--method", "POST");

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        Assert.That(result.Out, Does.Contain("POST v3/profitsharing/return-orders"));
        Assert.That(result.Out, Does.Match(@"│ out_return_no\s+│ body\s+│ string\s+│ yes\s+│"));
        Assert.That(result.Out, Does.Match(@"│ result\s+│ string\s+│ yes\s+│ one of PROCESSING, SUCCESS, FAILED"));
        Assert.That(result.Out, Does.Not.Contain("GET v3/profitsharing/return-orders"));
    }

    [Test]
    public async Task Marks_sensitive_fields_nested_under_their_parent()
    {
        var result = await _cli.RunAsync("endpoints", "describe", "v3/apply4subject/applyment", "-X", "post");

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        Assert.That(result.Out, Does.Match(@"│   id_card_number\s+│ body\s+│ string \(base64\)\s+│ yes\s+│ sensitive \(encrypted\)"));
    }

    [Test]
    public async Task Suggests_the_nearest_paths_for_an_unknown_one()
    {
        var result = await _cli.RunAsync("endpoints", "describe", "v3/profitsharing/return-order");

        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("v3/profitsharing/return-order is not in the catalogue; did you mean v3/profitsharing/return-orders"));
    }

    [Test]
    public async Task Says_when_nothing_matches_a_search()
    {
        var result = await _cli.RunAsync("endpoints", "list", "no-such-word");

        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Out, Does.Contain("No catalogued path contains no-such-word."));
    }

    [Test]
    public async Task Says_why_a_path_the_chain_refuses_is_refused_with_exit_code_2()
    {
        var result = await _cli.RunAsync("endpoints", "describe", "v3/pay/../x");

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.StartWith("error: Segment \"..\" of \"v3/pay/../x\" is a dot segment"));
    }
}
