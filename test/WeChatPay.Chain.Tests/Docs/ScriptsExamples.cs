using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Docs;

/// <summary>docs/scripts.md: the call a start-up-sensitive script writes against <see cref="IChainNode"/>, without <c>dynamic</c>.</summary>
[NonParallelizable]
public class ScriptsExamples
{
    [Test]
    public async Task A_call_written_against_IChainNode_is_signed_sent_and_verified()
    {
        await using var platform = await FakePlatform.StartAsync();
        var options = platform.ClientOptions();

        #region scripts-typed-call
        IChainNode wx = Builder.Factory(options);
        var res = await wx.Chain("v3/pay/transactions/out-trade-no/{out_trade_no}")
            .GetAsync(new { out_trade_no = "1217752501201407033233368018", query = new { mchid = "1230000109" } });
        #endregion

        Assert.That((res.StatusCode, res.IsVerified), Is.EqualTo((200, true)));
        var request = platform.Requests.Single();
        Assert.That((request.Method, request.RawTarget, request.Accepted), Is.EqualTo(("GET", "/v3/pay/transactions/out-trade-no/1217752501201407033233368018?mchid=1230000109", true)), request.ToString());
    }
}
