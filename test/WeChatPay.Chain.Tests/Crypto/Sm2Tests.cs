using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Tests.Crypto;

public class Sm2Tests
{
    private const string Message = "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n";

    private readonly Sm2TestKeys _keys = new();

    [Test]
    public void Loads_pkcs8_and_sec1_private_keys_and_spki_and_certificate_public_keys()
    {
        var pkcs8 = Sm2.LoadPrivateKey(_keys.Pkcs8Pem);
        var sec1 = Sm2.LoadPrivateKey(_keys.Sec1Pem);
        var spki = Sm2.LoadPublicKey(_keys.SpkiPem);
        var certificate = Sm2.LoadPublicKey(_keys.CertificatePem);
        foreach (var signer in new[] { pkcs8, sec1 })
        {
            var signature = Sm2.Sign(Message, signer);
            Assert.That(Sm2.Verify(Message, signature, spki) && Sm2.Verify(Message, signature, certificate) && Sm2.Verify(Message, signature, signer.PublicKey), Is.True);
        }
    }

    [Test]
    public void Loads_a_key_from_a_file_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sm2-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, _keys.Pkcs8Pem);
        try
        {
            var key = Sm2.LoadPrivateKey("file://" + path);
            Assert.That(Sm2.Verify(Message, Sm2.Sign(Message, key), Sm2.LoadPublicKey(_keys.SpkiPem)), Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Signs_in_asn1_der_that_bouncy_castles_own_sm2_signer_verifies_with_the_default_user_id()
    {
        var der = Convert.FromBase64String(Sm2.Sign(Message, Sm2.LoadPrivateKey(_keys.Pkcs8Pem)));
        var sequence = Asn1Sequence.GetInstance(der);
        Assert.That(sequence.Count, Is.EqualTo(2));
        Assert.That(sequence[0], Is.InstanceOf<DerInteger>());
        Assert.That(sequence[1], Is.InstanceOf<DerInteger>());

        var verifier = new SM2Signer();
        verifier.Init(false, new ParametersWithID(_keys.Public, Encoding.ASCII.GetBytes("1234567812345678")));
        var bytes = Encoding.UTF8.GetBytes(Message);
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        Assert.That(verifier.VerifySignature(der), Is.True);
    }

    [Test]
    public void Verifies_a_signature_from_bouncy_castles_own_sm2_signer() =>
        Assert.That(Sm2.Verify(Message, ForeignSignature(Message, "1234567812345678"), Sm2.LoadPublicKey(_keys.SpkiPem)), Is.True);

    [Test]
    public void Does_not_verify_a_signature_made_under_another_user_id() =>
        Assert.That(Sm2.Verify(Message, ForeignSignature(Message, "ALICE123@YAHOO.COM"), Sm2.LoadPublicKey(_keys.SpkiPem)), Is.False);

    [Test]
    public void Does_not_verify_a_tampered_message_or_signature_or_another_key()
    {
        var key = Sm2.LoadPrivateKey(_keys.Pkcs8Pem);
        var signature = Sm2.Sign(Message, key);
        var flipped = Convert.FromBase64String(signature);
        flipped[^1] ^= 1;
        var sequence = Asn1Sequence.GetInstance(Convert.FromBase64String(signature));
        var rs = Arrays.Concatenate(
            BigIntegers.AsUnsignedByteArray(32, DerInteger.GetInstance(sequence[0]).Value),
            BigIntegers.AsUnsignedByteArray(32, DerInteger.GetInstance(sequence[1]).Value));

        Assert.That(Sm2.Verify(Message, signature, key.PublicKey), Is.True);
        Assert.That(Sm2.Verify(Message + " ", signature, key.PublicKey), Is.False, "altered message");
        Assert.That(Sm2.Verify(Message, Convert.ToBase64String(flipped), key.PublicKey), Is.False, "altered signature");
        Assert.That(Sm2.Verify(Message, Convert.ToBase64String(rs), key.PublicKey), Is.False, "raw r||s is not the encoding");
        Assert.That(Sm2.Verify(Message, "not base64!", key.PublicKey), Is.False, "malformed base64");
        Assert.That(Sm2.Verify(Message, signature, Sm2.LoadPublicKey(new Sm2TestKeys().SpkiPem)), Is.False, "another key");
    }

    [Test]
    public void Signatures_are_randomised() =>
        Assert.That(Sm2.Sign(Message, Sm2.LoadPrivateKey(_keys.Pkcs8Pem)), Is.Not.EqualTo(Sm2.Sign(Message, Sm2.LoadPrivateKey(_keys.Pkcs8Pem))));

    [Test]
    public void Encrypts_as_c1c3c2_in_asn1_that_bouncy_castles_engine_decrypts()
    {
        var ciphertext = Sm2.Encrypt("张三", Sm2.LoadPublicKey(_keys.CertificatePem));
        var sequence = Asn1Sequence.GetInstance(Convert.FromBase64String(ciphertext));
        Assert.That(sequence.Count, Is.EqualTo(4));
        var c3 = Asn1OctetString.GetInstance(sequence[2]).GetOctets();
        var c2 = Asn1OctetString.GetInstance(sequence[3]).GetOctets();
        Assert.That(c3, Has.Length.EqualTo(32), "C3 is the SM3 hash");
        Assert.That(c2, Has.Length.EqualTo(Encoding.UTF8.GetByteCount("张三")), "C2 is as long as the plaintext");

        var raw = Arrays.ConcatenateAll(
            [0x04],
            BigIntegers.AsUnsignedByteArray(32, DerInteger.GetInstance(sequence[0]).Value),
            BigIntegers.AsUnsignedByteArray(32, DerInteger.GetInstance(sequence[1]).Value),
            c3,
            c2);
        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(false, _keys.Private);
        Assert.That(Encoding.UTF8.GetString(engine.ProcessBlock(raw, 0, raw.Length)), Is.EqualTo("张三"));
        Assert.That(Sm2.Decrypt(ciphertext, Sm2.LoadPrivateKey(_keys.Sec1Pem)), Is.EqualTo("张三"));
        Assert.That(Sm2.Encrypt("张三", Sm2.LoadPublicKey(_keys.SpkiPem)), Is.Not.EqualTo(ciphertext), "SM2 encryption is randomised");
    }

    [Test]
    public void Does_not_decrypt_with_another_key_or_when_altered()
    {
        var ciphertext = Convert.FromBase64String(Sm2.Encrypt("张三", Sm2.LoadPublicKey(_keys.SpkiPem)));
        Assert.Throws<CryptographicException>(() => Sm2.Decrypt(Convert.ToBase64String(ciphertext), Sm2.LoadPrivateKey(new Sm2TestKeys().Pkcs8Pem)));
        ciphertext[^1] ^= 1;
        Assert.Throws<CryptographicException>(() => Sm2.Decrypt(Convert.ToBase64String(ciphertext), Sm2.LoadPrivateKey(_keys.Pkcs8Pem)));
        var error = Assert.Throws<CryptographicException>(() => Sm2.Decrypt(Convert.ToBase64String([0x30, 0x00]), Sm2.LoadPrivateKey(_keys.Pkcs8Pem)));
        Assert.That(error!.Message, Does.Contain("ciphertext"));
    }

    [Test]
    public void Refuses_keys_of_another_curve_or_algorithm_naming_the_parameter_without_the_key()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa = RSA.Create(2048);
        var pems = new[]
        {
            Sm2TestKeys.Pem("PRIVATE KEY", p256.ExportPkcs8PrivateKey()),
            Sm2TestKeys.Pem("PRIVATE KEY", rsa.ExportPkcs8PrivateKey()),
            Sm2TestKeys.Pem("EC PRIVATE KEY", p256.ExportECPrivateKey()),
        };
        foreach (var pem in pems)
        {
            var error = Assert.Throws<CryptographicException>(() => Sm2.LoadPrivateKey(pem));
            Assert.That(error!.Message, Does.Contain("pemOrFile").And.Not.Contain(pem.Split('\n')[1]));
        }

        var publicError = Assert.Throws<CryptographicException>(() => Sm2.LoadPublicKey(Sm2TestKeys.Pem("PUBLIC KEY", p256.ExportSubjectPublicKeyInfo())));
        Assert.That(publicError!.Message, Does.Contain("sm2p256v1"));
    }

    [Test]
    public void Refuses_a_private_key_where_a_public_key_belongs_and_text_that_is_not_pem()
    {
        var error = Assert.Throws<CryptographicException>(() => Sm2.LoadPublicKey(_keys.Pkcs8Pem));
        Assert.That(error!.Message, Does.Contain("private key").And.Not.Contain(_keys.Pkcs8Pem.Split('\n')[1]));
        Assert.Throws<CryptographicException>(() => Sm2.LoadPrivateKey("not a key"));
        Assert.Throws<CryptographicException>(() => Sm2.LoadPrivateKey(_keys.SpkiPem));
    }

    [Test]
    public void Keys_never_show_their_value()
    {
        var key = Sm2.LoadPrivateKey(_keys.Pkcs8Pem);
        var d = Convert.ToHexString(BigIntegers.AsUnsignedByteArray(32, _keys.Private.D));
        Assert.That(key.ToString(), Does.Not.Contain(d).IgnoreCase.And.Contain("SM2 private key"));
        Assert.That(key.PublicKey.ToString(), Is.EqualTo("SM2 public key (sm2p256v1)"));
    }

    private string ForeignSignature(string message, string userId)
    {
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(_keys.Private, new SecureRandom()), Encoding.ASCII.GetBytes(userId)));
        var bytes = Encoding.UTF8.GetBytes(message);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }
}
