using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Testing;

/// <summary>The fake platform's return APIs hold to the seed documents' rules, seen through the library.</summary>
public class ReturnOrdersTests
{
    private FixedTime _time = null!;
    private FakePlatform _platform = null!;
    private IChainNode _wx = null!;

    [SetUp]
    public async Task Start()
    {
        _time = new FixedTime(DateTimeOffset.UtcNow);
        _platform = await FakePlatform.StartAsync(new FakePlatformOptions { TimeProvider = _time });
        _wx = Builder.Factory(_platform.ClientOptions());
    }

    [TearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    private static Dictionary<string, object?> Valid(string number = "R20190516001") => new()
    {
        ["sub_mchid"] = "1900000109",
        ["order_id"] = "3008450740201411110007820472",
        ["out_return_no"] = number,
        ["return_mchid"] = "86693852",
        ["amount"] = 10,
        ["description"] = "分账回退",
    };

    private Task<WeChatPayResponse> Create(Dictionary<string, object?> json) =>
        _wx.Chain("v3/ecommerce/profitsharing/returnorders").PostAsync(new { json });

    private Task<WeChatPayResponse> Query(string number) =>
        _wx.Chain("v3/ecommerce/profitsharing/returnorders").GetAsync(new { query = new { sub_mchid = "1900000109", order_id = "3008450740201411110007820472", out_return_no = number } });

    private WeChatPayApiException Refused(Dictionary<string, object?> json) =>
        Assert.ThrowsAsync<WeChatPayApiException>(() => Create(json))!;

    [TestCase("out_return_no")]
    [TestCase("return_mchid")]
    [TestCase("amount")]
    [TestCase("description")]
    [TestCase("sub_mchid")]
    public void Refuses_a_request_missing_a_required_field(string field)
    {
        var json = Valid();
        json.Remove(field);
        var error = Refused(json);
        Assert.That((error.StatusCode, error.Code), Is.EqualTo((400, "PARAM_ERROR")));
        Assert.That((string?)error.Detail?["field"], Is.EqualTo(field));
    }

    [Test]
    public void Needs_exactly_one_of_order_id_and_out_order_no()
    {
        var both = Valid();
        both["out_order_no"] = "P20150806125346";
        var neither = Valid();
        neither["order_id"] = "";
        Assert.That((Refused(both)).Code, Is.EqualTo("PARAM_ERROR"));
        Assert.That((Refused(neither)).Code, Is.EqualTo("PARAM_ERROR"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1.5)]
    [TestCase("10")]
    public void Needs_a_whole_positive_amount_in_fen(object amount)
    {
        var json = Valid();
        json["amount"] = amount;
        var error = Refused(json);
        Assert.That(((string?)error.Detail?["field"], error.Code), Is.EqualTo(("amount", "PARAM_ERROR")));
    }

    [TestCase("R 1")]
    [TestCase("R#1")]
    [TestCase("退款1")]
    public void Refuses_an_out_return_no_outside_its_charset(string number)
    {
        var error = Refused(Valid(number));
        Assert.That((string?)error.Detail?["field"], Is.EqualTo("out_return_no"));
    }

    [Test]
    public void Refuses_fields_over_their_length()
    {
        var json = Valid(new string('R', 65));
        Assert.That((string?)(Refused(json)).Detail?["field"], Is.EqualTo("out_return_no"));
        json = Valid();
        json["description"] = new string('退', 81);
        Assert.That((string?)(Refused(json)).Detail?["field"], Is.EqualTo("description"));
    }

    [Test]
    public async Task Treats_the_same_out_return_no_again_as_the_same_request()
    {
        var first = await Create(Valid());
        var again = await Create(Valid());
        Assert.That((string)again.Data!.return_no, Is.EqualTo((string)first.Data!.return_no));

        var other = Valid();
        other["amount"] = 11;
        var error = Refused(other);
        Assert.That((error.StatusCode, error.Code), Is.EqualTo((400, "INVALID_REQUEST")));
    }

    [Test]
    public async Task Refuses_more_than_the_receiver_was_given()
    {
        var json = Valid();
        json["amount"] = 101;
        Assert.That((Refused(json)).Code, Is.EqualTo("INVALID_REQUEST"));
        json = Valid("R2");
        json["amount"] = 100;
        await Create(json);
        Assert.That((Refused(Valid("R3"))).Code, Is.EqualTo("INVALID_REQUEST"), "nothing is left to return");
    }

    [Test]
    public void Refuses_a_receiver_the_order_did_not_pay()
    {
        var json = Valid();
        json["return_mchid"] = "86693853";
        Assert.That((Refused(json)).Code, Is.EqualTo("INVALID_REQUEST"));
    }

    [Test]
    public async Task Answers_404_for_an_unknown_order_or_return()
    {
        var json = Valid();
        json["order_id"] = "3008450740201411110000000000";
        var unknown = Refused(json);
        Assert.That((unknown.StatusCode, unknown.Code), Is.EqualTo((404, "RESOURCE_NOT_EXISTS")));
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Query("R-never"));
        Assert.That(error!.Code, Is.EqualTo("RESOURCE_NOT_EXISTS"));
    }

    [Test]
    public void Answers_403_for_a_sub_merchant_without_profit_sharing()
    {
        var json = Valid();
        json["sub_mchid"] = "1900000110";
        var error = Refused(json);
        Assert.That((error.StatusCode, error.Code), Is.EqualTo((403, "NO_AUTH")));
    }

    [Test]
    public async Task Fails_a_return_from_an_abnormal_account_and_gives_the_amount_back()
    {
        _platform.ProfitSharing.MarkAbnormal("86693852");
        var json = Valid();
        json["amount"] = 100;
        await Create(json);
        var queried = await Query("R20190516001");
        Assert.That(((string)queried.Data!.result, (string)queried.Data.fail_reason), Is.EqualTo(("FAIL", "ACCOUNT_ABNORMAL")));
        Assert.DoesNotThrowAsync(() => Create(Valid("R-again")), "the failed return's 100 fen are returnable again");
    }

    [Test]
    public async Task Closes_a_return_still_processing_after_five_days()
    {
        _platform.ProfitSharing.HoldProcessing("86693852");
        await Create(Valid());
        Assert.That((string)(await Query("R20190516001")).Data!.result, Is.EqualTo("PROCESSING"));

        _time.Now = _time.Now.AddDays(5).AddMinutes(1);
        var queried = await Query("R20190516001");
        Assert.That(((string)queried.Data!.result, (string)queried.Data.fail_reason), Is.EqualTo(("FAIL", "TIME_OUT_CLOSED")));
    }
}
