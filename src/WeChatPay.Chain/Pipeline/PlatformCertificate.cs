namespace WeChatPay.Chain;

/// <summary>A platform certificate (平台证书) downloaded by <see cref="Certificates.DownloadAsync"/>, decrypted and verified.</summary>
public sealed class PlatformCertificate
{
    internal PlatformCertificate(string serial, string algorithm, string pem, DateTimeOffset effectiveTime, DateTimeOffset expireTime, Pipeline.PlatformKey key)
    {
        Serial = serial;
        Algorithm = algorithm;
        Pem = pem;
        EffectiveTime = effectiveTime;
        ExpireTime = expireTime;
        Key = key;
    }

    /// <summary>The serial, upper-case hex, as <c>Wechatpay-Serial</c> names it and <see cref="BuilderOptions.Certs"/> takes it.</summary>
    public string Serial { get; }

    /// <summary>The key's algorithm: <c>RSA</c>, or <c>SM2</c> (国密).</summary>
    public string Algorithm { get; }

    /// <summary>The certificate as PEM text (<c>-----BEGIN CERTIFICATE-----</c>), ready to save or to put in <see cref="BuilderOptions.Certs"/>.</summary>
    public string Pem { get; }

    /// <summary>When it starts to be valid.</summary>
    public DateTimeOffset EffectiveTime { get; }

    /// <summary>When it expires.</summary>
    public DateTimeOffset ExpireTime { get; }

    internal Pipeline.PlatformKey Key { get; }

    /// <summary>Names the certificate by serial, algorithm and validity.</summary>
    public override string ToString() => $"PlatformCertificate {{ Serial = {Serial}, Algorithm = {Algorithm}, ExpireTime = {ExpireTime:u} }}";
}
