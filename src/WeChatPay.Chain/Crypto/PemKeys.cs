using System.Formats.Asn1;
using System.Security.Cryptography;

namespace WeChatPay.Chain.Crypto;

/// <summary>
/// What kind of key a PEM block holds, read with the framework's ASN.1 reader: an RSA merchant's start-up never loads
/// BouncyCastle (about 6 MB of code to map and JIT) just to learn that its key is not SM2.
/// </summary>
internal static class PemKeys
{
    private const string EcPublicKey = "1.2.840.10045.2.1";
    private const string Sm2Curve = "1.2.156.10197.1.301";

    /// <summary>
    /// Whether the first PEM block of <paramref name="pem"/> holds an elliptic-curve key (SEC1, PKCS#8, SPKI or a
    /// certificate's): such a key is loaded as SM2, which names the curve when it is another; anything else is left
    /// to RSA, which names what is wrong with it.
    /// </summary>
    public static bool IsEcKey(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            return false;
        }

        var label = pem.AsSpan()[fields.Label];
        if (label is "EC PRIVATE KEY")
        {
            return true;
        }

        var der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(pem.AsSpan()[fields.Base64Data], der, out _))
        {
            return false;
        }

        try
        {
            var algorithm = label switch
            {
                "PRIVATE KEY" => PrivateKeyAlgorithm(der),
                "PUBLIC KEY" => SubjectPublicKeyAlgorithm(new AsnReader(der, AsnEncodingRules.DER).ReadSequence()),
                "CERTIFICATE" => CertificateKeyAlgorithm(der),
                _ => null,
            };
            return algorithm is EcPublicKey or Sm2Curve;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    // PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, … }
    private static string PrivateKeyAlgorithm(byte[] der)
    {
        var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        info.ReadInteger();
        return info.ReadSequence().ReadObjectIdentifier();
    }

    // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
    private static string SubjectPublicKeyAlgorithm(AsnReader info) => info.ReadSequence().ReadObjectIdentifier();

    // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version?, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, … }, … }
    private static string CertificateKeyAlgorithm(byte[] der)
    {
        var tbs = new AsnReader(der, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            tbs.ReadEncodedValue();
        }

        tbs.ReadEncodedValue(); // serialNumber
        tbs.ReadEncodedValue(); // signature
        tbs.ReadEncodedValue(); // issuer
        tbs.ReadEncodedValue(); // validity
        tbs.ReadEncodedValue(); // subject
        return SubjectPublicKeyAlgorithm(tbs.ReadSequence());
    }
}
