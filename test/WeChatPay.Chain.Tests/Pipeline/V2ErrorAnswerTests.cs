using Flurl.Http.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Pipeline;

/// <summary>APIv2 failure answers: a sign is verified when present; without one, the failure is raised marked unverified.</summary>
public class V2ErrorAnswerTests
{
    private IChainNode _wx = null!;
    private HttpTest _http = null!;

    [SetUp]
    public void SetUp()
    {
        _wx = Builder.Factory(V2.Options());
        _http = new HttpTest();
    }

    [TearDown]
    public void TearDown() => _http.Dispose();

    private static Dictionary<string, string> BusinessFailure() => new()
    {
        ["return_code"] = "SUCCESS", ["return_msg"] = "OK", ["result_code"] = "FAIL", ["err_code"] = "ORDERNOTEXIST", ["err_code_des"] = "订单不存在", ["mch_id"] = "10000100", ["nonce_str"] = "n0nce",
    };

    private Task<WeChatPayResponse> Query() => _wx["v2/pay/orderquery"].PostAsync(new { xml = new { mch_id = "10000100", out_trade_no = "T1" } });

    [Test]
    public void An_unsigned_business_failure_is_raised_marked_unverified()
    {
        _http.RespondWith(V2.Answer(BusinessFailure(), signType: null));

        var error = Assert.ThrowsAsync<WeChatPayResultException>(Query);

        Assert.That((error!.IsVerified, error.ErrCode), Is.EqualTo((false, "ORDERNOTEXIST")));
        Assert.That(error.Message, Does.Contain("Unverified"));
    }

    [Test]
    public void A_signed_business_failure_is_verified()
    {
        _http.RespondWith(V2.Answer(BusinessFailure()));

        var error = Assert.ThrowsAsync<WeChatPayResultException>(Query);

        Assert.That((error!.IsVerified, error.ErrCode), Is.EqualTo((true, "ORDERNOTEXIST")));
    }

    [Test]
    public void A_business_failure_with_a_forged_sign_is_refused()
    {
        _http.RespondWith(V2.Answer(BusinessFailure(), secret: new string('0', 32)));

        Assert.ThrowsAsync<InvalidResponseSignException>(Query);
    }

    [Test]
    public void A_refusal_carries_no_sign_and_is_raised_unverified()
    {
        _http.RespondWith(V2.Answer(new() { ["return_code"] = "FAIL", ["return_msg"] = "签名错误" }, signType: null));

        var error = Assert.ThrowsAsync<WeChatPayResultException>(Query);

        Assert.That((error!.IsVerified, error.ReturnMsg), Is.EqualTo((false, "签名错误")));
    }

    [Test]
    public void A_success_without_a_sign_is_still_refused()
    {
        var fields = BusinessFailure();
        fields["result_code"] = "SUCCESS";
        _http.RespondWith(V2.Answer(fields, signType: null));

        var error = Assert.ThrowsAsync<InvalidResponseSignException>(Query);
        Assert.That(error!.SignType, Is.Null);
    }
}
