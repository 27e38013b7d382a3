using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using WeChatPay.Chain.Crypto;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace WeChatPay.Chain.Tests.Crypto;

/// <summary>
/// The worked signature example on the recommended curve of GB/T 32918 (GM/T 0003.5): private key dA, random k, the
/// default user id <c>1234567812345678</c> (the one WeChat Pay uses), message <c>message digest</c>, and the resulting
/// public key and signature (r, s). SM2 signing is randomised, so its deterministic parts are what can be checked: the
/// curve gives the published public key, the published signature verifies through this library, and signing with
/// the published k gives it back.
/// </summary>
public class Sm2StandardVectorTests
{
    private static readonly BigInteger D = Hex("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8");
    private static readonly BigInteger K = Hex("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21");
    private static readonly BigInteger R = Hex("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3");
    private static readonly BigInteger S = Hex("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA");
    private static readonly byte[] UserId = Encoding.ASCII.GetBytes(Sm2.DefaultUserId);
    private static readonly byte[] Message = Encoding.ASCII.GetBytes("message digest");

    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("sm2p256v1");

    [Test]
    public void The_curve_gives_the_published_public_key()
    {
        var q = Curve.G.Multiply(D).Normalize();
        Assert.That(q.AffineXCoord.ToBigInteger(), Is.EqualTo(Hex("09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020")));
        Assert.That(q.AffineYCoord.ToBigInteger(), Is.EqualTo(Hex("CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13")));
    }

    [Test]
    public void The_published_signature_verifies_and_an_altered_one_does_not()
    {
        var publicKey = Sm2.LoadPublicKey(SpkiPem(Curve.G.Multiply(D).Normalize()));

        Assert.That(Sm2.Verify(Message, Der(R, S), publicKey), Is.True);
        Assert.That(Sm2.Verify(Message, Der(R, S.Add(BigInteger.One)), publicKey), Is.False);
        Assert.That(Sm2.Verify("message digesT"u8, Der(R, S), publicKey), Is.False);
    }

    [Test]
    public void Signing_with_the_published_k_gives_the_published_signature()
    {
        var signer = new SM2Signer();
        var key = new ECPrivateKeyParameters(D, new ECDomainParameters(Curve));
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, new FixedRandom(K.ToByteArrayUnsigned())), UserId));
        signer.BlockUpdate(Message, 0, Message.Length);
        var signature = Asn1Sequence.GetInstance(signer.GenerateSignature());

        Assert.That(DerInteger.GetInstance(signature[0]).Value, Is.EqualTo(R));
        Assert.That(DerInteger.GetInstance(signature[1]).Value, Is.EqualTo(S));
    }

    [Test]
    public void Decrypts_the_standards_encryption_example_as_c1c3c2()
    {
        // The same example's encryption of "encryption standard" with the same k: C1 (x, y) ‖ C3 (SM3) ‖ C2, here in
        // the ASN.1 form WeChat Pay sends (SM2_C1C3C2_ASN1).
        var ciphertext = new DerSequence(
            new DerInteger(Hex("04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73")),
            new DerInteger(Hex("E858F9D81E5430A57B36DAAB8F950A3C64E6EE6A63094D99283AFF767E124DF0")),
            new DerOctetString(Convert.FromHexString("59983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0BD8766")),
            new DerOctetString(Convert.FromHexString("21886CA989CA9C7D58087307CA93092D651EFA"))).GetEncoded();
        var privateKey = Sm2.LoadPrivateKey(new string(System.Security.Cryptography.PemEncoding.Write("PRIVATE KEY", Org.BouncyCastle.Pkcs.PrivateKeyInfoFactory.CreatePrivateKeyInfo(new ECPrivateKeyParameters("EC", D, GMObjectIdentifiers.sm2p256v1)).GetEncoded())));

        Assert.That(Sm2.Decrypt(Convert.ToBase64String(ciphertext), privateKey), Is.EqualTo("encryption standard"));
        ciphertext[^1] ^= 0x01;
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => Sm2.Decrypt(Convert.ToBase64String(ciphertext), privateKey));
    }

    private static BigInteger Hex(string hex) => new(hex, 16);

    private static string Der(BigInteger r, BigInteger s) => Convert.ToBase64String(new DerSequence(new DerInteger(r), new DerInteger(s)).GetEncoded());

    private static string SpkiPem(Org.BouncyCastle.Math.EC.ECPoint q) =>
        new(System.Security.Cryptography.PemEncoding.Write("PUBLIC KEY", SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(new ECPublicKeyParameters("EC", q, GMObjectIdentifiers.sm2p256v1)).GetEncoded()));

    /// <summary>Hands out the given bytes as its randomness: the standard's k, where SM2 would draw a random one.</summary>
    private sealed class FixedRandom(byte[] bytes) : SecureRandom
    {
        public override void NextBytes(byte[] buffer) => NextBytes(buffer, 0, buffer.Length);

        public override void NextBytes(byte[] buffer, int start, int length) => NextBytes(buffer.AsSpan(start, length));

        public override void NextBytes(Span<byte> buffer) => bytes.AsSpan(0, buffer.Length).CopyTo(buffer);
    }
}
