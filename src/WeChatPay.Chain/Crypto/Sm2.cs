using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;
using PemReader = Org.BouncyCastle.Utilities.IO.Pem.PemReader;

namespace WeChatPay.Chain.Crypto;

/// <summary>
/// SM2 (GB/T 32918) as WeChat Pay's <c>WECHATPAY2-SM2-WITH-SM3</c> uses it, on BouncyCastle: keys from PEM text or
/// <c>file://</c> paths, SM3withSM2 signatures with the default user id <see cref="DefaultUserId"/>, ASN.1 DER encoded
/// and in base64, and encryption of sensitive fields as <c>SM2_C1C3C2_ASN1</c>. Load keys once and share them.
/// </summary>
public static class Sm2
{
    /// <summary>The user id (ID<sub>A</sub>) signatures are made with when none is agreed: GM/T 0009's default.</summary>
    public const string DefaultUserId = "1234567812345678";

    /// <summary>
    /// The curve. BouncyCastle's custom sm2p256v1 is several times faster than the generic one of GMNamedCurves;
    /// keys are re-based onto it however they were encoded.
    /// </summary>
    private static readonly ECDomainParameters Curve = Domain();

    private static readonly byte[] DefaultId = Encoding.ASCII.GetBytes(DefaultUserId);

    private const int CoordinateSize = 32;

    /// <summary>
    /// Loads a private key: PKCS#8 (<c>BEGIN PRIVATE KEY</c>) or SEC1 (<c>BEGIN EC PRIVATE KEY</c>) PEM text, or a
    /// <c>file://</c> path to one. The key must be on sm2p256v1.
    /// </summary>
    /// <param name="pemOrFile">PEM text or a <c>file://</c> path.</param>
    /// <exception cref="CryptographicException">The text holds no SM2 private key. The message never quotes the key.</exception>
    public static Sm2PrivateKey LoadPrivateKey(string pemOrFile)
    {
        var (type, der) = Pem(Rsa.Read(pemOrFile), nameof(pemOrFile));
        try
        {
            ECPrivateKeyStructure structure;
            switch (type)
            {
                case "PRIVATE KEY":
                    var info = PrivateKeyInfo.GetInstance(der);
                    RequireSm2(info.PrivateKeyAlgorithm, nameof(pemOrFile));
                    structure = ECPrivateKeyStructure.GetInstance(info.ParsePrivateKey());
                    break;
                case "EC PRIVATE KEY":
                    structure = ECPrivateKeyStructure.GetInstance(der);
                    if (structure.Parameters is { } parameters && !GMObjectIdentifiers.sm2p256v1.Equals(parameters))
                    {
                        throw NotSm2(nameof(pemOrFile));
                    }

                    break;
                case "ENCRYPTED PRIVATE KEY":
                    throw new CryptographicException($"The private key in {nameof(pemOrFile)} is encrypted; give the unencrypted PKCS#8 or SEC1 key.");
                default:
                    throw new CryptographicException($"{nameof(pemOrFile)} holds a PEM {type}, not an SM2 private key (PRIVATE KEY or EC PRIVATE KEY).");
            }

            var d = structure.GetKey();
            return d.SignValue > 0 && d.CompareTo(Curve.N) < 0
                ? new Sm2PrivateKey(new ECPrivateKeyParameters(d, Curve))
                : throw new CryptographicException($"The private key in {nameof(pemOrFile)} is out of range for sm2p256v1.");
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or FormatException)
        {
            throw new CryptographicException($"{nameof(pemOrFile)} holds a PEM {type} that is not a well-formed SM2 private key.", e);
        }
    }

