using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WeChatPay.Chain.Tests.Support;

/// <summary>
/// A test certificate authority and a server certificate it issued for 127.0.0.1, made once per run, for TLS on
/// <see cref="RawHttpServer"/>. The client trusts the authority through <see cref="BuilderOptions.TrustedRoots"/>.
/// </summary>
internal static class TestTls
{
    private static readonly Lazy<(X509Certificate2 Authority, X509Certificate2 Server)> Pair = new(Make);

    public static X509Certificate2 Authority => Pair.Value.Authority;

    public static X509Certificate2 ServerCertificate => Pair.Value.Server;

    private static (X509Certificate2, X509Certificate2) Make()
    {
        var now = DateTimeOffset.UtcNow;
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=WeChatPay.Chain.Tests CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = serverRequest.Create(authority, now.AddDays(-1), now.AddMonths(6), serial);
        using var server = issued.CopyWithPrivateKey(serverKey);

        // A PKCS#12 round trip gives a key TLS can use on every platform; the authority needs no key once it has issued.
        return (
            X509CertificateLoader.LoadCertificate(authority.RawData),
            X509CertificateLoader.LoadPkcs12(server.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable));
    }
}
