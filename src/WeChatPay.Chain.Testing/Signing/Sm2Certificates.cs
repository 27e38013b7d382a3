using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using WeChatPay.Chain.Crypto;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace WeChatPay.Chain.Testing;

/// <summary>The 国密 platform certificate: an SM2 key and a self-signed SM3withSM2 X.509 certificate over it.</summary>
internal static class Sm2Certificates
{
    /// <summary>A new key and its certificate, named by a random serial, valid from a day ago to five years on.</summary>
    /// <param name="now">The platform's clock.</param>
    public static (Sm2PrivateKey Key, string Serial, string Pem) Create(DateTimeOffset now)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(GMObjectIdentifiers.sm2p256v1, new SecureRandom()));
        var pair = generator.GenerateKeyPair();

        // Twenty bytes, the first non-zero and below 0x80, so the DER serial is exactly these bytes as .NET reads it.
        var serial = RandomNumberGenerator.GetBytes(20);
        serial[0] = (byte)((serial[0] & 0x6F) | 0x10);
        var certificate = new X509V3CertificateGenerator();
        certificate.SetSerialNumber(new BigInteger(1, serial));
        certificate.SetIssuerDN(new X509Name("CN=Tenpay.com SM2 Root CA (fake), O=WeChatPay.Chain.Testing"));
        certificate.SetSubjectDN(new X509Name("CN=Tenpay.com SM2 sign (fake), O=WeChatPay.Chain.Testing"));
        certificate.SetNotBefore(now.UtcDateTime.AddDays(-1));
        certificate.SetNotAfter(now.UtcDateTime.AddYears(5));
        certificate.SetPublicKey((ECPublicKeyParameters)pair.Public);
        var der = certificate.Generate(new Asn1SignatureFactory("SM3WITHSM2", pair.Private)).GetEncoded();
        var pkcs8 = new string(PemEncoding.Write("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetEncoded()));
        return (Sm2.LoadPrivateKey(pkcs8), Convert.ToHexString(serial), new string(PemEncoding.Write("CERTIFICATE", der)));
    }
}