    /// <summary>
    /// Loads a public key: an X.509 certificate (<c>BEGIN CERTIFICATE</c>, as the platform's 国密 certificate comes) or
    /// SPKI (<c>BEGIN PUBLIC KEY</c>) PEM text, or a <c>file://</c> path to one. The key must be on sm2p256v1.
    /// </summary>
    /// <param name="pemOrFile">PEM text or a <c>file://</c> path.</param>
    /// <exception cref="CryptographicException">The text holds no SM2 public key or certificate.</exception>
    public static Sm2PublicKey LoadPublicKey(string pemOrFile)
    {
        var (type, der) = Pem(Rsa.Read(pemOrFile), nameof(pemOrFile));
        try
        {
            var spki = type switch
            {
                "PUBLIC KEY" => SubjectPublicKeyInfo.GetInstance(der),
                "CERTIFICATE" => X509CertificateStructure.GetInstance(der).SubjectPublicKeyInfo,
                _ when type.Contains("PRIVATE KEY", StringComparison.Ordinal) =>
                    throw new CryptographicException($"Expected a certificate or public key in {nameof(pemOrFile)}, found a private key; a private key never belongs here."),
                _ => throw new CryptographicException($"{nameof(pemOrFile)} holds a PEM {type}, not a certificate or public key."),
            };
            RequireSm2(spki.Algorithm, nameof(pemOrFile));
            var point = Curve.Curve.DecodePoint(spki.PublicKey.GetBytes()).Normalize();
            return new Sm2PublicKey(new ECPublicKeyParameters(Curve.ValidatePublicPoint(point), Curve));
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or FormatException)
        {
            throw new CryptographicException($"{nameof(pemOrFile)} holds a PEM {type} that is not a well-formed SM2 public key.", e);
        }
    }

