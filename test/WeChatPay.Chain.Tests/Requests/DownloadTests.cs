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
    public async Task Streams_a_bill_to_a_file_checking_its_hash_and_leaves_nothing_else_behind()
    {
        var bill = await Bill();
        var directory = Directory.CreateTempSubdirectory("bill-");
        var path = Path.Combine(directory.FullName, "tradebill.csv");
        var seen = new List<long>();

        var written = await Download.BillToFileAsync(Wx, bill, path, progress: new SyncProgress(seen));

        Assert.That(File.ReadAllText(path), Does.StartWith("交易时间"));
        Assert.That(written, Is.EqualTo(new FileInfo(path).Length));
        Assert.That(seen, Is.Not.Empty.And.Ordered);
        Assert.That(seen[^1], Is.EqualTo(written));
        Assert.That(directory.GetFiles().Select(f => f.Name), Is.EqualTo(new[] { "tradebill.csv" }));
        directory.Delete(recursive: true);
    }

    [Test]
    public async Task A_streamed_bill_that_does_not_match_its_hash_leaves_no_file_and_keeps_an_old_one()
    {
        var bill = await Bill();
        var directory = Directory.CreateTempSubdirectory("bill-");
        var path = Path.Combine(directory.FullName, "tradebill.csv");
        File.WriteAllText(path, "yesterday's file");
        Platform.Faults.Inject(Fault.TamperedDownload, when: r => r.Path == "/v3/billdownload/file");

        Assert.ThrowsAsync<DownloadIntegrityException>(() => Download.BillToFileAsync(Wx, bill, path));

        Assert.That(File.ReadAllText(path), Is.EqualTo("yesterday's file"));
        Assert.That(directory.GetFiles(), Has.Length.EqualTo(1), "the partial download was removed");
        directory.Delete(recursive: true);
    }

    [Test]
    public async Task Streams_a_bill_to_a_stream()
    {
        var bill = await Bill();
        using var destination = new MemoryStream();

        var written = await Download.BillToStreamAsync(Wx, bill, destination);

        Assert.That(written, Is.EqualTo(destination.Length));
        Assert.That(System.Text.Encoding.UTF8.GetString(destination.ToArray()), Does.StartWith("交易时间"));
    }

    [Test]
    public async Task Refuses_a_streamed_download_past_its_limit()
    {
        var bill = await Bill();
        using var destination = new MemoryStream();

        var error = Assert.ThrowsAsync<ResponseTooLargeException>(() => Download.BillToStreamAsync(Wx, bill, destination, maxBytes: 16));

        Assert.That(error!.Limit, Is.EqualTo(16));
        Assert.That(destination.Length, Is.Zero, "a declared length over the limit is refused before a byte is written");
    }

    [Test]
    public void Streams_no_more_than_its_limit_of_an_answer_already_read_to_verify_it()
    {
        using var destination = new MemoryStream();

        // A JSON answer is read whole to verify its signature before it is copied: the limit still holds.
        Assert.ThrowsAsync<ResponseTooLargeException>(() => Download.ToStreamAsync(Wx.Chain("v3/bill/tradebill"), destination, new { query = new { bill_date = "2026-11-22", bill_type = "ALL" } }, maxBytes: 10));

        Assert.That(destination.Length, Is.Zero);
    }

    [TestCase("v3/statements")]
    [TestCase("hk/v3/statements")]
    public async Task Streams_a_statement_verified_by_its_signed_sha1(string statements)
    {
        var path = Path.Combine(Path.GetTempPath(), "statement-" + Guid.NewGuid().ToString("N") + ".csv");

        await Download.ToFileAsync(Wx.Chain(statements), path, new { query = new { date = "2026-11-22" } });

        Assert.That(File.ReadAllText(path), Does.StartWith("Date,Merchant ID"));
        File.Delete(path);
    }

    [Test]
    public void A_streamed_statement_whose_bytes_do_not_match_is_refused_and_not_kept()
    {
        var path = Path.Combine(Path.GetTempPath(), "statement-" + Guid.NewGuid().ToString("N") + ".csv");
        Platform.Faults.Inject(Fault.TamperedDownload);

        Assert.ThrowsAsync<DownloadIntegrityException>(() => Download.ToFileAsync(Wx.Chain("v3/statements"), path, new { query = new { date = "2026-11-22" } }));

        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void A_streamed_statement_whose_sha1_is_not_the_platforms_is_refused_before_a_byte_is_written()
    {
        using var destination = new MemoryStream();
        Platform.Faults.Inject(Fault.BadSignature);

        Assert.ThrowsAsync<InvalidResponseSignatureException>(() => Download.ToStreamAsync(Wx.Chain("v3/statements"), destination, new { query = new { date = "2026-11-22" } }));

        Assert.That(destination.Length, Is.Zero);
    }

    /// <summary>Records progress as it is reported, on the reporting thread (Progress&lt;T&gt; would post it later).</summary>
    private sealed class SyncProgress(List<long> seen) : IProgress<long>
    {
        public void Report(long value) => seen.Add(value);
    }

    [Test]
    public void Refuses_a_statement_whose_sha1_header_is_not_signed_by_thePlatform()
    {
        Platform.Faults.Inject(Fault.BadSignature);
        Assert.ThrowsAsync<InvalidResponseSignatureException>(() => Wx.Chain("v3/statements").GetAsync(new { query = new { date = "2026-11-22" } }));
    }
}
