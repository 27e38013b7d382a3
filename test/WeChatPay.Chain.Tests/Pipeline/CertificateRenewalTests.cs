using Microsoft.Extensions.Time.Testing;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Pipeline;

/// <summary>
/// A long-running client with AutoRenewCertificates keeps working while the fake platform publishes, switches to and
/// retires platform certificates; the clock is a FakeTimeProvider, so hours pass in a test.
/// </summary>
public class CertificateRenewalTests
{
    private FakeTimeProvider _time = null!;
    private FakePlatform _platform = null!;
    private IChainNode _wx = null!;

    [SetUp]
    public async Task Start()
    {
        _time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _platform = await FakePlatform.StartAsync(new FakePlatformOptions { TimeProvider = _time, SigningMode = SigningMode.PlatformCertificate });
        var options = _platform.ClientOptions();
        options.Certs.Clear();                      // nothing to start with: the first answer bootstraps
        options.AutoRenewCertificates = true;
        _wx = Builder.Factory(options);
    }

    [TearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    private Task<WeChatPayResponse> Call() =>
        _wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "o" + Guid.NewGuid().ToString("N")[..8], relation_type = "USER" } });

    private int Downloads => _platform.Requests.Count(r => r.Path == "/v3/certificates");

    [Test]
    public async Task Bootstraps_from_no_certificate_with_one_download()
    {
        var res = await Call();
        Assert.That(res.Header("Wechatpay-Serial"), Is.EqualTo(_platform.Credentials.PlatformSerial));
        await Call();
        Assert.That(Downloads, Is.EqualTo(1), "the second call knows the serial already");
    }

    [Test]
    public async Task Keeps_working_across_a_rotation_announced_ahead()
    {
        await Call();
        var next = _platform.PublishPlatformCertificate();

        _time.Advance(TimeSpan.FromHours(12));       // the scheduled renewal runs and learns the new certificate
        await WaitFor(() => Downloads == 2);

        _platform.RotatePlatformCertificate();
        var res = await Call();

        Assert.That(res.Header("Wechatpay-Serial"), Is.EqualTo(next.SerialNumber));
        Assert.That(Downloads, Is.EqualTo(2), "no download was needed at the switch");
    }

    [Test]
    public async Task Refreshes_once_when_an_unannounced_serial_appears_and_not_more_than_once_a_minute()
    {
        await Call();
        _time.Advance(TimeSpan.FromMinutes(2));
        _platform.RotatePlatformCertificate();       // switched without notice

        await Call();
        Assert.That(Downloads, Is.EqualTo(2));

        _platform.RotatePlatformCertificate();       // again, within the minute: no second download
        Assert.ThrowsAsync<UnknownSerialException>(Call);
        Assert.That(Downloads, Is.EqualTo(2));

        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.DoesNotThrowAsync(Call);
        Assert.That(Downloads, Is.EqualTo(3));
    }

    [Test]
    public async Task Drops_certificates_that_have_expired()
    {
        await Call();
        var old = _platform.Credentials.PlatformCertificate;
        _time.Advance(TimeSpan.FromDays(365 * 5));   // the first certificate nears its end
        _platform.RotatePlatformCertificate();

        // Wait for that download to finish, not just to arrive: a renewal still in flight when the clock moves again
        // would be joined by the next scheduled one instead of followed by a new download.
        await WaitFor(() => Downloads >= 2 && !((ChainNode)_wx).Client.Identity.Renewer!.Busy);
        var before = Downloads;
        _time.Advance(TimeSpan.FromDays(2));         // and passes it; the scheduled renewals run meanwhile
        await WaitFor(() => Downloads > before);
        await Task.Delay(200);                       // let that download's keys be swapped in

        var known = ((ChainNode)_wx).Client.Identity.PlatformKeys!.Keys;
        Assert.That(known, Does.Not.Contain(old.SerialNumber), "the expired certificate was dropped");
        Assert.That(known, Does.Contain(_platform.Credentials.PlatformSerial));
        Assert.DoesNotThrowAsync(Call);
    }

    [Test]
    public async Task Keeps_a_configured_wechatpay_public_key_beside_downloaded_certificates()
    {
        var options = _platform.ClientOptions();
        options.Certs.Remove(_platform.Credentials.PlatformSerial);    // only the public key is configured
        options.AutoRenewCertificates = true;
        var wx = Builder.Factory(options);

        await wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "o1", relation_type = "USER" } });
        _platform.SigningMode = SigningMode.PublicKey;
        var res = await wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "o2", relation_type = "USER" } });

        Assert.That(res.Header("Wechatpay-Serial"), Is.EqualTo(_platform.Credentials.PublicKeyId));
        var keys = ((ChainNode)wx).Client.Identity.PlatformKeys!;
        Assert.That(keys.Keys, Is.EquivalentTo(new[] { _platform.Credentials.PublicKeyId, _platform.Credentials.PlatformSerial }));
    }

    [Test]
    public async Task A_notification_under_an_unannounced_certificate_refreshes_before_it_is_judged()
    {
        await Call();
        _time.Advance(TimeSpan.FromMinutes(2));
        _platform.RotatePlatformCertificate();
        var notification = _platform.Notifications.Create("TRANSACTION.SUCCESS", new { out_trade_no = "T1" });
        string? Header(string name) => notification.Headers.TryGetValue(name, out var value) ? value : null;
        var body = System.Text.Encoding.UTF8.GetBytes(notification.Body);

        Assert.That(Assert.Throws<NotificationRejectedException>(() => Notification.Parse(_wx, Header, body))!.Reason, Is.EqualTo(NotificationRejection.UnknownSerial), "Parse does not refresh");
        var notice = await Notification.ParseAsync(_wx, Header, body);

        Assert.That(notice.Serial, Is.EqualTo(_platform.Credentials.PlatformSerial));
        Assert.That(Downloads, Is.EqualTo(2));
    }

    [Test]
    public void Refuses_auto_renewal_without_the_apiv3_key()
    {
        var options = _platform.ClientOptions();
        options.AutoRenewCertificates = true;
        options.ApiV3Key = null;
        Assert.That(Assert.Throws<ArgumentException>(() => Builder.Factory(options))!.ParamName, Is.EqualTo("ApiV3Key"));
    }

    [Test]
    public void A_download_that_does_not_verify_is_not_trusted()
    {
        _platform.Faults.Inject(Fault.WrongKey, when: r => r.Path == "/v3/certificates");
        var error = Assert.ThrowsAsync<CertificateRenewalException>(Call);
        Assert.That(error!.InnerException, Is.TypeOf<InvalidResponseSignatureException>());
        Assert.That(error.Serial, Is.EqualTo(_platform.Credentials.PlatformSerial));
        Assert.That(Downloads, Is.EqualTo(1));
    }

    [Test]
    public async Task A_wrong_apiv3_key_fails_the_call_as_a_renewal_failure_naming_the_option()
    {
        var options = _platform.ClientOptions();
        options.Certs.Clear();
        options.AutoRenewCertificates = true;
        options.ApiV3Key = new string('k', 32);
        var wx = Builder.Factory(options);

        var error = Assert.ThrowsAsync<CertificateRenewalException>(() => wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "o1", relation_type = "USER" } }));

        Assert.That(error!.InnerException, Is.InstanceOf<System.Security.Cryptography.CryptographicException>());
        Assert.That(error.Message, Does.Contain("ApiV3Key").And.Not.Contain(options.ApiV3Key));
        Assert.That(error.Response.StatusCode, Is.EqualTo(200), "the call's own answer, refused because it could not be verified");

        // Within the minute no second download is made, and the call still says why it cannot be verified.
        var again = Assert.ThrowsAsync<CertificateRenewalException>(() => wx.Chain("v3/profitsharing/receivers/add").PostAsync(new { json = new { type = "PERSONAL_OPENID", account = "o2", relation_type = "USER" } }));
        Assert.That(again!.InnerException, Is.InstanceOf<System.Security.Cryptography.CryptographicException>());
        Assert.That(Downloads, Is.EqualTo(1));
        var status = Certificates.RenewalStatus(wx)!;
        Assert.That((status.LastSucceeded, status.LastFailed, status.LastError), Is.EqualTo(((DateTimeOffset?)null, (DateTimeOffset?)_time.GetUtcNow(), "AuthenticationTagMismatchException")), "the APIv3 key does not open the download");
        await Task.CompletedTask;
    }

    [Test]
    public async Task Reports_each_download_in_the_renewal_status_for_health_checks()
    {
        Assert.That(Certificates.RenewalStatus(_wx), Is.EqualTo(new CertificateRenewalStatus(null, null, null, 0)), "nothing downloaded yet");
        await Call();

        var status = Certificates.RenewalStatus(_wx)!;
        Assert.That((status.LastSucceeded, status.LastFailed, status.LastError, status.Certificates), Is.EqualTo(((DateTimeOffset?)_time.GetUtcNow(), (DateTimeOffset?)null, (string?)null, 1)));
        Assert.That(Certificates.RenewalStatus(Builder.Factory(_platform.ClientOptions())), Is.Null, "an instance that does not renew has no status");
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.That(condition(), Is.True, "timed out waiting for the background renewal");
    }
}
