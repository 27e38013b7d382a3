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
        long bytes = await Download.BillToFileAsync(wx, bill, "tradebill-2026-11-22.csv"); // DownloadIntegrityException if the bytes do not match
        #endregion
        Assert.That(File.ReadAllText("tradebill-2026-11-22.csv"), Does.StartWith("交易时间"));
        Assert.That(bytes, Is.EqualTo(new FileInfo("tradebill-2026-11-22.csv").Length));
        File.Delete("tradebill-2026-11-22.csv");

        #region download-bill-in-memory
        WeChatPayResponse file = await Download.BillAsync(wx, bill);    // within MaxResponseSize; checked the same way
        var csv = file.Body;
        #endregion
        Assert.That(csv, Does.StartWith("交易时间"));
    }

    [Test]
    public async Task Statement()
    {
        dynamic wx = Builder.Factory(Platform.ClientOptions());
        #region download-statement
        // Wechatpay-Statement-Sha1 verified before the first byte is written, the bytes checked against it as they stream
        await Download.ToFileAsync(wx.Chain("hk/v3/statements"), "statement-2026-11-22.csv", new { query = new { date = "2026-11-22" } });
        #endregion
        Assert.That(File.ReadAllText("statement-2026-11-22.csv"), Does.StartWith("Date"));
        File.Delete("statement-2026-11-22.csv");
    }
}
