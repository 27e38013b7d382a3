using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain;

/// <summary>An APIv3 notification (回调通知) that was verified and decrypted.</summary>
public sealed class Notice
{
    internal Notice(JObject envelope, string plaintext, string serial)
    {
        Envelope = envelope;
        Plaintext = plaintext;
        Serial = serial;
    }

    /// <summary>The notification's id.</summary>
    public string? Id => Json.Text(Envelope, "id");

    /// <summary>When the platform created it (RFC 3339 text, as sent).</summary>
    public string? CreateTime => Json.Text(Envelope, "create_time");

    /// <summary>What happened: <c>TRANSACTION.SUCCESS</c>, <c>REFUND.SUCCESS</c>, …</summary>
    public string? EventType => Json.Text(Envelope, "event_type");

    /// <summary>The resource type, <c>encrypt-resource</c>.</summary>
    public string? ResourceType => Json.Text(Envelope, "resource_type");

    /// <summary>The platform's summary (回调摘要).</summary>
    public string? Summary => Json.Text(Envelope, "summary");

    /// <summary>The resource's <c>original_type</c>: <c>transaction</c>, <c>refund</c>, …</summary>
    public string? OriginalType => Json.Text(Envelope["resource"] as JObject, "original_type");

    /// <summary>The serial whose key verified the signature.</summary>
    public string Serial { get; }

    /// <summary>The notification body as received (its resource still encrypted).</summary>
    public JObject Envelope { get; }

    /// <summary>The decrypted resource, as text.</summary>
    public string Plaintext { get; }

    /// <summary>The decrypted resource as JSON, for <c>notice.Data.out_trade_no</c>-style reading.</summary>
    public dynamic Data => Json.Parse(Plaintext);

    /// <summary>The decrypted resource deserialised to <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to read into.</typeparam>
    public T As<T>() => Json.Deserialize<T>(Plaintext);

    /// <summary>The event and id; never the decrypted content, which carries personal data.</summary>
    public override string ToString() => $"Notice {{ EventType = {EventType}, Id = {Id}, Serial = {Serial} }}";
}
