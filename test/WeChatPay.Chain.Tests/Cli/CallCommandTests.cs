using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Tests.Cli;

/// <summary><c>wechatpay call</c> against the fake platform: signed requests, verified answers, printed.</summary>
public class CallCommandTests : CliPlatformFixture
{
    [Test]
    public async Task Posts_json_to_a_path_and_prints_status_request_id_verification_and_body()
    {
        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "v3/profitsharing/return-orders", "--post", "--json", """{"out_order_no":"P20150806125346","out_return_no":"R1","return_mchid":"86693852","amount":10,"description":"用户退款"}"""]);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        var request = Platform.Requests.Single();
        Assert.That(request.Accepted, Is.True);
        Assert.That(result.Out, Does.StartWith("200 OK  POST /v3/profitsharing/return-orders"));
        Assert.That(result.Out, Does.Match(@"\nRequest-ID: [0-9A-F]{32}\n"));
        Assert.That(result.Out, Does.Contain($"Verified: yes, signature by {Platform.Credentials.PublicKeyId}"));
        var body = JObject.Parse(result.Out[result.Out.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.That((string?)body["out_return_no"], Is.EqualTo("R1"));
        Assert.That(result.Out, Does.Contain("\n  \"out_return_no\": \"R1\""), "pretty-printed");
    }

    [Test]
    public async Task Calls_a_chain_with_a_placeholder_and_a_query()
    {
        await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "V3.Profitsharing.ReturnOrders", "--json", """{"out_order_no":"P20150806125346","out_return_no":"R7","return_mchid":"86693852","amount":10,"description":"d"}"""]);

        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "V3.Profitsharing.ReturnOrders._out_return_no_", "-p", "out_return_no=R7", "-q", "out_order_no=P20150806125346", "--body-only"]);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        Assert.That(Platform.Requests[^1].RawTarget, Is.EqualTo("/v3/profitsharing/return-orders/R7?out_order_no=P20150806125346"));
        Assert.That((string?)JObject.Parse(result.Out)["out_return_no"], Is.EqualTo("R7"), "--body-only prints the body alone");
    }

    [Test]
    public async Task Reads_the_json_body_from_a_file_and_from_standard_input()
    {
        var file = Path.Combine(Cli.Home, "body.json");
        await File.WriteAllTextAsync(file, """{"type":"PERSONAL_OPENID","account":"o1","relation_type":"USER"}""");

        var fromFile = await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "v3/profitsharing/receivers/add", "--json", "@" + file]);
        var fromInput = await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "v3/profitsharing/receivers/add", "--json", "@-"], """{"type":"PERSONAL_OPENID","account":"o2","relation_type":"USER"}""", CancellationToken.None);

        Assert.That((fromFile.Code, fromInput.Code), Is.EqualTo((0, 0)), fromFile.All + fromInput.All);
        Assert.That(Platform.Requests.Select(r => (string?)JObject.Parse(r.Body)["account"]), Is.EqualTo(new[] { "o1", "o2" }));
    }

    [Test]
    public async Task Sends_an_apiv2_call_over_mutual_tls_with_security()
    {
        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "v2/secapi/pay/profitsharingreturn", "--security", "--xml",
            """{"mch_id":"1900000109","sub_mch_id":"1900000109","appid":"wx8888888888888888","out_order_no":"P20150806125346","out_return_no":"R2","return_account_type":"MERCHANT_ID","return_account":"86693852","return_amount":10,"description":"x"}"""]);

        Assert.That(result.Code, Is.EqualTo(0), result.All);
        Assert.That(result.Out, Does.Contain("Verified: yes, APIv2 sign checked with the APIv2 key"));
        Assert.That(result.Out, Does.Contain("\"result\": \"PROCESSING\""));
        Assert.That(Platform.Requests.Single().Body, Does.Contain("<out_return_no><![CDATA[R2]]></out_return_no>").Or.Contain("<out_return_no>R2</out_return_no>"));
    }

    [Test]
    public async Task Prints_a_refusal_with_its_code_and_whether_it_verified_and_exits_1()
    {
        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "v3/profitsharing/return-orders", "--post", "--json", """{"out_return_no":"R1"}"""]);

        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Out, Does.StartWith("400  POST /v3/profitsharing/return-orders"));
        Assert.That(result.Out, Does.Contain("Verified: yes"));
        Assert.That(result.Error, Does.Contain("error: PARAM_ERROR"));
    }

    [Test]
    public async Task Names_the_option_whose_json_is_malformed_and_sends_nothing()
    {
        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "v3/profitsharing/receivers/add", "--json", "{\"type\":"]);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--json is not JSON"));
        Assert.That(Platform.Requests, Is.Empty);
    }

    [Test]
    public async Task Names_the_param_option_when_a_placeholder_has_no_value()
    {
        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "v3/profitsharing/return-orders/{out_return_no}"]);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("{out_return_no}").And.Contain("--param name=value"));
        Assert.That(Platform.Requests, Is.Empty);
    }

    [Test]
    public async Task Refuses_two_methods_at_once()
    {
        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "v3/x", "--get", "--post"]);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--get and --post"));
    }

    [Test]
    public async Task Suggests_catalogued_paths_when_a_mistyped_one_is_refused()
    {
        var result = await Cli.RunAsync([.. CliRun.Options(Merchant), "call", "v3/pay/transaction/out-trade-no/T1"]);

        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("did you mean v3/pay/transactions/out-trade-no/{out_trade_no}"));
    }
}
