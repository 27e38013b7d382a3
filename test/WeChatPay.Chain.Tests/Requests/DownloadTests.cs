using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Requests;

/// <summary>Bill files are checked against their bill's hash; statements against Wechatpay-Statement-Sha1, end to end.</summary>
public class DownloadTests : PlatformFixture
{
    [SetUp]
    public void ClearFaults() => Platform.Faults.Clear();

    private Task<WeChatPayResponse> Bill() => Wx.Chain("v3/bill/tradebill").GetAsync(new { query = new { bill_date = "2026-11-22", bill_type = "ALL" } });

    [Test]
    public async Task Downloads_a_bill_file_and_checks_it_against_the_bill_hash()
    {
        var bill = await Bill();
        var file = await Download.BillAsync(Wx, bill);

        Assert.That(file.Body, Does.StartWith("交易时间").And.Contain("2026-11-22"));
        var download = Platform.Requests[^1];
        Assert.That((download.Path, download.Accepted), Is.EqualTo(("/v3/billdownload/file", true)), "the download request itself is signed");
        Assert.That(file.Header("Wechatpay-Signature"), Is.Null, "a file carries no signature; the hash stands in for it");
    }

    [Test]
    public async Task Refuses_a_bill_file_that_does_not_match_its_hash()
    {
        var bill = await Bill();
        Platform.Faults.Inject(Fault.TamperedDownload, when: r => r.Path == "/v3/billdownload/file");
        var error = Assert.ThrowsAsync<DownloadIntegrityException>(() => Download.BillAsync(Wx, bill));
        Assert.That((error!.Algorithm, error.Expected), Is.EqualTo(("SHA1", (string)bill.Data!.hash_value)));
        Assert.That(error.Actual, Is.Not.EqualTo(error.Expected));
    }

    [Test]
    public async Task Needs_a_bill_answer_with_its_hash()
    {
        var notABill = await Wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "o1", relation_type = "USER" } });
        Assert.ThrowsAsync<ArgumentException>(() => Download.BillAsync(Wx, notABill));
    }

    [TestCase("v3/statements")]
    [TestCase("hk/v3/statements")]
    public async Task Verifies_a_statement_by_its_sha1_header_and_checks_the_bytes(string path)
    {
        var statement = await Wx.Chain(path).GetAsync(new { query = new { date = "2026-11-22" } });
        Assert.That(statement.Body, Does.StartWith("Date,Merchant ID"));
        Assert.That(statement.Header("Wechatpay-Statement-Sha1"), Has.Length.EqualTo(40));
    }

    [Test]
    public void Refuses_a_statement_whose_bytes_do_not_match_the_header()
    {
        Platform.Faults.Inject(Fault.TamperedDownload);
        Assert.ThrowsAsync<DownloadIntegrityException>(() => Wx.Chain("v3/statements").GetAsync(new { query = new { date = "2026-11-22" } }));
    }

    [Test]
    public void Refuses_a_statement_whose_sha1_header_is_not_signed_by_thePlatform()
    {
        Platform.Faults.Inject(Fault.BadSignature);
        Assert.ThrowsAsync<InvalidResponseSignatureException>(() => Wx.Chain("v3/statements").GetAsync(new { query = new { date = "2026-11-22" } }));
    }
}