    /// <summary>Makes a new SM2 key pair on sm2p256v1, for tests and tools; a merchant's key comes from the merchant platform.</summary>
    public static Sm2PrivateKey CreateKey()
    {
        var generator = new Org.BouncyCastle.Crypto.Generators.ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Curve, new SecureRandom()));
        return new Sm2PrivateKey((ECPrivateKeyParameters)generator.GenerateKeyPair().Private);
    }

    /// <summary>Signs UTF-8 <paramref name="message"/> with SM3withSM2 and the default user id; returns base64 of the ASN.1 DER signature.</summary>
    /// <param name="message">The message to sign.</param>
    /// <param name="privateKey">The merchant's SM2 private key.</param>
    public static string Sign(string message, Sm2PrivateKey privateKey)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(privateKey);
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(privateKey.Parameters, new SecureRandom()), DefaultId));
        var bytes = Encoding.UTF8.GetBytes(message);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    /// <summary>Verifies a base64 ASN.1 DER SM3withSM2 signature, made with the default user id, over UTF-8 <paramref name="message"/>.</summary>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The base64 signature; malformed base64 or DER does not verify.</param>
    /// <param name="publicKey">The signer's public key.</param>
    public static bool Verify(string message, string signature, Sm2PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Verify(Encoding.UTF8.GetBytes(message), signature, publicKey);
    }

    /// <summary>Verifies a base64 ASN.1 DER SM3withSM2 signature, made with the default user id, over raw <paramref name="message"/> bytes.</summary>
    /// <param name="message">The signed bytes.</param>
    /// <param name="signature">The base64 signature; malformed base64 or DER does not verify.</param>
    /// <param name="publicKey">The signer's public key.</param>
    public static bool Verify(ReadOnlySpan<byte> message, string signature, Sm2PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        Span<byte> raw = stackalloc byte[128];
        if (signature is null || !Convert.TryFromBase64String(signature, raw, out var length))
        {
            return false;
        }

        var signer = new SM2Signer();
        signer.Init(false, new ParametersWithID(publicKey.Parameters, DefaultId));
        signer.BlockUpdate(message);
        try
        {
            return signer.VerifySignature(raw[..length].ToArray());
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Encrypts a sensitive field for the platform: SM2 with C1 ‖ C3 ‖ C2 in ASN.1 (<c>SM2_C1C3C2_ASN1</c>:
    /// <c>SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING, ciphertext OCTET STRING }</c>), base64.
    /// </summary>
    /// <param name="plaintext">The field's value.</param>
    /// <param name="publicKey">The platform's SM2 public key.</param>
    public static string Encrypt(string plaintext, Sm2PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(publicKey);
        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(publicKey.Parameters, new SecureRandom()));
        var input = Encoding.UTF8.GetBytes(plaintext);
        var raw = engine.ProcessBlock(input, 0, input.Length);

        // raw is 04 ‖ x ‖ y ‖ C3 (32) ‖ C2.
        const int c1 = 1 + (2 * CoordinateSize);
        var asn1 = new DerSequence(
            new DerInteger(new BigInteger(1, raw, 1, CoordinateSize)),
            new DerInteger(new BigInteger(1, raw, 1 + CoordinateSize, CoordinateSize)),
            new DerOctetString(raw.AsSpan(c1, Sm3.HashSize).ToArray()),
            new DerOctetString(raw.AsSpan(c1 + Sm3.HashSize).ToArray()));
        return Convert.ToBase64String(asn1.GetEncoded(Asn1Encodable.Der));
    }

    /// <summary>Decrypts a base64 <c>SM2_C1C3C2_ASN1</c> field encrypted to the merchant's SM2 key.</summary>
    /// <param name="ciphertext">The base64 field.</param>
    /// <param name="privateKey">The merchant's SM2 private key.</param>
    /// <exception cref="CryptographicException">It is not C1C3C2 ASN.1, or does not decrypt with this key.</exception>
    /// <exception cref="FormatException">The ciphertext is not base64.</exception>
    public static string Decrypt(string ciphertext, Sm2PrivateKey privateKey)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        ArgumentNullException.ThrowIfNull(privateKey);
        byte[] raw;
        try
        {
            var sequence = Asn1Sequence.GetInstance(Convert.FromBase64String(ciphertext));
            if (sequence.Count != 4)
            {
                throw new ArgumentException("not four elements");
            }

            raw = Arrays.ConcatenateAll(
                [0x04],
                BigIntegers.AsUnsignedByteArray(CoordinateSize, DerInteger.GetInstance(sequence[0]).Value),
                BigIntegers.AsUnsignedByteArray(CoordinateSize, DerInteger.GetInstance(sequence[1]).Value),
                Asn1OctetString.GetInstance(sequence[2]).GetOctets(),
                Asn1OctetString.GetInstance(sequence[3]).GetOctets());
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException)
        {
            throw new CryptographicException($"{nameof(ciphertext)} is not SM2 C1C3C2 in ASN.1.", e);
        }

        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(false, privateKey.Parameters);
        try
        {
            return Encoding.UTF8.GetString(engine.ProcessBlock(raw, 0, raw.Length));
        }
        catch (Exception e) when (e is InvalidCipherTextException or ArgumentException)
        {
            throw new CryptographicException($"{nameof(ciphertext)} does not decrypt with this SM2 key: another key, or altered data.", e);
        }
    }

    private static ECDomainParameters Domain()
    {
        var curve = CustomNamedCurves.GetByName("sm2p256v1");
        return new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H, curve.GetSeed());
    }

    private static (string Type, byte[] Der) Pem(string text, string parameter)
    {
        using var reader = new PemReader(new StringReader(text));
        try
        {
            var pem = reader.ReadPemObject();
            return pem is null
                ? throw new CryptographicException($"No PEM found in {parameter}: expected -----BEGIN …----- text or a file:// path to it.")
                : (pem.Type, pem.Content);
        }
        catch (IOException e)
        {
            throw new CryptographicException($"{parameter} is not well-formed PEM.", e);
        }
    }

    /// <summary>id-ecPublicKey or the SM2 algorithm, with no curve named or sm2p256v1 named.</summary>
    private static void RequireSm2(AlgorithmIdentifier algorithm, string parameter)
    {
        var isEc = X9ObjectIdentifiers.IdECPublicKey.Equals(algorithm.Algorithm) || GMObjectIdentifiers.sm2p256v1.Equals(algorithm.Algorithm);
        var curve = algorithm.Parameters;
        var onSm2 = curve is null || curve is Asn1Null || GMObjectIdentifiers.sm2p256v1.Equals(curve);
        if (!isEc || !onSm2)
        {
            throw NotSm2(parameter);
        }
    }

    private static CryptographicException NotSm2(string parameter) =>
        new($"The key in {parameter} is not an SM2 key on sm2p256v1 (an RSA or another curve's key?).");
}
