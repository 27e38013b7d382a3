// The examples of docs/downloads.md, compiled and run against the fake platform.
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Docs;

[NonParallelizable]
public class DownloadExamples : PlatformFixture
{
    [Test]
    public async Task Bill()
    {
        dynamic wx = Builder.Factory(Platform.ClientOptions());
        #region download-bill
        var bill = await wx.V3.Bill.Tradebill.GetAsync(new { query = new { bill_date = "2026-11-22", bill_type = "ALL" } });
        WeChatPayResponse file = await Download.BillAsync(wx, bill);    // DownloadIntegrityException if the bytes do not match
        await File.WriteAllBytesAsync("tradebill-2026-11-22.csv", file.Bytes.ToArray());
        #endregion
        Assert.That(File.ReadAllText("tradebill-2026-11-22.csv"), Does.StartWith("交易时间"));
        File.Delete("tradebill-2026-11-22.csv");
    }

    [Test]
    public async Task Statement()
    {
        dynamic wx = Builder.Factory(Platform.ClientOptions());
        #region download-statement
        // verified over {"sha1":…} and checked against Wechatpay-Statement-Sha1 before you see it
        WeChatPayResponse statement = await wx.Chain("hk/v3/statements").GetAsync(new { query = new { date = "2026-11-22" } });
        var csv = statement.Body;
        #endregion
        Assert.That(csv, Does.StartWith("Date"));
    }
}
