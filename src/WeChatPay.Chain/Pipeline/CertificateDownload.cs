using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// One download of <c>GET /v3/certificates</c>: each certificate decrypted with the APIv3 key (AEAD_AES_256_GCM, or
/// AEAD_SM4_GCM as its entry names), checked against the serial it is listed under, and the answer verified with the
/// certificate its <c>Wechatpay-Serial</c> names, downloaded or already known (bootstrapping). The renewer and
/// <see cref="Certificates.DownloadAsync"/> share it.
/// </summary>
internal static class CertificateDownload
{

    private static readonly AsyncLocal<bool> Downloading = new();

    /// <summary>Whether the current call is a certificate download, which verifies its answer itself.</summary>
    public static bool IsRunning => Downloading.Value;

    /// <summary>Downloads, decrypts and verifies the set of <paramref name="algorithmType"/> (RSA when null, SM2 or ALL).</summary>
    public static async Task<IReadOnlyList<PlatformCertificate>> FetchAsync(Client client, string apiV3Key, string? algorithmType, IReadOnlyDictionary<string, PlatformKey> known, TimeProvider time, CancellationToken cancellationToken)
    {
        WeChatPayResponse response;
        Downloading.Value = true;
        try
        {
            var options = algorithmType is null ? null : new { query = new { algorithm_type = algorithmType } };
            response = await client.SendAsync(HttpMethod.Get, PathTemplate.Root.Append(["v3", "certificates"]), options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Downloading.Value = false;
        }

        var downloaded = Decrypt(response, apiV3Key, algorithmType == "SM2");
        var keys = known.ToDictionary(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var certificate in downloaded)
        {
            keys[certificate.Serial] = certificate.Key;
        }

        new SignatureCheck(keys, time).Check(response.Header, response.Bytes.Span, new ResponseRejections(response));
        return downloaded;
    }

    private static List<PlatformCertificate> Decrypt(WeChatPayResponse response, string apiV3Key, bool sm2)
    {
        var list = new List<PlatformCertificate>();
        foreach (var item in response.Parsed?["data"] as JArray ?? [])
        {
            var serial = Json.Text(item, "serial_no");
            var sealedCertificate = item is JObject ? item["encrypt_certificate"] as JObject : null;
            if (serial is null || sealedCertificate is null)
            {
                continue;
            }

            var ciphertext = Json.Text(sealedCertificate, "ciphertext") ?? throw new CryptographicException($"The certificate listed as {Excerpt.Of(serial, Excerpt.TokenLength)} has no ciphertext.");
            var (nonce, associatedData) = (Json.Text(sealedCertificate, "nonce") ?? string.Empty, Json.Text(sealedCertificate, "associated_data") ?? string.Empty);
            var sealedWith = Json.Text(sealedCertificate, "algorithm") ?? (sm2 ? Crypto.SealedResource.Sm4GcmName : Crypto.SealedResource.AesGcmName);
            var pem = Crypto.SealedResource.IsKnown(sealedWith)
                ? Crypto.SealedResource.Open(sealedWith, ciphertext, apiV3Key, nonce, associatedData)
                : throw new CryptographicException($"The certificate listed as {Excerpt.Of(serial, Excerpt.TokenLength)} is sealed with {Excerpt.Of(sealedWith, Excerpt.TokenLength)}; this library opens {Crypto.SealedResource.Names}.");
            using var certificate = X509Certificate2.CreateFromPem(pem);
            if (!certificate.SerialNumber.Equals(serial, StringComparison.OrdinalIgnoreCase))
            {
                throw new CryptographicException($"The downloaded certificate listed as {Excerpt.Of(serial, Excerpt.TokenLength)} has serial {certificate.SerialNumber}.");
            }

            var (key, algorithm) = certificate.GetRSAPublicKey() is { } rsa ? (PlatformKey.Of(rsa), "RSA")
                : Crypto.PemKeys.IsEcKey(pem) ? (PlatformKey.Of(Crypto.Sm2.LoadPublicKey(pem)), "SM2")
                : throw new CryptographicException("A downloaded certificate holds neither an RSA nor an SM2 key.");
            list.Add(new PlatformCertificate(serial.ToUpperInvariant(), algorithm, pem, new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), key));
        }

        return list;
    }
}
