using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Notifications;

/// <summary>Notifications are verified exactly like responses, then decrypted; each failed check has its reason.</summary>
public class NotificationTests
{
    private static readonly object Transaction = new { mchid = "1900000109", out_trade_no = "20150806125346", transaction_id = "4208450740201411110007820472", trade_state = "SUCCESS", amount = new { total = 100, currency = "CNY" } };

    private FixedTime _time = null!;
    private FakePlatform _platform = null!;
    private IChainNode _wx = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _time = new FixedTime(DateTimeOffset.UtcNow);
        _platform = await FakePlatform.StartAsync(new FakePlatformOptions { TimeProvider = _time });
        _wx = Builder.Factory(_platform.ClientOptions());
    }

    [OneTimeTearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    private Notice Parse(PlatformNotification notification, IChainNode? instance = null) =>
        Notification.Parse(instance ?? _wx, notification.Headers, notification.Body);

    private NotificationRejection Rejected(PlatformNotification notification, IChainNode? instance = null) =>
        Assert.Throws<NotificationRejectedException>(() => Parse(notification, instance))!.Reason;

    private sealed record Paid(string Out_trade_no, string Trade_state);

    [TestCase(SigningMode.PublicKey)]
    [TestCase(SigningMode.PlatformCertificate)]
    public void Verifies_and_decrypts_a_notification(SigningMode mode)
    {
        _platform.SigningMode = mode;
        try
        {
            var notice = Parse(_platform.Notifications.Create("TRANSACTION.SUCCESS", Transaction));
            Assert.That((notice.EventType, notice.OriginalType, notice.ResourceType), Is.EqualTo(("TRANSACTION.SUCCESS", "transaction", "encrypt-resource")));
            Assert.That((string)notice.Data.out_trade_no, Is.EqualTo("20150806125346"));
            Assert.That((int)notice.Data.amount.total, Is.EqualTo(100));
            Assert.That(notice.As<Paid>(), Is.EqualTo(new Paid("20150806125346", "SUCCESS")));
            Assert.That(notice.Serial, Is.EqualTo(mode == SigningMode.PublicKey ? _platform.Credentials.PublicKeyId : _platform.Credentials.PlatformSerial));
            Assert.That(notice.ToString(), Does.Not.Contain("20150806125346"));
        }
        finally
        {
            _platform.SigningMode = SigningMode.PublicKey;
        }
    }

    [TestCase(Fault.BadSignature, NotificationRejection.BadSignature)]
    [TestCase(Fault.WrongKey, NotificationRejection.BadSignature)]
    [TestCase(Fault.StaleTimestamp, NotificationRejection.Timestamp)]
    [TestCase(Fault.UnknownSerial, NotificationRejection.UnknownSerial)]
    [TestCase(Fault.SignatureProbe, NotificationRejection.SignatureProbe)]
    [TestCase(Fault.NoSignatureHeaders, NotificationRejection.HeadersMissing)]
    public void Rejects_a_tampered_notification(Fault fault, NotificationRejection reason) =>
        Assert.That(Rejected(_platform.Notifications.Create("TRANSACTION.SUCCESS", Transaction, fault: fault)), Is.EqualTo(reason));

    [TestCase("""{"algorithm":"AEAD_AES_256_GCM","ciphertext":{"x":1},"nonce":"n","associated_data":""}""")]
    [TestCase("""{"algorithm":"AEAD_AES_256_GCM","ciphertext":"AAAA","nonce":["n"],"associated_data":""}""")]
    [TestCase("""{"algorithm":7,"ciphertext":"AAAA","nonce":"n","associated_data":""}""")]
    [TestCase("""{"algorithm":"AEAD_AES_256_GCM","ciphertext":"AAAA","nonce":"n","associated_data":{"a":[]}}""")]
    public void Rejects_a_signed_notification_whose_resource_fields_are_not_text(string resource)
    {
        var body = $$"""{"id":{"x":1},"event_type":["E"],"resource":{{resource}}}""";
        var headers = Platform.SignatureHeaders(body, _time.UnixSeconds, _platform.Credentials.PublicKey, _platform.Credentials.PublicKeyId);

        var error = Assert.Throws<NotificationRejectedException>(() => Notification.Parse(_wx, headers, body));
        Assert.That(error!.Reason, Is.EqualTo(NotificationRejection.Malformed));
    }

    [TestCase("Wechatpay-Signature")]
    [TestCase("Wechatpay-Serial")]
    public void Rejects_a_notification_carrying_a_signature_header_twice(string header)
    {
        var notification = _platform.Notifications.Create("TRANSACTION.SUCCESS", Transaction);
        var headers = new Dictionary<string, string>(notification.Headers, StringComparer.OrdinalIgnoreCase);
        headers[header] = headers[header] + "," + headers[header];     // what ASP.NET's StringValues gives for two lines

        var error = Assert.Throws<NotificationRejectedException>(() => Notification.Parse(_wx, headers, notification.Body));
        Assert.That(error!.Reason, Is.EqualTo(NotificationRejection.DuplicateHeader));
    }

    [Test]
    public void Rejects_a_notification_whose_body_was_altered()
    {
        var notification = _platform.Notifications.Create("TRANSACTION.SUCCESS", Transaction);
        var altered = notification with { Body = notification.Body.Replace("TRANSACTION.SUCCESS", "REFUND.SUCCESS", StringComparison.Ordinal) };
        Assert.That(Rejected(altered), Is.EqualTo(NotificationRejection.BadSignature));
    }

    [Test]
    public void Judges_the_window_by_the_instance_clock()
    {
        var notification = _platform.Notifications.Create("TRANSACTION.SUCCESS", Transaction);
        var options = _platform.ClientOptions();
        options.TimeProvider = new FixedTime(_time.Now.AddSeconds(301));
        Assert.That(Rejected(notification, Builder.Factory(options)), Is.EqualTo(NotificationRejection.Timestamp));
        options.TimeProvider = new FixedTime(_time.Now.AddSeconds(299));
        Assert.DoesNotThrow(() => Parse(notification, Builder.Factory(options)));
    }

    [Test]
    public void Rejects_a_resource_that_does_not_decrypt_with_the_apiv3_key()
    {
        var options = _platform.ClientOptions();
        options.ApiV3Key = new string('k', 32);
        var error = Assert.Throws<NotificationRejectedException>(() => Parse(_platform.Notifications.Create("TRANSACTION.SUCCESS", Transaction), Builder.Factory(options)));
        Assert.That(error!.Reason, Is.EqualTo(NotificationRejection.Undecryptable));
        Assert.That(error.Message, Does.Not.Contain(new string('k', 32)).And.Not.Contain(_platform.Credentials.ApiV3Key));
    }

    [Test]
    public void Needs_the_apiv3_key_to_decrypt()
    {
        var options = _platform.ClientOptions();
        options.ApiV3Key = null;
        var error = Assert.Throws<InvalidOperationException>(() => Parse(_platform.Notifications.Create("TRANSACTION.SUCCESS", Transaction), Builder.Factory(options)));
        Assert.That(error!.Message, Does.Contain("ApiV3Key"));
    }

    [Test]
    public void Refuses_an_apiv3_key_of_the_wrong_length_at_the_factory()
    {
        var options = _platform.ClientOptions();
        options.ApiV3Key = "short";
        Assert.That(Assert.Throws<ArgumentException>(() => Builder.Factory(options))!.ParamName, Is.EqualTo("ApiV3Key"));
    }

    [Test]
    public void Decrypts_an_apiv2_refund_notification()
    {
        var xml = _platform.Notifications.CreateRefund(new Dictionary<string, string> { ["out_refund_no"] = "R1", ["refund_status"] = "SUCCESS", ["refund_fee"] = "100" });
        var fields = Notification.ParseRefund(_wx, xml);
        Assert.That((fields["out_refund_no"], fields["refund_status"], fields["refund_fee"]), Is.EqualTo(("R1", "SUCCESS", "100")));
    }

    [Test]
    public void Rejects_a_refund_notification_for_another_key_or_merchant()
    {
        var xml = _platform.Notifications.CreateRefund(new Dictionary<string, string> { ["out_refund_no"] = "R1" });
        var options = _platform.ClientOptions();
        options.Secret = new string('s', 32);
        Assert.That(Assert.Throws<NotificationRejectedException>(() => Notification.ParseRefund(Builder.Factory(options), xml))!.Reason, Is.EqualTo(NotificationRejection.Undecryptable));

        var other = xml.Replace($"<mch_id><![CDATA[{_platform.Credentials.Mchid}]]>", "<mch_id><![CDATA[1900000110]]>", StringComparison.Ordinal);
        Assert.That(Assert.Throws<NotificationRejectedException>(() => Notification.ParseRefund(_wx, other))!.Reason, Is.EqualTo(NotificationRejection.Malformed));
    }

    [Test]
    public void Rejects_a_refund_notification_carrying_a_dtd()
    {
        const string xxe = """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><return_code>SUCCESS</return_code><req_info>&xxe;</req_info></xml>""";
        Assert.That(Assert.Throws<NotificationRejectedException>(() => Notification.ParseRefund(_wx, xxe))!.Reason, Is.EqualTo(NotificationRejection.Malformed));
    }
}
