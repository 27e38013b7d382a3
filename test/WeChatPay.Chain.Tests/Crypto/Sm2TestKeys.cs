using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace WeChatPay.Chain.Tests.Crypto;

/// <summary>An SM2 key pair made at run time with BouncyCastle, in every PEM form the loaders take.</summary>
internal sealed class Sm2TestKeys
{
    public Sm2TestKeys()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(GMObjectIdentifiers.sm2p256v1, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        Private = (ECPrivateKeyParameters)pair.Private;
        Public = (ECPublicKeyParameters)pair.Public;
    }

    /// <summary>The forms of a key made elsewhere, such as the fake platform's.</summary>
    public Sm2TestKeys(WeChatPay.Chain.Crypto.Sm2PrivateKey key)
    {
        // Named by the curve's OID, so the certificate names sm2p256v1 rather than spelling out its parameters.
        Private = new ECPrivateKeyParameters("EC", key.Parameters.D, GMObjectIdentifiers.sm2p256v1);
        Public = new ECPublicKeyParameters("EC", key.PublicKey.Parameters.Q, GMObjectIdentifiers.sm2p256v1);
    }

    public ECPrivateKeyParameters Private { get; }

    public ECPublicKeyParameters Public { get; }

    public string Pkcs8Pem => Pem("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(Private).GetEncoded());

    public string Sec1Pem => Pem("EC PRIVATE KEY", new ECPrivateKeyStructure(256, Private.D, new DerBitString(Public.Q.GetEncoded(false)), GMObjectIdentifiers.sm2p256v1).GetEncoded());

    public string SpkiPem => Pem("PUBLIC KEY", SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(Public).GetEncoded());

    public string CertificatePem => Certificate(BigInteger.ValueOf(Random.Shared.NextInt64(1, long.MaxValue)));

    /// <summary>A self-signed SM2 certificate over this key with the given hex serial, as <c>Wechatpay-Serial</c> names it.</summary>
    public string CertificateWithSerial(string hex) => Certificate(new BigInteger(hex, 16));

    private string Certificate(BigInteger serial)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(serial);
        generator.SetIssuerDN(new X509Name("CN=Tenpay.com Root CA"));
        generator.SetSubjectDN(new X509Name("CN=Tenpay.com sign"));
        generator.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        generator.SetNotAfter(DateTime.UtcNow.AddDays(1));
        generator.SetPublicKey(Public);
        return Pem("CERTIFICATE", generator.Generate(new Asn1SignatureFactory("SM3WITHSM2", Private)).GetEncoded());
    }

    public static string Pem(string label, byte[] der) => new string(PemEncoding.Write(label, der));
}
